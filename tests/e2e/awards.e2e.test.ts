import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOfficeEditionPath, demo, seriousViolations, signInByPost, startEnv, type Env } from "./helpers";

// Issue #13, the awards, on the seeded 2026 show (judged, results published at the ceremony): the
// organiser's back office shows the locked results and the final leaderboard without JavaScript; a visitor
// reads the winners and the transparency page in Urdu on a 360-pixel phone, axe-clean, and gets a
// winner's certificate whose PDF carries the Urdu font.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("the awards", () => {
  it("the organiser sees the locked results and the final leaderboard without JavaScript", async () => {
    const { page } = await env.context({ javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    const editionPath = await backOfficeEditionPath(page, { hasText: "2026" });
    await page.goto(`${editionPath}/awards`);
    await page.getByRole("heading", { name: "Awards", level: 1 }).waitFor();
    await page.getByText(/results locked, published at/).first().waitFor();
    const category = page.locator("section.card", { has: page.getByRole("heading", { name: "Excellence in innovation" }) });
    await category.locator("summary", { hasText: "Final round" }).click();
    await category.getByRole("link", { name: "Progress and leaderboard" }).last().click();
    await page.getByRole("heading", { name: "Progress and leaderboard", level: 2 }).waitFor();
    await page.getByRole("columnheader", { name: "Normalised mean (0–100)" }).waitFor();
  });

  it("a visitor reads the winners and how they were judged in Urdu on a 360 px phone, and gets a certificate", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    const winners = "/editions/showcase-2026/awards";
    await page.goto(`/lang/ur?next=${encodeURIComponent(winners)}`);
    await page.waitForURL((u) => u.pathname === winners);
    await page.getByRole("heading", { name: "ایوارڈ یافتگان", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "جدت میں امتیاز", level: 2 }).waitFor();
    expect(await seriousViolations(page, "winners")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const certificate = (await page.getByRole("link", { name: "سند (اردو)" }).first().getAttribute("href"))!;
    const pdf = await page.request.get(certificate);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).toString("latin1")).toMatch(/NotoNastaliqUrdu/);

    await page.getByRole("link", { name: "ایوارڈز کا فیصلہ کیسے ہوا" }).click();
    await page.getByRole("heading", { name: "ایوارڈز کا فیصلہ کیسے ہوا", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "حتمی مرحلہ" }).first().waitFor();
    expect(await seriousViolations(page, "awards transparency")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it("an exhibitor's awards page lists its application categories in Urdu on a 360 px phone", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, "exhibitor@demo.numaish.pk");
    const mine = "/account/exhibitor/awards";
    await page.goto(`/lang/ur?next=${encodeURIComponent(mine)}`);
    await page.waitForURL((u) => u.pathname === mine);
    await page.getByRole("heading", { name: "ایس ایم ای ایوارڈز: درخواست", level: 1 }).waitFor();
    // The 2026 show's application category, judged: applications closed.
    await page.getByRole("heading", { name: "معیار اور اسٹینڈرڈز", level: 2 }).first().waitFor();
    expect(await page.getByText("درخواستیں بند ہیں").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page, "exhibitor awards")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});
