import { sql } from "drizzle-orm";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { dimensions, zeroCounts, type Aggregates, type Dimension, type GroupTotals } from "../core/figures";
import { positiveKinds } from "../core/outcomes";

// The outcome dashboard's sums, added up by the database (issue #14: 20,000 meetings in well under
// 300 ms): one statement makes one fact per scheduled meeting of the edition (docs/outcomes.md:
// held, no-show, outcome, value, converted, and its groups), from the latest answers per meeting
// and side found by hash joins over the edition's rows rather than a look-up per meeting, then
// sums them by every dimension at once (GROUPING SETS), the values by dimension and currency.
// The same rules as core/figures.ts `aggregate` over per-meeting facts; checkin.db.test.ts
// compares the two.

// The grouping sets' columns, in `dimensions` order; grouping(...) names the set of a row.
const columns: Record<Dimension, string> = { sector: "sector", cluster: "cluster", province: "province", size: "size", womenLed: "women_led", buyerKind: "buyer_kind", country: "country" };
const cols = sql.raw(dimensions.map((d) => columns[d]).join(", "));
const sets = sql.raw(dimensions.map((d) => `(${columns[d]})`).join(", "));
const currencySets = sql.raw(dimensions.map((d) => `(${columns[d]}, currency)`).join(", "));

type Row = {
  part: "counts" | "values";
  set: number;
  sector: string | null;
  cluster: string | null;
  province: string | null;
  size: string | null;
  women_led: string | null;
  buyer_kind: string | null;
  country: string | null;
  currency: string | null;
  meetings: number | string;
  held: number | string;
  no_show: number | string;
  positive: number | string;
  converted: number | string;
  walk_up: number | string;
  amount: number | string | null;
};

/** The sums for the dashboard and the number of walk-up meetings among them. */
export async function dashboardSums(db: Executor, editionId: string, kind: "all" | "planned" | "walk_up"): Promise<Aggregates & { walkUp: number }> {
  const positive = sql.join(positiveKinds.map((k) => sql`${k}`), sql`, `);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with latest as materialized (
        select distinct on (o.meeting_id, o.side) o.meeting_id, o.side, o.happened, o.kind, o.value_amount, o.currency
        from meetday_outcomes o where o.edition_id = ${editionId} and o.stage = 'meeting'
        order by o.meeting_id, o.side, o.created_at desc
      ), fact as materialized (
        select
          m.kind = 'walk_up' as walk_up,
          ns.meeting_id is not null as no_show,
          ns.meeting_id is null
            and (coalesce(ar.n, 0) = 2 or so.happened is true or bo.happened is true)
            and coalesce(so.happened, bo.happened) is not false as held,
          coalesce(so.kind, bo.kind) as kind,
          case when so.value_amount is not null and so.currency <> '' then so.value_amount when bo.value_amount is not null and bo.currency <> '' then bo.value_amount end as amount,
          case when so.value_amount is not null and so.currency <> '' then so.currency when bo.value_amount is not null and bo.currency <> '' then bo.currency end as currency,
          cv.meeting_id is not null as converted,
          coalesce(nullif(sec.code, ''), 'unknown') as sector,
          coalesce(nullif(en.cluster_slug, ''), 'unknown') as cluster,
          coalesce(nullif(en.province, ''), 'unknown') as province,
          coalesce(nullif(en.size_class, ''), 'unknown') as size,
          case en.women_led when true then 'yes' when false then 'no' else 'unknown' end as women_led,
          coalesce(nullif(bp.kind, ''), 'unknown') as buyer_kind,
          coalesce(nullif(prof.country, ''), 'unknown') as country
        from b2b_meetings m
          join b2b_participants sp on sp.id = m.sme_participant_id
          left join enterprises en on en.id = sp.enterprise_id
          left join clusters cl on cl.edition_id = m.edition_id and cl.slug = en.cluster_slug
          left join sectors sec on sec.id = cl.sector_id
          join b2b_participants bp on bp.id = m.buyer_participant_id
          left join b2b_profiles prof on prof.participant_id = bp.id
          left join (select meeting_id, count(*) as n from meetday_arrivals where edition_id = ${editionId} group by meeting_id) ar on ar.meeting_id = m.id
          left join (select distinct meeting_id from meetday_no_shows where edition_id = ${editionId}) ns on ns.meeting_id = m.id
          left join (select distinct meeting_id from meetday_outcomes where edition_id = ${editionId} and stage in ('d30', 'm6') and kind in ('order_placed', 'agreement_reached', 'investment_made')) cv on cv.meeting_id = m.id
          left join latest so on so.meeting_id = m.id and so.side = 'sme'
          left join latest bo on bo.meeting_id = m.id and bo.side = 'buyer'
        where m.edition_id = ${editionId} and m.status = 'scheduled' ${kind === "all" ? sql`` : sql`and m.kind = ${kind}`}
      )
      select 'counts' as part, grouping(${cols}) as set, ${cols}, null as currency,
        count(*) as meetings, count(*) filter (where held) as held, count(*) filter (where no_show) as no_show,
        count(*) filter (where held and kind in (${positive})) as positive, count(*) filter (where converted) as converted,
        count(*) filter (where walk_up) as walk_up, null as amount
      from fact group by grouping sets (${sets}, ())
      union all
      select 'values', grouping(${cols}), ${cols}, currency, 0, 0, 0, 0, 0, 0, sum(amount)
      from fact where held and amount is not null group by grouping sets (${currencySets})`),
  );
  const groups = Object.fromEntries(dimensions.map((d) => [d, new Map<string, GroupTotals>()])) as Aggregates["groups"];
  // grouping(a, b, …) sets a bit for each column left out, the first column the highest.
  const all = (1 << dimensions.length) - 1;
  const dimensionOf = (set: number) => dimensions.find((_, i) => Number(set) === all - (1 << (dimensions.length - 1 - i)));
  let total = zeroCounts();
  let walkUp = 0;
  for (const r of rows.filter((x) => x.part === "counts")) {
    const counts = { meetings: Number(r.meetings), held: Number(r.held), noShow: Number(r.no_show), positive: Number(r.positive), converted: Number(r.converted) };
    if (Number(r.set) === all) {
      total = counts;
      walkUp = Number(r.walk_up);
      continue;
    }
    const d = dimensionOf(r.set)!;
    groups[d].set(String(r[columns[d] as keyof Row]), { counts, values: {} });
  }
  for (const r of rows.filter((x) => x.part === "values")) {
    const d = dimensionOf(r.set)!;
    groups[d].get(String(r[columns[d] as keyof Row]))!.values[r.currency!] = Number(r.amount);
  }
  return { total, groups, walkUp };
}
