import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { enterprises, products } from "#features/editions";
import { editions } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { exhibitorProfiles } from "#features/exhibitors";
import { exportCountries } from "./engine/countries";
import { prefillFrom, turnoverBand } from "./engine/prefill";
import type { AnswerValue } from "./engine/questions";
import { storeScores } from "./operations/stored-scores";
import { structureOf, surveyOfEdition, writeSurvey } from "./operations/structure";
import { seedBaselineRoundsDemo } from "./seed-rounds";
import { baselineAnswers, baselineResponses } from "./tables";
import { smeBaseline } from "./template";

// The demo's baseline (issue #15, item 6): the 2026 show's survey from the template, answered by
// every exhibitor (fictional answers, plausible for its size, exports and certifications in the
// registry, varied by a generator seeded from its slug: deterministic), left open so the demo
// exhibitor can revise its answers; next year's survey open (its exhibitors are not chosen yet).
// Once the show is over, the 6-month follow-up and next year's first answers (seed-rounds.ts).
// Idempotent: an edition that has a survey is left as it is.

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Firm = typeof enterprises.$inferSelect;

/** One firm's fictional answers, consistent with what the registry says about it. */
export function demoAnswers(firm: Firm, hsCodes: string[], website: string | null, year: number): Map<string, AnswerValue> {
  const r = seededRandom(hash(firm.slug));
  const chance = (p: number) => r() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const size = firm.sizeClass === "micro" ? 0 : firm.sizeClass === "small" ? 1 : 2;
  const a = prefillFrom({ ...firm, hsCodes, website });
  const employees = firm.employees ?? [int(2, 9), int(10, 49), int(50, 249)][size]!;
  const women = Math.round(employees * (firm.womenLed ? 0.4 + r() * 0.4 : r() * 0.3));
  a.set("firm.year_founded", firm.foundedYear ?? year - int(2, 30));
  a.set("firm.legal_form", size === 2 ? (chance(0.8) ? "private_limited" : "partnership") : size === 1 ? (["sole_proprietor", "partnership", "private_limited"] as const)[int(0, 2)]! : chance(0.85) ? "sole_proprietor" : "partnership");
  a.set("firm.ntn_registered", !!firm.ntn || chance(0.5));
  a.set("firm.employees_women", women);
  a.set("firm.employees_men", employees - women);
  a.set("firm.women_owned", firm.womenLed);
  a.set("firm.women_manager", firm.womenLed ? chance(0.85) : chance(0.05));
  a.set("firm.turnover_band", turnoverBand(firm.annualTurnoverPkr ?? [int(1, 20), int(10, 150), int(80, 900)][size]! * 1e6));
  if (!a.has("products.hs_codes")) a.set("products.hs_codes", ["6307"]);
  a.set("products.capacity_used", int(30, 95));
  if (chance(0.6)) a.set("products.output_value", int(1, [15, 80, 600][size]!) * 1_000_000);
  const exports = firm.exportMarkets.length > 0;
  a.set("markets.domestic_reach", exports || size === 2 ? "national" : (["district", "province", "national"] as const)[int(0, 2)]!);
  a.set("markets.exports", exports);
  if (exports) {
    a.set("markets.export_share", int(5, [30, 60, 85][size]!));
    a.set("markets.export_markets", firm.exportMarkets.filter((c) => exportCountries.some((o) => o.value === c)));
    if (chance(0.7)) a.set("markets.first_export_year", Math.min(year, (firm.foundedYear ?? year - 10) + int(1, 8)));
  }
  if (!a.has("markets.certifications")) a.set("markets.certifications", ["none"]);
  const online = [0.25, 0.45, 0.7][size]!;
  a.set("connect.website", !!website || chance(online));
  a.set("connect.online_sales", chance(online * 0.7));
  a.set("connect.digital_payments", chance(online + 0.2));
  a.set("connect.trade_body_member", !!firm.nominatedBySlug || chance(0.5));
  if (chance(0.5)) a.set("connect.buyer_meetings", int(0, [5, 20, 60][size]!));
  a.set("change.bank_account", size > 0 || chance(0.6));
  const applied = chance([0.2, 0.35, 0.5][size]!);
  a.set("change.credit_applied", applied);
  if (applied) a.set("change.credit_received", chance([0.4, 0.55, 0.75][size]!));
  const invested = chance([0.2, 0.4, 0.6][size]!);
  a.set("change.equipment_investment", invested);
  if (invested && chance(0.8)) a.set("change.equipment_amount", int(1, [3, 20, 120][size]!) * 250_000);
  a.set("change.product_development", chance([0.25, 0.45, 0.65][size]!));
  a.set("change.staff_training", chance([0.15, 0.3, 0.55][size]!));
  for (const [k, base] of [["finance", 4], ["power", 4], ["skills", 3], ["regulation", 3], ["market_access", 3]] as const)
    a.set(`obstacles.${k}`, Math.max(1, Math.min(5, base - (size === 2 ? 1 : 0) + int(-1, 1))));
  if (chance(0.15)) a.set("obstacles.other", (["Late payments by buyers", "Cost of raw material imports", "Transport to the port"] as const)[int(0, 2)]!);
  return a;
}

export async function seedBaselineDemo(tx: Executor, editionId: string, nextEditionId: string | null, now?: Date): Promise<{ responses: number }> {
  const seeded = await seedBaselineRound(tx, editionId, nextEditionId);
  if (now) await seedBaselineRoundsDemo(tx, editionId, nextEditionId, now);
  return seeded;
}

async function seedBaselineRound(tx: Executor, editionId: string, nextEditionId: string | null): Promise<{ responses: number }> {
  // Next year's survey asks every applicant too (decision 0018): its applicants can be emailed their links.
  if (nextEditionId && !(await surveyOfEdition(tx, nextEditionId))) await writeSurvey(tx, nextEditionId, smeBaseline, smeBaseline.sections, "open", { askApplicants: true });
  if (await surveyOfEdition(tx, editionId)) return { responses: 0 };
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId));
  if (!edition) return { responses: 0 };
  const { surveyId } = await writeSurvey(tx, editionId, smeBaseline, smeBaseline.sections, "open");
  const ids = await editionExhibitorIds(tx, editionId);
  if (!ids.length) return { responses: 0 };
  const year = Number(edition.startsOn.slice(0, 4));
  const structure = await structureOf(tx, surveyId);
  const questionIds = new Map(structure.flatMap((s) => s.questions.map((q) => [q.code, q.id] as const)));
  const firms = await tx.select().from(enterprises).where(inArray(enterprises.id, ids)).orderBy(enterprises.slug);
  const hs = await tx.select({ id: products.enterpriseId, hs: products.hsCode }).from(products).where(inArray(products.enterpriseId, ids));
  const sites = await tx.select({ id: exhibitorProfiles.enterpriseId, website: exhibitorProfiles.website }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, editionId));
  const submittedAt = new Date(Date.parse(`${edition.startsOn}T12:00:00Z`) - 10 * 86_400_000);
  const responses = await tx
    .insert(baselineResponses)
    .values(firms.map((f) => ({ surveyId, enterpriseId: f.id, sectionsDone: structure.map((s) => s.key), status: "submitted" as const, submittedAt, updatedAt: submittedAt })))
    .returning({ id: baselineResponses.id, enterpriseId: baselineResponses.enterpriseId });
  const responseOf = new Map(responses.map((r) => [r.enterpriseId, r.id]));
  const rows = firms.flatMap((f) =>
    [...demoAnswers(
      f,
      hs.filter((h) => h.id === f.id).map((h) => h.hs),
      sites.find((s) => s.id === f.id)?.website ?? null,
      year,
    )]
      .filter(([code]) => questionIds.has(code))
      .map(([code, value]) => ({ responseId: responseOf.get(f.id)!, surveyId, code, questionId: questionIds.get(code)!, value, updatedAt: submittedAt })),
  );
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(baselineAnswers).values(rows.slice(i, i + 1000));
  await storeScores(
    tx,
    responses.map((r) => r.id),
  );
  return { responses: responses.length };
}
