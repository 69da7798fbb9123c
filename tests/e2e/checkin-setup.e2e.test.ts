import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demo, seriousViolations, backOfficeEditionPath, signIn, startEnv, type Env } from "./helpers";

// The organisers' check-in set-up page on a phone: axe-clean in both languages, nothing wider
// than 360 px, and a zone added through the form gets the next badge bit.

let env: Env;
let page: Page;
let setupPath: string;

beforeAll(async () => {
  env = await startEnv();
  page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
  await signIn(page, demo.organiser);
  // The 2026 show (the demo also has next year's, with an open nomination call).
  setupPath = `${await backOfficeEditionPath(page, { hasText: "2026" })}/checkin-setup`;
});
afterAll(async () => env?.close());

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("check-in set-up page", () => {
  it("adds a zone with the next bit, and shows a repeated code's error on that form only", async () => {
    await page.goto(setupPath);
    await page.evaluate(() => document.fonts.ready);
    expect(await seriousViolations(page, "checkin set-up (en)")).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator("#zone-new-code").fill("vip_lounge");
    await page.locator("#zone-new-nameEn").fill("VIP lounge");
    await page.locator("#zone-new-nameUr").fill("وی آئی پی لاؤنج");
    await page.getByRole("button", { name: "Add zone" }).click();
    await page.getByText("Saved.").waitFor();
    await page.getByText("Badge bit 3").waitFor();

    await page.locator("#zone-new-code").fill("vip_lounge");
    await page.locator("#zone-new-nameEn").fill("Again");
    await page.locator("#zone-new-nameUr").fill("دوبارہ");
    await page.getByRole("button", { name: "Add zone" }).click();
    await page.locator("#zone-new-code-error").waitFor();
    expect(await page.locator("#gate-new-code-error").count()).toBe(0);
    expect(await seriousViolations(page, "checkin set-up with an error")).toEqual([]);
  });

  it("reads in Urdu, right to left, at 360 px", async () => {
    await page.goto(`/lang/ur?next=${encodeURIComponent(setupPath)}`);
    await page.waitForURL((u) => u.pathname === setupPath);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "زون، گیٹ اور عملے کے بیج" }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(await seriousViolations(page, "checkin set-up (ur)")).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
