import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOfficeEditionPath, demo, seriousViolations, startEnv, type Env, signInByPost } from "./helpers";

// An organiser sets up the 2026 show's B2B programme on a phone (360 px) with JavaScript off: one
// text field per day in Pakistan time, breaks, tables, interpreters. A mistake is said on its
// field, keeping what was typed; the page reads in Urdu, right to left, and is axe-clean.

let env: Env;
let path: string;

beforeAll(async () => {
  env = await startEnv();
  const probe = (await env.context({ viewport: { width: 360, height: 800 } })).page;
  await signInByPost(env, probe, demo.organiser);
  path = `${await backOfficeEditionPath(probe, { hasText: "2026" })}/b2b`;
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("B2B programme page", () => {
  it("sets up the programme without JavaScript, and says what is wrong on its field", async () => {
    const page = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    page.setDefaultTimeout(10_000);
    await signInByPost(env, page, demo.organiser);
    const res = await page.goto(path);
    if (res!.status() !== 200) throw new Error(`${path}: ${res!.status()} ${(await page.content()).slice(0, 3000)}`);
    await page.getByLabel("Matchmaking is on for this edition").check();
    await page.getByLabel("Open from").fill("2026-01-05T09:00");
    await page.getByLabel("Open until (before the first meeting)").fill("2026-01-23T18:00");
    await page.getByLabel("Day 1", { exact: true }).fill("10:00-13:00, 14:30-17:30");
    await page.getByLabel("Day 2", { exact: true }).fill("14:30 - 17:30, 10:00 - 13:00");
    await page.getByLabel("Day 3", { exact: true }).fill("10:00-13:00");
    await page.getByLabel("Breaks inside sessions").fill("2 12:00-12:20");
    await page.getByLabel("Meeting length in minutes (15 to 30)").fill("20");
    await page.getByLabel("Numbered tables in the B2B lounge").fill("40");
    await page.getByLabel("Exhibitors may host meetings at their own stall").check();
    await page.getByLabel("Interpreters per slot").fill("ur 4, en 4, zh 2");
    await page.getByRole("button", { name: "Save the programme" }).click();
    // Day 1: 9 + 9 slots; day 2: one lost to the break; day 3: 9.
    await page.getByText("Saved: 44 meeting slots over the days.").waitFor();
    expect(await page.getByLabel("Day 2", { exact: true }).inputValue()).toBe("10:00-13:00, 14:30-17:30");
    expect(await page.getByLabel("Open until (before the first meeting)").inputValue()).toBe("2026-01-23T18:00");

    await page.getByLabel("Day 1", { exact: true }).fill("10:00-13:00, 12:00-14:00");
    await page.getByLabel("Open until (before the first meeting)").fill("2026-01-24T11:00");
    await page.getByRole("button", { name: "Save the programme" }).click();
    await page.getByText("The sessions 10:00-13:00, 12:00-14:00 overlap or touch: write them as one session.").waitFor();
    expect(await page.getByLabel("Day 1", { exact: true }).inputValue()).toBe("10:00-13:00, 12:00-14:00");
    // Fixed, the window is next: it closes after the first meeting.
    await page.getByLabel("Day 1", { exact: true }).fill("10:00-13:00, 14:30-17:30");
    await page.getByRole("button", { name: "Save the programme" }).click();
    await page.getByText(/The window must close before the first meeting \(2026-01-24 10:00/).waitFor();
  });

  it("reads in English and Urdu, right to left, at 360 px, axe-clean, with its refusals in Urdu", async () => {
    const page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    page.setDefaultTimeout(10_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(path);
    await page.getByRole("heading", { name: "B2B matchmaking programme", level: 1 }).waitFor();
    expect(await seriousViolations(page, "b2b programme (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await page.waitForURL((u) => u.pathname === path);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "بی ٹو بی میچ میکنگ پروگرام", level: 1 }).waitFor();
    expect(await seriousViolations(page, "b2b programme (ur)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByLabel("دن 1", { exact: true }).fill("13:00-10:00");
    await page.getByRole("button", { name: "پروگرام محفوظ کریں" }).click();
    await page.getByText("“13:00-10:00” میں سیشن شروع ہونے سے پہلے ختم ہو جاتا ہے۔").waitFor();
    expect(await seriousViolations(page, "b2b programme with an error (ur)")).toEqual([]);
  });
});
