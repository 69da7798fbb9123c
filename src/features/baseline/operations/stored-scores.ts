import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { editions } from "#features/editions";
import type { AnswerValue } from "../engine/questions";
import { scoreOf } from "../engine/scoring";
import { baselineAnswers, baselineQuestions, baselineResponses, baselineSurveys } from "../tables";
import { visibleAnswers } from "./scores";

// The stored scores (issue #15, "Speed"; docs/baseline.md, "Versions and storage"): each response
// keeps its two scores and the dashboard's two yes/no facts, and each answer whether it is shown, as the pure engine computes them
// (engine/scoring.ts over the visible answers, in the edition's year). Whatever writes answers
// calls `storeScores` in its own transaction (a section's save, the demo seeds, the erasure of
// typed answers), so the dashboards aggregate stored figures in SQL instead of scoring every
// answer on every view. Responses stored before the columns existed are scored once by
// `scoreUnscored`, which the server runs right after migrating (src/server/start-services.ts).

const BATCH = 500;

/** Scores the given responses from their stored answers and writes the scores and each answer's
 *  visibility (only what changed). Returns how many responses it scored. */
export async function storeScores(db: Executor, responseIds: readonly string[]): Promise<number> {
  let done = 0;
  for (let i = 0; i < responseIds.length; i += BATCH) done += await storeBatch(db, responseIds.slice(i, i + BATCH));
  return done;
}

async function storeBatch(db: Executor, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const responses = await db
    .select({ id: baselineResponses.id, startsOn: editions.startsOn })
    .from(baselineResponses)
    .innerJoin(baselineSurveys, eq(baselineSurveys.id, baselineResponses.surveyId))
    .innerJoin(editions, eq(editions.id, baselineSurveys.editionId))
    .where(inArray(baselineResponses.id, [...ids]));
  const rows = await db
    .select({
      responseId: baselineAnswers.responseId,
      code: baselineAnswers.code,
      value: baselineAnswers.value,
      visible: baselineAnswers.visible,
      showIfCode: baselineQuestions.showIfCode,
      showIfEquals: baselineQuestions.showIfEquals,
    })
    .from(baselineAnswers)
    .innerJoin(baselineQuestions, eq(baselineQuestions.id, baselineAnswers.questionId))
    .where(inArray(baselineAnswers.responseId, [...ids]));
  const byResponse = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byResponse.get(r.responseId);
    if (list) list.push(r);
    else byResponse.set(r.responseId, [r]);
  }
  const scores: { id: string; e: number; i: number; x: boolean | null; w: boolean | null }[] = [];
  const flips: { r: string; c: string; v: boolean }[] = [];
  for (const r of responses) {
    const list = byResponse.get(r.id) ?? [];
    const scored = scoreStored(list, Number(r.startsOn.slice(0, 4)));
    // A response the engine cannot score (it throws, or gives no whole score 0–100: an answer no
    // save accepts, e.g. a number too large for a double) keeps what it had; it is not counted.
    if (!scored) continue;
    for (const a of list) if (scored.shown.has(a.code) !== a.visible) flips.push({ r: r.id, c: a.code, v: scored.shown.has(a.code) });
    scores.push({ id: r.id, e: scored.e, i: scored.i, x: yesNo(scored.shown, FIGURE_FACTS.exporting), w: yesNo(scored.shown, FIGURE_FACTS.website) });
  }
  if (scores.length)
    await db.execute(sql`UPDATE baseline_responses r SET export_score = v.e, investment_score = v.i, exporting = v.x, website = v.w
      FROM jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) AS v(id uuid, e smallint, i smallint, x boolean, w boolean)
      WHERE r.id = v.id AND (r.export_score, r.investment_score, r.exporting, r.website) IS DISTINCT FROM (v.e, v.i, v.x, v.w)`);
  if (flips.length)
    await db.execute(sql`UPDATE baseline_answers a SET visible = v.v
      FROM jsonb_to_recordset(${JSON.stringify(flips)}::jsonb) AS v(r uuid, c text, v boolean)
      WHERE a.response_id = v.r AND a.code = v.c`);
  return scores.length;
}

/** The answers behind the dashboard's two shares, stored on the response as `exporting` and
 *  `website` (migration 0044 fills them for the responses stored before). */
export const FIGURE_FACTS = { exporting: "markets.exports", website: "connect.website" } as const;
const yesNo = (shown: ReadonlyMap<string, AnswerValue>, code: string): boolean | null => {
  const v = shown.get(code);
  return typeof v === "boolean" ? v : null;
};

const isScore = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;

/** The engine's two scores and the visible answers of one response, or null when it cannot score it. */
function scoreStored(list: Parameters<typeof visibleAnswers>[0], year: number): { e: number; i: number; shown: Map<string, AnswerValue> } | null {
  try {
    const shown: Map<string, AnswerValue> = visibleAnswers(list);
    const e = scoreOf("export", shown, year).score;
    const i = scoreOf("investment", shown, year).score;
    return isScore(e) && isScore(i) ? { e, i, shown } : null;
  } catch {
    return null;
  }
}

/** Scores every response that has no stored scores yet (the responses that existed before the
 *  scores were stored; a no-op afterwards), in batches. Idempotent; safe with several processes
 *  (each batch writes what the engine computes from the same answers).
 *
 *  It runs on every start (src/server/start-services.ts), so it must always end, and end fast:
 *  - the query reads the partial index of unscored responses (migration 0038), empty after the
 *    first start, instead of the whole table;
 *  - it walks the unscored responses in id order, each read once: a response the engine cannot
 *    score stays unscored (and is reported) without being read again;
 *  - a batch that scores nothing stops the pass (no progress: whatever is wrong is wrong for every
 *    response, and the start goes on). */
export async function scoreUnscored(db: Executor, log: (message: string) => void = console.warn): Promise<number> {
  let done = 0;
  let skipped = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({ id: baselineResponses.id })
      .from(baselineResponses)
      .where(and(isNull(baselineResponses.exportScore), after === null ? undefined : gt(baselineResponses.id, after)))
      .orderBy(asc(baselineResponses.id))
      .limit(BATCH);
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const scored = await storeBatch(
      db,
      batch.map((b) => b.id),
    );
    done += scored;
    skipped += batch.length - scored;
    if (scored === 0) {
      log(`baseline: a batch of ${batch.length} unscored responses scored none; stopped until the next start`);
      return done;
    }
  }
  if (skipped) log(`baseline: ${skipped} responses could not be scored and stay unscored`);
  return done;
}
