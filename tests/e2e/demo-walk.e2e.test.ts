import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { editions } from "../../src/features/editions/tables";
import { en, ur } from "../../src/messages";
import { demo, seriousViolations, signIn, SLOW, startEnv, type Env } from "./helpers";

// The README's demo walk on a phone, on the suite's day (the 2026 show is over, next year's ahead):
// the organiser lands in the back office and finds the past show's footfall; the 2026 page, in
// Urdu, says the show took place and links to its transparency report instead of offering
// registration; the home page lists it among past editions. axe on each page.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 740 } };
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("the README's demo walk", () => {
  it("signs the organiser in to the back office, where the 2026 show's footfall has a picture", async () => {
    const { page } = await env.context(phone);
    await signIn(page, demo.organiser);
    expect(new URL(page.url()).pathname).toBe("/back-office");
    const [y2026] = await env.server.services.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    await page.goto(`/back-office/editions/${y2026!.id}/footfall`);
    const entries = Number((await page.getByTestId("footfall-entries").innerText()).replace(/\D/g, ""));
    expect(entries).toBeGreaterThan(1000);
    const byHour = page.getByTestId("footfall-by-hour-all");
    expect(await byHour.locator("tbody tr").count()).toBeGreaterThanOrEqual(8);
    expect(await byHour.locator("[data-bar]").count()).toBeGreaterThanOrEqual(8);
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page, "footfall of the past show")).toEqual([]);
  });

  it("the 2026 page in Urdu says it took place and links to its transparency report, not to registering", async () => {
    const { page } = await env.context(phone);
    await page.goto(`/lang/ur?next=${encodeURIComponent("/editions/showcase-2026")}`);
    const tookPlace = page.getByTestId("edition-took-place");
    await expect.poll(() => tookPlace.innerText(), SLOW).toContain(ur["home.standing.tookPlace"].split("{dates}")[0]!.trim());
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.getByRole("link", { name: ur["registration.page.title"] }).count()).toBe(0);
    const report = tookPlace.getByRole("link", { name: ur["home.result.transparency"] });
    expect(await report.getAttribute("href")).toBe("/editions/showcase-2026/transparency");
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page, "2026 page (ur)")).toEqual([]);
    await Promise.all([page.waitForURL((u) => u.pathname === "/editions/showcase-2026/transparency"), report.click()]);
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toContain(ur["nominations.tr.title"]);
  });

  it("the home page lists the 2026 show under past editions, with its report, and still offers next year's registration", async () => {
    const { page } = await env.context(phone);
    await page.goto("/");
    const past = page.getByTestId("past-editions");
    await past.waitFor();
    expect(await past.getByRole("link", { name: "Made in Pakistan: SME Cluster Showcase 2026" }).getAttribute("href")).toBe("/editions/showcase-2026");
    expect(await past.getByRole("link", { name: en["home.result.transparency"] }).getAttribute("href")).toBe("/editions/showcase-2026/transparency");
    expect(await page.getByRole("link", { name: en["registration.page.title"] }).count()).toBe(1);
    // Figures and cluster cards are not dressed as links.
    const colours = await page.evaluate(() => {
      const link = getComputedStyle(document.querySelector("main a")!).color;
      return { link, stats: getComputedStyle(document.querySelector(".stats")!).color };
    });
    expect(colours.stats).not.toBe(colours.link);
    expect(await page.locator(".cards.static .card a").count()).toBe(0);
    expect(await fits(page)).toBe(true);
    expect(await seriousViolations(page, "home with past editions")).toEqual([]);
  });
});
