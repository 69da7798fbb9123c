import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demo } from "../support/db";
import { seriousViolations, backOfficeEditionPath, signIn, startEnv, type Env } from "./helpers";

// An organiser starts a door rehearsal from the check-in set-up page on a phone, in Urdu too.

let env: Env;
let page: Page;
let setupPath: string;

beforeAll(async () => {
  env = await startEnv();
  page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
  await signIn(page, demo.organiser);
  // Next year's show: the demo's first seeding starts today's rehearsal on the edition the scanner
  // opens on, the next to come (the 2026 show is over).
  setupPath = `${await backOfficeEditionPath(page, { hasNotText: "2026" })}/checkin-setup`;
});
afterAll(async () => env?.close());

describe("door rehearsal on the set-up page", () => {
  it("ends the demo's rehearsal and starts one for day 2, in English and Urdu, without horizontal scroll", async () => {
    await page.goto(setupPath);
    // The demo's first seeding started a rehearsal of day 1 for today.
    await expect(page.locator("main").textContent()).resolves.toContain("gates scan as day 1 of the show");
    await page.getByRole("button", { name: "End rehearsal" }).click();
    await page.getByRole("button", { name: "Start rehearsal for today" }).waitFor();
    await page.getByLabel("Rehearse day").selectOption({ value: "1" });
    await page.getByRole("button", { name: "Start rehearsal for today" }).click();
    await page.getByText("gates scan as day 2 of the show").waitFor();
    expect(await seriousViolations(page, "rehearsal (en)")).toEqual([]);
    await page.goto(`/lang/ur?next=${encodeURIComponent(setupPath)}`);
    await page.getByRole("heading", { name: "داخلے کی ریہرسل" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, "rehearsal (ur)")).toEqual([]);
  });

  it("shows the rehearsal on the gate scanner and the footfall dashboard", async () => {
    await page.goto(`/lang/en?next=${encodeURIComponent("/gate")}`);
    await page.getByTestId("gate-rehearsal").waitFor();
    expect(await page.getByTestId("gate-rehearsal").textContent()).toContain("day 2 of the show");
    await page.goto(setupPath.replace(/checkin-setup$/, "footfall"));
    await page.getByTestId("footfall-rehearsal").waitFor();
  });
});
