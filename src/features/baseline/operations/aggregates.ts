import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { rowsOf } from "../../../platform/db/rows";
import type { AnswerCounts } from "../engine/compare";
import { TOTAL, type GroupAggregate } from "../engine/figures";
import type { Breakdown } from "../engine/breakdowns";
import type { Round } from "../tables";

// The dashboards' figures counted by the database (issue #15, "Speed"): over the submitted
// responses of a survey's round, from the scores and yes/no facts stored with each response and
// the answers marked visible (operations/stored-scores.ts), grouped by a breakdown. Only counts and unrounded medians
// come back; rounding and small-cell suppression stay in the pure engine (figures.ts, compare.ts),
// so the figures are the same as when every answer was scored in Node.

/** The columns a breakdown reads, as SQL expressions of the caller's query. */
export interface GroupColumns {
  cluster: SQL;
  province: SQL;
  district: SQL;
  sector: SQL;
  size: SQL;
  womenLed: SQL;
}

/** A firm's group, as `groupOf` (engine/breakdowns.ts) names it, from the given columns. */
export function groupSqlOf(by: Breakdown, c: GroupColumns): SQL {
  switch (by) {
    case "cluster":
      return sql`coalesce(${c.cluster}, 'unknown')`;
    case "province":
      return sql`coalesce(${c.province}, 'unknown')`;
    case "district":
      return sql`coalesce(${c.district}, 'unknown')`;
    case "sector":
      return sql`coalesce(${c.sector}, 'unknown')`;
    case "size":
      return c.size;
    case "women_led":
      return sql`CASE WHEN ${c.womenLed} THEN 'yes' ELSE 'no' END`;
    case "micro":
      return sql`CASE WHEN ${c.size} = 'micro' THEN 'yes' ELSE 'no' END`;
  }
}

/** Here `e` is the enterprise and `s` its cluster's sector. */
const groupSql = (by: Breakdown) =>
  groupSqlOf(by, { cluster: sql`e.cluster_slug`, province: sql`e.province`, district: sql`e.district`, sector: sql`s.code`, size: sql`e.size_class`, womenLed: sql`e.women_led` });

/** The submitted responses of a round (`r`) with their firm (`e`), what `join` adds, and for the
 *  sector breakdown the sector of the firm's cluster in the survey's edition (`s`). */
function responsesOf(surveyId: string, round: Round, by: Breakdown | null, join: SQL = sql``): SQL {
  const sector =
    by === "sector"
      ? sql`LEFT JOIN baseline_surveys sv ON sv.id = r.survey_id
        LEFT JOIN clusters c ON c.edition_id = sv.edition_id AND c.slug = e.cluster_slug
        LEFT JOIN sectors s ON s.id = c.sector_id`
      : sql``;
  return sql`baseline_responses r JOIN enterprises e ON e.id = r.enterprise_id ${join} ${sector}
    WHERE r.survey_id = ${surveyId} AND r.round = ${round} AND r.status = 'submitted'`;
}

/** Each group's firms, median scores and yes-counts of exporting and of a website, and the total. */
export async function groupAggregates(db: Executor, surveyId: string, by: Breakdown, round: Round = "baseline"): Promise<{ groups: GroupAggregate[]; total: GroupAggregate }> {
  const rows = rowsOf<{ g: string | null; total: number; firms: number; em: number | null; im: number | null; exporting: number; websites: number }>(
    await db.execute(sql`WITH f AS (
        SELECT ${groupSql(by)} AS g, r.export_score AS xs, r.investment_score AS iv, coalesce(r.exporting, false) AS exports, coalesce(r.website, false) AS website
        FROM ${responsesOf(surveyId, round, by)})
      SELECT g, grouping(g)::int AS total, count(*)::int AS firms,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY xs) AS em, percentile_cont(0.5) WITHIN GROUP (ORDER BY iv) AS im,
        count(*) FILTER (WHERE exports)::int AS exporting, count(*) FILTER (WHERE website)::int AS websites
      FROM f GROUP BY GROUPING SETS ((g), ())`),
  );
  const of = (r: (typeof rows)[number], group: string): GroupAggregate => ({
    group,
    firms: Number(r.firms),
    exportMedian: r.em === null ? null : Number(r.em),
    investmentMedian: r.im === null ? null : Number(r.im),
    exporting: Number(r.exporting),
    websites: Number(r.websites),
  });
  const total = rows.find((r) => Number(r.total) === 1);
  return {
    groups: rows.filter((r) => Number(r.total) === 0).map((r) => of(r, r.g!)),
    total: total ? of(total, TOTAL) : { group: TOTAL, firms: 0, exportMedian: null, investmentMedian: null, exporting: 0, websites: 0 },
  };
}

/** How many firms fall in each combination of the given breakdowns' groups: the cross-table that
 *  every published table is a sum of (engine/disclosure.ts audits the tables against it). */
export async function groupCombinations(db: Executor, surveyId: string, bys: readonly Breakdown[], round: Round = "baseline"): Promise<{ groups: Record<string, string>; firms: number }[]> {
  const columns = bys.map((by, k) => sql`${groupSql(by)} AS ${sql.raw(`g${k}`)}`);
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`SELECT ${sql.join(columns, sql`, `)}, count(*)::int AS firms
      FROM ${responsesOf(surveyId, round, bys.includes("sector") ? "sector" : null)}
      GROUP BY ${sql.raw(bys.map((_, k) => k + 1).join(", "))}`),
  );
  return rows.map((r) => ({ groups: Object.fromEntries(bys.map((by, k) => [by, String(r[`g${k}`])])), firms: Number(r.firms) }));
}

const SCORE_COLUMNS: Record<string, SQL> = { "score.export": sql`r.export_score`, "score.investment": sql`r.investment_score` };
const counts = (r: { answered: number; said: number; yes: number; median: number | null }): AnswerCounts => ({
  answered: Number(r.answered),
  said: Number(r.said),
  yes: Number(r.yes),
  median: r.median === null ? null : Number(r.median),
});
const NONE: AnswerCounts = { answered: 0, said: 0, yes: 0, median: null };

/** One indicator's answer counts per group (every group with a submitted response, even if none of
 *  its firms answered) and in total. The two scores ("score.export", "score.investment") are read
 *  from the stored scores. */
export async function indicatorByGroup(db: Executor, surveyId: string, round: Round, code: string, by: Breakdown): Promise<{ groups: Map<string, AnswerCounts>; total: AnswerCounts }> {
  const score = SCORE_COLUMNS[code];
  // A score is a stored number of every scored response: counted and its median taken as a
  // number, without going through jsonb (the comparison's default indicator, on every view).
  const figures = score
    ? sql`count(v)::int AS answered, 0 AS said, 0 AS yes, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median`
    : sql`count(*) FILTER (WHERE v IS NOT NULL AND v <> 'null'::jsonb AND v <> '[]'::jsonb)::int AS answered,
        count(*) FILTER (WHERE jsonb_typeof(v) = 'boolean')::int AS said, count(*) FILTER (WHERE v = 'true'::jsonb)::int AS yes,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN jsonb_typeof(v) = 'number' THEN (v)::float8 END) AS median`;
  const join = score ? sql`` : sql`LEFT JOIN baseline_answers a ON a.response_id = r.id AND a.code = ${code} AND a.visible`;
  const rows = rowsOf<{ g: string | null; total: number; answered: number; said: number; yes: number; median: number | null }>(
    await db.execute(sql`WITH f AS (
        SELECT ${groupSql(by)} AS g, ${score ?? sql`a.value`} AS v
        FROM ${responsesOf(surveyId, round, by, join)})
      SELECT g, grouping(g)::int AS total, ${figures}
      FROM f GROUP BY GROUPING SETS ((g), ())`),
  );
  const total = rows.find((r) => Number(r.total) === 1);
  return { groups: new Map(rows.filter((r) => Number(r.total) === 0).map((r) => [r.g!, counts(r)])), total: total ? counts(total) : NONE };
}

/** The code a score counts under in baseline_indicator_counts (migration 0039). */
const COUNTED_AS: Record<string, string> = { "score.export": ":score.export", "score.investment": ":score.investment" };

/** Every given indicator's answer counts over the whole round (no breakdown), by code. Read from the
 *  counts the database keeps at every write (baseline_indicator_counts, migration 0039: firms per
 *  survey, round, code and value), a few rows per indicator instead of every answer; the median is
 *  taken from the counts of the distinct numbers as `percentile_cont(0.5)` takes it. */
export async function indicatorTotals(db: Executor, surveyId: string, round: Round, codes: readonly string[]): Promise<Map<string, AnswerCounts>> {
  const out = new Map<string, AnswerCounts>(codes.map((c) => [c, NONE]));
  if (!codes.length) return out;
  const asked = new Map(codes.map((c) => [COUNTED_AS[c] ?? c, c]));
  const rows = rowsOf<{ code: string; value: number | boolean | string; firms: number }>(
    await db.execute(sql`SELECT code, value, firms FROM baseline_indicator_counts
      WHERE survey_id = ${surveyId} AND round = ${round} AND firms > 0 AND code IN (${sql.join(
        [...asked.keys()].map((c) => sql`${c}`),
        sql`, `,
      )})`),
  );
  const byCode = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  for (const [code, list] of byCode) out.set(asked.get(code)!, countsOf(list.map((r) => ({ value: r.value, firms: Number(r.firms) }))));
  return out;
}

/** Answer counts from firms per value (a number, true or false, or anything else answered). */
export function countsOf(values: readonly { value: number | boolean | string; firms: number }[]): AnswerCounts {
  let answered = 0;
  let said = 0;
  let yes = 0;
  const numbers: { value: number; firms: number }[] = [];
  for (const v of values) {
    answered += v.firms;
    if (typeof v.value === "boolean") {
      said += v.firms;
      if (v.value) yes += v.firms;
    } else if (typeof v.value === "number") numbers.push({ value: v.value, firms: v.firms });
  }
  return { answered, said, yes, median: weightedMedian(numbers) };
}

/** `percentile_cont(0.5)` over values given with their counts: the middle value, or between the two
 *  middle ones `lo + 0.5 × (hi − lo)` (PostgreSQL's interpolation, so the figures do not move). */
export function weightedMedian(values: readonly { value: number; firms: number }[]): number | null {
  const sorted = values.filter((v) => v.firms > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, v) => s + v.firms, 0);
  if (!n) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.firms;
      if (rank < seen) return v.value;
    }
    return sorted.at(-1)!.value;
  };
  const lo = Math.floor((n - 1) / 2);
  const hi = Math.ceil((n - 1) / 2);
  const a = at(lo);
  return lo === hi ? a : a + 0.5 * (at(hi) - a);
}
