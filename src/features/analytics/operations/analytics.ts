import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editions } from "#features/editions";
import { barChartSvg, breakdowns, clusterNames, groupName, type Breakdown } from "#features/baseline";
import { funnelByGroup, funnelMeasures, funnelTotal, type FunnelMeasure, type FunnelRow } from "./funnel";
import { visitorsByCategory, visitorMeasures, type VisitorRow } from "./visitors";

// The edition's analytics area (issue #15, item 5; docs/analytics.md): the SMEs from nomination to
// the floor and their meetings, by a breakdown (sector, cluster, province, district, size class,
// women-led, micro), and the visitors by category, each as a chart drawn on the server (decision
// 0010) with its table; and the same figures for another edition of the organiser side by side
// (by default the one before, else the one after). Organiser staff only; counts, never names.

type Edition = typeof editions.$inferSelect;

export const analyticsInput = z.object({
  editionId: z.uuid(),
  by: z.enum(breakdowns).default("cluster"),
  compare: z.uuid().nullish(),
  /** The stage compared between editions. */
  measure: z.enum(funnelMeasures).default("selected"),
});

export interface LabelledFunnelRow extends FunnelRow {
  label: string;
}
export interface ComparedRow {
  group: string;
  label: string;
  /** The earlier edition's figure, then the later one's (null: no such group there). */
  values: [number | null, number | null];
}

const editionRef = (e: Edition) => ({ id: e.id, nameEn: e.nameEn, nameUr: e.nameUr, startsOn: e.startsOn });

export async function editionAnalytics(ctx: Ctx, raw: Input<typeof analyticsInput>) {
  const input = parseInput(analyticsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "analytics.view");
  const others = await ctx.db
    .select()
    .from(editions)
    .where(and(eq(editions.organiserId, edition.organiserId), ne(editions.id, edition.id)))
    .orderBy(asc(editions.startsOn));
  if (input.compare && !others.some((o) => o.id === input.compare)) throw new DomainError("not_found", { params: { what: "edition" } });
  const other = others.find((o) => o.id === input.compare) ?? [...others].reverse().find((o) => o.startsOn < edition.startsOn) ?? others.find((o) => o.startsOn > edition.startsOn) ?? null;

  const by: Breakdown = input.by;
  const names = await clusterNames(ctx.db, edition.id);
  const label = (group: string) => groupName(ctx.locale, by, group, names);
  const rtl = ctx.locale === "ur";
  const t = (key: string) => translate(ctx.locale, key);

  const funnel: LabelledFunnelRow[] = (await funnelByGroup(ctx.db, edition, by)).map((r) => ({ ...r, label: label(r.group) }));
  const visitors = await visitorsByCategory(ctx.db, edition.id);
  const visitorLabel = (v: Pick<VisitorRow, "nameEn" | "nameUr">) => (ctx.locale === "ur" ? v.nameUr : v.nameEn);

  const charts = {
    funnel: funnel.length
      ? barChartSvg({ categories: funnel.map((r) => r.label), series: (["nominated", "selected", "exhibiting"] as const).map((m) => ({ name: t(`analytics.measure.${m}`), values: funnel.map((r) => r[m]) })), rtl })
      : null,
    visitors: visitors.length
      ? barChartSvg({ categories: visitors.map(visitorLabel), series: visitorMeasures.map((m) => ({ name: t(`analytics.visitors.${m}`), values: visitors.map((r) => r[m]) })), rtl })
      : null,
  };

  let comparison: null | {
    other: ReturnType<typeof editionRef>;
    /** The two editions in time order: the columns of both tables. */
    columns: [ReturnType<typeof editionRef>, ReturnType<typeof editionRef>];
    measure: FunnelMeasure;
    funnel: ComparedRow[];
    funnelTotal: [number, number];
    visitors: ComparedRow[];
    chart: string | null;
    visitorsChart: string | null;
  } = null;
  if (other) {
    const theirs = await funnelByGroup(ctx.db, other, by);
    const pair = [edition, other].sort((a, b) => a.startsOn.localeCompare(b.startsOn)) as [Edition, Edition];
    const mineFirst = pair[0].id === edition.id;
    const ordered = <T,>(mine: T, their: T): [T, T] => (mineFirst ? [mine, their] : [their, mine]);
    const m = input.measure;
    const groups = [...new Set([...funnel.map((r) => r.group), ...theirs.map((r) => r.group)])];
    const cmp = groups.map((g): ComparedRow => {
      const a = funnel.find((r) => r.group === g);
      const b = theirs.find((r) => r.group === g);
      return { group: g, label: label(g), values: ordered(a ? a[m] : null, b ? b[m] : null) };
    });
    const otherVisitors = await visitorsByCategory(ctx.db, other.id);
    const codes = [...new Set([...visitors.map((v) => v.code), ...otherVisitors.map((v) => v.code)])];
    const vcmp = codes.map((code): ComparedRow => {
      const a = visitors.find((v) => v.code === code);
      const b = otherVisitors.find((v) => v.code === code);
      return { group: code, label: visitorLabel((a ?? b)!), values: ordered(a ? a.attended : null, b ? b.attended : null) };
    });
    const series = (rows: ComparedRow[]) => pair.map((e, i) => ({ name: ctx.locale === "ur" ? e.nameUr : e.nameEn, values: rows.map((r) => r.values[i as 0 | 1]) }));
    comparison = {
      other: editionRef(other),
      columns: [editionRef(pair[0]), editionRef(pair[1])],
      measure: m,
      funnel: cmp,
      funnelTotal: ordered(funnelTotal(funnel)[m], funnelTotal(theirs)[m]),
      visitors: vcmp,
      chart: cmp.length ? barChartSvg({ categories: cmp.map((r) => r.label), series: series(cmp), rtl }) : null,
      visitorsChart: vcmp.length ? barChartSvg({ categories: vcmp.map((r) => r.label), series: series(vcmp), rtl }) : null,
    };
  }

  return {
    edition: editionRef(edition),
    organiserId: edition.organiserId,
    by,
    editions: others.map(editionRef),
    funnel,
    funnelTotal: funnelTotal(funnel),
    visitors,
    visitorsTotal: { registered: sum(visitors, "registered"), approved: sum(visitors, "approved"), attended: sum(visitors, "attended") },
    charts,
    comparison,
  };
}

const sum = (rows: readonly VisitorRow[], k: (typeof visitorMeasures)[number]) => rows.reduce((a, r) => a + r[k], 0);
