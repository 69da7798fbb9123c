// Transparency aggregates: applications, selections and waitlist by cluster,
// province, size class, women-led and score band. Aggregates only, and no cell
// small enough to point at a firm:
// - primary suppression: any count from 1 to threshold − 1 (default 5) is
//   withheld; zero is shown (it describes no firm);
// - complementary suppression: every published sum (a row: applications =
//   selected + waitlisted + not selected; a column: the total = the sum of its
//   rows) must hide either none or at least two of its cells, so a withheld
//   cell can never be worked out by subtracting the others from a total. The
//   complement is the smallest non-zero cell still shown in that sum (ties: the
//   first in table order), and the rule is repeated until no sum has exactly one
//   hidden cell. All five tables share one total row, so a total hidden in one
//   is hidden in all. An application without a normalised score (no reviews, or
//   withdrawn before the selection run) is in the score table's "none" row, so
//   that table adds up to the same total as the others.
// Withheld cells carry no value and no reason: saying which cells are "fewer
// than 5" and which hide them would itself narrow the hidden values down.
import { z } from "zod";
import { parseInput } from "../../../platform/validation";
import { byString, SizeClass } from "./common";

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const measures = ["applications", "selected", "waitlisted", "notSelected"] as const;
export type Measure = (typeof measures)[number];
export const dimensions = ["cluster", "province", "sizeClass", "womenLed", "scoreBand"] as const;
/** The score table's row of applications without a normalised score. */
export const NO_SCORE = "none";
export type Dimension = (typeof dimensions)[number];

export const ReportInput = z.object({
  applications: z.array(
    z.object({
      id: z.string(),
      clusterId: z.string(),
      province: z.string().nullable().default(null),
      sizeClass: SizeClass,
      womenLed: z.boolean(),
      normalisedScore: z.number().min(0).max(100).nullable().default(null),
    }),
  ),
  // Applicants without a decision (or withdrawn) count under notSelected.
  decisions: z.array(z.object({ applicationId: z.string(), status: z.enum(["selected", "waitlisted", "not_selected", "withdrawn"]) })),
  threshold: z.number().int().min(2).default(DEFAULT_SUPPRESSION_THRESHOLD),
  scoreBandWidth: z.number().int().min(1).max(50).default(10),
});
export type ReportInput = z.input<typeof ReportInput>;

export const Cell = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
export type Cell = z.infer<typeof Cell>;
const Cells = z.object({ applications: Cell, selected: Cell, waitlisted: Cell, notSelected: Cell });
export const ReportTable = z.object({ rows: z.array(z.object({ key: z.string(), cells: Cells })), total: Cells });
export type ReportTable = z.infer<typeof ReportTable>;
export const TransparencyReport = z.object({
  threshold: z.number().int(),
  tables: z.object({ cluster: ReportTable, province: ReportTable, sizeClass: ReportTable, womenLed: ReportTable, scoreBand: ReportTable }),
  suppressedCells: z.number().int(),
});
export type TransparencyReport = z.infer<typeof TransparencyReport>;

type Counts = Record<Measure, number>;
const zero = (): Counts => ({ applications: 0, selected: 0, waitlisted: 0, notSelected: 0 });

interface Grid {
  dimension: Dimension;
  keys: string[];
  rows: Counts[];
  total: Counts;
  totalId: string; // shared id prefix of the total row
}

/**
 * Cell ids are "dimension|rowKey|measure"; the shared total row is "total|measure".
 * Returns the set of suppressed ids. `initially` are hidden from the start (besides the small
 * cells), e.g. the baseline's open data hiding a cell its published tables would give away.
 */
export function suppress(values: Map<string, number>, relations: string[][], threshold: number, initially: Iterable<string> = []): Set<string> {
  const hidden = new Set<string>(initially);
  for (const [id, v] of values) if (v >= 1 && v < threshold) hidden.add(id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      if (relation.filter((id) => hidden.has(id)).length !== 1) continue;
      const shown = relation.filter((id) => !hidden.has(id));
      const positive = shown.filter((id) => values.get(id)! > 0);
      const pool = positive.length > 0 ? positive : shown;
      const pick = pool.reduce((best, id) => (values.get(id)! < values.get(best)! ? id : best), pool[0]!);
      hidden.add(pick);
      changed = true;
    }
  }
  return hidden;
}

export function transparencyReport(raw: ReportInput): TransparencyReport {
  const input = parseInput(ReportInput, raw);
  const status = new Map(input.decisions.map((d) => [d.applicationId, d.status]));
  const measureOf = (id: string): Measure => {
    const s = status.get(id);
    return s === "selected" ? "selected" : s === "waitlisted" ? "waitlisted" : "notSelected";
  };
  const width = input.scoreBandWidth;
  const bandOf = (score: number) => {
    const lo = Math.min(Math.floor(score / width) * width, Math.ceil(100 / width) * width - width);
    return `${lo}-${Math.min(100, lo + width)}`;
  };
  const keyOf: Record<Dimension, (a: (typeof input.applications)[number]) => string> = {
    cluster: (a) => a.clusterId,
    province: (a) => a.province ?? "unknown",
    sizeClass: (a) => a.sizeClass,
    womenLed: (a) => (a.womenLed ? "yes" : "no"),
    scoreBand: (a) => (a.normalisedScore === null ? NO_SCORE : bandOf(a.normalisedScore)),
  };
  const fixedKeys: Partial<Record<Dimension, string[]>> = {
    sizeClass: [...SizeClass.options],
    womenLed: ["yes", "no"],
    scoreBand: [...Array.from({ length: Math.ceil(100 / width) }, (_, i) => bandOf(i * width)), NO_SCORE],
  };

  const grids: Grid[] = dimensions.map((dimension) => {
    const counts = new Map<string, Counts>((fixedKeys[dimension] ?? []).map((k) => [k, zero()]));
    const total = zero();
    for (const a of input.applications) {
      const key = keyOf[dimension](a);
      const c = counts.get(key) ?? zero();
      c.applications++;
      c[measureOf(a.id)]++;
      counts.set(key, c);
      total.applications++;
      total[measureOf(a.id)]++;
    }
    const keys = fixedKeys[dimension] ?? [...counts.keys()].sort(byString);
    return { dimension, keys, rows: keys.map((k) => counts.get(k)!), total, totalId: "total" };
  });

  const values = new Map<string, number>();
  const relations: string[][] = [];
  for (const g of grids) {
    const rowIds = g.keys.map((k) => `${g.dimension}|${k}`);
    g.keys.forEach((_, i) => measures.forEach((m) => values.set(`${rowIds[i]}|${m}`, g.rows[i]![m])));
    measures.forEach((m) => values.set(`${g.totalId}|${m}`, g.total[m]));
    for (const prefix of [...rowIds, g.totalId]) relations.push(measures.map((m) => `${prefix}|${m}`));
    for (const m of measures) relations.push([`${g.totalId}|${m}`, ...rowIds.map((r) => `${r}|${m}`)]);
  }
  const hidden = suppress(values, relations, input.threshold);

  const cell = (id: string): Cell => (hidden.has(id) ? { value: null, suppressed: true } : { value: values.get(id)!, suppressed: false });
  const cells = (prefix: string) => Object.fromEntries(measures.map((m) => [m, cell(`${prefix}|${m}`)])) as Record<Measure, Cell>;
  const tables = Object.fromEntries(
    grids.map((g) => [g.dimension, { rows: g.keys.map((key) => ({ key, cells: cells(`${g.dimension}|${key}`) })), total: cells(g.totalId) }]),
  ) as TransparencyReport["tables"];
  return { threshold: input.threshold, tables, suppressedCells: hidden.size };
}
