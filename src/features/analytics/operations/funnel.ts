import { sql } from "drizzle-orm";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { groupSqlOf, type Breakdown } from "#features/baseline";
import { funnelMeasureNames } from "../client";

// The SMEs of an edition from nomination to the floor and the meetings (issue #15, item 5:
// "nominations, selection, exhibitors … meetings"), counted by the database for one breakdown.
// One row per submitted nomination (not withdrawn); a firm's groups are the enterprise registry's
// (by NTN, as the baseline's and the meeting dashboard's are), else its nomination's. Each stage:
// selected (the published selection's decision), exhibiting (a confirmed stall), the baseline
// answered, in the B2B programme (an approved SME participant), and its scheduled meetings.

export interface FunnelRow {
  group: string;
  nominated: number;
  selected: number;
  exhibiting: number;
  baseline: number;
  inB2b: number;
  meetings: number;
}
export const funnelMeasures = funnelMeasureNames satisfies readonly (keyof FunnelRow)[];
export type FunnelMeasure = (typeof funnelMeasures)[number];

/** A row's group: the registry's (else the nomination's) columns of `f` below. */
const groupSql = (by: Breakdown) =>
  groupSqlOf(by, { cluster: sql`f.cluster_slug`, province: sql`f.province`, district: sql`f.district`, sector: sql`f.sector`, size: sql`f.size_class`, womenLed: sql`f.women_led` });

/** Each group's counts at every stage, largest group first (then by name); with `tradeBodyId`, of
 *  that trade body's nominations only. */
export async function funnelByGroup(db: Executor, edition: { id: string; organiserId: string }, by: Breakdown, tradeBodyId: string | null = null): Promise<FunnelRow[]> {
  const e = edition.id;
  const rows = rowsOf<{ g: string; nominated: number; selected: number; exhibiting: number; baseline: number; in_b2b: number; meetings: number | string }>(
    await db.execute(sql`
      WITH chosen AS (
        SELECT (d->>'applicationId')::uuid AS id
        FROM selections s, jsonb_array_elements(coalesce(s.result->'decisions', '[]'::jsonb)) d
        WHERE s.edition_id = ${e} AND s.published_at IS NOT NULL AND d->>'status' = 'selected'
      ),
      f AS (
        SELECT n.id, en.id AS enterprise_id, coalesce(en.cluster_slug, c.slug) AS cluster_slug, en.province,
          coalesce(en.district, n.district) AS district, sec.code AS sector, n.size_class, n.women_led,
          n.id IN (SELECT id FROM chosen) AS selected
        FROM nominations n
        LEFT JOIN enterprises en ON en.organiser_id = ${edition.organiserId} AND en.ntn = n.ntn
        LEFT JOIN clusters c ON c.id = n.cluster_id
        LEFT JOIN clusters ec ON ec.edition_id = ${e} AND ec.slug = coalesce(en.cluster_slug, c.slug)
        LEFT JOIN sectors sec ON sec.id = ec.sector_id
        WHERE n.edition_id = ${e} AND n.submitted_at IS NOT NULL AND n.status = 'submitted'
          AND (${tradeBodyId}::uuid IS NULL OR n.trade_body_id = ${tradeBodyId}::uuid)
      ),
      stalls AS (SELECT DISTINCT enterprise_id FROM floor_stalls WHERE edition_id = ${e} AND state = 'confirmed' AND enterprise_id IS NOT NULL),
      answered AS (
        SELECT DISTINCT r.enterprise_id FROM baseline_responses r JOIN baseline_surveys sv ON sv.id = r.survey_id
        WHERE sv.edition_id = ${e} AND r.round = 'baseline' AND r.status = 'submitted'
      ),
      smes AS (SELECT id, enterprise_id FROM b2b_participants WHERE edition_id = ${e} AND side = 'sme' AND approved AND withdrawn_at IS NULL AND enterprise_id IS NOT NULL),
      met AS (
        SELECT p.enterprise_id, count(*) AS n FROM b2b_meetings m JOIN smes p ON p.id = m.sme_participant_id
        WHERE m.edition_id = ${e} AND m.status = 'scheduled' GROUP BY p.enterprise_id
      )
      SELECT ${groupSql(by)} AS g,
        count(*)::int AS nominated,
        count(*) FILTER (WHERE f.selected)::int AS selected,
        count(*) FILTER (WHERE f.enterprise_id IN (SELECT enterprise_id FROM stalls))::int AS exhibiting,
        count(*) FILTER (WHERE f.enterprise_id IN (SELECT enterprise_id FROM answered))::int AS baseline,
        count(*) FILTER (WHERE f.enterprise_id IN (SELECT enterprise_id FROM smes))::int AS in_b2b,
        coalesce(sum(met.n), 0) AS meetings
      FROM f LEFT JOIN met ON met.enterprise_id = f.enterprise_id
      GROUP BY 1
    `),
  );
  return rows
    .map((r) => ({ group: r.g, nominated: r.nominated, selected: r.selected, exhibiting: r.exhibiting, baseline: r.baseline, inB2b: r.in_b2b, meetings: Number(r.meetings) }))
    .sort((a, b) => b.nominated - a.nominated || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** The sum of every group's row. */
export function funnelTotal(rows: readonly FunnelRow[]): Omit<FunnelRow, "group"> {
  const t = { nominated: 0, selected: 0, exhibiting: 0, baseline: 0, inB2b: 0, meetings: 0 };
  for (const r of rows) for (const k of funnelMeasures) t[k] += r[k];
  return t;
}
