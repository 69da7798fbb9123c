import type { AnswerValue, Answers } from "./questions";

// The baseline's scores (issue #15, item 3), pure and documented (docs/baseline.md, and the public
// method page renders the same tables from `methods`): export readiness and investment readiness,
// each 0–100 and a band, from the answers to the template's indicator codes.
//
// Method: every indicator maps its answer to a sub-score between 0 and 1 (`rate`, below, one rule
// per indicator). A dimension's value is the mean of its indicators' sub-scores; the score is the
// sum over dimensions of weight × value (weights sum to 100), rounded to a whole number. A missing
// or hidden answer counts 0 (a firm that does not export scores 0 on export share). The band follows
// from the score. What raises the score most: the indicators with the largest possible gain, each
// gain = dimension weight ÷ indicators in the dimension × (1 − sub-score).

export type ScoreKind = "export" | "investment";
export const bands = ["emerging", "developing", "ready", "advanced"] as const;
export type Band = (typeof bands)[number];
/** Lowest score of each band, in the order of `bands`. */
export const bandFloors: Record<Band, number> = { emerging: 0, developing: 40, ready: 60, advanced: 80 };

export interface Indicator {
  code: string;
  rate(answers: Answers): number;
}
export interface Dimension {
  key: string;
  weight: number;
  indicators: Indicator[];
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const num = (v: AnswerValue | undefined) => (typeof v === "number" ? v : 0);
const yes = (code: string): Indicator => ({ code, rate: (a) => (a.get(code) === true ? 1 : 0) });
const count = (v: AnswerValue | undefined, ignore: string[] = []) => (Array.isArray(v) ? v.filter((x) => !ignore.includes(x)).length : 0);
const scaleOf = (options: Record<string, number>, code: string): Indicator => ({ code, rate: (a) => options[String(a.get(code))] ?? 0 });

/** Capacity used: room to take export orders is best between 50 % and 85 %; below, a firm is idle; above, it is full. */
export function capacityRate(used: number): number {
  if (used < 50) return clamp01(used / 50);
  if (used <= 85) return 1;
  return clamp01(1 - ((used - 85) / 15) * 0.5);
}

const obstacles = ["obstacles.finance", "obstacles.power", "obstacles.skills", "obstacles.regulation", "obstacles.market_access"];

export const methods: Record<ScoreKind, Dimension[]> = {
  export: [
    {
      key: "markets",
      weight: 30,
      indicators: [
        yes("markets.exports"),
        { code: "markets.export_share", rate: (a) => (a.get("markets.exports") === true ? clamp01(num(a.get("markets.export_share")) / 50) : 0) },
        { code: "markets.export_markets", rate: (a) => (a.get("markets.exports") === true ? clamp01(count(a.get("markets.export_markets")) / 5) : 0) },
        scaleOf({ district: 0.2, province: 0.6, national: 1 }, "markets.domestic_reach"),
      ],
    },
    {
      key: "quality",
      weight: 25,
      indicators: [{ code: "markets.certifications", rate: (a) => clamp01(count(a.get("markets.certifications"), ["none"]) / 2) }, yes("change.product_development")],
    },
    {
      key: "capacity",
      weight: 20,
      indicators: [
        { code: "products.capacity_used", rate: (a) => (typeof a.get("products.capacity_used") === "number" ? capacityRate(num(a.get("products.capacity_used"))) : 0) },
        { code: "firm.employees", rate: (a) => clamp01((num(a.get("firm.employees_women")) + num(a.get("firm.employees_men"))) / 20) },
      ],
    },
    { key: "connect", weight: 25, indicators: [yes("connect.website"), yes("connect.online_sales"), yes("connect.digital_payments"), yes("connect.trade_body_member")] },
  ],
  investment: [
    {
      key: "formal",
      weight: 35,
      indicators: [
        yes("firm.ntn_registered"),
        yes("change.bank_account"),
        scaleOf({ private_limited: 1, partnership: 0.6, sole_proprietor: 0.4, other: 0.3 }, "firm.legal_form"),
        { code: "change.credit_received", rate: (a) => (a.get("change.credit_applied") !== true ? 0.3 : a.get("change.credit_received") === true ? 1 : 0.5) },
      ],
    },
    {
      key: "growth",
      weight: 25,
      indicators: [
        scaleOf({ lt_5m: 0, "5m_25m": 0.25, "25m_100m": 0.5, "100m_400m": 0.75, gt_400m: 1 }, "firm.turnover_band"),
        { code: "firm.year_founded", rate: (a) => (typeof a.get("firm.year_founded") === "number" ? clamp01((num(a.get("__year")) - num(a.get("firm.year_founded"))) / 10) : 0) },
      ],
    },
    { key: "change", weight: 25, indicators: [yes("change.equipment_investment"), yes("change.product_development"), yes("change.staff_training")] },
    {
      key: "environment",
      weight: 15,
      indicators: [
        {
          code: "obstacles",
          // Each obstacle is rated 1 (none) to 5 (very severe); unanswered counts as severe (4).
          rate: (a) => clamp01(1 - obstacles.reduce((s, c) => s + ((typeof a.get(c) === "number" ? num(a.get(c)) : 4) - 1), 0) / (obstacles.length * 4)),
        },
      ],
    },
  ],
};

export interface Contribution {
  code: string;
  dimension: string;
  /** Points the indicator adds to the score now. */
  points: number;
  /** Points it would add more at its best. */
  gain: number;
}
export interface Score {
  kind: ScoreKind;
  score: number;
  band: Band;
  dimensions: { key: string; weight: number; value: number; points: number }[];
  /** The indicators that add most, largest first (at most three with points). */
  drivers: Contribution[];
  /** The indicators whose improvement would raise the score most, largest first (at most three). */
  raise: Contribution[];
}

export function bandOf(score: number): Band {
  return [...bands].reverse().find((b) => score >= bandFloors[b])!;
}

/** The score of one kind from one firm's answers in the year `year` (the survey's edition year). */
export function scoreOf(kind: ScoreKind, answers: Answers, year: number): Score {
  const withYear = new Map(answers);
  withYear.set("__year", year);
  const contributions: Contribution[] = [];
  const dimensions = methods[kind].map((d) => {
    const rates = d.indicators.map((i) => clamp01(i.rate(withYear)));
    const value = rates.reduce((s, r) => s + r, 0) / rates.length;
    d.indicators.forEach((i, k) => {
      const share = d.weight / d.indicators.length;
      contributions.push({ code: i.code, dimension: d.key, points: share * rates[k]!, gain: share * (1 - rates[k]!) });
    });
    return { key: d.key, weight: d.weight, value, points: d.weight * value };
  });
  const score = Math.round(dimensions.reduce((s, d) => s + d.points, 0));
  const byPoints = (x: Contribution, y: Contribution) => y.points - x.points || x.code.localeCompare(y.code);
  const byGain = (x: Contribution, y: Contribution) => y.gain - x.gain || x.code.localeCompare(y.code);
  return {
    kind,
    score,
    band: bandOf(score),
    dimensions,
    drivers: contributions.filter((c) => c.points > 0).sort(byPoints).slice(0, 3),
    raise: contributions.filter((c) => c.gain > 0.5).sort(byGain).slice(0, 3),
  };
}

/** The median of a list (the mean of the two middle values for an even count), or null when empty. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The fewest firms a group's median is shown for (the firm's own page compares with its groups). */
export const SMALL_GROUP = 5;

/** A group's median, or null when the group has fewer than `threshold` firms (a small cell is not shown). */
export function groupMedian(values: readonly number[], threshold = SMALL_GROUP): number | null {
  return values.length < threshold ? null : median(values);
}
