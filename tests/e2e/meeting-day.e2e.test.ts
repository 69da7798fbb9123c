import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b2bMeetings, b2bParticipants } from "../../src/features/b2b/tables";
import { insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { issueBadge } from "../../src/features/checkin/operations/issue-badge";
import { badges, staffBadges } from "../../src/features/checkin/tables";
import { editions } from "../../src/features/editions/tables";
import { registrations } from "../../src/features/registration/tables";
import { decideRegistrations, register } from "../../src/features/registration";
import { sendAccessLink } from "../../src/features/b2b/operations/participants";
import { visitorCategories } from "../../src/features/editions/tables";
import { anonymous } from "../../src/platform/permissions/actor";
import { publicSummaries } from "../../src/features/b2b/operations/requests-common";
import { loungeBoard } from "../../src/features/meetday/operations/board";
import { scanAtMeeting } from "../../src/features/meetday/operations/checkin";
import { markNoShows, setMeetdaySettings } from "../../src/features/meetday/operations/no-shows";
import { meetingArrivals, meetingScans } from "../../src/features/meetday/tables";
import { fixedClock, type Clock } from "../../src/platform/clock";
import { inTransaction, type Ctx } from "../../src/platform/context";
import { outboxMessages } from "../../src/platform/mail/tables";
import type { Actor } from "../../src/platform/permissions/actor";
import { en, ur } from "../../src/messages";
import { actorFor, demo as accounts } from "../support/db";
import { BEFORE_THE_SHOW, SHOW_DAY_2 } from "../support/clocks";
import { clockFrom, demo, emailedPath, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// Issue #14, item 1, in the B2B lounge on the show's second day: lounge staff (the lounge-only
// role) on a phone check a
// meeting in by scanning both participants' badges (typed here as a keyboard-wedge scanner types
// them) with the shared scanner; the network drops and the page is reloaded before the second
// badge (the service worker opens it), which the phone checks itself and keeps, and sends when
// the network is back; the server records it once, as made offline, and the meeting has started. The board is axe-clean. At a stall (item 7), the exhibitor on a phone in
// Urdu without JavaScript scans a visitor who shares their details and one who does not, and sees the
// difference in the answer and in its list of leads; the visitor who shares then withdraws her consent
// on her registration's page, and her details leave the exhibitor's list and download at once; the
// other accepts the exhibitor's stay-in-touch request from its emailed link, and her name appears. At another table the SME does not come
// (item 2): ten minutes after the start it is marked no-show, the board says so in Urdu, and the
// buyer who came is told the time is theirs; it books a walk-up meeting (item 3) with another SME,
// which confirms it in Urdu, and the meeting is in both schedules.

let env: Env;
let editionId: string;
let meetingId: string;
const codes = { buyer: "", sme: "", sharing: "", private: "", present: "" };
/** The manage link's token of the visitor who shares their details (their registration's page). */
let sharingManageToken = "";
/** The no-show meeting, its buyer (who comes; a B2B link by token) and the SME it meets walk-up. */
let absentId: string;
const present = { pid: "", email: "", locale: "en" as "en" | "ur", token: "" };
const partner = { pid: "", name: "" };

beforeAll(async () => {
  env = await startEnv({ clock: clockFrom(SHOW_DAY_2) });
  const { db, clock, config } = env.server.services;
  const ctx = (actor: Actor): Ctx => ({ db, clock, config, actor, locale: "en" });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = edition!.id;
  const organiser = ctx(await actorFor(db, demo.organiser));
  // A meeting on the board now, not yet started: its buyer's badge, and a staff badge for its SME.
  const board = await loungeBoard(ctx(await actorFor(db, accounts.gate)), { editionId });
  const shown = board.tables.flatMap((t) => [t.current, t.next]).find((m) => m && !m.started && m.sides.every((s) => !s.arrived && !s.noShow));
  if (!shown) throw new Error("the lounge board shows no meeting to check in");
  meetingId = shown.id;
  const [m] = await db.select().from(b2bMeetings).where(eq(b2bMeetings.id, meetingId));
  const [buyer] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.id, m!.buyerParticipantId));
  const [sme] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.id, m!.smeParticipantId));
  const badgeOf = async (registrationId: string) => {
    await inTransaction(organiser, (tx, c) => issueBadge(tx, c, registrationId));
    const [b] = await db.select().from(badges).where(eq(badges.registrationId, registrationId));
    return b!.code;
  };
  codes.buyer = await badgeOf(buyer!.registrationId!);
  const staff = await insertApprovedRegistration(db, editionId, { email: "lounge-staff@sme.example", name: "Imran Butt" });
  await db.insert(staffBadges).values({ registrationId: staff.id, editionId, enterpriseId: sme!.enterpriseId! });
  codes.sme = await badgeOf(staff.id);
  // Two visitors for the stall, registered (before the show) with their answer to "share my details
  // with exhibitors who scan my badge": one shares, one does not. Approving issues their badges.
  const [visitorCategory] = await db.select().from(visitorCategories).where(and(eq(visitorCategories.editionId, editionId), eq(visitorCategories.code, "corporate_buyer")));
  const visitor = async (name: string, email: string, consentScan: boolean) => {
    const made = await register({ ...ctx(anonymous), clock: fixedClock(BEFORE_THE_SHOW) }, { editionId, categoryId: visitorCategory!.id, name, email, days: [0, 1, 2], consentData: true, consentScan });
    const id = made.registrations[0]!.id;
    await decideRegistrations(organiser, { editionId, ids: [id], decision: "approve" });
    const [b] = await db.select().from(badges).where(eq(badges.registrationId, id));
    return { code: b!.code, manageToken: made.manageTokens![0]! };
  };
  const farah = await visitor("Farah Naz", "sharing@visitor.example", true);
  codes.sharing = farah.code;
  sharingManageToken = farah.manageToken;
  codes.private = (await visitor("Kamran Akmal", "keeping@visitor.example", false)).code;
  // Another meeting on now: its buyer will come, its SME will not.
  const other = board.tables.map((t) => t.current).find((m) => m && m.id !== meetingId && !m.started && m.sides.every((s) => !s.arrived && !s.noShow));
  if (!other) throw new Error("the lounge board shows no second meeting on now");
  absentId = other.id;
  const [am] = await db.select().from(b2bMeetings).where(eq(b2bMeetings.id, absentId));
  const [comes] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.id, am!.buyerParticipantId));
  const [reg] = await db.select().from(registrations).where(eq(registrations.id, comes!.registrationId!));
  Object.assign(present, { pid: comes!.id, email: reg!.email, locale: comes!.locale === "ur" ? "ur" : "en" });
  codes.present = await badgeOf(comes!.registrationId!);
  // The SME it meets walk-up: the demo exhibitor (signed in), which it has no meeting with. The
  // buyer opens its B2B pages by the link the organiser sends it (the token is only in the email).
  const met = new Set((await db.select().from(b2bMeetings).where(eq(b2bMeetings.buyerParticipantId, comes!.id))).map((m) => m.smeParticipantId));
  const exhibitor = await actorFor(db, accounts.exhibitor);
  const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")?.enterpriseId : undefined;
  const [free] = await db.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.enterpriseId, enterpriseId ?? "")));
  if (!free || met.has(free.id) || free.withdrawnAt || !free.approved) throw new Error("the demo exhibitor is not free to meet this buyer walk-up");
  Object.assign(partner, { pid: free.id, name: (await publicSummaries(db, [free.id])).get(free.id)!.nameEn });
  expect(await sendAccessLink(organiser, { participantId: present.pid })).toEqual({ sent: true });
  present.token = (await emailedPath(env, present.email, "/b2b/", "b2b_access_link")).replace("/b2b/", "");
});
afterAll(async () => env?.close());

describe("the B2B lounge", () => {
  it("staff check a meeting in by scanning both badges, the second after a reload offline; it is sent when the network is back and recorded once", async () => {
    const { page, context } = await env.context({ viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(15_000);
    // Lounge staff (the gate-staff role scoped to the lounge): `/lounge` opens today's board.
    await signInByPost(env, page, accounts.lounge);
    await page.goto("/lounge");
    await page.waitForURL((u) => u.pathname === `/lounge/${editionId}`);
    await page.getByRole("heading", { name: en["meetday.board.title"], level: 1 }).waitFor();
    const card = page.getByTestId(`board-meeting-${meetingId}`);
    // The scanner's line (online, queue) appears once the script runs.
    const status = page.getByTestId(`meeting-${meetingId}-status`);
    await status.waitFor();
    const answer = page.getByTestId(`meeting-${meetingId}-answer`);
    const scan = async (code: string) => {
      await card.getByLabel(en["meetday.board.code"]).fill(code);
      await card.getByRole("button", { name: en["meetday.board.check"] }).click();
    };
    const scansOf = async (side: "sme" | "buyer") =>
      (await env.server.services.db.select().from(meetingScans).where(and(eq(meetingScans.meetingId, meetingId), eq(meetingScans.side, side)))).map((s) => [s.result, s.offline]);

    await scan(codes.buyer);
    await expect.poll(() => answer.getAttribute("data-result"), SLOW).toBe("ok");
    await expect.poll(async () => (await env.server.services.db.select().from(meetingArrivals).where(eq(meetingArrivals.meetingId, meetingId))).map((a) => a.side), SLOW).toEqual(["buyer"]);
    // Sent through the phone's queue like every scan, but made online: stored as such.
    expect(await scansOf("buyer")).toEqual([["arrived", false]]);

    // The network drops and the page is reloaded: the scanner's service worker opens it; the phone
    // checks the SME's badge itself and keeps the scan.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await context.setOffline(true);
    await page.reload();
    await status.waitFor();
    await expect.poll(() => status.innerText(), SLOW).toContain(en["checkin.gate.offline"]);
    await scan(codes.sme);
    await expect.poll(() => answer.innerText(), SLOW).toContain(en["checkin.scanner.provisional"]);
    expect(await answer.getAttribute("data-result")).toBe("ok");
    await expect.poll(() => status.innerText(), SLOW).toContain(en["checkin.gate.queue"].replace("{count}", "1"));

    // Back online: the browser's `online` event sends the queue at once (not at the 15-second
    // timer), the scan is recorded once, as made offline, and the meeting has
    // started (its scan form leaves the board).
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    const arrivals = async () => (await env.server.services.db.select().from(meetingArrivals).where(eq(meetingArrivals.meetingId, meetingId))).map((a) => a.side).sort();
    await expect.poll(arrivals, { timeout: 12_000, interval: 250 }).toEqual(["buyer", "sme"]);
    expect(await scansOf("sme")).toEqual([["arrived", true]]);
    await page.reload();
    await card.getByText(en["meetday.board.started"]).waitFor();
    expect(await seriousViolations(page, "lounge board")).toEqual([]);
  });

  it("an exhibitor scans a visitor who shares and one who does not, in Urdu on a phone without JavaScript, and sees the difference; the visitor withdraws her consent and the download no longer holds her", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, accounts.exhibitor);
    await page.goto(`/lang/ur?next=${encodeURIComponent("/account/exhibitor/leads")}`);
    await page.waitForURL((u) => u.pathname === "/account/exhibitor/leads");
    await page.getByRole("heading", { name: ur["leads.page.title"], level: 1 }).waitFor();
    const record = async (code: string) => {
      await page.getByLabel(ur["leads.page.code"]).fill(code);
      await page.getByRole("button", { name: ur["leads.page.scan"], exact: true }).click();
      await page.getByTestId("scan-result").waitFor();
    };
    await record(codes.sharing);
    expect(await page.getByTestId("scan-result").getAttribute("data-shared")).toBe("yes");
    await page.getByText(ur["leads.scan.shared"]).waitFor();
    await record(codes.private);
    expect(await page.getByTestId("scan-result").getAttribute("data-shared")).toBe("no");
    await page.getByText(ur["leads.scan.counted"]).waitFor();
    // In the list: the visitor who shares by name; the other as a visit, without name or email.
    await page.goto("/account/exhibitor/leads");
    await page.locator('[data-shared="yes"]', { hasText: "Farah Naz" }).waitFor();
    expect(await page.locator("main").innerText()).not.toContain("Kamran Akmal");
    expect(await page.locator("main").innerText()).not.toContain("keeping@visitor.example");
    expect(await page.locator('article[data-shared="no"]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // The exhibitor's download holds the visitor who shares. She then withdraws her consent on her
    // registration's page (by its manage link, on a phone): at once her details leave the download.
    const download = async () => {
      const r = await page.request.get("/account/exhibitor/leads/export?format=csv");
      expect(r.status()).toBe(200);
      return r.text();
    };
    expect(await download()).toContain("sharing@visitor.example");
    const own = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    own.setDefaultTimeout(15_000);
    await own.goto(`/registration/${sharingManageToken}/leads`);
    await own.getByRole("heading", { name: en["leads.visitor.title"], level: 1 }).waitFor();
    await own.getByLabel(en["leads.visitor.consent"]).uncheck();
    await own.getByRole("button", { name: en["leads.visitor.consentSave"] }).click();
    await own.getByText(en["leads.visitor.done.consent"]).waitFor();
    expect(await own.getByLabel(en["leads.visitor.consent"]).isChecked()).toBe(false);
    expect(await seriousViolations(own, "visitor's leads page")).toEqual([]);
    const after = await download();
    expect(after).not.toContain("sharing@visitor.example");
    expect(after).not.toContain("Farah Naz");
    await page.reload();
    expect(await page.locator("main").innerText()).not.toContain("Farah Naz");

    // The visitor who keeps her details was emailed the exhibitor's request with a link of its own
    // (her registration's link untouched); on her phone she accepts it, and her name is on the list.
    const touchPath = await emailedPath(env, "keeping@visitor.example", "/stay-in-touch/", "leads_touch_request");
    const asked = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    asked.setDefaultTimeout(15_000);
    await asked.goto(touchPath);
    await asked.getByRole("heading", { name: en["leads.touch.title"], level: 1 }).waitFor();
    expect(await seriousViolations(asked, "stay-in-touch request")).toEqual([]);
    await asked.locator('button[value="accept"]').click();
    await asked.getByText(en["leads.visitor.done.accepted"]).waitFor();
    await page.reload();
    await page.locator('[data-shared="yes"]', { hasText: "Kamran Akmal" }).waitFor();
  });

  it("a side not here ten minutes after the start is marked no-show: the board open on a phone says so in Urdu by itself, and the side that came is told the time is theirs", async () => {
    const { db, clock, config } = env.server.services;
    // The board is open on a staff phone before anything happens (its scanner's script running).
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, accounts.gate);
    await page.goto(`/lang/ur?next=${encodeURIComponent(`/lounge/${editionId}`)}`);
    const card = page.getByTestId(`board-meeting-${absentId}`);
    await page.getByTestId(`meeting-${absentId}-status`).waitFor();
    expect(await card.getByText(ur["meetday.board.noShow"]).count()).toBe(0);

    const as = async (email: string, at: Clock = clock): Promise<Ctx> => ({ db, clock: at, config, actor: await actorFor(db, email), locale: "en" });
    // The organiser's rule: ten minutes. The buyer arrives; the meeting-day runner's sweep runs eleven minutes on.
    await setMeetdaySettings(await as(demo.organiser), { editionId, noShowMinutes: 10 });
    expect(await scanAtMeeting(await as(accounts.gate), { meetingId: absentId, code: codes.present })).toMatchObject({ result: "arrived", side: "buyer" });
    await markNoShows(await as(demo.organiser, fixedClock(new Date(clock.now().getTime() + 11 * 60_000).toISOString())), editionId);
    const mails = await db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_no_show"), eq(outboxMessages.toAddress, present.email)));
    expect(mails).toHaveLength(1);
    const words = present.locale === "ur" ? ur : en;
    expect(mails[0]!.bodyText).toContain(words["meetday.noShow.body"].split("\n\n")[1]!.split("\n")[0]!);
    expect(mails[0]!.bodyText).toContain(`/b2b/${present.pid}/meetings`);

    // Nobody reloads: the board fetches its data again every 30 seconds (the phone's clock moved on).
    await page.clock.fastForward(30_000);
    await card.getByText(ur["meetday.board.noShow"]).waitFor();
    expect(await seriousViolations(page, "lounge board (ur)")).toEqual([]);
  });

  it("the side that came books a walk-up meeting: it proposes a free common slot, the other side confirms in Urdu, and it is in both schedules", async () => {
    const buyer = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    buyer.setDefaultTimeout(15_000);
    await buyer.goto(`/b2b/${present.token}/walk-up?q=${encodeURIComponent(partner.name)}`);
    await buyer.getByRole("link", { name: en["meetday.walkup.choose"].replace("{name}", partner.name) }).click();
    await buyer.getByTestId("walkup-propose").getByRole("button", { name: en["meetday.walkup.propose"] }).click();
    await buyer.getByText(en["meetday.walkup.proposed"]).waitFor();
    expect(await seriousViolations(buyer, "walk-up page")).toEqual([]);

    const sme = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    sme.setDefaultTimeout(15_000);
    await signInByPost(env, sme, accounts.exhibitor);
    await sme.goto(`/lang/ur?next=${encodeURIComponent(`/b2b/${partner.pid}/walk-up`)}`);
    await sme.getByRole("button", { name: ur["meetday.walkup.confirm"] }).click();
    await sme.getByText(ur["meetday.walkup.done.confirmed"]).waitFor();
    expect(await sme.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    const booked = await env.server.services.db.select().from(b2bMeetings).where(and(eq(b2bMeetings.smeParticipantId, partner.pid), eq(b2bMeetings.buyerParticipantId, present.pid), eq(b2bMeetings.status, "scheduled")));
    expect(booked.map((m) => m.kind)).toEqual(["walk_up"]);
    await buyer.goto(`/b2b/${present.token}/meetings`);
    await buyer.locator("main").getByText(partner.name).first().waitFor();
  });
});
