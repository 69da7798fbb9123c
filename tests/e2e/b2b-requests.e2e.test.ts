import type { Page } from "playwright-core";
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolExhibitors, joinAsBuyer, sendAccessLink } from "../../src/features/b2b/operations/participants";
import { updateMyProfile } from "../../src/features/b2b/operations/profiles";
import { contactOf, participantById } from "../../src/features/b2b/operations/requests-common";
import { b2bParticipants } from "../../src/features/b2b/tables";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { en, ur } from "../../src/messages";
import { decideRegistrations } from "../../src/features/registration/operations/decide";
import { register } from "../../src/features/registration/operations/register";
import type { Ctx } from "../../src/platform/context";
import { anonymous, type Actor } from "../../src/platform/permissions/actor";
import { actorFor, demo as accounts } from "../support/db";
import { beforeTheShow, demo, emailedPath, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// Meeting requests on a phone (360 px) with JavaScript off: a buyer asks the demo exhibitor for a
// meeting from the new-request page; the exhibitor accepts on its requests page and then sees the
// buyer's contact details; the exhibitor asks another buyer, who declines from the emailed link
// without signing in, in Urdu. Every page is axe-clean in both languages. Then the whole
// "Done when" journey in one test (issue #11): a foreign mission from registering to its calendar
// showing a cancelled meeting, beside the organiser's run, move, publication and repair.

let env: Env;
let editionId: string;
let exhibitorPid: string;
const buyers: { pid: string; token: string; email: string }[] = [];

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  env = await startEnv({ clock: beforeTheShow() });
  const { db, clock, config } = env.server.services;
  const ctx = (actor: Actor = anonymous): Ctx => ({ db, clock, config, actor, locale: "en" });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = edition!.id;
  const organiser = ctx(await actorFor(db, demo.organiser));
  await enrolExhibitors(organiser, { editionId: edition!.id });
  const exhibitor = await actorFor(db, accounts.exhibitor);
  const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const [own] = await db
    .select()
    .from(b2bParticipants)
    .where(and(eq(b2bParticipants.editionId, edition!.id), eq(b2bParticipants.enterpriseId, enterpriseId)));
  exhibitorPid = own!.id;
  await updateMyProfile(ctx(exhibitor), { participantId: exhibitorPid, optedIn: true, profile: { offersEn: "Surgical instruments" } });
  const [cat] = await db
    .select()
    .from(visitorCategories)
    .where(and(eq(visitorCategories.editionId, edition!.id), eq(visitorCategories.code, "corporate_buyer")));
  for (const n of [1, 2]) {
    const email = `e2e-req-buyer-${n}@example.com`;
    const r = await register(ctx(), { editionId: edition!.id, categoryId: cat!.id, name: `Request Buyer ${n}`, organisation: `Buying House ${n}`, email, phone: "+923001112223", days: [0], consentData: true, consentScan: false });
    await decideRegistrations(organiser, { editionId: edition!.id, ids: [r.registrations[0]!.id], decision: "approve" });
    const joined = await joinAsBuyer(ctx(), { registrationToken: r.manageTokens![0]!, kind: "buyer_procurement", locale: n === 2 ? "ur" : "en" });
    buyers.push({ pid: joined.participant.id, token: joined.accessToken!, email });
  }
});
afterAll(async () => env?.close());

describe("B2B meeting requests", () => {
  it("a buyer asks by its link, the exhibitor accepts by its account, then each sees the other's contact", async () => {
    const buyer = buyers[0]!;
    // Axe and the width check run scripts in the page; the page itself ships none, so its forms
    // post as they would without JavaScript (the exhibitor's and the link's below run without).
    const page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    page.setDefaultTimeout(10_000);
    const res = await page.goto(`/b2b/${buyer.token}/requests/new?to=${exhibitorPid}`);
    expect(res!.status()).toBe(200);
    await page.getByRole("heading", { name: "Ask for a meeting", level: 1 }).waitFor();
    expect(await seriousViolations(page, "b2b new request (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Too long a message is said on its field, keeping what was typed.
    await page.getByLabel("Message").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("Message").fill("x".repeat(501));
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByText("Use at most 500 characters.").waitFor();
    await page.getByLabel("Message").fill("We source surgical scissors for 40 hospitals.");
    await page.getByLabel("How much you want this meeting").selectOption("must");
    await page.getByLabel("Day 1", { exact: true }).check();
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByText("Your request was sent. You will be emailed the answer.").waitFor();
    const outgoing = page.getByTestId("b2b-outgoing");
    await expect.poll(() => outgoing.count()).toBe(1);
    expect(await outgoing.textContent()).toContain("Waiting for an answer");
    expect(await outgoing.textContent()).toContain("Contact details are shown once the request is accepted.");
    expect(await seriousViolations(page, "b2b requests (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const ex = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    ex.setDefaultTimeout(10_000);
    await signInByPost(env, ex, accounts.exhibitor);
    await ex.goto(`/b2b/${exhibitorPid}/requests`);
    const incoming = ex.getByTestId("b2b-incoming").filter({ hasText: "Request Buyer 1" });
    expect(await incoming.textContent()).toContain("We source surgical scissors");
    expect(await incoming.textContent()).not.toContain(buyer.email);
    await incoming.getByRole("button", { name: "Accept" }).click();
    await ex.getByText("You accepted the request. The scheduler will give the meeting a time.").waitFor();
    expect(await ex.getByTestId("b2b-incoming").filter({ hasText: "Request Buyer 1" }).textContent()).toContain(buyer.email);
    // Another's requests page is not the exhibitor's to open.
    expect((await ex.goto(`/b2b/${buyer.pid}/requests`))!.status()).toBe(403);
  });

  it("the exhibitor asks a buyer, who declines from the emailed link without signing in, in Urdu", async () => {
    const buyer = buyers[1]!;
    const ex = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    ex.setDefaultTimeout(10_000);
    await signInByPost(env, ex, accounts.exhibitor);
    await ex.goto(`/b2b/${exhibitorPid}/requests/new?to=${buyer.pid}`);
    await ex.getByLabel("Message").fill("We would like to show you our range.");
    await ex.getByRole("button", { name: "Send the request" }).click();
    await ex.getByText("Your request was sent. You will be emailed the answer.").waitFor();
    // Asking again is refused with a clear message.
    await ex.goto(`/b2b/${exhibitorPid}/requests/new?to=${buyer.pid}`);
    await ex.getByRole("button", { name: "Send the request" }).click();
    await ex.getByText("A meeting request between these two already exists.").waitFor();

    const path = await emailedPath(env, buyer.email, "/b2b/answer/", "b2b_request");
    const look = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    await look.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await look.waitForURL((u) => u.pathname === path);
    expect(await look.locator("html").getAttribute("dir")).toBe("rtl");
    await look.getByRole("heading", { name: "آپ کے لیے ملاقات کی درخواست", level: 1 }).waitFor();
    expect(await seriousViolations(look, "b2b answer (ur)")).toEqual([]);
    expect(await overflow(look)).toBeLessThanOrEqual(0);

    const page = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    page.setDefaultTimeout(10_000);
    await page.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await page.waitForURL((u) => u.pathname === path);
    await page.getByLabel("وجہ (اختیاری)").fill("ابھی ضرورت نہیں");
    await page.getByRole("button", { name: "نامنظور کریں" }).click();
    await page.getByText("آپ نے درخواست نامنظور کر دی۔").waitFor();
    expect(await page.getByRole("button", { name: "منظور کریں" }).count()).toBe(0);
    // An unknown link says so.
    expect((await page.goto("/b2b/answer/" + "q".repeat(32)))!.status()).toBe(410);
  });

  // The "Done when" journey, end to end, as a new user would: a foreign mission registers,
  // is approved, joins from its registration's link and fills its profile (in Urdu, on a phone),
  // sees recommendations with reasons and asks three exhibitors; they accept (one from the emailed
  // link without signing in); the organiser schedules, reads the weight against the bound, moves a
  // meeting and publishes; the mission reads its meetings, PDF and calendar; an exhibitor cancels;
  // the calendar keeps the meeting's UID, marked cancelled; the organiser sees the repair.
  it("a foreign mission's whole B2B programme: register, join, profile, recommendations, requests, scheduling, meetings, calendar, cancellation, repair", { timeout: 300_000 }, async () => {
    const { db, clock, config } = env.server.services;
    const anon: Ctx = { db, clock, config, actor: anonymous, locale: "en" };
    const organiserCtx: Ctx = { ...anon, actor: await actorFor(db, demo.organiser) };
    const buyerName = "Journey Mission Trade Section";
    const buyerEmail = "journey-mission@embassy.example";
    // Two more exhibitors across: the organiser sends them their links, to their applications'
    // contacts (the demo's fictional addresses, b2b contactOf); with the demo exhibitor, all make 9018.90.
    const others = await db
      .select({ pid: b2bParticipants.id, ntn: enterprises.ntn, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
      .from(b2bParticipants)
      .innerJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
      .where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme"), ne(b2bParticipants.id, exhibitorPid), isNotNull(enterprises.ntn)))
      .orderBy(asc(enterprises.slug))
      .limit(2);
    const smes: { pid: string; name: string; nameUr: string; email: string; token: string }[] = [];
    for (const [i, o] of others.entries()) {
      const { email } = await contactOf(db, await participantById(db, o.pid));
      expect(email, `exhibitor ${i}'s contact`).toMatch(/@exhibitors\.demo\.numaish\.pk$/);
      expect(await sendAccessLink(organiserCtx, { participantId: o.pid })).toEqual({ sent: true });
      const token = (await emailedPath(env, email!, "/b2b/", "b2b_access_link")).replace("/b2b/", "");
      await updateMyProfile(anon, { token, optedIn: true, profile: { offersEn: "Surgical and dental instruments", hsCodes: ["9018.90"], languages: ["ur", "en"] } });
      smes.push({ pid: o.pid, name: o.nameEn, nameUr: o.nameUr ?? o.nameEn, email: email!, token });
    }
    const exhibitorActor = await actorFor(db, accounts.exhibitor);
    await updateMyProfile({ ...anon, actor: exhibitorActor }, { participantId: exhibitorPid, optedIn: true, profile: { offersEn: "Surgical instruments", hsCodes: ["9018.90"], languages: ["ur", "en"] } });
    const [own] = await db.select().from(enterprises).innerJoin(b2bParticipants, eq(b2bParticipants.enterpriseId, enterprises.id)).where(eq(b2bParticipants.id, exhibitorPid));
    const three = [{ pid: exhibitorPid, nameUr: own!.enterprises.nameUr ?? own!.enterprises.nameEn }, ...smes];

    // 1. The mission registers (a phone, English), and the organiser approves it in the back office.
    const buyer = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    buyer.setDefaultTimeout(20_000);
    await buyer.goto("/editions/showcase-2026/register?category=foreign_mission");
    await buyer.getByLabel(en["registration.form.name"], { exact: true }).fill(buyerName);
    await buyer.getByLabel(en["registration.form.email"], { exact: true }).fill(buyerEmail);
    await buyer.getByLabel(en["registration.form.organisation"], { exact: true }).fill("Embassy of Germany");
    for (const day of [/Saturday/, /Sunday/, /Monday/]) await buyer.getByLabel(day).check();
    await buyer.getByLabel(en["registration.form.consentDataText"]).check();
    await buyer.getByRole("button", { name: en["registration.page.submit"] }).click();
    const manage = await emailedPath(env, buyerEmail, "/registration/");
    const org = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    org.setDefaultTimeout(20_000);
    await signInByPost(env, org, demo.organiser);
    await org.goto(`/back-office/editions/${editionId}/registrations?status=pending`);
    await org.getByLabel(en["registration.bo.selectOne"].replace("{name}", buyerName)).check();
    await org.getByRole("button", { name: en["registration.bo.approve"] }).click();
    await org.getByText("1 changed").waitFor();

    // 2. In Urdu, from the registration's link: the B2B join page, then the profile.
    await buyer.goto(`/lang/ur?next=${encodeURIComponent(manage)}`);
    await buyer.waitForURL((u) => u.pathname === manage);
    await buyer.getByRole("link", { name: ur["b2b.join.link"] }).click();
    await buyer.getByRole("heading", { name: ur["b2b.join.title"], level: 1 }).waitFor();
    expect(await buyer.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await seriousViolations(buyer, "b2b join (ur)")).toEqual([]);
    expect(await overflow(buyer)).toBeLessThanOrEqual(0);
    expect(await buyer.getByLabel(ur["b2b.kind.foreign_mission"]).isChecked()).toBe(true);
    await buyer.getByRole("button", { name: ur["b2b.join.submit"] }).click();
    await buyer.getByText(ur["b2b.join.done"]).waitFor();
    const path = new URL(await buyer.getByLabel(ur["b2b.join.yourLink"]).inputValue()).pathname;
    await buyer.getByRole("link", { name: ur["b2b.join.open"] }).click();
    await buyer.waitForURL((u) => u.pathname === path);
    await buyer.getByLabel(ur["b2b.field.country"]).fill("DE");
    await buyer.getByLabel(ur["b2b.field.hsCodes"]).fill("9018");
    await buyer.getByLabel(ur["b2b.field.languages"]).fill("ur, en");
    await buyer.getByLabel(/مجھے ڈائریکٹری اور تجاویز میں شامل کریں/).check();
    await buyer.getByRole("button", { name: ur["b2b.profile.save"] }).click();
    await buyer.getByText(ur["b2b.profile.saved"]).waitFor();

    // 3. Recommendations with their reasons, in Urdu; a request to each of the three.
    await buyer.goto(`${path}/recommended`);
    await buyer.getByRole("heading", { name: ur["b2b.recommended.title"], level: 1 }).waitFor();
    for (const s of three) {
      const card = buyer.getByTestId("b2b-card").filter({ hasText: s.nameUr });
      expect(await card.getByTestId("b2b-reasons").textContent()).toContain("ایچ ایس 9018 بناتے ہیں، جو آپ خریدتے ہیں");
    }
    expect(await seriousViolations(buyer, "b2b recommended (ur)")).toEqual([]);
    expect(await overflow(buyer)).toBeLessThanOrEqual(0);
    const asks: string[] = [];
    for (const s of three) asks.push((await buyer.getByRole("link", { name: ur["b2b.card.requestWith"].replace("{name}", s.nameUr) }).getAttribute("href"))!);
    for (const ask of asks) {
      await buyer.goto(ask);
      await buyer.getByRole("heading", { name: ur["b2b.requests.new.title"], level: 1 }).waitFor();
      await buyer.getByRole("button", { name: ur["b2b.requests.new.send"] }).click();
      await buyer.getByText(ur["b2b.requests.done.sent"]).waitFor();
    }

    // 4. The exhibitors accept: the demo exhibitor by its account, one from the emailed link
    // without signing in, one by its B2B link.
    const ex = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    ex.setDefaultTimeout(20_000);
    await signInByPost(env, ex, accounts.exhibitor);
    await ex.goto(`/b2b/${exhibitorPid}/requests`);
    await ex.getByTestId("b2b-incoming").filter({ hasText: buyerName }).getByRole("button", { name: en["b2b.requests.accept"] }).click();
    await ex.getByText(en["b2b.requests.done.accepted"]).waitFor();
    const byMail = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    byMail.setDefaultTimeout(20_000);
    await byMail.goto(await emailedPath(env, smes[0]!.email, "/b2b/answer/", "b2b_request"));
    await byMail.getByRole("button", { name: en["b2b.requests.accept"] }).click();
    await byMail.getByText(en["b2b.requests.done.accepted"]).waitFor();
    await byMail.goto(`/b2b/${smes[1]!.token}/requests`);
    await byMail.getByTestId("b2b-incoming").filter({ hasText: buyerName }).getByRole("button", { name: en["b2b.requests.accept"] }).click();
    await byMail.getByText(en["b2b.requests.done.accepted"]).waitFor();

    // 5. The organiser schedules, reads the weight against the bound, moves one meeting, publishes.
    await org.goto(`/back-office/editions/${editionId}/b2b/runs`);
    await org.getByRole("button", { name: en["b2b.runs.start"] }).click();
    await org.getByText(en["b2b.runs.status.done"]).waitFor();
    const weight = await org.getByText(/^Weight \d+ of at most \d+ \(\d+ %\)/).textContent();
    expect(Number(/\((\d+) %\)/.exec(weight!)![1])).toBeGreaterThan(90);
    const moved = await org.locator('select[name="requestId"] option', { hasText: `${smes[0]!.name} – ${buyerName}` }).getAttribute("value");
    await org.getByLabel(en["b2b.run.moveMeeting"], { exact: true }).selectOption(moved!);
    await org.getByLabel(en["b2b.run.day"], { exact: true }).fill("3");
    await org.getByLabel(en["b2b.run.start"], { exact: true }).fill("17:10");
    await org.getByLabel(en["b2b.run.tableNo"], { exact: true }).fill("40");
    await org.getByRole("button", { name: en["b2b.run.moveSubmit"], exact: true }).click();
    await org.getByText(en["b2b.run.changed"]).waitFor();
    expect(await org.getByRole("row").filter({ hasText: `${smes[0]!.name} – ${buyerName}` }).textContent()).toContain("Day 3, 17:10");
    await org.getByRole("button", { name: en["b2b.run.publish"], exact: true }).click();
    await org.getByText(/^Published: /).waitFor();

    // 6. The mission's meetings (Urdu, phone): three, the PDF, one meeting's .ics, the calendar address.
    await buyer.goto(`${path}/meetings`);
    await buyer.getByRole("heading", { name: ur["b2b.meetings.title"], level: 1 }).waitFor();
    const cards = buyer.getByTestId("b2b-meeting");
    await expect.poll(() => cards.count(), SLOW).toBe(3);
    // Where the organiser moved it: the third day (26 January) at 17:10 in Lahore.
    expect(new Date((await cards.filter({ hasText: smes[0]!.nameUr }).locator("time").getAttribute("datetime"))!).toISOString()).toBe("2026-01-26T12:10:00.000Z");
    expect(await seriousViolations(buyer, "b2b meetings (ur)")).toEqual([]);
    expect(await overflow(buyer)).toBeLessThanOrEqual(0);
    const pdf = await buyer.request.get(`${path}/meetings.pdf`);
    expect([pdf.status(), pdf.headers()["content-type"]]).toEqual([200, "application/pdf"]);
    const icsHref = await cards.filter({ hasText: smes[0]!.nameUr }).getByRole("link", { name: ur["b2b.meetings.ics"] }).getAttribute("href");
    const ics = (await (await buyer.request.get(icsHref!)).text()).replace(/\r\n /g, "");
    const uid = /^UID:(.+)$/m.exec(ics)![1]!.trim();
    await buyer.getByRole("button", { name: ur["b2b.meetings.calendar.get"] }).click();
    const feedUrl = new URL(await buyer.getByLabel(ur["b2b.meetings.calendar.url"]).inputValue()).pathname;

    // 7. That exhibitor cancels by its link; the mission's calendar keeps the UID, cancelled.
    await byMail.goto(`/b2b/${smes[0]!.token}/meetings`);
    await byMail.getByTestId("b2b-meeting").filter({ hasText: buyerName }).getByRole("button", { name: en["b2b.meetings.cancel"] }).click();
    await byMail.getByText(/The meeting is cancelled/).waitFor();
    const feed = (await (await buyer.request.get(feedUrl)).text()).replace(/\r\n /g, "");
    const events = feed.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(3);
    const cancelled = events.filter((e) => e.includes(`UID:${uid}`));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toContain("STATUS:CANCELLED");
    expect(cancelled[0]).toMatch(/SEQUENCE:[1-9]/);
    await buyer.reload();
    expect(await buyer.locator('[data-status="cancelled"]').count()).toBe(1);

    // 8. The organiser sees the change and its repair.
    await org.goto(`/back-office/editions/${editionId}/b2b/changes`);
    await org.getByRole("heading", { name: en["b2b.changes.title"], level: 1 }).waitFor();
    await org.getByText(en["b2b.changes.kind.cancel"]).first().waitFor();
  });
});
