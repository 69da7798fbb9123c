import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { decideRegistrations, register } from "#features/registration";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { hashSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import type { Actor } from "../../platform/permissions/actor";
import { registrations } from "../registration/tables";
import { insertApprovedRegistration } from "../checkin/fixtures";
import { issueBadge } from "../checkin/operations/issue-badge";
import { revokeBadge } from "../checkin/operations/manage-badges";
import { footfall } from "../checkin/operations/footfall";
import { verifyBadge } from "../checkin/core/badge-code";
import { newScanNonce } from "../checkin/core/offline-sync";
import { badges } from "../checkin/tables";
import { seedDemoAgenda } from "./demo-agenda";
import { cancelSession, getDraft, moveSession, saveRoom, saveSession } from "./operations/draft";
import { decideDoorOffline } from "./engine/door-offline";
import { doorScan, doorView, uploadDoorScans } from "./operations/door";
import { attendanceBySession, refusingFull } from "./operations/seats";
import { inviteByCategory, inviteToSession, sessionInvitations } from "./operations/invitations";
import { publicSession } from "./operations/public";
import { publishRelease } from "./operations/release";
import { cancelRsvp, myAgenda, rsvpSession } from "./operations/rsvp";
import { programmeDoorScans, programmeRsvps } from "./tables";

// Issue #13, agenda item 4 and 5: the waitlist of a full session (order, promotion on a freed seat,
// a larger room or more seats, with emails in the person's language), seats never oversold under
// concurrent RSVPs (the operation and the database), invitations by category and by person,
// emails to the people concerned after a release changes or cancels a session, and the door.
// On the 2026 show (10:00 in Lahore on its first day, 2026-01-24), with rooms and sessions of this
// file's own.

let t: TestDb;
let editionId: string;
let cat: DemoCategories;
let staff: Actor;
let room: string;
let n = 0;
const day0 = () => fixedClock("2026-01-24T05:00:00Z");
const staffCtx = () => ctxFor(t.db, staff, "en", day0());
const anon = () => ctxFor(t.db, undefined, "en", day0());

/** An approved registration of the show with a manage link (and a badge when asked). */
async function person(opts: { locale?: "en" | "ur"; category?: string; badge?: boolean } = {}) {
  n++;
  const reg = await insertApprovedRegistration(t.db, editionId, { email: `seat${n}@seats.test`, name: `Seat ${n}`, nameUr: `نشست ${n}`, category: opts.category ?? "corporate_buyer" });
  const token = `seats-test-token-${n}-abcdefghijklmnop`;
  await t.db.update(registrations).set({ manageTokenHash: hashSecret(token), locale: opts.locale ?? "en" }).where(eq(registrations.id, reg.id));
  let code = "";
  if (opts.badge) {
    await inTransaction(staffCtx(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
    code = (await t.db.select().from(badges).where(eq(badges.registrationId, reg.id)))[0]!.code;
  }
  return { id: reg.id, email: reg.email, token, holder: { token }, code };
}

let released = 0;
async function sessionIn(roomId: string, o: Record<string, unknown> = {}) {
  const s = await saveSession(staffCtx(), { editionId, kind: "workshop", track: "digital", titleEn: `Seats ${n}`, titleUr: `نشستیں ${n}`, day: 1, startMinute: 1100, endMinute: 1135, roomId, ...o });
  await publishRelease(staffCtx(), { editionId, name: `Seats test ${++released}` });
  return s;
}
const rsvp = (sessionId: string, p: { holder: { token: string } }) => rsvpSession(anon(), { sessionId, holder: p.holder });
const mailsTo = (to: string, kind: string) => t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)));

beforeAll(async () => {
  t = await openTestDb();
  ({ editionId, cat } = await demoShow(t.db, "showcase-2026"));
  staff = await actorFor(t.db, demo.organiser);
  room = (await saveRoom(staffCtx(), { editionId, slug: "seats-small", nameEn: "Seats room", nameUr: "نشستوں کا کمرہ", capacity: 2 })).id;
});
afterAll(() => t?.close());

describe(`the waitlist (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("puts RSVPs beyond the seats on a waitlist in order, promotes the first when a seat frees, and emails them in their language", async () => {
    const s = await sessionIn(room);
    const [a, b, c, d, e] = [await person(), await person(), await person({ locale: "ur" }), await person(), await person()];
    expect(await rsvp(s.id, a!)).toMatchObject({ status: "seated" });
    expect(await rsvp(s.id, b!)).toMatchObject({ status: "seated" });
    expect(await rsvp(s.id, c!)).toMatchObject({ status: "waitlisted", position: 1 });
    expect(await rsvp(s.id, d!)).toMatchObject({ status: "waitlisted", position: 2 });
    expect(await rsvp(s.id, e!)).toMatchObject({ status: "waitlisted", position: 3 });
    // Asking again changes nothing and says where they stand.
    expect(await rsvp(s.id, d!)).toMatchObject({ already: true, status: "waitlisted", position: 2 });
    expect((await myAgenda(anon(), { holder: e!.holder })).waitlisted).toEqual([expect.objectContaining({ id: s.id, position: 3 })]);
    expect((await publicSession(anon(), { slug: "showcase-2026", sessionId: s.id })).seats).toEqual({ capacity: 2, taken: 2, waiting: 3 });

    // A gives the seat back: C (first in line) has it, in the same transaction, and is told in Urdu.
    expect(await cancelRsvp(anon(), { sessionId: s.id, holder: a!.holder })).toMatchObject({ cancelled: true, promoted: 1 });
    expect((await myAgenda(anon(), { holder: c!.holder })).sessions.map((x) => x.id)).toEqual([s.id]);
    const mail = await mailsTo(c!.email, "programme.waitlist_promoted");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain("نشست آپ کی ہے");
    expect(await mailsTo(d!.email, "programme.waitlist_promoted")).toHaveLength(0);

    // D leaves the line: E moves up to position 1. Leaving the waitlist promotes nobody.
    expect(await cancelRsvp(anon(), { sessionId: s.id, holder: d!.holder })).toMatchObject({ cancelled: true, was: "waitlisted", promoted: 0 });
    expect((await myAgenda(anon(), { holder: e!.holder })).waitlisted[0]).toMatchObject({ position: 1 });

    // One more seat in the room: E is promoted.
    await saveRoom(staffCtx(), { id: room, editionId, slug: "seats-small", nameEn: "Seats room", nameUr: "نشستوں کا کمرہ", capacity: 3 });
    expect((await myAgenda(anon(), { holder: e!.holder })).sessions.map((x) => x.id)).toEqual([s.id]);
    expect(await mailsTo(e!.email, "programme.waitlist_promoted")).toHaveLength(1);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, s.id), eq(auditEntries.action, "programme.rsvp_waitlisted")));
    expect(audit).toHaveLength(3);
  });

  it("promotes the waitlist when the session moves to a larger room", async () => {
    const tiny = (await saveRoom(staffCtx(), { editionId, slug: "seats-tiny", nameEn: "Tiny room", nameUr: "ننھا کمرہ", capacity: 1 })).id;
    const big = (await saveRoom(staffCtx(), { editionId, slug: "seats-big", nameEn: "Big room", nameUr: "بڑا کمرہ", capacity: 50 })).id;
    const s = await sessionIn(tiny, { startMinute: 1140, endMinute: 1170 });
    const people = [await person(), await person(), await person()];
    for (const p of people) await rsvp(s.id, p);
    expect((await getDraft(staffCtx(), { editionId })).sessions.find((x) => x.id === s.id)).toMatchObject({ rsvps: 1, waiting: 2 });
    await moveSession(staffCtx(), { editionId, id: s.id, day: 1, startMinute: 1140, endMinute: 1170, roomId: big });
    expect((await getDraft(staffCtx(), { editionId })).sessions.find((x) => x.id === s.id)).toMatchObject({ rsvps: 3, waiting: 0 });
  });
});

describe(`seats under concurrency (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("gives 5 seats to 20 concurrent RSVPs and waitlists the other 15 in a single line; the database refuses a sixth seat and a double RSVP", async () => {
    const five = (await saveRoom(staffCtx(), { editionId, slug: "seats-five", nameEn: "Five seats", nameUr: "پانچ نشستیں", capacity: 5 })).id;
    const s = await sessionIn(five, { day: 2 });
    const people: Awaited<ReturnType<typeof person>>[] = [];
    for (let i = 0; i < 20; i++) people.push(await person());
    const out = await Promise.all(people.map((p) => rsvp(s.id, p)));
    expect(out.filter((o) => o.status === "seated")).toHaveLength(5);
    expect(out.filter((o) => o.status === "waitlisted").map((o) => o.position).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const active = await t.db.select().from(programmeRsvps).where(and(eq(programmeRsvps.sessionId, s.id), isNull(programmeRsvps.cancelledAt), eq(programmeRsvps.status, "seated")));
    expect(active).toHaveLength(5);
    // Around the operation: the trigger refuses a sixth seat (the session full: the refusal the
    // RSVP gives if the room shrinks under it), the unique index a second RSVP (not a full session).
    const extra = await person();
    await expect(refusingFull(() => t.db.insert(programmeRsvps).values({ sessionId: s.id, registrationId: extra.id, createdAt: new Date(), status: "seated" }))).rejects.toMatchObject({
      code: "programme_session_full",
      status: 409,
    });
    const double = await refusingFull(() => t.db.insert(programmeRsvps).values({ sessionId: s.id, registrationId: people[0]!.id, createdAt: new Date(), status: "waitlisted" })).catch((e: unknown) => e);
    expect(double).not.toMatchObject({ code: "programme_session_full" });
    expect(double).toBeInstanceOf(Error);
    const waiting = await t.db.select({ id: programmeRsvps.id }).from(programmeRsvps).where(and(eq(programmeRsvps.sessionId, s.id), eq(programmeRsvps.status, "waitlisted")));
    await expect(t.db.update(programmeRsvps).set({ status: "seated" }).where(eq(programmeRsvps.id, waiting[0]!.id))).rejects.toThrow();
  });
});

describe(`invitations (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("invites every approved registration of the chosen categories once, emails each new invitee a link, finds people by name, and audits", async () => {
    const hall = (await saveRoom(staffCtx(), { editionId, slug: "seats-hall", nameEn: "Dialogue room", nameUr: "مکالمہ کمرہ", capacity: 300 })).id;
    const s = await sessionIn(hall, { kind: "policy_dialogue", access: "invitation", day: 2, startMinute: 1150, endMinute: 1200 });
    const envoy = await person({ category: "foreign_mission", locale: "ur" });
    const pending = await insertApprovedRegistration(t.db, editionId, { email: "pending@seats.test", category: "foreign_mission", status: "pending" });
    const approved = await t.db.select({ id: registrations.id }).from(registrations).where(and(eq(registrations.categoryId, cat.foreign_mission!), eq(registrations.status, "approved")));
    const first = await inviteByCategory(staffCtx(), { editionId, sessionId: s.id, categoryIds: [cat.foreign_mission] });
    expect(first).toEqual({ invited: approved.length, already: 0 });
    const mail = await mailsTo(envoy.email, "programme.invited");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.bodyText).toContain(`/editions/showcase-2026/programme/sessions/${s.id}`);
    expect(mail[0]!.subject).toContain("آپ مدعو ہیں");
    expect(await mailsTo("pending@seats.test", "programme.invited")).toHaveLength(0);
    expect(await inviteByCategory(staffCtx(), { editionId, sessionId: s.id, categoryIds: [cat.foreign_mission] })).toEqual({ invited: 0, already: approved.length });
    expect(await mailsTo(envoy.email, "programme.invited")).toHaveLength(1);
    // The invitee reserves; a buyer is refused until invited by person (found by name).
    expect(await rsvp(s.id, envoy)).toMatchObject({ status: "seated" });
    const buyer = await person();
    await expect(rsvp(s.id, buyer)).rejects.toMatchObject({ code: "programme_invitation_only" });
    const view = await sessionInvitations(staffCtx(), { editionId, sessionId: s.id, q: `Seat ${n}` });
    expect(view.found.map((f) => f.id)).toContain(buyer.id);
    expect(view.invited.find((i) => i.id === envoy.id)).toMatchObject({ rsvp: "seated" });
    expect(await inviteToSession(staffCtx(), { editionId, sessionId: s.id, registrationIds: [buyer.id] })).toEqual({ invited: 1, already: 0 });
    expect(await rsvp(s.id, buyer)).toMatchObject({ status: "seated" });
    // Only approved registrations of the edition; only the organiser's staff.
    await expect(inviteToSession(staffCtx(), { editionId, sessionId: s.id, registrationIds: [pending.id] })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(inviteByCategory(ctxFor(t.db, await actorFor(t.db, demo.visitor)), { editionId, sessionId: s.id, categoryIds: [cat.foreign_mission] })).rejects.toMatchObject({ code: "forbidden" });
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, s.id), eq(auditEntries.action, "programme.invited")));
    expect(audit.length).toBe(3);
  });
});

describe(`emails after a release changes a session (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("emails those with a seat, a waitlist place or an invitation the new time and room, or the cancellation, in their language; nobody else", async () => {
    const one = (await saveRoom(staffCtx(), { editionId, slug: "seats-one", nameEn: "One seat", nameUr: "ایک نشست", capacity: 1 })).id;
    const s = await sessionIn(one, { day: 3, startMinute: 1100, endMinute: 1130 });
    const other = await sessionIn(one, { day: 3, startMinute: 1140, endMinute: 1170 });
    const seated = await person({ locale: "ur" });
    const waiting = await person();
    const invited = await person();
    const bystander = await person();
    await rsvp(s.id, seated);
    await rsvp(s.id, waiting);
    await inviteToSession(staffCtx(), { editionId, sessionId: s.id, registrationIds: [invited.id] });
    await rsvp(other.id, bystander);
    await moveSession(staffCtx(), { editionId, id: s.id, day: 3, startMinute: 1200, endMinute: 1230, roomId: one });
    const r = await publishRelease(staffCtx(), { editionId, name: `Seats test ${++released}` });
    expect(r.changes).toContainEqual(expect.objectContaining({ type: "moved", sessionId: s.id }));
    const urdu = await mailsTo(seated.email, "programme.session_changed");
    expect(urdu).toHaveLength(1);
    expect(urdu[0]!.bodyText).toContain("2026-01-26 20:00–20:30");
    expect(urdu[0]!.bodyText).toContain("ایک نشست");
    for (const p of [waiting, invited]) expect(await mailsTo(p.email, "programme.session_changed")).toHaveLength(1);
    expect(await mailsTo(bystander.email, "programme.session_changed")).toHaveLength(0);
    // Cancelled: the people of that session are told.
    await cancelSession(staffCtx(), { editionId, id: other.id });
    await publishRelease(staffCtx(), { editionId, name: `Seats test ${++released}` });
    const gone = await mailsTo(bystander.email, "programme.session_changed");
    expect(gone).toHaveLength(1);
    expect(gone[0]!.bodyText).toContain("cancelled");
  });
});

describe(`the session door (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("admits by the session's access, refuses with a translated reason, and counts each upload once", async () => {
    const gate = await actorFor(t.db, demo.gate);
    const door = (locale: "en" | "ur" = "en") => ctxFor(t.db, gate, locale, day0());
    const hall = (await saveRoom(staffCtx(), { editionId, slug: "seats-door", nameEn: "Door room", nameUr: "دروازہ کمرہ", capacity: 100 })).id;
    const open = await sessionIn(hall, { day: 1, startMinute: 600, endMinute: 660 });
    const invite = await sessionIn(hall, { day: 1, startMinute: 700, endMinute: 760, access: "invitation", kind: "policy_dialogue" });
    const seatsOnly = await sessionIn(hall, { day: 1, startMinute: 800, endMinute: 860, rsvpRequired: true });
    const byCat = await sessionIn(hall, { day: 1, startMinute: 900, endMinute: 960, access: "by_category", categoryIds: [cat.media] });
    const tomorrow = await sessionIn(hall, { day: 2, startMinute: 600, endMinute: 660 });
    const p = await person({ badge: true });
    const scan = (sessionId: string, code = p.code, locale: "en" | "ur" = "en", nonce?: string) => doorScan(door(locale), { editionId, sessionId, code, nonce });

    expect(await scan(open.id)).toMatchObject({ result: "admit", reason: "ok", person: expect.objectContaining({ name: p.email.replace("@seats.test", "").replace("seat", "Seat ") }) });
    expect(await scan(invite.id)).toMatchObject({ result: "refuse", reason: "not_invited" });
    expect((await scan(invite.id, p.code, "ur")).message).toBe("اس سیشن میں مدعو نہیں");
    expect(await scan(seatsOnly.id)).toMatchObject({ result: "refuse", reason: "no_rsvp" });
    expect(await scan(byCat.id)).toMatchObject({ result: "refuse", reason: "category_not_admitted" });
    expect(await scan(tomorrow.id)).toMatchObject({ result: "refuse", reason: "session_not_today" });
    await inviteToSession(staffCtx(), { editionId, sessionId: invite.id, registrationIds: [p.id] });
    expect(await scan(invite.id)).toMatchObject({ result: "admit" });
    await rsvp(seatsOnly.id, p);
    expect(await scan(seatsOnly.id)).toMatchObject({ result: "admit" });
    expect(await scan(open.id, "not-a-badge")).toMatchObject({ result: "refuse", reason: "unknown_code" });

    // The same nonce again (a retried upload): the first answer, one row.
    const nonce = "door-nonce-0001";
    const other = await person({ badge: true });
    expect(await scan(open.id, other.code, "en", nonce)).toMatchObject({ result: "admit" });
    expect(await scan(open.id, other.code, "en", nonce)).toMatchObject({ result: "admit" });
    // Each queued scan says whether the phone was offline when it scanned (left out: it was).
    const queued = [false, true, undefined].map((offline) => ({ code: other.code, nonce: newScanNonce(), at: "2026-01-24T05:30:00.000Z", deviceId: "door-phone", ...(offline === undefined ? {} : { offline }) }));
    expect(await uploadDoorScans(door(), { editionId, sessionId: open.id, scans: queued })).toMatchObject({ recorded: 3, duplicates: 0 });
    expect(await uploadDoorScans(door(), { editionId, sessionId: open.id, scans: queued })).toMatchObject({ recorded: 0, duplicates: 3 });
    const rows = await t.db.select().from(programmeDoorScans).where(and(eq(programmeDoorScans.sessionId, open.id), inArray(programmeDoorScans.nonce, [nonce, ...queued.map((q) => q.nonce)])));
    expect(rows).toHaveLength(4);
    expect(queued.map((q) => rows.find((r) => r.nonce === q.nonce)!.offline)).toEqual([false, true, true]);
    expect((await attendanceBySession(t.db, editionId)).get(open.id)).toBe(2);
    expect((await getDraft(staffCtx(), { editionId })).sessions.find((x) => x.id === open.id)).toMatchObject({ attended: 2 });

    // A revoked badge is refused as at the gate; a visitor cannot scan.
    await revokeBadge(staffCtx(), { registrationId: other.id, reason: "lost" });
    expect(await scan(open.id, other.code)).toMatchObject({ result: "refuse", reason: "revoked" });
    await expect(doorScan(ctxFor(t.db, await actorFor(t.db, demo.visitor), "en", day0()), { editionId, sessionId: open.id, code: p.code })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("offline, a badge without access is refused on the phone and again when the queue is uploaded; an invited one is admitted", async () => {
    const gate = await actorFor(t.db, demo.gate);
    const door = () => ctxFor(t.db, gate, "en", fixedClock("2026-01-24T06:00:00Z"));
    const hall = (await saveRoom(staffCtx(), { editionId, slug: "seats-door-offline", nameEn: "Offline door", nameUr: "آف لائن دروازہ", capacity: 50 })).id;
    const closed = await sessionIn(hall, { day: 1, startMinute: 630, endMinute: 690, access: "invitation", kind: "policy_dialogue" });
    const guest = await person({ badge: true });
    const outsider = await person({ badge: true });
    await inviteToSession(staffCtx(), { editionId, sessionId: closed.id, registrationIds: [guest.id] });
    // What the door page carried when opened; then the network drops.
    const { offline } = await doorView(door(), { editionId, id: closed.id });
    const at = new Date("2026-01-24T05:10:00Z");
    const onPhone = (code: string) => decideDoorOffline(verifyBadge(code, offline.keys, offline.edition), offline.facts, at);
    expect(onPhone(outsider.code)).toMatchObject({ result: "refuse", reason: "not_invited" });
    expect(onPhone(guest.code)).toMatchObject({ result: "admit", reason: "ok" });
    expect(onPhone("not-a-badge")).toMatchObject({ result: "refuse", reason: "unknown_code" });
    // Back online: the server decides again, with the same reasons, each nonce once.
    const queued = [outsider.code, guest.code].map((code) => ({ nonce: newScanNonce(), code, at: at.toISOString(), deviceId: "door-phone" }));
    const up = await uploadDoorScans(door(), { editionId, sessionId: closed.id, scans: queued });
    expect(up).toMatchObject({ recorded: 2, duplicates: 0, invalid: [] });
    expect(up.answers.map((a) => [a.nonce, a.result, a.reason])).toEqual([
      [queued[0]!.nonce, "refuse", "not_invited"],
      [queued[1]!.nonce, "admit", "ok"],
    ]);
    expect(up.answers[0]!.message).toBe("Not invited to this session");
    const rows = await t.db.select().from(programmeDoorScans).where(eq(programmeDoorScans.sessionId, closed.id));
    expect(rows.map((r) => [r.result, r.offline, r.scannedAt.toISOString()]).sort()).toEqual([
      ["admit", true, at.toISOString()],
      ["refuse", true, at.toISOString()],
    ]);
    expect((await attendanceBySession(t.db, editionId)).get(closed.id)).toBe(1);
  });
});

describe(`the demo (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("once the show has its visitors: a full workshop with six people waiting, and door check-ins at the opening ceremony", async () => {
    // The test database is seeded before the show (no footfall visitors): add enough, then seed.
    const [{ approved }] = (await t.db.select({ approved: sql<number>`count(*)::int` }).from(registrations).where(and(eq(registrations.editionId, editionId), eq(registrations.status, "approved")))) as [{ approved: number }];
    for (let i = Number(approved); i < 126; i++) await insertApprovedRegistration(t.db, editionId, { email: `crowd${i}@seats.test` });
    await seedDemoAgenda(t.db, editionId, null, new Date("2026-02-01T00:00:00Z"));
    await seedDemoAgenda(t.db, editionId, null, new Date("2026-02-01T00:00:00Z"));
    const agenda = (await getDraft(staffCtx(), { editionId })).sessions;
    const workshop = agenda.find((s) => s.titleEn === "Workshop: digital bookkeeping in Urdu")!;
    expect(workshop).toMatchObject({ rsvps: 120, waiting: 6 });
    expect(agenda.find((s) => s.titleEn === "Opening ceremony")).toMatchObject({ attended: 36 });
    expect((await publicSession(anon(), { slug: "showcase-2026", sessionId: workshop.id })).seats).toEqual({ capacity: 120, taken: 120, waiting: 6 });
    // The door check-ins feed the footfall dashboard (issue #13, item 5), through check-in's port.
    const bySession = (await footfall(staffCtx(), { editionId })).bySession;
    expect(bySession.find((s) => s.titleEn === "Opening ceremony")).toMatchObject({ admitted: 36, day: 1 });
    expect(bySession.find((s) => s.sessionId === workshop.id)).toMatchObject({ admitted: 0, capacity: 120 });
    expect(bySession.map((s) => s.sessionId).sort()).toEqual(agenda.filter((s) => !s.cancelled).map((s) => s.id).sort());
  });
});

// The door's upload over HTTP (POST /api/v1/editions/{id}/programme/door-scans): the endpoint a door
// phone's offline queue posts to (checkin/client/scan-queue.ts), through the real app. The person is
// registered and approved through the operations (approval issues the badge).
describe(`the door's scan upload over HTTP (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("stores each scan with its offline flag, records a replayed queue once, answers bad input with 400 and field errors, and refuses who may not scan", async () => {
    const api = testApp(t.db, day0());
    const signIn = async (email: string) => {
      const r = await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } });
      expect(r.status).toBe(200);
      return r.headers.get("set-cookie")!.split(";")[0]!;
    };
    const hall = (await saveRoom(staffCtx(), { editionId, slug: "seats-door-http", nameEn: "HTTP door", nameUr: "ایچ ٹی ٹی پی دروازہ", capacity: 80 })).id;
    const open = await sessionIn(hall, { day: 1, startMinute: 615, endMinute: 675 });
    const email = "door-http@seats.test";
    const made = await register(ctxFor(t.db), { editionId, categoryId: cat.corporate_buyer!, name: "Door Http", email, days: [0], consentData: true, consentScan: false });
    await decideRegistrations(ctxFor(t.db, staff), { editionId, ids: [made.registrations[0]!.id], decision: "approve" });
    const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, made.registrations[0]!.id));
    expect(badge).toBeDefined();
    const path = `/api/v1/editions/${editionId}/programme/door-scans`;
    const gate = await signIn(demo.gate);
    const at = "2026-01-24T05:05:00.000Z";
    const queue = [
      { nonce: newScanNonce(), code: badge!.code, at, deviceId: "door-http-phone", offline: true },
      { nonce: newScanNonce(), code: badge!.code, at, deviceId: "door-http-phone", offline: false },
      { nonce: newScanNonce(), code: "not-a-badge", at, deviceId: "door-http-phone" },
    ];
    const rowsOf = () => t.db.select().from(programmeDoorScans).where(eq(programmeDoorScans.sessionId, open.id));

    // A phone's queue: each decided and stored with whether the phone was offline (left out: it was).
    const first = await api.call(path, { json: { sessionId: open.id, scans: queue }, cookie: gate });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ recorded: 3, duplicates: 0, invalid: [] });
    expect(first.body.answers.map((a: { nonce: string; result: string; reason: string }) => [a.nonce, a.result, a.reason])).toEqual([
      [queue[0]!.nonce, "admit", "ok"],
      [queue[1]!.nonce, "admit", "ok"],
      [queue[2]!.nonce, "refuse", "unknown_code"],
    ]);
    const stored = await rowsOf();
    expect(queue.map((q) => stored.find((r) => r.nonce === q.nonce)?.offline)).toEqual([true, false, true]);
    expect(stored.map((r) => r.scannedAt.toISOString())).toEqual([at, at, at]);
    expect((await attendanceBySession(t.db, editionId)).get(open.id)).toBe(1);

    // The same queue again (an answer lost on the way back): the first answers, nothing new stored.
    const again = await api.call(path, { json: { sessionId: open.id, scans: queue }, cookie: gate });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recorded: 0, duplicates: 3, invalid: [] });
    expect(again.body.answers.map((a: { result: string }) => a.result)).toEqual(["admit", "admit", "refuse"]);
    expect(await rowsOf()).toHaveLength(3);

    // Bad input: 400 with the stable code and the fields, in the caller's language; never a 500.
    const bad = async (body: unknown, fields: [string, string][], p = path) => {
      const r = await api.call(p, { json: body, cookie: gate });
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe("validation_failed");
      expect(r.body.error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual(fields);
      for (const f of r.body.error.fields) expect(f.message).toBeTruthy();
    };
    await bad({ sessionId: "door-1", scans: queue }, [["sessionId", "invalid_uuid"]]);
    await bad({ sessionId: open.id }, [["scans", "required"]]);
    await bad({ sessionId: open.id, scans: "all of them" }, [["scans", "invalid_type"]]);
    await bad({ sessionId: open.id, scans: Array.from({ length: 501 }, () => queue[0]) }, [["scans", "too_big"]]);
    await bad({ sessionId: open.id, scans: queue }, [["id", "invalid_uuid"]], "/api/v1/editions/not-an-edition/programme/door-scans");
    const urdu = await api.call(path, { json: { sessionId: open.id }, cookie: `${gate}; numaish_lang=ur` });
    expect(urdu.status).toBe(400);
    expect(urdu.body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(urdu.body.error.fields[0].message).toMatch(/[\u0600-\u06FF]/);
    const notJson = await api.app.request(`http://numaish.test${path}`, { method: "POST", headers: { "content-type": "application/json", cookie: gate, origin: "http://numaish.test", host: "numaish.test", accept: "application/json" }, body: "{scans:" });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    // One ill-formed item does not sink the queue (a phone would retry it for ever): it is named
    // in `invalid` by its index, and the others are recorded.
    const mixed = [
      { nonce: newScanNonce(), at, deviceId: "door-http-phone" },
      { nonce: newScanNonce(), code: badge!.code, at: "yesterday", deviceId: "door-http-phone" },
      { nonce: newScanNonce(), code: badge!.code, at, deviceId: "door-http-phone", offline: true },
    ];
    const partly = await api.call(path, { json: { sessionId: open.id, scans: mixed }, cookie: gate });
    expect(partly.status).toBe(200);
    expect(partly.body).toMatchObject({ recorded: 1, duplicates: 0, invalid: [{ index: 0 }, { index: 1 }] });
    expect(partly.body.invalid[0].issues.join(" ")).toContain("code");
    expect(partly.body.invalid[1].issues.join(" ")).toContain("at");
    expect(await rowsOf()).toHaveLength(4);
    // A session that is not this edition's: refused before saying whether it exists, as the gate
    // does (operations/door.ts authorises first); a 4xx with its code, nothing stored.
    const missing = await api.call(path, { json: { sessionId: "00000000-0000-4000-8000-000000000000", scans: queue }, cookie: gate });
    expect([missing.status, missing.body.error.code]).toEqual([403, "forbidden"]);

    // Who may not scan: nobody signed in (401), a visitor and an exhibitor (403); nothing stored.
    const fresh = [{ ...queue[0]!, nonce: newScanNonce() }];
    const anonymous = await api.call(path, { json: { sessionId: open.id, scans: fresh } });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "unauthenticated"]);
    for (const who of [demo.visitor, demo.exhibitor]) {
      const r = await api.call(path, { json: { sessionId: open.id, scans: fresh }, cookie: await signIn(who) });
      expect([r.status, r.body.error.code], who).toEqual([403, "forbidden"]);
    }
    expect(await rowsOf()).toHaveLength(4);
  });
});
