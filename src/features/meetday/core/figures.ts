import { suppress } from "#features/selection/client";
import { isPositive } from "./outcomes";

// The outcome dashboard's figures, pure (docs/outcomes.md defines each): one row per scheduled
// meeting with what is known of it, grouped by a dimension of the SME side (sector, cluster,
// province, size class, women-led) or of the buyer side (kind, country). For anything published, counts
// from 1 to threshold − 1 are hidden, and one more cell of each group where exactly one was
// hidden (as the selection's transparency report does), so no hidden count can be worked out.

export interface MeetingFact {
  held: boolean;
  noShow: boolean;
  /** The meeting's outcome kind: the SME side's latest answer, else the buyer side's. */
  kind: string | null;
  value: { amount: number; currency: string } | null;
  /** A positive 30-day or 6-month follow-up: order placed, agreement reached, investment made. */
  converted: boolean;
  groups: Record<Dimension, string>;
}

export const dimensions = ["sector", "cluster", "province", "size", "womenLed", "buyerKind", "country"] as const;
export type Dimension = (typeof dimensions)[number];
export const measures = ["meetings", "held", "noShow", "positive", "converted"] as const;
export type Measure = (typeof measures)[number];

export interface FigureRow {
  key: string;
  counts: Record<Measure, number | null>;
  /** Sums of reported values by currency (never summed across currencies); none when suppressed. */
  values: Record<string, number> | null;
}
export interface FigureTable {
  dimension: Dimension;
  rows: FigureRow[];
}

export const DEFAULT_THRESHOLD = 5;

/** A group's measures and its held meetings' reported values by currency. */
export interface GroupTotals {
  counts: Record<Measure, number>;
  values: Record<string, number>;
}
/** What the figures are made of: the totals and, per dimension, each group's (a group exists
 *  when at least one meeting falls in it; an empty key is "unknown"). The dashboard has the
 *  database add them up (operations/dashboard-sums.ts); `aggregate` is the same in memory. */
export interface Aggregates {
  total: Record<Measure, number>;
  groups: Record<Dimension, Map<string, GroupTotals>>;
}

export const zeroCounts = (): Record<Measure, number> => ({ meetings: 0, held: 0, noShow: 0, positive: 0, converted: 0 });

export function aggregate(facts: readonly MeetingFact[]): Aggregates {
  const add = (c: Record<Measure, number>, f: MeetingFact) => {
    c.meetings++;
    if (f.held) c.held++;
    if (f.noShow) c.noShow++;
    if (f.held && isPositive(f.kind)) c.positive++;
    if (f.converted) c.converted++;
  };
  const total = zeroCounts();
  for (const f of facts) add(total, f);
  const groups = Object.fromEntries(dimensions.map((d) => [d, new Map<string, GroupTotals>()])) as Aggregates["groups"];
  for (const dimension of dimensions) {
    const byKey = groups[dimension];
    for (const f of facts) {
      const key = f.groups[dimension] || "unknown";
      const g = byKey.get(key) ?? { counts: zeroCounts(), values: {} };
      byKey.set(key, g);
      add(g.counts, f);
      if (f.held && f.value) g.values[f.value.currency] = (g.values[f.value.currency] ?? 0) + f.value.amount;
    }
  }
  return { total, groups };
}

export function figures(facts: readonly MeetingFact[], opts: { published: boolean; threshold?: number }) {
  return figuresOf(aggregate(facts), opts);
}

/** The published form of the sums: tables by dimension, small cells hidden when published. */
export function figuresOf({ total, groups: all }: Aggregates, opts: { published: boolean; threshold?: number }) {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const tables: FigureTable[] = [];
  let hiddenCells = 0;
  for (const dimension of dimensions) {
    const groups = all[dimension];
    const keys = [...groups.keys()].sort();
    const hidden = new Set<string>();
    if (opts.published) {
      const values = new Map<string, number>();
      for (const k of keys) for (const m of measures) values.set(`${k}|${m}`, groups.get(k)!.counts[m]);
      for (const m of measures) values.set(`total|${m}`, total[m]);
      // Each measure's column adds up to its total.
      const relations = measures.map((m) => [...keys.map((k) => `${k}|${m}`), `total|${m}`]);
      for (const id of suppress(values, relations, threshold)) hidden.add(id);
      hiddenCells += hidden.size;
    }
    tables.push({
      dimension,
      rows: keys.map((k) => {
        const g = groups.get(k)!;
        const counts = Object.fromEntries(measures.map((m) => [m, hidden.has(`${k}|${m}`) ? null : g.counts[m]])) as Record<Measure, number | null>;
        // A group's values are shown only when its held meetings are (a value can name a deal).
        return { key: k, counts, values: opts.published && (counts.held === null || g.counts.held < threshold) ? null : g.values };
      }),
    });
  }
  return { total, tables, threshold, hiddenCells, published: opts.published };
}
