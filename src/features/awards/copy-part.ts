import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import type { EditionCopyPart } from "#features/editions";
import { awardCategories, awardCriteria, awardRounds } from "./tables";

/** The awards' part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): the
 *  categories with their eligibility rules and numbers of places, both rounds (back to draft, same
 *  judges per entry and shortlist size) and their criteria. Not the judges (chosen anew each year),
 *  the entries, scores or results, and nothing locked or published. */
export const awardsCopyPart: EditionCopyPart = {
  name: "awards",
  copy: (tx, _ctx, from, to) => copyAwardsSetup(tx, from.id, to.id),
};

export async function copyAwardsSetup(tx: Executor, fromId: string, toId: string) {
    const from = { id: fromId };
    const to = { id: toId };
    const categories = await tx.select().from(awardCategories).where(eq(awardCategories.editionId, from.id)).orderBy(asc(awardCategories.sort));
    if (categories.length === 0) return { categories: 0, criteria: 0 };
    const rounds = await tx.select().from(awardRounds).where(inArray(awardRounds.categoryId, categories.map((c) => c.id)));
    const criteria = rounds.length ? await tx.select().from(awardCriteria).where(inArray(awardCriteria.roundId, rounds.map((r) => r.id))) : [];
    let copied = 0;
    for (const { id, lockedAt: _l, publishAt: _p, ...c } of categories) {
      const [cat] = await tx.insert(awardCategories).values({ ...c, editionId: to.id }).returning({ id: awardCategories.id });
      for (const { id: roundId, categoryId: _c, editionId: _e, status: _s, ...r } of rounds.filter((x) => x.categoryId === id)) {
        const [round] = await tx.insert(awardRounds).values({ ...r, editionId: to.id, categoryId: cat!.id }).returning({ id: awardRounds.id });
        const mine = criteria.filter((k) => k.roundId === roundId).map(({ id: _k, roundId: _r, ...k }) => ({ ...k, roundId: round!.id }));
        if (mine.length) await tx.insert(awardCriteria).values(mine);
        copied += mine.length;
      }
    }
    return { categories: categories.length, criteria: copied };
}
