import type { AnswerValue, QuestionKind } from "./questions";
import { hiddenGroups, roundedMedian, share, SMALL_CELL, TOTAL } from "./figures";
import { median } from "./scoring";

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

/** One group's answers to an indicator as counted (by the database, or by `countAnswers`): how
 *  many answered, how many said yes or no and how many yes, and the unrounded median of the
 *  numeric answers (null without any). */
export interface AnswerCounts {
  answered: number;
  said: number;
  yes: number;
  median: number | null;
}
export function countAnswers(values: readonly (AnswerValue | undefined)[]): AnswerCounts {
  const given = values.filter(answered);
  const said = given.filter((v): v is boolean => typeof v === "boolean");
  return { answered: given.length, said: said.length, yes: said.filter(Boolean).length, median: median(given.filter((v): v is number => typeof v === "number" && Number.isFinite(v))) };
}
/** The indicator's value from its counts: as `indicatorValue` over the same answers. */
export function countedValue(measure: Measure, c: AnswerCounts): number | null {
  if (measure === "share") return c.said ? share(c.yes, c.said) : null;
  return c.median === null ? null : Math.round(c.median);
}

export interface EditionCounts {
  key: string;
  /** Every group with firms in the edition (a group with none answering counts 0). */
  groups: ReadonlyMap<string, AnswerCounts>;
  total: AnswerCounts;
}

/** One row per group found in any edition (sorted), plus the total; each cell one edition. */
export function compareIndicator(measure: Measure, editions: readonly EditionFacts[], threshold = SMALL_CELL): { rows: CompareRow[]; total: CompareRow } {
  const counted = editions.map((e) => {
    const by = new Map<string, AnswerValue[]>();
    for (const f of e.firms) {
      const list = by.get(f.group) ?? [];
      if (answered(f.value)) list.push(f.value!);
      by.set(f.group, list);
    }
    return { key: e.key, groups: new Map([...by].map(([g, list]) => [g, countAnswers(list)])), total: countAnswers([...by.values()].flat()) };
  });
  return compareCounts(measure, counted, threshold);
}

/** `compareIndicator` from each edition's counts per group. */
export function compareCounts(measure: Measure, editions: readonly EditionCounts[], threshold = SMALL_CELL): { rows: CompareRow[]; total: CompareRow } {
  const groups = [...new Set(editions.flatMap((e) => [...e.groups.keys()]))].sort((a, b) => a.localeCompare(b));
  const none: AnswerCounts = { answered: 0, said: 0, yes: 0, median: null };
  const columns = editions.map((e) => {
    const of = (g: string) => e.groups.get(g) ?? none;
    const hidden = hiddenGroups(new Map(groups.map((g) => [g, of(g).answered])), threshold);
    const cell = (g: string, c: AnswerCounts): CompareCell =>
      hidden.has(g) ? { edition: e.key, firms: null, value: null, suppressed: true } : { edition: e.key, firms: c.answered, value: countedValue(measure, c), suppressed: false };
    return { cells: new Map(groups.map((g) => [g, cell(g, of(g))])), total: cell(TOTAL, e.total) };
  });
  return {
    rows: groups.map((group) => ({ group, cells: columns.map((c) => c.cells.get(group)!) })),
    total: { group: TOTAL, cells: columns.map((c) => c.total) },
  };
}

/** The total cell of one edition alone: its suppression depends on its own count only (the
 *  complementary rule can only pick the total when it is a small cell itself). */
export function totalCell(measure: Measure, key: string, c: AnswerCounts, threshold = SMALL_CELL): CompareCell {
  return compareCounts(measure, [{ key, groups: new Map([["all", c]]), total: c }], threshold).total.cells[0]!;
}
