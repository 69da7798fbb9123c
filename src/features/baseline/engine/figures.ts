import { median } from "./scoring";

// The dashboard's figures (issue #15, item 4), pure: firms grouped by one breakdown (cluster,
// province, size class, women-led), each group's count, median scores and shares, with small
// cells suppressed as the selection's transparency report does: a group of 1 to threshold − 1
// firms shows nothing (primary), and when exactly one group is suppressed the next smallest is
// too, so no hidden count follows from the total minus the others (complementary).

export const SMALL_CELL = 5;
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

const share = (n: number, of: number) => Math.round((100 * n) / of);

export function groupFigures(firms: readonly FirmFigures[], threshold = SMALL_CELL): { total: GroupRow; rows: GroupRow[] } {
  const groups = new Map<string, FirmFigures[]>();
  for (const f of firms) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const row = (group: string, list: readonly FirmFigures[]): GroupRow => ({
    group,
    suppressed: false,
    firms: list.length,
    exportMedian: list.length ? Math.round(median(list.map((f) => f.exportScore))!) : null,
    investmentMedian: list.length ? Math.round(median(list.map((f) => f.investmentScore))!) : null,
    exportingShare: list.length ? share(list.filter((f) => f.exports).length, list.length) : null,
    websiteShare: list.length ? share(list.filter((f) => f.website).length, list.length) : null,
  });
  const hide = (r: GroupRow): GroupRow => ({ group: r.group, suppressed: true, firms: null, exportMedian: null, investmentMedian: null, exportingShare: null, websiteShare: null });
  let rows = [...groups].map(([g, list]) => row(g, list)).sort((a, b) => a.group.localeCompare(b.group));
  rows = rows.map((r) => (r.firms! < threshold ? hide(r) : r));
  if (rows.filter((r) => r.suppressed).length === 1) {
    const next = rows.filter((r) => !r.suppressed).sort((a, b) => a.firms! - b.firms! || a.group.localeCompare(b.group))[0];
    if (next) rows = rows.map((r) => (r.group === next.group ? hide(r) : r));
  }
  const total = firms.length >= threshold || firms.length === 0 ? row("total", firms) : hide(row("total", firms));
  return { total, rows };
}
