import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import type { Ctx } from "../../platform/context";
import { inTransaction } from "../../platform/context";
import { hashSecret } from "../../platform/ids";
import type { Actor } from "../../platform/permissions/actor";
import { registrations } from "../registration/tables";
import { insertApprovedRegistration } from "../checkin/fixtures";
import { issueBadge } from "../checkin/operations/issue-badge";
import { badges } from "../checkin/tables";
import { saveRoom, saveSession } from "./operations/draft";
import { publishRelease } from "./operations/release";
import * as door from "./pages/door";
import * as invitations from "./pages/invitations";
import * as mine from "./pages/mine";
import * as session from "./pages/session";

// The server side of the new agenda pages, without a browser (issue #13): the session page's
// waitlist (join, "position N", leave), "my agenda" with its waitlist, the invitation form by
// category and by person, and the door page (a nonce per form: sent twice, counted once).

let t: TestDb;
let editionId: string;
let cat: DemoCategories;
let staff: Actor;
const day0 = () => fixedClock("2026-01-24T05:00:00Z");
type Handler = (args: { request: Request; params: Record<string, string>; context: { ctx: Ctx } }) => Promise<unknown>;
const call = (fn: unknown, ctx: Ctx, url: string, params: Record<string, string>, form?: Record<string, string | string[]>) => {
  let init: RequestInit = {};
  if (form) {
    const body = new FormData();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    init = { method: "POST", body };
  }
  return (fn as Handler)({ request: new Request(`http://numaish.test${url}`, init), params, context: { ctx } });
};
const location = (r: unknown) => (r as Response).headers.get("Location") ?? "";

async function person(i: number, category = "corporate_buyer") {
  const reg = await insertApprovedRegistration(t.db, editionId, { email: `page${i}@pages.test`, name: `Page person ${i}`, category });
  const token = `pages-test-token-${i}-abcdefghijklmnop`;
  await t.db.update(registrations).set({ manageTokenHash: hashSecret(token) }).where(eq(registrations.id, reg.id));
  return { id: reg.id, token };
}

beforeAll(async () => {
  t = await openTestDb();
  ({ editionId, cat } = await demoShow(t.db, "showcase-2026"));
  staff = await actorFor(t.db, demo.organiser);
});
afterAll(() => t?.close());

describe(`the agenda's seat pages (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("joins the waitlist from the session page, shows the place in line there and in my agenda, and leaves it", async () => {
    const ctx = ctxFor(t.db, staff, "en", day0());
    const room = (await saveRoom(ctx, { editionId, slug: "pages-one", nameEn: "One-seat room", nameUr: "ایک نشست کا کمرہ", capacity: 1 })).id;
    const s = await saveSession(ctx, { editionId, kind: "workshop", titleEn: "Page workshop", titleUr: "صفحہ ورکشاپ", day: 1, startMinute: 1100, endMinute: 1130, roomId: room });
    await publishRelease(ctx, { editionId, name: "Pages release" });
    const [a, b] = [await person(1), await person(2)];
    const anon = ctxFor(t.db, undefined, "en", day0());
    const params = { slug: "showcase-2026", sessionId: s.id };
    expect(location(await call(session.action, anon, `/editions/showcase-2026/programme/sessions/${s.id}`, params, { intent: "rsvp", link: a.token }))).toContain("done=reserved");
    expect(location(await call(session.action, anon, `/editions/showcase-2026/programme/sessions/${s.id}`, params, { intent: "rsvp", link: b.token }))).toContain("done=waitlisted");
    const page = (await call(session.loader, anon, `/editions/showcase-2026/programme/sessions/${s.id}?link=${b.token}&done=waitlisted`, params)) as { position: number | null; mine: boolean; seats: unknown };
    expect(page).toMatchObject({ position: 1, mine: false, seats: { capacity: 1, taken: 1, waiting: 1 } });
    const agenda = (await call(mine.loader, anon, `/editions/showcase-2026/programme/mine?link=${b.token}`, { slug: "showcase-2026" })) as { waitlisted: { id: string; position: number }[] };
    expect(agenda.waitlisted).toEqual([expect.objectContaining({ id: s.id, position: 1 })]);
    expect(location(await call(session.action, anon, `/editions/showcase-2026/programme/sessions/${s.id}`, params, { intent: "cancel", link: b.token }))).toContain("done=left");
    expect(((await call(mine.loader, anon, `/editions/showcase-2026/programme/mine?link=${b.token}`, { slug: "showcase-2026" })) as { waitlisted: unknown[] }).waitlisted).toEqual([]);
  });

  it("invites by category and by person through the form, and lists the invitees", async () => {
    const ctx = ctxFor(t.db, staff, "en", day0());
    const room = (await saveRoom(ctx, { editionId, slug: "pages-hall", nameEn: "Page hall", nameUr: "صفحہ ہال", capacity: 400 })).id;
    const s = await saveSession(ctx, { editionId, kind: "policy_dialogue", access: "invitation", titleEn: "Page dialogue", titleUr: "صفحہ مکالمہ", day: 2, startMinute: 1100, endMinute: 1130, roomId: room });
    const envoy = await person(3, "foreign_mission");
    const buyer = await person(4);
    const url = `/back-office/editions/${editionId}/programme/sessions/${s.id}/invitations`;
    const params = { editionId, sessionId: s.id };
    expect(location(await call(invitations.action, ctx, url, params, { intent: "categories", categoryIds: [cat.foreign_mission!] }))).toMatch(/invited=[1-9]\d*&already=0/);
    const found = (await call(invitations.loader, ctx, `${url}?q=Page+person+4`, params)) as { found: { id: string }[]; invited: { id: string }[] };
    expect(found.found.map((f) => f.id)).toEqual([buyer.id]);
    expect(found.invited.map((i) => i.id)).toContain(envoy.id);
    expect(location(await call(invitations.action, ctx, url, params, { intent: "people", registrationIds: [buyer.id] }))).toContain("invited=1&already=0");
    // Nothing ticked: a translated field error, not a 500.
    const refused = (await call(invitations.action, ctx, url, params, { intent: "people" })) as { init: { status: number } };
    expect(refused.init.status).toBe(400);
    // Not for visitors.
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor), "en", day0());
    await expect(call(invitations.loader, visitor, url, params)).rejects.toMatchObject({ init: { status: 403 } });
  });

  it("checks a badge at the door page in the staff member's language; the same form sent twice is counted once", async () => {
    const ctx = ctxFor(t.db, staff, "en", day0());
    const room = (await saveRoom(ctx, { editionId, slug: "pages-door", nameEn: "Page door", nameUr: "صفحہ دروازہ", capacity: 50 })).id;
    const s = await saveSession(ctx, { editionId, kind: "panel", titleEn: "Page panel", titleUr: "صفحہ پینل", day: 1, startMinute: 600, endMinute: 660, roomId: room });
    await publishRelease(ctx, { editionId, name: "Pages door release" });
    const p = await person(5);
    await inTransaction(ctx, (tx, c) => issueBadge(tx, c, p.id));
    const code = (await t.db.select().from(badges).where(eq(badges.registrationId, p.id)))[0]!.code;
    const gate = ctxFor(t.db, await actorFor(t.db, demo.gate), "ur", day0());
    const url = `/door/${editionId}/${s.id}`;
    const params = { editionId, sessionId: s.id };
    const view = (await call(door.loader, gate, url, params)) as { nonce: string; admitted: number };
    expect(view.admitted).toBe(0);
    for (let i = 0; i < 2; i++) {
      const done = (await call(door.action, gate, url, params, { code, nonce: view.nonce })) as { answer: { result: string; message: string } };
      expect(done.answer).toMatchObject({ result: "admit", message: "درست بیج" });
    }
    expect(((await call(door.loader, gate, url, params)) as { admitted: number; recent: unknown[] }).recent).toHaveLength(1);
  });
});
