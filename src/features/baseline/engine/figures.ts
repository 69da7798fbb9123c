import { DEFAULT_SUPPRESSION_THRESHOLD, suppress } from "../../selection/engine/report";
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

export function groupFigures(firms: readonly FirmFigures[], threshold = SMALL_CELL): { total: GroupRow; rows: GroupRow[] } {
  const groups = new Map<string, FirmFigures[]>();
  for (const f of firms) {
    const list = groups.get(f.group);
    if (list) list.push(f);
    else groups.set(f.group, [f]);
  }
  const row = (group: string, list: readonly FirmFigures[]): GroupRow => ({
    group,
    suppressed: false,
    firms: list.length,
    exportMedian: roundedMedian(list.map((f) => f.exportScore)),
    investmentMedian: roundedMedian(list.map((f) => f.investmentScore)),
    exportingShare: list.length ? share(list.filter((f) => f.exports).length, list.length) : null,
    websiteShare: list.length ? share(list.filter((f) => f.website).length, list.length) : null,
  });
  const hide = (r: GroupRow): GroupRow => ({ group: r.group, suppressed: true, firms: null, exportMedian: null, investmentMedian: null, exportingShare: null, websiteShare: null });
  const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b));
  const hidden = hiddenGroups(new Map(keys.map((k) => [k, groups.get(k)!.length])), threshold);
  const rows = keys.map((k) => (hidden.has(k) ? hide(row(k, groups.get(k)!)) : row(k, groups.get(k)!)));
  const total = hidden.has(TOTAL) ? hide(row(TOTAL, firms)) : row(TOTAL, firms);
  return { total, rows };
}
