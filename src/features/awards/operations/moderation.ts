import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { users } from "../../../platform/auth/tables";
import { enterprises } from "#features/editions";
import { awardAssignments, awardEntries, awardJudges, awardScores } from "../tables";

// What a round's lead judge needs to moderate it on /awards/judging (issue #13, awards: "the lead
// judge reassigns"): the round's judges, and each entry with the judges it is given to and whether
// each has scored it yet (whether, never the scores: judges do not see each other's scores before
// the round closes). The move itself is reassignEntry (operations/judging.ts), the same operation
// as the organiser's form, which checks the lead flag again.

export async function roundModeration(db: Executor, roundId: string) {
  const judges = await db
    .select({ userId: awardJudges.userId, name: users.name, lead: awardJudges.lead })
    .from(awardJudges)
    .innerJoin(users, eq(users.id, awardJudges.userId))
    .where(eq(awardJudges.roundId, roundId))
    .orderBy(asc(users.name));
  const given = await db
    .select({ entryId: awardAssignments.entryId, userId: awardAssignments.userId, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
    .from(awardAssignments)
    .innerJoin(awardEntries, eq(awardEntries.id, awardAssignments.entryId))
    .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
    .where(and(eq(awardAssignments.roundId, roundId), eq(awardEntries.withdrawn, false)))
    .orderBy(asc(enterprises.nameEn));
  const scored = given.length
    ? await db
        .selectDistinct({ entryId: awardScores.entryId, userId: awardScores.userId })
        .from(awardScores)
        .where(and(eq(awardScores.roundId, roundId), inArray(awardScores.entryId, [...new Set(given.map((g) => g.entryId))])))
    : [];
  const done = new Set(scored.map((s) => `${s.entryId}:${s.userId}`));
  const nameOf = new Map(judges.map((j) => [j.userId, j.name]));
  const entries = new Map<string, { id: string; nameEn: string; nameUr: string | null; judges: { userId: string; name: string; scored: boolean }[] }>();
  for (const g of given) {
    const e = entries.get(g.entryId) ?? { id: g.entryId, nameEn: g.nameEn, nameUr: g.nameUr, judges: [] };
    e.judges.push({ userId: g.userId, name: nameOf.get(g.userId) ?? "", scored: done.has(`${g.entryId}:${g.userId}`) });
    entries.set(g.entryId, e);
  }
  return { judges, entries: [...entries.values()] };
}
