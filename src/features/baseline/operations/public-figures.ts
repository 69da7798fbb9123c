import type { Executor } from "../../../platform/db/types";
import { publicBreakdowns } from "../engine/breakdowns";
import { protectedTables } from "../engine/disclosure";
import { figuresOf, type GroupRow } from "../engine/figures";
import { groupAggregates, groupCombinations } from "./aggregates";

// The published tables (the open-data page and the ministry's PDF) of a survey's baseline round:
// each breakdown's figures, with the cells withheld that the tables together must withhold (small
// cells, and whatever one table minus others would give away: engine/disclosure.ts).

export async function publishedTables(db: Executor, surveyId: string): Promise<{ by: (typeof publicBreakdowns)[number]; rows: GroupRow[]; total: GroupRow }[]> {
  const counted = await Promise.all(publicBreakdowns.map((by) => groupAggregates(db, surveyId, by)));
  const hidden = protectedTables(await groupCombinations(db, surveyId, publicBreakdowns), publicBreakdowns);
  return publicBreakdowns.map((by, k) => ({ by, ...figuresOf(counted[k]!.groups, counted[k]!.total, undefined, hidden.get(by)) }));
}
