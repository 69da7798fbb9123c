import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOfficeEditionPath, demo, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// Issue #13, the agenda: an organiser adds a session to next year's draft and publishes a release
// with JavaScript off, seeing the double-booked speaker warning on the way; with JavaScript, drags a
// session in the day × room grid to another room and time (snapped) and onto another day's tab;
// a visitor reads the 2026 show's agenda in Urdu on a 360-pixel phone, opens a session and the
// change log, and follows a session's room to its stage on the floor map, axe-clean.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("the agenda", () => {
  it("an organiser adds a session and publishes a release without JavaScript", async () => {
    const { page } = await env.context({ javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    const editionPath = await backOfficeEditionPath(page, { hasNotText: "2026" });
    await page.goto(`${editionPath}/programme`);
    await page.getByRole("heading", { name: "Agenda: schedule editor", level: 1 }).waitFor();
    const form = page.getByTestId("session-form");
    await form.getByLabel("Title (English)").fill("Clusters and exports: questions from the floor");
    await form.getByLabel("Title (Urdu)").fill("کلسٹر اور برآمدات: حاضرین کے سوالات");
    await form.getByLabel("Starts").fill("10:32");
    await form.getByLabel("Ends").fill("11:30");
    await form.getByLabel("Ahmed Raza", { exact: true }).check();
    await Promise.all([page.waitForURL((u) => u.searchParams.has("done")), form.getByRole("button", { name: "Save the session" }).click()]);
    await page.getByText("Saved.").waitFor();
    // Snapped to 10:30, and Ahmed Raza opens the show at 10:00-11:00 in the auditorium: a clash.
    await page.getByTestId("programme-grid").getByText("Clusters and exports: questions from the floor").waitFor();
    expect(await page.getByTestId("programme-grid").textContent()).toContain("10:30–11:30");
    await page.getByTestId("programme-warnings").getByText(/Ahmed Raza is in two places at once/).waitFor();

    const release = page.getByTestId("release-form");
    await release.getByLabel("Name of the release").fill("First draft for partners");
    await Promise.all([page.waitForURL((u) => u.searchParams.get("done")?.startsWith("release-") ?? false), release.getByRole("button", { name: "Publish the release" }).click()]);
    await page.getByText(/Version \d+ is published/).waitFor();

    // A room's settings, and where it is on the floor map, each in a form of its own.
    const room = page.getByTestId("rooms").locator("details", { hasText: "Hall 1 stage" });
    await room.locator("summary").click();
    expect(await room.getByLabel("On the floor map").locator("option:checked").textContent()).toBe("Hall 1: Main stage");
    await room.getByLabel("Seats").fill("160");
    await Promise.all([page.waitForURL((u) => u.searchParams.get("done") === "roomEdit"), room.getByRole("button", { name: "Save the room" }).click()]);
    await page.getByText("Saved.").waitFor();
    await page.getByTestId("rooms").locator("summary", { hasText: "Hall 1 stage · 160 seats" }).waitFor();

    const slug = (await page.getByRole("link", { name: "The public agenda" }).getAttribute("href"))!;
    await page.goto(slug);
    await page.getByRole("link", { name: "Clusters and exports: questions from the floor" }).waitFor();
  });

  it("with JavaScript, an organiser drags a session to another room and time (snapped) and onto another day's tab", async () => {
    // Tall enough for the whole day's grid and the day tabs above it, without scrolling mid-drag.
    const { page } = await env.context({ viewport: { width: 1280, height: 2200 } });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    const editionPath = await backOfficeEditionPath(page, { hasNotText: "2026" });
    await page.goto(`${editionPath}/programme?day=1`);
    await page.locator("#drag-step").waitFor(); // drawn once the script runs: the grid drags
    await page.locator("#drag-step").selectOption("5");
    const title = "Export readiness: a year on"; // next year's draft: day 1, 11:30–12:30, main auditorium
    const session = page.getByTestId("grid-session").filter({ hasText: title });
    /** Presses the session, starts the drag, then moves to where `to` says (measured once dragging). */
    const drag = async (to: () => Promise<{ x: number; y: number }>) => {
      const from = (await session.getByRole("link").boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 2 });
      const { x, y } = await to();
      await page.mouse.move(x, y, { steps: 8 });
    };

    // To the Hall 1 stage's 14:00 row, a third of the way down: 14:09 on the 5-minute step is 14:10.
    const hall1 = page.getByTestId("programme-grid").locator('td[data-slot="840"]').nth(1);
    const roomId = await hall1.getAttribute("data-room");
    const top = (await hall1.boundingBox())!.y;
    await drag(async () => {
      const cell = (await hall1.boundingBox())!;
      return { x: cell.x + cell.width / 2, y: cell.y + cell.height * 0.3 };
    });
    // The grid stays put under the pointer while the line above it says where the session goes.
    expect((await hall1.boundingBox())!.y).toBeCloseTo(top, 0);
    await expect.poll(() => page.getByTestId("programme-drag-status").textContent(), SLOW).toBe(`${title} → Hall 1 stage, 14:10–15:10`);
    await Promise.all([page.waitForURL((u) => u.searchParams.has("moved")), page.mouse.up()]);
    await page.getByTestId("programme-moved").getByText("Moved.").waitFor();
    // Saved: the page drawn again from the server has it there.
    expect(await session.textContent()).toContain("14:10–15:10");
    expect(await session.locator("xpath=..").getAttribute("data-slot")).toBe("840");
    expect(await session.locator("xpath=..").getAttribute("data-room")).toBe(roomId);

    // Onto day 2's tab: the same room and times on that day.
    await page.locator("#drag-step").waitFor();
    await drag(async () => {
      const tab = (await page.locator('[data-drop-day="2"]').boundingBox())!;
      return { x: tab.x + tab.width / 2, y: tab.y + tab.height / 2 };
    });
    await expect.poll(() => page.getByTestId("programme-drag-status").textContent(), SLOW).toBe(`${title} → day 2, 14:10–15:10`);
    await Promise.all([page.waitForURL((u) => u.searchParams.get("day") === "2" && u.searchParams.has("moved")), page.mouse.up()]);
    await page.getByTestId("programme-moved").waitFor();
    expect(await session.textContent()).toContain("14:10–15:10");
    expect(await session.locator("xpath=..").getAttribute("data-room")).toBe(roomId);
  });

  it("a visitor reads the agenda in Urdu on a 360 px phone, axe-clean", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    const agenda = "/editions/showcase-2026/programme";
    await page.goto(`/lang/ur?next=${encodeURIComponent(agenda)}`);
    await page.waitForURL((u) => u.pathname === agenda);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "ایجنڈا", level: 1 }).waitFor();
    await page.getByRole("heading", { name: /دن 3/ }).waitFor();
    expect(await seriousViolations(page, "agenda")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Filter by track: the women entrepreneurs' sessions only.
    await page.getByLabel("موضوع").selectOption("women_entrepreneurs");
    await Promise.all([page.waitForURL((u) => u.searchParams.get("track") === "women_entrepreneurs"), page.getByRole("button", { name: "دکھائیں" }).click()]);
    const sessions = page.getByTestId("agenda-session");
    expect(await sessions.count()).toBe(2);

    await sessions.first().getByRole("link").click();
    await page.waitForURL((u) => u.pathname.startsWith(`${agenda}/sessions/`));
    await page.getByRole("link", { name: "ثنا ملک" }).waitFor();
    await page.getByTestId("seats").waitFor();
    expect(await seriousViolations(page, "session")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole("link", { name: "ثنا ملک" }).click();
    await page.getByRole("heading", { name: "ثنا ملک", level: 1 }).waitFor();
    expect(await seriousViolations(page, "speaker")).toEqual([]);

    await page.goto(`${agenda}/changes`);
    await page.getByRole("heading", { name: "ایجنڈا میں تبدیلیاں", level: 1 }).waitFor();
    expect(await seriousViolations(page, "changes")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // A session on Hall 1's stage links to the stage on the floor map, marked.
    await page.goto(agenda);
    await page.getByRole("link", { name: "چھوٹے کاروبار کے لیے مالیات تک رسائی" }).click();
    await page.getByRole("link", { name: "ہال 1 اسٹیج فلور میپ پر دیکھیں (ہال 1)" }).click();
    await page.waitForURL((u) => u.pathname === "/editions/showcase-2026/floor/H1" && u.searchParams.get("area") === "main-stage" && u.hash === "#marked");
    await page.getByTestId("area-marked").getByText("مرکزی اسٹیج").waitFor();
    expect(await page.locator("[data-marked]").count()).toBe(1);
    expect(await seriousViolations(page, "hall with a marked area")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const ics = await page.request.get(`${env.server.url}${agenda}/calendar`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");
  });
});
