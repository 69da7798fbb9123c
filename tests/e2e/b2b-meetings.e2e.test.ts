import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEditionIds, insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { b2bMeetings, b2bParticipants, b2bRequests } from "../../src/features/b2b/tables";
import { hashSecret } from "../../src/platform/ids";
import { backOfficeEditionPath, demo, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// A buyer opens its published meetings by its B2B link on a phone (360 px) with JavaScript off:
// the meeting with the exhibitor, the place, its .ics and the PDF; it cancels one and gets a
// calendar address whose feed keeps the cancelled meeting as CANCELLED. English and Urdu, axe-clean.

let env: Env;
const token = "e2e-meetings-buyer-token-0001";
let meetingIds: string[];
let uids: string[];
/** Where the file's two meetings were placed: free slots and tables beside the demo's own meetings. */
let placed: { start: number; table: number }[];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

beforeAll(async () => {
  env = await startEnv();
  const db = env.server.services.db;
  const { edition } = await demoEditionIds(db);
  const firms = await db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(2);
  const reg = await insertApprovedRegistration(db, edition.id, { email: "e2e-meet-buyer@example.com", name: "Ayesha Buyer" });
  const [buyer] = await db.insert(b2bParticipants).values({ editionId: edition.id, side: "buyer", kind: "buyer_procurement", registrationId: reg.id, approved: true, optedIn: true, accessTokenHash: hashSecret(token) }).returning();
  meetingIds = [];
  uids = [];
  placed = [];
  // The seeded edition already holds its published schedule (the suite runs after the show), so
  // the file's meetings go where the SME and a lounge table are both free on day 1.
  const dayOne = await db
    .select({ start: b2bMeetings.startMinute, table: b2bMeetings.tableNo, sme: b2bMeetings.smeParticipantId })
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.editionId, edition.id), eq(b2bMeetings.day, 1), eq(b2bMeetings.status, "scheduled")));
  for (const [k, firm] of firms.entries()) {
    const [existing] = await db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, edition.id), eq(b2bParticipants.enterpriseId, firm.id)));
    const sme = existing ?? (await db.insert(b2bParticipants).values({ editionId: edition.id, side: "sme", kind: "sme", enterpriseId: firm.id, approved: true, optedIn: true }).returning())[0]!;
    const [r] = await db.insert(b2bRequests).values({ editionId: edition.id, smeParticipantId: sme.id, buyerParticipantId: buyer!.id, requestedBy: "buyer", status: "accepted" }).returning();
    const uid = `${randomUUID()}@numaish.e2e`;
    const after = placed[k - 1]?.start ?? 580;
    const start = [600, 620, 640, 660, 680, 700, 720, 740, 760].find((s) => s > after && !dayOne.some((d) => d.start === s && d.sme === sme.id))!;
    const table = Array.from({ length: 40 }, (_, i) => i + 1).find((t) => !dayOne.some((d) => d.start === start && d.table === t))!;
    placed.push({ start, table });
    const [m] = await db
      .insert(b2bMeetings)
      .values({ editionId: edition.id, requestId: r!.id, smeParticipantId: sme.id, buyerParticipantId: buyer!.id, day: 1, startMinute: start, place: "table", tableNo: table, uid })
      .returning();
    meetingIds.push(m!.id);
    uids.push(uid);
  }
}, 120_000);
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("a participant's meetings page", () => {
  it("lists, cancels and subscribes without JavaScript; the feed keeps the cancelled meeting", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    const path = `/b2b/${token}/meetings`;
    const res = await page.goto(path);
    if (res!.status() !== 200) throw new Error(`${path}: ${res!.status()} ${(await page.content()).slice(0, 2000)}`);
    await page.getByRole("heading", { name: "My B2B meetings", level: 1 }).waitFor();
    const cards = page.getByTestId("b2b-meeting");
    expect(await cards.count()).toBe(2);
    expect(await cards.first().textContent()).toContain(`${hhmm(placed[0]!.start)}–${hhmm(placed[0]!.start + 20)}`);
    expect(await cards.first().textContent()).toContain(`Table ${placed[0]!.table}, B2B lounge`);

    const ics = await page.request.get(`${path}/${meetingIds[0]}/ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect((await ics.text()).replace(/\r\n /g, "")).toContain(`UID:${uids[0]}`);
    const pdf = await page.request.get(`/b2b/${token}/meetings.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await cards.first().getByRole("button", { name: "Cancel this meeting" }).click();
    await page.getByText(/The meeting is cancelled/).waitFor();
    expect(await page.locator('[data-status="cancelled"]').count()).toBe(1);

    await page.getByRole("button", { name: "Get my calendar address" }).click();
    const url = await page.getByLabel("Calendar address (https)").inputValue();
    expect(await page.getByRole("link", { name: "Subscribe in my calendar app" }).getAttribute("href")).toMatch(/^webcal:\/\//);
    const feed = await page.request.get(new URL(url).pathname);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const text = (await feed.text()).replace(/\r\n /g, "");
    expect(text).toContain(`UID:${uids[0]}`);
    expect(text).toContain("STATUS:CANCELLED");
    expect(text).toContain("SEQUENCE:1");
    expect((await page.request.get("/b2b/calendar/not-a-real-calendar-secret")).status()).toBe(404);
    expect((await page.request.get(`/b2b/someone-elses-token-xxxx/meetings`)).status()).toBe(410);
  }, 120_000);

  it("reads in English and Urdu, right to left, at 360 px, axe-clean; the partner's name opens its profile", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(15_000);
    const path = `/b2b/${token}/meetings`;
    await page.goto(path);
    await page.getByRole("heading", { name: "My B2B meetings", level: 1 }).waitFor();
    expect(await seriousViolations(page, "b2b meetings (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The partner's name leads to its profile: its card, and its contact (their request was accepted).
    const partnerLink = page.getByTestId("b2b-meeting").nth(1).getByRole("heading").getByRole("link");
    const partnerName = (await partnerLink.innerText()).trim();
    await partnerLink.click();
    await page.getByRole("heading", { name: "Participant profile", level: 1 }).waitFor();
    await page.getByRole("heading", { name: partnerName, level: 2 }).waitFor();
    await page.getByTestId("b2b-participant-contact").waitFor();
    // The exhibitor's logo (its catalogue profile's) loads when scrolled to.
    const logo = page.getByTestId("b2b-participant-pictures").getByRole("img", { name: `Logo of ${partnerName}` });
    await logo.scrollIntoViewIfNeeded();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), SLOW).toBe(true);
    expect(await seriousViolations(page, "b2b participant (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect((await page.request.get(`/b2b/${token}/participants/${randomUUID()}`)).status()).toBe(404);
    await page.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await page.waitForURL((u) => u.pathname === path);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "میری بی ٹو بی ملاقاتیں", level: 1 }).waitFor();
    expect(await seriousViolations(page, "b2b meetings (ur)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it("organisers see the change listed and remove a slot without JavaScript", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    const path = `${await backOfficeEditionPath(page, { hasText: "2026" })}/b2b/changes`;
    const res = await page.goto(path);
    if (res!.status() !== 200) throw new Error(`${path}: ${res!.status()} ${(await page.content()).slice(0, 2000)}`);
    await page.getByRole("heading", { name: "Changes to the published B2B schedule", level: 1 }).waitFor();
    await page.getByText("A participant cancelled a meeting").waitFor();
    await page.getByLabel("Slot start (HH:MM)").fill("10:20");
    await page.getByRole("button", { name: "Remove and repair" }).click();
    await page.getByText(/Done: \d+ moved, \d+ could not be kept\./).waitFor();
    await page.getByText("A time slot was removed").waitFor();
    await page.getByLabel("Slot start (HH:MM)").fill("25:99");
    // Without JavaScript the post reloads the page: wait for the answer, not the page it left.
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Remove and repair" }).click()]);
    await page.locator(".field-invalid").first().waitFor();
    expect(await page.getByLabel("Slot start (HH:MM)").inputValue()).toBe("25:99");
  }, 120_000);
});
