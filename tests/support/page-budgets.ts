// First-load budgets in bytes on the wire (cold cache, 360 px phone): issue 9's targets.
// Public pages ship HTML and CSS only (no route among them declares `handle.hydrate`), so they
// measure ~4–6 KB in English and ~120 KB in Urdu, the subset Nastaliq font being 115 KB of it
// (docs/benchmarks.md, "Page weight"; docs/decisions/0006-html-first-pages.md).
// Raise a ceiling only with a reason in the commit.
export const PUBLIC_PAGES = [
  "/",
  "/editions/showcase-2026",
  "/editions/showcase-2026/transparency",
  "/editions/showcase-2026/baseline",
  // A hall of the floor map (issue #12: "the first view of a hall ≤ 150 KB on slow 4G"): its SVG plan and list.
  "/editions/showcase-2026/floor/H2",
  "/editions/showcase-2026/programme",
  "/editions/showcase-2026/catalogue",
  // An exhibitor's catalogue page, with the small map of where its stall is (issue #12, item 6).
  "/editions/showcase-2026/catalogue/gomnote-instruments",
  "/editions/sme-showcase-2027/register",
  "/sign-in",
] as const;

export const TARGET = { en: 100_000, ur: 150_000 } as const;
export const BUDGET = TARGET;

/** The agenda widget framed on the organiser's site (issue #13): one HTML response, no script, no
 *  font of ours (the visitor's system fonts). */
export const EMBED_BUDGET = 30_000;
export const EMBED_PAGES = ["/editions/showcase-2026/programme/embed", "/editions/showcase-2026/programme/embed?lang=ur"] as const;

/** The nominee's application form (`/apply/:token`), either language. */
export const APPLICATION_FORM_BUDGET = 250_000;
/** Back-office pages (they hydrate: client navigation between the organiser's pages). */
export const BACK_OFFICE_BUDGET = 400_000;
export const BACK_OFFICE_PAGES = ["/back-office", "/back-office/audit"] as const;
