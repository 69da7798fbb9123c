import { sql } from "drizzle-orm";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { publicBreakdowns } from "../engine/breakdowns";
import { figuresOf, hiddenGroups, nestedHidden, type GroupRow } from "../engine/figures";
import { groupAggregates } from "./aggregates";

// The published tables (the open-data page and the ministry's PDF) of a survey's baseline round:
// each breakdown's figures with its small cells hidden, and, because the cluster table nests in
// the province table (a province is made of its clusters), more clusters or provinces hidden
// wherever one table minus the other would give a hidden cell away (engine/figures.ts,
// `nestedHidden`).

export async function publishedTables(db: Executor, surveyId: string): Promise<{ by: (typeof publicBreakdowns)[number]; rows: GroupRow[]; total: GroupRow }[]> {
  const counted = await Promise.all(publicBreakdowns.map((by) => groupAggregates(db, surveyId, by)));
  const countsOf = (by: (typeof publicBreakdowns)[number]) => new Map(counted[publicBreakdowns.indexOf(by)]!.groups.map((g) => [g.group, g.firms]));
  const clusters = countsOf("cluster");
  const provinces = countsOf("province");
  const pairs = rowsOf<{ c: string; p: string }>(
    await db.execute(sql`
      SELECT DISTINCT coalesce(e.cluster_slug, 'unknown') AS c, coalesce(e.province, 'unknown') AS p
      FROM baseline_responses r JOIN enterprises e ON e.id = r.enterprise_id
      WHERE r.survey_id = ${surveyId} AND r.round = 'baseline' AND r.status = 'submitted'`),
  );
  const within = new Map<string, Set<string>>();
  for (const { c, p } of pairs) within.set(p, (within.get(p) ?? new Set()).add(c));
  const extra = nestedHidden({ counts: clusters, hidden: hiddenGroups(clusters) }, { counts: provinces, hidden: hiddenGroups(provinces) }, within);
  return publicBreakdowns.map((by, k) => {
    const also = by === "cluster" ? extra.fine : by === "province" ? extra.coarse : new Set<string>();
    return { by, ...figuresOf(counted[k]!.groups, counted[k]!.total, undefined, also) };
  });
}
