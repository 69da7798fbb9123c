import { sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import type { Round } from "../tables";

// One writer at a time of a survey round's indicator counts (baseline_indicator_counts, migration
// 0039). Each statement's trigger locks the count rows it moves in one order, but a save is
// several statements (cleared answers, the others upserted, the stored scores, the visibility
// flips), and two saves taking the same rows in different statements deadlocked (PostgreSQL
// 40P01, a 500 for one of them: stored-scores.db.test.ts, "at the same moment"). A writer that can
// move a round's counts (a submitted response's save, the save that submits one, an erasure)
// takes this transaction-scoped lock first; drafts, which move no counts, never wait for it.

/** Waits for, then holds until the transaction ends, the count lock of each survey round given
 *  (taken in one order, so two writers of several rounds cannot deadlock on them either). */
export async function lockCounts(tx: Executor, rounds: readonly { surveyId: string; round: Round }[]): Promise<void> {
  const keys = [...new Set(rounds.map((r) => `baseline_counts:${r.surveyId}:${r.round}`))].sort();
  for (const key of keys) await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
