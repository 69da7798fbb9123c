import { DEFAULT_SUPPRESSION_THRESHOLD, suppress } from "#features/selection/client";
import { median } from "./scoring";

// The dashboard's figures (issue #15, item 5), pure: firms grouped by one breakdown (cluster,
// province, size class, women-led, micro), each group's count, median scores and shares. Small
// cells are suppressed by the selection transparency report's own rule (`suppress`, its default
// threshold): a group of 1 to threshold − 1 firms shows nothing (primary), and when the groups
// and their total would leave exactly one hidden, the next smallest goes too (complementary).

export const SMALL_CELL = DEFAULT_SUPPRESSION_THRESHOLD;
export interface FirmFigures {
  group: string;
  exportScore: number;
  investmentScore: number;
  exports: boolean;
  website: boolean;
}
export interface GroupRow {
  group: string;
  suppressed: boolean;
  firms: number | null;
  exportMedian: number | null;
  investmentMedian: number | null;
  /** Whole percentages. */
  exportingShare: number | null;
  websiteShare: number | null;
}

export const TOTAL = "total";
export const share = (n: number, of: number) => Math.round((100 * n) / of);
export const roundedMedian = (values: readonly number[]) => (values.length ? Math.round(median([...values])!) : null);

/** Which groups (and "total") to hide: the transparency report's rule over one column of counts
 *  that adds up to its total. Groups are taken in the given order for ties. */
export function hiddenGroups(counts: ReadonlyMap<string, number>, threshold = SMALL_CELL): Set<string> {
  const values = new Map<string, number>([...counts].map(([g, n]) => [`g|${g}`, n]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  values.set(TOTAL, total);
  const hidden = suppress(values, [[...[...counts.keys()].map((g) => `g|${g}`), TOTAL]], threshold);
  return new Set([...hidden].map((id) => (id === TOTAL ? TOTAL : id.slice(2))));
}

/** One group's figures as counted (by the database, or by `aggregate` below): medians unrounded. */
export interface GroupAggregate {
  group: string;
  firms: number;
  exportMedian: number | null;
  investmentMedian: number | null;
  /** Firms answering yes to exporting, and to having a website. */
  exporting: number;
  websites: number;
}

export function aggregate(group: string, list: readonly FirmFigures[]): GroupAggregate {
  return {
    group,
    firms: list.length,
    exportMedian: median(list.map((f) => f.exportScore)),
    investmentMedian: median(list.map((f) => f.investmentScore)),
    exporting: list.filter((f) => f.exports).length,
    websites: list.filter((f) => f.website).length,
  };
}

/** The figures of a list of firms (each in one group): see `figuresOf`. */
export function groupFigures(firms: readonly FirmFigures[], threshold = SMALL_CELL): { total: GroupRow; rows: GroupRow[] } {
  const groups = new Map<string, FirmFigures[]>();
  for (const f of firms) {
    const list = groups.get(f.group);
    if (list) list.push(f);
    else groups.set(f.group, [f]);
  }
  return figuresOf(
    [...groups].map(([g, list]) => aggregate(g, list)),
    aggregate(TOTAL, firms),
    threshold,
  );
}

/** The rows (sorted by group) and total of the dashboard from each group's counts and medians:
 *  medians rounded to whole numbers, shares in whole per cent, small cells suppressed (by the
 *  table's own rule, or as `hidden` says: the published tables', engine/disclosure.ts). */
export function figuresOf(groups: readonly GroupAggregate[], total: GroupAggregate, threshold = SMALL_CELL, hidden?: ReadonlySet<string>): { total: GroupRow; rows: GroupRow[] } {
  const round = (m: number | null) => (m === null ? null : Math.round(m));
  const row = (a: GroupAggregate): GroupRow => ({
    group: a.group,
    suppressed: false,
    firms: a.firms,
    exportMedian: round(a.exportMedian),
    investmentMedian: round(a.investmentMedian),
    exportingShare: a.firms ? share(a.exporting, a.firms) : null,
    websiteShare: a.firms ? share(a.websites, a.firms) : null,
  });
  const hide = (group: string): GroupRow => ({ group, suppressed: true, firms: null, exportMedian: null, investmentMedian: null, exportingShare: null, websiteShare: null });
  const sorted = [...groups].sort((a, b) => a.group.localeCompare(b.group));
  const withheld = hidden ?? hiddenGroups(new Map(sorted.map((g) => [g.group, g.firms])), threshold);
  return {
    total: withheld.has(TOTAL) ? hide(TOTAL) : row({ ...total, group: TOTAL }),
    rows: sorted.map((g) => (withheld.has(g.group) ? hide(g.group) : row(g))),
  };
}
