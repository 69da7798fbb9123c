import type { Page } from "playwright-core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { editions } from "../../src/features/editions/tables";
import { saveRoom, saveSession } from "../../src/features/programme/operations/draft";
import { publishRelease } from "../../src/features/programme/operations/release";
import { cancelRsvp, rsvpSession } from "../../src/features/programme/operations/rsvp";
import { programmeRsvps } from "../../src/features/programme/tables";
import { registrations } from "../../src/features/registration/tables";
import { hashSecret } from "../../src/platform/ids";
import { outboxMessages } from "../../src/platform/mail/tables";
import type { Ctx } from "../../src/platform/context";
import { anonymous, type Actor } from "../../src/platform/permissions/actor";
import { ur } from "../../src/messages";
import { actorFor } from "../support/db";
import { beforeTheShow, demo, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// Issue #13, seats at the agenda's sessions, two weeks before the 2026 show: the demo visitor, signed
// in on a phone in Urdu with JavaScript off, reserves seats in two sessions, joins the waitlist of a
// full one (one seat, taken), finds all three in "my agenda" and downloads its calendar (the two seats,
// not the place in line); the seat is given back and the visitor is promoted, emailed, and the
// session page says the seat is theirs. Every page is axe-clean.

let env: Env;
let editionId: string;
let visitorRegistration: string;
const HOLDER_LINK = "e2e-seat-holder-manage-link-abcdefghijklmnop";
const sessions: { id: string; title: string }[] = [];
let ctx: (actor?: Actor) => Ctx;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const sessionPath = (id: string) => `/editions/showcase-2026/programme/sessions/${id}`;

beforeAll(async () => {
  env = await startEnv({ clock: beforeTheShow() });
  const { db, clock, config } = env.server.services;
  ctx = (actor: Actor = anonymous): Ctx => ({ db, clock, config, actor, locale: "en" });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = edition!.id;
  const organiser = ctx(await actorFor(db, demo.organiser));
  const small = (await saveRoom(organiser, { editionId, slug: "e2e-one-seat", nameEn: "Meeting room 9", nameUr: "میٹنگ روم 9", capacity: 1 })).id;
  const big = (await saveRoom(organiser, { editionId, slug: "e2e-forty", nameEn: "Meeting room 10", nameUr: "میٹنگ روم 10", capacity: 40 })).id;
  const made = [
    { titleEn: "Costing for export orders", titleUr: "برآمدی آرڈرز کی لاگت", startMinute: 600, endMinute: 660, roomId: big },
    { titleEn: "Packaging that sells abroad", titleUr: "بیرونِ ملک بکنے والی پیکجنگ", startMinute: 690, endMinute: 750, roomId: big },
    { titleEn: "One-to-one export clinic", titleUr: "برآمدات پر انفرادی مشاورت", startMinute: 780, endMinute: 810, roomId: small },
  ];
  for (const s of made) {
    const saved = await saveSession(organiser, { editionId, kind: "workshop", day: 2, ...s });
    sessions.push({ id: saved.id, title: s.titleUr });
  }
  await publishRelease(organiser, { editionId, name: "Workshops added" });
  const visitor = await actorFor(db, demo.visitor);
  visitorRegistration = (await insertApprovedRegistration(db, editionId, { email: demo.visitor, name: "Visitor (demo)", userId: visitor.kind === "user" ? visitor.userId : null })).id;
  // The one seat's holder, by the manage link of their registration (as from their email).
  const holderRegistration = (await insertApprovedRegistration(db, editionId, { email: "first-in-line@seats.example", name: "Nadia Hussain" })).id;
  await db.update(registrations).set({ manageTokenHash: hashSecret(HOLDER_LINK) }).where(eq(registrations.id, holderRegistration));
  await rsvpSession(ctx(), { sessionId: sessions[2]!.id, holder: { token: HOLDER_LINK } });
});
afterAll(async () => env?.close());

describe("seats at the agenda's sessions", () => {
  it("a visitor reserves two seats, joins a full session's waitlist, downloads its agenda, and is promoted when a seat frees", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.visitor);
    await page.context().addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);

    for (const s of sessions.slice(0, 2)) {
      await page.goto(sessionPath(s.id));
      await page.getByRole("heading", { name: s.title, level: 1 }).waitFor();
      await page.getByRole("button", { name: ur["programme.rsvp.reserve"] }).click();
      await page.getByTestId("my-seat").getByText(ur["programme.seats.seated"]).waitFor();
    }
    const full = sessions[2]!;
    await page.goto(sessionPath(full.id));
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByTestId("seats").getByText(ur["programme.rsvp.seats"].replace("{left}", "0").replace("{capacity}", "1")).waitFor();
    await page.getByRole("button", { name: ur["programme.seats.waitlist"] }).click();
    await page.getByText(ur["programme.seats.joined"].replace("{position}", "1")).waitFor();
    await page.getByTestId("my-seat").getByText(ur["programme.seats.waitlisted"].replace("{position}", "1")).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.goto("/editions/showcase-2026/programme/mine");
    await page.getByRole("heading", { name: ur["programme.mine.title"], level: 1 }).waitFor();
    for (const s of sessions.slice(0, 2)) await page.getByRole("link", { name: s.title }).waitFor();
    await page.getByTestId("mine-waitlisted").getByText(full.title).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const ics = await page.request.get((await page.getByRole("link", { name: ur["programme.mine.ics"] }).getAttribute("href"))!);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    const events = (await ics.text()).split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(2);
    expect(events.every((e) => /\r?\nUID:[^\r\n]+/.test(e))).toBe(true);

    // The one seat is given back: the first in line (the visitor) has it, and is told by email.
    expect(await cancelRsvp(ctx(), { sessionId: full.id, holder: { token: HOLDER_LINK } })).toMatchObject({ cancelled: true, promoted: 1 });
    const [row] = await env.server.services.db
      .select()
      .from(programmeRsvps)
      .where(and(eq(programmeRsvps.sessionId, full.id), eq(programmeRsvps.registrationId, visitorRegistration)));
    expect(row!.status).toBe("seated");
    await expect
      .poll(async () => (await env.server.services.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, demo.visitor), eq(outboxMessages.kind, "programme.waitlist_promoted")))).length, SLOW)
      .toBe(1);
    await page.goto(sessionPath(full.id));
    await page.getByTestId("my-seat").getByText(ur["programme.seats.seated"]).waitFor();
    await page.getByRole("button", { name: ur["programme.rsvp.cancel"] }).waitFor();

    // axe needs scripts in the page: the same pages, with JavaScript on.
    const withJs = await env.context({ viewport: { width: 360, height: 740 } });
    await signInByPost(env, withJs.page, demo.visitor);
    await withJs.context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await withJs.page.goto(sessionPath(full.id));
    await withJs.page.getByTestId("my-seat").waitFor();
    expect(await seriousViolations(withJs.page, "session with a seat (ur)")).toEqual([]);
    await withJs.page.goto("/editions/showcase-2026/programme/mine");
    await withJs.page.getByRole("heading", { name: ur["programme.mine.title"], level: 1 }).waitFor();
    expect(await seriousViolations(withJs.page, "my agenda (ur)")).toEqual([]);
  });
});
