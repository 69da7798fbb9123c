// First-load budgets of the public pages, in bytes on the wire (cold cache, 360 px phone).
// The targets are 100 KB in English and 150 KB in Urdu; these are the ceilings the pages
// meet today (docs/benchmarks.md, "Page weight"), so a page that grows fails its test. Lower a
// ceiling whenever a page gets lighter; raise one only with a reason in the commit.
export const PUBLIC_PAGES = [
  "/",
  "/editions/showcase-2026",
  "/editions/showcase-2026/transparency",
  "/editions/sme-showcase-2027/register",
  "/sign-in",
] as const;

export const BUDGET = { en: 175_000, ur: 340_000 } as const;
export const TARGET = { en: 100_000, ur: 150_000 } as const;
