import type { AnswerValue, QuestionKind } from "./questions";
import { hiddenGroups, roundedMedian, share, SMALL_CELL, TOTAL } from "./figures";

// Edition-to-edition comparison of one indicator (issue #15, item 5), pure. An indicator code is
// stable across editions, so "markets.exports" in 2026 and in 2027 are the same measure even when
// the wording changed. A yes/no indicator is measured as the share of firms answering yes (whole
// per cent), a number, amount, percentage, year or scale as the median; the two scores
// ("score.export", "score.investment") as medians too. Other kinds (choices, lists, text) are not
// compared. Each edition's column is suppressed on its own by the transparency report's rule, on
// the count of firms that answered.

export type Measure = "share" | "median";
export const SCORE_INDICATORS = ["score.export", "score.investment"] as const;

export function measureOf(kind: QuestionKind | "score"): Measure | null {
  if (kind === "yes_no") return "share";
  if (kind === "number" || kind === "currency" || kind === "percentage" || kind === "year" || kind === "scale" || kind === "score") return "median";
  return null;
}

/** The indicator's value over the answers given (null when none can be measured). */
export function indicatorValue(measure: Measure, values: readonly AnswerValue[]): number | null {
  if (measure === "share") {
    const said = values.filter((v): v is boolean => typeof v === "boolean");
    return said.length ? share(said.filter(Boolean).length, said.length) : null;
  }
  return roundedMedian(values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
}

export interface EditionFacts {
  /** The column's name: the edition's year or name. */
  key: string;
  firms: readonly { group: string; value: AnswerValue | undefined }[];
}
export interface CompareCell {
  edition: string;
  firms: number | null;
  value: number | null;
  suppressed: boolean;
}
export interface CompareRow {
  group: string;
  cells: CompareCell[];
}

const answered = (v: AnswerValue | undefined) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/** One row per group found in any edition (sorted), plus the total; each cell one edition. */
export function compareIndicator(measure: Measure, editions: readonly EditionFacts[], threshold = SMALL_CELL): { rows: CompareRow[]; total: CompareRow } {
  const groups = [...new Set(editions.flatMap((e) => e.firms.map((f) => f.group)))].sort((a, b) => a.localeCompare(b));
  const columns = editions.map((e) => {
    const by = new Map<string, AnswerValue[]>(groups.map((g) => [g, []]));
    for (const f of e.firms) if (answered(f.value)) by.get(f.group)!.push(f.value!);
    const hidden = hiddenGroups(new Map(groups.map((g) => [g, by.get(g)!.length])), threshold);
    const cell = (g: string, list: AnswerValue[]): CompareCell =>
      hidden.has(g) ? { edition: e.key, firms: null, value: null, suppressed: true } : { edition: e.key, firms: list.length, value: indicatorValue(measure, list), suppressed: false };
    return { cells: new Map(groups.map((g) => [g, cell(g, by.get(g)!)])), total: cell(TOTAL, [...by.values()].flat()) };
  });
  return {
    rows: groups.map((group) => ({ group, cells: columns.map((c) => c.cells.get(group)!) })),
    total: { group: TOTAL, cells: columns.map((c) => c.total) },
  };
}
