import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit, type AuditBy } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises, products, type editions } from "#features/editions";
import { applicationFacts } from "#features/nominations";
import { exhibitorProducts, exhibitorProfiles } from "#features/exhibitors";
import { prefillFrom } from "../engine/prefill";
import { isVisible, parseAnswer, type AnswerValue, type QuestionDef } from "../engine/questions";
import { baselineAnswers, baselineResponses, rounds, type Round } from "../tables";
import { ownEnterpriseId, ownSurvey } from "./own";
import { exhibitorRespondent, type Respondent } from "./respondent";
import { storeScores } from "./stored-scores";
import { lockCounts } from "./counts-lock";
import { questionDef, structureOf, type SurveyRow } from "./structure";

// Answering the baseline (issue #15, item 2): section by section, each save its own transaction, so
// a dropped connection loses at most the section being sent. A save is idempotent (the same form
// sent twice leaves the same answers) and touches only its section's answers; a section with a
// refused answer saves nothing and says which field, in the reader's language. Whoever answers (an
// exhibitor by its account, an applicant by its link: respondent.ts, applicant.ts), the view and
// the save are the same functions (baselineView, saveSectionOf).

type Response = typeof baselineResponses.$inferSelect;

/** The stored answers of a response, by indicator code. */
export async function answersOf(db: Executor, responseId: string): Promise<Map<string, AnswerValue>> {
  const rows = await db.select({ code: baselineAnswers.code, value: baselineAnswers.value }).from(baselineAnswers).where(eq(baselineAnswers.responseId, responseId));
  return new Map(rows.map((r) => [r.code, r.value]));
}

/** What the registry, the exhibitor profile and (for an applicant) the application already say,
 *  checked against the questions. */
async function prefillOf(db: Executor, r: Respondent, defs: Map<string, QuestionDef>, year: number): Promise<Map<string, AnswerValue>> {
  const [firm] = r.enterpriseId ? await db.select().from(enterprises).where(eq(enterprises.id, r.enterpriseId)) : [];
  const app = r.applicant ? applicationFacts(r.applicant) : null;
  if (!firm && !app) return new Map();
  const [profile] = firm
    ? await db
        .select({ id: exhibitorProfiles.id, website: exhibitorProfiles.website })
        .from(exhibitorProfiles)
        .where(and(eq(exhibitorProfiles.editionId, r.edition.id), eq(exhibitorProfiles.enterpriseId, firm.id)))
    : [];
  const hs = [
    ...(firm ? await db.select({ hs: products.hsCode }).from(products).where(eq(products.enterpriseId, firm.id)) : []),
    ...(profile ? await db.select({ hs: exhibitorProducts.hsCode }).from(exhibitorProducts).where(eq(exhibitorProducts.profileId, profile.id)) : []),
  ].map((p) => p.hs);
  const known = prefillFrom({
    foundedYear: firm?.foundedYear ?? null,
    ntn: firm?.ntn ?? app?.ntn ?? null,
    womenLed: !!(firm?.womenLed || app?.womenLed),
    annualTurnoverPkr: firm?.annualTurnoverPkr ?? app?.annualTurnoverPkr ?? null,
    certifications: [...(firm?.certifications ?? []), ...(app?.certifications ?? [])],
    exportMarkets: [...(firm?.exportMarkets ?? []), ...(app?.exportMarkets ?? [])],
    hsCodes: [...hs, ...(app?.hsCodes ?? [])],
    website: profile?.website ?? null,
  });
  const out = new Map<string, AnswerValue>();
  for (const [code, value] of known) {
    const q = defs.get(code);
    if (!q) continue;
    const candidate = Array.isArray(value) && q.options.length ? value.filter((v) => q.options.some((o) => o.value === v)) : value;
    const parsed = parseAnswer(q, candidate, year);
    if ("value" in parsed && parsed.value !== null) out.set(code, parsed.value);
  }
  return out;
}

const yearOf = (ctx: Ctx) => ctx.clock.now().getUTCFullYear();

/** Whether the round takes answers: the baseline while the survey is open, the follow-up while it is. */
export function roundOpen(survey: { status: string; followUpStatus: string }, round: Round): boolean {
  return round === "baseline" ? survey.status === "open" : survey.followUpStatus === "open";
}

/** The enterprise's response of a round (or none). */
async function responseOf(db: Executor, surveyId: string, enterpriseId: string, round: Round) {
  const [r] = await db
    .select()
    .from(baselineResponses)
    .where(and(eq(baselineResponses.surveyId, surveyId), eq(baselineResponses.enterpriseId, enterpriseId), eq(baselineResponses.round, round)));
  return r ?? null;
}

/** The exhibitor's baseline for an edition: the survey's sections and questions, its answers (or a
 *  suggestion from what is known), which sections are saved. Refusals: unauthenticated, forbidden,
 *  baseline_no_survey. */
export async function ownBaseline(ctx: Ctx, editionId?: string | null, round: Round = "baseline") {
  return baselineView(ctx, await exhibitorRespondent(ctx, ctx.db, editionId), round);
}

/** A respondent's baseline (an exhibitor's or an applicant's): what its answering page shows. */
export async function baselineView(ctx: Ctx, r: Respondent, round: Round) {
  const { edition, survey, choices, enterpriseId } = r;
  if (round === "follow_up" && survey.followUpStatus === "none") throw new DomainError("baseline_not_open");
  const structure = await structureOf(ctx.db, survey.id);
  const response = enterpriseId ? await responseOf(ctx.db, survey.id, enterpriseId, round) : null;
  const stored = response ? await answersOf(ctx.db, response.id) : new Map<string, AnswerValue>();
  const defs = new Map(structure.flatMap((s) => s.questions.map((q) => [q.code, questionDef(q)] as const)));
  const suggested = await prefillOf(ctx.db, r, defs, yearOf(ctx));
  // The follow-up starts from the firm's own baseline answers (to be checked), not from blank.
  if (round === "follow_up" && enterpriseId) {
    const before = await responseOf(ctx.db, survey.id, enterpriseId, "baseline");
    if (before) for (const [code, value] of await answersOf(ctx.db, before.id)) if (defs.has(code)) suggested.set(code, value);
  }
  const shown = new Map([...suggested, ...stored]);
  const done = new Set(response?.sectionsDone ?? []);
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, year: Number(edition.startsOn.slice(0, 4)) },
    editions: choices.map((c) => ({ id: c.edition.id, nameEn: c.edition.nameEn, nameUr: c.edition.nameUr })),
    survey: { id: survey.id, titleEn: survey.titleEn, titleUr: survey.titleUr, open: roundOpen(survey, round), followUp: survey.followUpStatus },
    round,
    submitted: response?.status === "submitted",
    sections: structure.map((s) => ({
      key: s.key,
      titleEn: s.titleEn,
      titleUr: s.titleUr,
      done: done.has(s.key),
      questions: s.questions.map((q) => ({
        ...questionDef(q),
        labelEn: q.labelEn,
        labelUr: q.labelUr,
        visible: isVisible(defs.get(q.code)!, shown, defs),
        value: shown.get(q.code) ?? null,
        suggested: !stored.has(q.code) && suggested.has(q.code),
      })),
    })),
  };
}

/** One section's answers as sent (by a page's form or the API). */
export const SectionAnswers = z.object({
  section: z.string().min(1).max(40),
  round: z.enum(rounds).default("baseline"),
  answers: z.record(z.string().max(80), z.unknown()).default({}),
});
const SectionInput = SectionAnswers.extend({ editionId: z.uuid().nullish() });

/** Save one section of the exhibitor's answers. Refusals: unauthenticated, forbidden, baseline_no_survey,
 *  baseline_not_open, not_found (section), validation_failed (fields named by indicator code). */
export async function saveSection(ctx: Ctx, raw: Input<typeof SectionInput>) {
  const enterpriseId = ownEnterpriseId(ctx);
  const input = parseInput(SectionInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const { edition, survey } = await ownSurvey(tx, enterpriseId, input.editionId);
    return saveSectionOf(tx, c, { edition, survey, enterpriseId }, input);
  });
}

/** Save one section for the enterprise answering (the caller resolved it and opened the
 *  transaction); `by` names an applicant acting through its link in the audit log. */
export async function saveSectionOf(
  tx: Executor,
  c: Ctx,
  r: { edition: typeof editions.$inferSelect; survey: SurveyRow; enterpriseId: string },
  input: z.output<typeof SectionAnswers>,
  by?: AuditBy,
) {
  const { edition, survey, enterpriseId } = r;
  if (!roundOpen(survey, input.round)) throw new DomainError("baseline_not_open");
  const structure = await structureOf(tx, survey.id);
  const section = structure.find((s) => s.key === input.section);
  if (!section) throw new DomainError("not_found", { params: { what: "section" } });
  await tx.insert(baselineResponses).values({ surveyId: survey.id, enterpriseId, round: input.round }).onConflictDoNothing();
  const [response] = (await tx
    .select()
    .from(baselineResponses)
    .where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.enterpriseId, enterpriseId), eq(baselineResponses.round, input.round)))
    .for("update")) as Response[];
  // A submitted response's answers move the round's counts: one such writer at a time (counts-lock.ts).
  if (response!.status === "submitted") await lockCounts(tx, [{ surveyId: survey.id, round: input.round }]);
  const stored = await answersOf(tx, response!.id);
  const defs = new Map(structure.flatMap((s) => s.questions.map((q) => [q.code, questionDef(q)] as const)));
  const year = yearOf(c);
  // First the section's answers as sent (raw, for the conditions), then each visible one parsed.
  const merged = new Map(stored);
  const parsed = new Map<string, AnswerValue | null>();
  for (const q of section.questions) {
    const r = parseAnswer({ ...questionDef(q), required: false }, input.answers[q.code], year);
    if ("value" in r) {
      if (r.value === null) merged.delete(q.code);
      else merged.set(q.code, r.value);
    }
  }
  const issues: FieldIssue[] = [];
  for (const q of section.questions) {
    const def = defs.get(q.code)!;
    if (!isVisible(def, merged, defs)) continue;
    const r = parseAnswer(def, input.answers[q.code], year);
    if ("issue" in r) issues.push({ path: q.code, code: r.issue.code, params: r.issue.params });
    else parsed.set(q.code, r.value);
  }
  if (issues.length) throw new DomainError("validation_failed", { fields: issues });
  const now = c.clock.now();
  const cleared = [...parsed].filter(([, v]) => v === null).map(([code]) => code);
  if (cleared.length) await tx.delete(baselineAnswers).where(and(eq(baselineAnswers.responseId, response!.id), inArray(baselineAnswers.code, cleared)));
  const rows = section.questions
    .filter((q) => parsed.get(q.code) !== undefined && parsed.get(q.code) !== null)
    .map((q) => ({ responseId: response!.id, surveyId: survey.id, code: q.code, questionId: q.id, value: parsed.get(q.code)!, updatedAt: now }));
  if (rows.length)
    await tx
      .insert(baselineAnswers)
      .values(rows)
      .onConflictDoUpdate({
        target: [baselineAnswers.responseId, baselineAnswers.code],
        set: { questionId: sql`excluded.question_id`, value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      });
  // The response's scores and its answers' visibility, stored in this transaction (stored-scores.ts).
  await storeScores(tx, [response!.id]);
  const done = [...new Set([...response!.sectionsDone, section.key])];
  const answers = await answersOf(tx, response!.id);
  const complete =
    structure.every((s) => done.includes(s.key)) &&
    structure.every((s) => s.questions.every((q) => !q.required || !isVisible(defs.get(q.code)!, answers, defs) || answers.has(q.code)));
  const submitted = response!.status === "submitted" || complete;
  // Submitting counts the whole response: take the counts' lock first (a draft's saves needed none).
  if (submitted && response!.status !== "submitted") await lockCounts(tx, [{ surveyId: survey.id, round: input.round }]);
  await tx
    .update(baselineResponses)
    .set({ sectionsDone: done, status: submitted ? "submitted" : "draft", submittedAt: response!.submittedAt ?? (submitted ? now : null), updatedAt: now })
    .where(eq(baselineResponses.id, response!.id));
  await recordAudit(tx, c, {
    action: "baseline.section_saved",
    entityType: "baseline_response",
    entityId: response!.id,
    editionId: edition.id,
    organiserId: edition.organiserId,
    data: { section: section.key, round: input.round, answers: rows.length, cleared: cleared.length },
    by,
  });
  const next = structure[structure.findIndex((s) => s.key === section.key) + 1]?.key ?? null;
  return { responseId: response!.id, section: section.key, round: input.round, next, submitted };
}
