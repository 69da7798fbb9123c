import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, startEnv, type Env } from "./helpers";

// Issue #12, item 4: a visitor on a phone (360 px) reads the 2026 show's floor in Urdu, searches a
// product typed with Arabic letters (as many phone keyboards write Urdu), sees the stalls
// highlighted on the hall's plan and in the list under it, and opens a stall's page; the same with
// JavaScript off. Every page is axe-clean and does not scroll sideways.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const floor = "/editions/showcase-2026/floor";
// "قینچی" (scissors) with the Arabic yeh ي for the Urdu ی.
const scissorsArabicYeh = "قينچي";

async function journey(page: Page, label: string, js: boolean) {
  // Axe and the overflow probe run scripts in the page: only where the page has JavaScript.
  const checks = async (what: string) => {
    if (!js) return;
    expect(await seriousViolations(page, `${what} (${label})`)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  };
  page.setDefaultTimeout(15_000);
  await page.goto(`/lang/ur?next=${encodeURIComponent(floor)}`);
  await page.waitForURL((u) => u.pathname === floor);
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  await page.getByRole("heading", { name: "فلور پلان", level: 1 }).waitFor();
  await checks("floor");

  await page.getByLabel("نمائش کنندگان، پروڈکٹس، ایچ ایس کوڈ، کلسٹر یا اسٹال نمبر تلاش کریں").fill(scissorsArabicYeh);
  await Promise.all([page.waitForURL((u) => u.searchParams.get("q") === scissorsArabicYeh), page.getByRole("button", { name: "تلاش کریں" }).click()]);
  const hits = page.getByTestId("floor-hits");
  await hits.getByRole("heading", { name: /کے نتائج/ }).waitFor();
  expect(await hits.getByRole("listitem").count()).toBeGreaterThan(0);
  await expect.poll(() => hits.textContent()).toContain("قینچیاں");
  const firstHit = (await hits.getByRole("listitem").first().getByRole("link").getAttribute("href"))!;
  const hall = /\/floor\/([^/]+)\/stalls\//.exec(firstHit)![1]!;

  // The hall of the first hit: highlighted on the plan and in the list, in aisle order.
  await page.getByRole("link", { name: new RegExp(`^ہال ${hall.replace(/\D/g, "")}$`) }).first().click();
  await page.waitForURL((u) => u.pathname === `${floor}/${hall}` && u.searchParams.get("q") === scissorsArabicYeh);
  const map = page.getByTestId("hall-map");
  const lit = map.locator("a.st-hit");
  expect(await lit.count()).toBeGreaterThan(0);
  const number = (await lit.first().getAttribute("data-stall"))!;
  expect(await lit.first().getAttribute("aria-label")).toMatch(new RegExp(`^اسٹال ${number}، .+`));
  const item = page.getByTestId("hall-list").locator(`li.hit`, { hasText: number }).first();
  await item.waitFor();
  // Every stall on the plan is a link with a screen-reader name, and the list has the same stalls.
  const stallLinks = await map.locator("a.f-stall").count();
  expect(stallLinks).toBeGreaterThan(10);
  expect(await page.getByTestId("hall-list").getByRole("listitem").count()).toBe(stallLinks);
  await checks("hall");

  // The plan's stall link leads to the stall's entry in the list.
  expect(await lit.first().getAttribute("href")).toBe(`#stall-${number}`);
  // The stall's page: its exhibitor, its products with the scissors, its place marked on the plan.
  await item.getByRole("link", { name: `اسٹال ${number}` }).click();
  await page.waitForURL((u) => u.pathname === `${floor}/${hall}/stalls/${number}`);
  await page.getByRole("heading", { name: `اسٹال ${number}`, level: 1 }).waitFor();
  await page.getByTestId("stall-exhibitor").waitFor();
  expect(await page.getByRole("listitem").filter({ hasText: "قینچیاں" }).count()).toBeGreaterThan(0);
  expect(await page.getByTestId("hall-map").locator("a.st-selected").getAttribute("data-stall")).toBe(number);
  // The way there from the hall's entrance, drawn and said in words.
  await page.getByTestId("route").waitFor({ state: "attached" });
  await page.getByTestId("route-text").getByText(/مرکزی دروازہ/).waitFor();
  await checks("stall");
}

describe("the public floor map", () => {
  it("a visitor on a phone in Urdu searches a product, sees it on the plan and in the list, opens the stall", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    await journey(page, "ur, js", true);
  }, 120_000);

  it("works the same with JavaScript off", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await journey(page, "ur, no js", false);
  }, 120_000);

  it("marks 'you are here' from an entrance's QR code, and is linked from the edition's page (English)", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    await page.goto("/editions/showcase-2026");
    await page.getByRole("link", { name: "Floor plan: find exhibitors and stalls" }).click();
    await page.waitForURL((u) => u.pathname === floor);
    await page.goto(`${floor}/H1?from=H1-main`);
    await page.getByTestId("you-are-here").waitFor({ state: "attached" });
    await page.getByText("You are here: Main entrance.").waitFor();
    // Keyboard: the first stall link is reachable with Tab and named for screen readers.
    const first = page.getByTestId("hall-map").locator("a.f-stall").first();
    expect(await first.getAttribute("aria-label")).toMatch(/^Stall 1-101, /);
    await first.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-stall"))).toBe("1-101");
    expect(await seriousViolations(page, "hall with you are here (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  }, 120_000);
});
