import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_FORM_BUDGET, BACK_OFFICE_BUDGET, BACK_OFFICE_PAGES, BUDGET, EMBED_BUDGET, EMBED_PAGES, PUBLIC_PAGES } from "../support/page-budgets";
import { eq } from "drizzle-orm";
import { editions } from "../../src/features/editions/tables";
import { measurePage, type PageWeight } from "../support/page-weight";
import { weightFixtures } from "../support/weight-fixtures";
import { startEnv, type Env } from "./helpers";

// Bytes are deterministic for a build and a page, unlike times: a page that grows past its
// budget fails here. `npm run bench:pages` prints the same measurements with the heaviest files.
let env: Env;
let fixtures: Awaited<ReturnType<typeof weightFixtures>>;
beforeAll(async () => {
  env = await startEnv();
  fixtures = await weightFixtures(env.server.services);
});
afterAll(async () => env?.close());

// Each public page is measured once per language and the tests read the same measurement (a
// measurement loads the page cold in a fresh context: ~1.5 s each on the CI machine).
const measured = new Map<string, Promise<PageWeight>>();
const publicWeight = (path: string, locale: "en" | "ur") => {
  const key = `${locale} ${path}`;
  if (!measured.has(key)) measured.set(key, measurePage(env.browser, env.server.url, path, locale));
  return measured.get(key)!;
};

const describeOver = (w: PageWeight, budget: number) => `${w.path} (${w.locale}): ${w.bytes} B > ${budget} B (${w.heaviest.map((h) => `${h.url} ${h.bytes}`).join(", ")})`;

describe("page weight on first load", () => {
  it.each(["en", "ur"] as const)("every public page stays within its budget (%s)", { timeout: 180_000 }, async (locale) => {
    // Three pages at a time: a measurement mostly waits (for the network to be idle half a second).
    for (let i = 0; i < PUBLIC_PAGES.length; i += 3) await Promise.all(PUBLIC_PAGES.slice(i, i + 3).map((path) => publicWeight(path, locale)));
    const over: string[] = [];
    for (const path of PUBLIC_PAGES) {
      const w = await publicWeight(path, locale);
      if (w.bytes > BUDGET[locale]) over.push(describeOver(w, BUDGET[locale]));
    }
    expect(over).toEqual([]);
  });

  it("public pages ship no JavaScript (their forms work without it; docs/decisions/0006)", async () => {
    const scripts: string[] = [];
    for (const locale of ["en", "ur"] as const)
      for (const path of PUBLIC_PAGES) {
        const w = await publicWeight(path, locale);
        scripts.push(...w.heaviest.filter((h) => /\.js(\?|$)/.test(h.url)).map((h) => `${path} (${locale}): ${h.url}`));
      }
    expect(scripts).toEqual([]);
  });

  it("English pages do not download the Urdu font", async () => {
    const w = await publicWeight("/", "en");
    expect(w.heaviest.map((h) => h.url).join(" ")).not.toMatch(/nastaliq/);
  });

  it("the agenda widget is one light response without script, and the only page other sites may frame", async () => {
    for (const path of EMBED_PAGES) {
      const w = await measurePage(env.browser, env.server.url, path, "en");
      expect(w.requests, JSON.stringify(w.heaviest)).toBe(1);
      expect(w.bytes, describeOver(w, EMBED_BUDGET)).toBeLessThanOrEqual(EMBED_BUDGET);
      const r = await fetch(`${env.server.url}${path}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors *");
      expect(r.headers.get("x-frame-options")).toBeNull();
    }
    const agenda = await fetch(`${env.server.url}/editions/showcase-2026/programme`);
    expect(agenda.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(agenda.headers.get("x-frame-options")).toBe("DENY");
  });

  it.each(["en", "ur"] as const)("the application form stays within %s budget", async (locale) => {
    const w = await measurePage(env.browser, env.server.url, fixtures.applyPath, locale);
    expect(w.bytes, describeOver(w, APPLICATION_FORM_BUDGET)).toBeLessThanOrEqual(APPLICATION_FORM_BUDGET);
  });

  it("back-office pages stay within their budget, in Urdu (the heavier language)", async () => {
    const over: string[] = [];
    // The analytics area of the 2026 show too: its charts are inline SVG, four of them.
    const [show] = await env.server.services.db.select({ id: editions.id }).from(editions).where(eq(editions.slug, "showcase-2026"));
    for (const path of [...BACK_OFFICE_PAGES, `/back-office/editions/${show!.id}/analytics?by=cluster`]) {
      const w = await measurePage(env.browser, env.server.url, path, "ur", [fixtures.organiserCookie]);
      // A page that bounced to sign-in would measure light and prove nothing.
      expect(w.heaviest.some((h) => h.url.endsWith(".js")), `${path} hydrates`).toBe(true);
      if (w.bytes > BACK_OFFICE_BUDGET) over.push(describeOver(w, BACK_OFFICE_BUDGET));
    }
    expect(over).toEqual([]);
  });
});
