import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOfficeEditionPath, demo, seriousViolations, startEnv, type Env, signInByPost } from "./helpers";

// An organiser schedules meetings from the programme page on a phone (360 px) with JavaScript off:
// "Schedule meetings" queues a run, the run page refreshes itself until the draft is ready (the
// runner of the app process picks the run up), shows the summary and the weight against the
// bound, and publishes. The pages read in Urdu, right to left, and are axe-clean.

let env: Env;
let programme: string;

beforeAll(async () => {
  env = await startEnv();
  const probe = (await env.context({ viewport: { width: 360, height: 800 } })).page;
  await signInByPost(env, probe, demo.organiser);
  programme = `${await backOfficeEditionPath(probe, { hasText: "2026" })}/b2b`;
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("B2B scheduling runs", () => {
  it("schedules, shows the draft and publishes without JavaScript, in English and Urdu", { timeout: 180_000 }, async () => {
    const page = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    page.setDefaultTimeout(20_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(programme);
    await page.getByRole("link", { name: "Scheduling runs and publishing" }).click();
    await page.getByRole("heading", { name: "Schedule meetings", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Schedule meetings" }).click();
    await page.getByRole("heading", { name: "Scheduling run", level: 1 }).waitFor();
    // The page refreshes itself (meta refresh) until the runner has finished.
    await page.getByText(/accepted requests have a meeting\./).waitFor();
    await page.getByText("Draft ready").waitFor();
    const runPath = new URL(page.url()).pathname;

    // Read (with the browser's scripts on, for axe) in English and Urdu.
    const js = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    js.setDefaultTimeout(20_000);
    await signInByPost(env, js, demo.organiser);
    await js.goto(`${programme}/runs`);
    await js.getByRole("heading", { name: "Schedule meetings", level: 1 }).waitFor();
    expect(await seriousViolations(js, "b2b runs (en)")).toEqual([]);
    expect(await overflow(js)).toBeLessThanOrEqual(0);
    await js.goto(runPath);
    await js.getByText("Draft ready").waitFor();
    expect(await seriousViolations(js, "b2b run (en)")).toEqual([]);
    expect(await overflow(js)).toBeLessThanOrEqual(0);

    await js.goto(`/lang/ur?next=${encodeURIComponent(runPath)}`);
    await js.waitForURL((u) => u.pathname === runPath);
    expect(await js.locator("html").getAttribute("dir")).toBe("rtl");
    await js.getByRole("heading", { name: "ملاقاتیں طے کرنے کا عمل", level: 1 }).waitFor();
    expect(await seriousViolations(js, "b2b run (ur)")).toEqual([]);
    expect(await overflow(js)).toBeLessThanOrEqual(0);
    // Publishing, in Urdu, still without JavaScript.
    await page.goto(`/lang/ur?next=${encodeURIComponent(runPath)}`);
    await page.waitForURL((u) => u.pathname === runPath);
    await page.getByRole("button", { name: "یہ شیڈول شائع کریں" }).click();
    await page.getByText(/^شائع: /).waitFor();
    // A second run is allowed once the first is done; the list shows both.
    await page.goto(`/lang/en?next=${encodeURIComponent(`${programme}/runs`)}`);
    await page.getByText("Published").first().waitFor();
  });
});
