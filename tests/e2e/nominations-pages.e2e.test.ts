import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { editions } from "../../src/features/editions/tables";
import { en, ur } from "../../src/messages";
import { SLOW, demo, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// The demo's completed call as organisers, reviewers and the public see it,
// and an accessibility check of each page (axe, serious and critical).

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

describe("the demo's completed call", () => {
  it("shows the published selection to organisers and the call with its fixed rule", async () => {
    const { page } = await env.context();
    await signInByPost(env, page, demo.organiser);
    await page.goto("/back-office");
    // The demo's completed call is the 2026 show's (the menu's own "Review and selection" opens
    // the current edition, next year's, whose call is still open): its edition menu.
    await page.getByRole("link", { name: "2026" }).first().click();
    await page.waitForURL(/\/back-office\/editions\/[0-9a-f-]+$/);
    await page.getByRole("list", { name: en["bo.nav.thisEdition"] }).getByRole("link", { name: en["nominations.sel.title"] }).click();
    await page.waitForURL(/\/back-office\/editions\/[0-9a-f-]+\/selection$/);
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["nominations.sel.title"]);
    const main = await page.locator("main").innerText();
    expect(main).toContain(en["nominations.sel.published"]);
    expect(main).toMatch(/170 selected, \d+ waitlisted/);
    expect(await seriousViolations(page, "selection")).toEqual([]);

    // The back office's edition menu may link the call too: either link opens the same page.
    await page.getByRole("link", { name: en["nominations.call.title"] }).first().click();
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["nominations.call.title"]);
    expect(await page.locator("main .badge").first().innerText()).toBe(en["nominations.call.published"]);
    expect(await page.getByLabel(en["nominations.call.bonusWomenLed"], { exact: true }).isDisabled()).toBe(true);
    expect(await seriousViolations(page, "call")).toEqual([]);
  });

  it("lists a reviewer's assignments with the criteria's guidance", async () => {
    const { page } = await env.context();
    await signIn(page, "reviewer@demo.numaish.pk");
    // The demo gives the reviewer unscored applications in next year's open call: /review opens
    // there, on the "to score" list, with unfolded forms.
    await page.goto("/review");
    await expect.poll(() => page.locator("main h1").count(), SLOW).toBe(1);
    expect(await page.locator("main").innerText()).toContain("Showcase 2027");
    expect(await page.locator("main article").count()).toBeGreaterThan(0);
    // The 2026 call's work is all scored, one link away, 20 at a time.
    await page.goto("/review?edition=showcase-2026");
    expect(await page.locator("main article").count()).toBe(0);
    await page.goto("/review?edition=showcase-2026&show=scored");
    await expect.poll(() => page.locator("main article").count(), SLOW).toBe(20);
    expect(await page.locator("main article").first().textContent()).toContain("Export-grade quality");
    expect(await page.locator("main article details[open]").count()).toBe(0); // scored: folded away
    expect(await seriousViolations(page, "review")).toEqual([]);
  });

  it("publishes the transparency report without names, with a CSV", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    await page.goto("/editions/showcase-2026/transparency");
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["nominations.tr.title"]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator("main").innerText()).toContain("10% of each cluster's places reserved for women-led micro enterprises");
    expect(await seriousViolations(page, "transparency")).toEqual([]);
    const csv = await (await page.request.get("/editions/showcase-2026/transparency.csv")).text();
    expect(csv.split("\r\n")[0]).toBe("table,group,applications,selected,waitlisted,notSelected");
    // Every table adds up to the same total (applications without a score have their own row).
    const totals = csv.split("\r\n").filter((l) => l.includes(",total,")).map((l) => l.split(",").slice(2).join(","));
    expect(totals).toHaveLength(5);
    expect(new Set(totals).size).toBe(1);
  });

  it("names provinces in Urdu and says what a normalised score is, on the Urdu report", async () => {
    const { context, page } = await env.context({ viewport: { width: 360, height: 800 } });
    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.goto("/editions/showcase-2026/transparency");
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(ur["nominations.tr.title"]);
    const main = await page.locator("main").innerText();
    expect(main).toContain(ur["province.Punjab"]);
    expect(main).not.toMatch(/Punjab|Sindh|Balochistan/);
    expect(main).toContain(ur["nominations.tr.normalisedExplained"].slice(0, 30));
    expect(await seriousViolations(page, "transparency (ur)")).toEqual([]);
  });

  it("shows a trade body its members in figures, small groups hidden, in Urdu on a phone without JavaScript", async () => {
    const { page } = await env.context({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    await signInByPost(env, page, "chamber@demo.numaish.pk");
    await page.goto(`/lang/ur?next=${encodeURIComponent("/nominations")}`);
    page.setDefaultTimeout(15_000);
    await page.getByRole("link", { name: ur["nominations.figuresLink"] }).click();
    await page.getByRole("heading", { name: ur["analytics.tb.title"], level: 1 }).waitFor();
    // The 2026 show, by size class: three groups at most, each of five firms or more, or hidden.
    const [show] = await env.server.services.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    await page.getByLabel(ur["analytics.tb.edition"], { exact: true }).selectOption(show!.id);
    await page.getByLabel(ur["baseline.bo.by"]).selectOption("size");
    await Promise.all([page.waitForURL((u) => u.searchParams.get("by") === "size" && u.searchParams.get("edition") === show!.id), page.getByRole("button", { name: ur["baseline.bo.show"] }).click()]);
    const cells = await page.getByTestId("tb-funnel").locator("tbody tr td:first-of-type").allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c === "—" || Number(c) >= 5)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const withJs = await env.context();
    await signInByPost(env, withJs.page, "chamber@demo.numaish.pk");
    await withJs.page.goto(`/lang/ur?next=${encodeURIComponent(page.url().replace(/^https?:\/\/[^/]+/, ""))}`);
    await withJs.page.getByTestId("tb-funnel").waitFor();
    expect(await seriousViolations(withJs.page, "trade body figures (ur)")).toEqual([]);
  });
});
