// The awards' public aggregate figures per category: entries, shortlisted, judges, reviews, and the
// spread of normalised scores. Counts from 1 to threshold − 1 are withheld, with complementary
// suppression over the published total (the selection report's rule, `suppress`); the score
// spread is shown only for a category whose entries are shown. Pure.
import { DEFAULT_SUPPRESSION_THRESHOLD, suppress } from "#features/selection/client";

export interface CategoryFigures {
  categoryId: string;
  entries: number;
  shortlisted: number;
  judges: number;
  reviews: number;
  /** Mean over entries of the max − min of their normalised scores; null without reviews. */
  meanSpread: number | null;
}

export const awardMeasures = ["entries", "shortlisted", "judges", "reviews"] as const;
type Measure = (typeof awardMeasures)[number];

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export function awardsReport(rows: readonly CategoryFigures[], threshold = DEFAULT_SUPPRESSION_THRESHOLD) {
  const values = new Map<string, number>();
  const relations: string[][] = [];
  for (const m of awardMeasures) {
    const total = rows.reduce((s, r) => s + r[m], 0);
    values.set(`total|${m}`, total);
    for (const r of rows) values.set(`${r.categoryId}|${m}`, r[m]);
    relations.push([...rows.map((r) => `${r.categoryId}|${m}`), `total|${m}`]);
  }
  const hidden = suppress(values, relations, threshold);
  const cell = (id: string): Cell => (hidden.has(id) ? { value: null, suppressed: true } : { value: values.get(id)!, suppressed: false });
  const cells = (prefix: string) => Object.fromEntries(awardMeasures.map((m) => [m, cell(`${prefix}|${m}`)])) as Record<Measure, Cell>;
  return {
    threshold,
    categories: rows.map((r) => {
      const c = cells(r.categoryId);
      return { categoryId: r.categoryId, ...c, meanSpread: c.entries.suppressed ? null : r.meanSpread };
    }),
    total: cells("total"),
    suppressedCells: hidden.size,
  };
}
