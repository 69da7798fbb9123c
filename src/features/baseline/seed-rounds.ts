import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import type { AnswerValue } from "./engine/questions";
import { followUpDue } from "./operations/follow-up";
import { structureOf, surveyOfEdition } from "./operations/structure";
import { storeScores } from "./operations/stored-scores";
import { baselineAnswers, baselineResponses, baselineSurveys, type Round } from "./tables";

// The demo's later rounds (issue #15, item 9), once the 2026 show is over (by the seeding clock):
// - the 2026 show's 6-month follow-up, opened on its due day (six months after the last day) and
//   answered by most exhibitors (about 85 %, chosen by a generator seeded from each firm's slug):
//   their baseline answers moved on a little (some firms now export, sell online, trained staff…);
//   it stays open so the demo exhibitor may answer or revise;
// - next year's survey answered by the returning firms (about 40 % of this year's, a few still
//   drafts), so the 2026 vs 2027 comparison shows something.
// Deterministic and idempotent: a follow-up already opened, or a 2027 survey with responses, is
// left as it is. Answers are written as the current question versions.

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A firm's answers some months later: the same firm, a few things changed for the better. */
export function movedOn(before: ReadonlyMap<string, AnswerValue>, seed: string): Map<string, AnswerValue> {
  const r = seededRandom(hash(seed));
  const a = new Map(before);
  const maybe = (code: string, p: number) => {
    if (a.get(code) === false && r() < p) a.set(code, true);
  };
  maybe("connect.website", 0.2);
  maybe("connect.online_sales", 0.2);
  maybe("connect.digital_payments", 0.3);
  maybe("change.staff_training", 0.25);
  maybe("change.product_development", 0.25);
  maybe("change.equipment_investment", 0.15);
  if (a.get("markets.exports") === false && r() < 0.12) {
    a.set("markets.exports", true);
    a.set("markets.export_share", 3 + Math.floor(r() * 10));
    a.set("markets.export_markets", [(["AE", "SA", "GB", "US"] as const)[Math.floor(r() * 4)]!]);
  } else if (a.get("markets.exports") === true && typeof a.get("markets.export_share") === "number") {
    a.set("markets.export_share", Math.min(100, (a.get("markets.export_share") as number) + Math.floor(r() * 6)));
  }
  const certs = a.get("markets.certifications");
  if (Array.isArray(certs) && certs.includes("none") && r() < 0.1) a.set("markets.certifications", ["psqca"]);
  const used = a.get("products.capacity_used");
  if (typeof used === "number") a.set("products.capacity_used", Math.max(0, Math.min(100, used + Math.floor(r() * 15) - 4)));
  const meetings = a.get("connect.buyer_meetings");
  a.set("connect.buyer_meetings", (typeof meetings === "number" ? meetings : 0) + 1 + Math.floor(r() * 6));
  return a;
}

type Row = { enterpriseId: string; answers: Map<string, AnswerValue>; submitted: boolean; at: Date };

async function writeRound(tx: Executor, surveyId: string, round: Round, rows: Row[]) {
  if (!rows.length) return 0;
  const structure = await structureOf(tx, surveyId);
  const ids = new Map(structure.flatMap((s) => s.questions.map((q) => [q.code, q.id] as const)));
  const keys = structure.map((s) => s.key);
  const inserted = await tx
    .insert(baselineResponses)
    .values(
      rows.map((r) => ({
        surveyId,
        enterpriseId: r.enterpriseId,
        round,
        sectionsDone: r.submitted ? keys : keys.slice(0, 3),
        status: r.submitted ? ("submitted" as const) : ("draft" as const),
        submittedAt: r.submitted ? r.at : null,
        updatedAt: r.at,
      })),
    )
    .returning({ id: baselineResponses.id, enterpriseId: baselineResponses.enterpriseId });
  const responseOf = new Map(inserted.map((r) => [r.enterpriseId, r.id]));
  const answers = rows.flatMap((r) =>
    [...r.answers].filter(([code]) => ids.has(code)).map(([code, value]) => ({ responseId: responseOf.get(r.enterpriseId)!, surveyId, code, questionId: ids.get(code)!, value, updatedAt: r.at })),
  );
  for (let i = 0; i < answers.length; i += 1000) await tx.insert(baselineAnswers).values(answers.slice(i, i + 1000));
  await storeScores(
    tx,
    inserted.map((r) => r.id),
  );
  return inserted.length;
}

/** The submitted baseline answers of a survey, by enterprise, with the firms' slugs. */
async function baselineOf(tx: Executor, surveyId: string) {
  const responses = await tx
    .select({ id: baselineResponses.id, enterpriseId: baselineResponses.enterpriseId, slug: enterprises.slug })
    .from(baselineResponses)
    .innerJoin(enterprises, eq(enterprises.id, baselineResponses.enterpriseId))
    .where(and(eq(baselineResponses.surveyId, surveyId), eq(baselineResponses.round, "baseline"), eq(baselineResponses.status, "submitted")))
    .orderBy(enterprises.slug);
  if (!responses.length) return [];
  const rows = await tx
    .select({ responseId: baselineAnswers.responseId, code: baselineAnswers.code, value: baselineAnswers.value })
    .from(baselineAnswers)
    .where(inArray(baselineAnswers.responseId, responses.map((r) => r.id)));
  const byResponse = new Map<string, Map<string, AnswerValue>>(responses.map((r) => [r.id, new Map()]));
  for (const a of rows) byResponse.get(a.responseId)!.set(a.code, a.value);
  return responses.map((r) => ({ ...r, answers: byResponse.get(r.id)! }));
}

export async function seedBaselineRoundsDemo(tx: Executor, editionId: string, nextEditionId: string | null, now: Date): Promise<{ followUp: number; next: number }> {
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId));
  const survey = await surveyOfEdition(tx, editionId);
  if (!edition || !survey || Date.parse(`${edition.endsOn}T23:59:59Z`) > now.getTime()) return { followUp: 0, next: 0 };
  const firms = await baselineOf(tx, survey.id);
  let followUp = 0;
  const due = followUpDue(edition.endsOn);
  if (survey.followUpStatus === "none" && due <= now) {
    // As if its invitations and its one reminder had gone: the hourly sweep owes nobody an email.
    const reminded = new Date(due.getTime() + 14 * 86_400_000);
    await tx
      .update(baselineSurveys)
      .set({ followUpStatus: "open", followUpOpenedAt: due, followUpRemindedAt: reminded <= now ? reminded : null })
      .where(eq(baselineSurveys.id, survey.id));
    const day = (slug: string) => new Date(due.getTime() + (2 + (hash(`${slug}:day`) % 20)) * 86_400_000 + 10 * 3_600_000);
    followUp = await writeRound(
      tx,
      survey.id,
      "follow_up",
      firms.filter((f) => hash(`${f.slug}:follow-up`) % 100 < 85).map((f) => ({ enterpriseId: f.enterpriseId, answers: movedOn(f.answers, `${f.slug}:m6`), submitted: true, at: day(f.slug) })),
    );
  }
  let next = 0;
  const nextSurvey = nextEditionId ? await surveyOfEdition(tx, nextEditionId) : null;
  if (nextSurvey) {
    const [has] = await tx.select({ n: sql<number>`count(*)::int` }).from(baselineResponses).where(eq(baselineResponses.surveyId, nextSurvey.id));
    if (has!.n === 0) {
      const at = new Date(Math.min(now.getTime(), due.getTime() + 120 * 86_400_000));
      next = await writeRound(
        tx,
        nextSurvey.id,
        "baseline",
        firms
          .filter((f) => hash(`${f.slug}:2027`) % 100 < 40)
          .map((f) => ({ enterpriseId: f.enterpriseId, answers: movedOn(movedOn(f.answers, `${f.slug}:m6`), `${f.slug}:2027`), submitted: hash(`${f.slug}:2027`) % 100 >= 5, at })),
      );
    }
  }
  return { followUp, next };
}
