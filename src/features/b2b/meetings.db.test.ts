import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { rowsOf } from "../../platform/db/rows";
import { hashSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { cancelMeeting, calendarFeed, calendarLink, meetingIcs, meetingsPdf, myMeetings, addStaff, assignStaff, removeStaff } from "./operations/meetings";
import { cancelMeetingsOfParticipant, listRepairs, placeLateRequest, removeTableOrSlot } from "./operations/repair";
import { floorHalls, floorStalls } from "../floor/tables";
import { placeText } from "./operations/meeting-rows";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRepairs, b2bRequests } from "./tables";

// A participant's published schedule and the changes after publication: own meetings only, cancel
// (sequence + 1, same uid, kept in the feed as cancelled), withdrawal, table and slot removal by
// the engine's repair, late requests, emails only to those affected. Meetings are written directly
// (publishing is another operation's).

let t: TestDb;
let editionId: string;
let sme: string[];
let buyer: string[];
let buyerEmail: string[];
let pair: string[][];
const tok = (side: string, i: number) => `${side}-token-${i}-abcdefghijklmnop`;
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const ctx = () => ctxFor(t.db);

async function meeting(i: number, j: number, start: number, table: number | "stall" = 1) {
  const [m] = await t.db
    .insert(b2bMeetings)
    .values({
      editionId,
      requestId: pair[i]![j]!,
      smeParticipantId: sme[i]!,
      buyerParticipantId: buyer[j]!,
      day: 1,
      startMinute: start,
      place: table === "stall" ? "stall" : "table",
      tableNo: table === "stall" ? null : table,
      uid: `${randomUUID()}@numaish.test`,
    })
    .returning();
  return m!;
}
const byId = async (id: string) => (await t.db.select().from(b2bMeetings).where(eq(b2bMeetings.id, id)))[0]!;
const mailTo = async () => (await t.db.select({ to: outboxMessages.toAddress, subject: outboxMessages.subject, text: outboxMessages.bodyText }).from(outboxMessages).where(eq(outboxMessages.kind, "b2b_meetings_changed")));

beforeAll(async () => {
  t = await openTestDb();
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  // One day, 10:00–11:00: three 20-minute slots, 2 lounge tables.
  await t.db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, sessions: [{ start: 600, end: 660 }] }], slotMinutes: 20, loungeTables: 2, stallMeetings: false, interpreters: {} });
  const firms = await t.db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(4);
  sme = [];
  buyer = [];
  buyerEmail = [];
  for (const [k, firm] of firms.entries()) {
    const [s] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm.id, approved: true, optedIn: true, accessTokenHash: hashSecret(tok("sme", k)) }).returning();
    sme.push(s!.id);
    const email = `meet-buyer${k}@example.com`;
    const reg = await insertApprovedRegistration(t.db, editionId, { email, name: `Buyer ${k}`, nameUr: k === 0 ? "خریدار صفر" : undefined });
    const [b] = await t.db
      .insert(b2bParticipants)
      .values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: reg.id, approved: true, optedIn: true, locale: k === 0 ? "ur" : "en", accessTokenHash: hashSecret(tok("buyer", k)) })
      .returning();
    buyer.push(b!.id);
    buyerEmail.push(email);
  }
  pair = [];
  for (let i = 0; i < 4; i++) {
    pair.push([]);
    for (let j = 0; j < 4; j++) {
      const [r] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: sme[i]!, buyerParticipantId: buyer[j]!, requestedBy: "buyer", status: "accepted" }).returning();
      pair[i]!.push(r!.id);
    }
  }
}, 60_000);

beforeEach(async () => {
  await t.db.delete(b2bMeetings).where(eq(b2bMeetings.editionId, editionId));
  await t.db.delete(b2bRepairs).where(eq(b2bRepairs.editionId, editionId));
  await t.db.delete(outboxMessages).where(eq(outboxMessages.kind, "b2b_meetings_changed"));
  await t.db.update(b2bProgrammes).set({ breaks: [] }).where(eq(b2bProgrammes.editionId, editionId));
  await t.db.update(b2bRequests).set({ status: "accepted" }).where(eq(b2bRequests.editionId, editionId));
});

afterAll(async () => {
  await t?.close();
});

describe("a participant's schedule", () => {
  it("shows only its own meetings, with the partner's contact and the place; another's meeting is refused like a missing one", async () => {
    const mine = await meeting(0, 0, 600, 1);
    const other = await meeting(1, 1, 600, 2);
    const view = await myMeetings(ctx(), { token: tok("buyer", 0) });
    expect(view.days).toHaveLength(1);
    expect(view.days[0]!.meetings.map((m) => m.id)).toEqual([mine.id]);
    const m = view.days[0]!.meetings[0]!;
    expect(m).toMatchObject({ start: "10:00", end: "10:20", place: "table", tableNo: 1, status: "scheduled" });
    expect(m.partner.id).toBe(sme[0]);
    expect(new Date(m.startsAt).getUTCHours()).toBe(5); // 10:00 in Asia/Karachi
    // The SME sees the buyer's contact details.
    const smeView = await myMeetings(ctx(), { token: tok("sme", 0) });
    expect(smeView.days[0]!.meetings[0]!.partner).toMatchObject({ email: buyerEmail[0], organisation: "Sialkot Instruments Ltd" });

    for (const op of [
      () => cancelMeeting(ctx(), { token: tok("buyer", 0), meetingId: other.id }),
      () => cancelMeeting(ctx(), { token: tok("buyer", 0), meetingId: randomUUID() }),
      () => meetingIcs(ctx(), { token: tok("buyer", 0), meetingId: other.id }),
      () => meetingIcs(ctx(), { token: tok("buyer", 0), meetingId: randomUUID() }),
    ]) expect(await refusal(op())).toBe("b2b_meeting_not_found");
    expect(await refusal(myMeetings(ctx(), { token: "nobody-token-abcdefghijkl" }))).toBe("token_invalid");
    expect(await refusal(myMeetings(ctx(), { participantId: buyer[1] }))).toBe("unauthenticated");
    const stranger = ctxFor(t.db, await actorFor(t.db, demo.exhibitor));
    expect(await refusal(myMeetings(stranger, { participantId: buyer[1] }))).toBe(await refusal(myMeetings(stranger, { participantId: randomUUID() })));
  });

  it("cancelling: status cancelled, sequence + 1, same uid, the feed keeps it as CANCELLED; nobody else moves; both are emailed", async () => {
    const m = await meeting(0, 0, 600, 1);
    const keep = await meeting(1, 1, 600, 2);
    const link = await calendarLink(ctx(), { token: tok("buyer", 0) });
    expect(link.webcal).toMatch(/^webcal:\/\/.*\/b2b\/calendar\//);
    const secret = link.https.split("/").at(-1)!;
    const before = await calendarFeed(ctx(), { calendarToken: secret });
    expect(before.replace(/\r\n /g, "")).toContain(`UID:${m.uid}`);
    expect(before).toContain("STATUS:CONFIRMED");

    const r = await cancelMeeting(ctx(), { token: tok("buyer", 0), meetingId: m.id });
    expect(r).toMatchObject({ status: "cancelled", sequence: 1 });
    expect(r.notified).toBeGreaterThanOrEqual(1);
    const after = await byId(m.id);
    expect(after).toMatchObject({ uid: m.uid, sequence: 1, status: "cancelled", day: 1, startMinute: 600 });
    expect(await byId(keep.id)).toMatchObject({ sequence: 0, status: "scheduled", startMinute: 600, tableNo: 2 });
    const feed = (await calendarFeed(ctx(), { calendarToken: secret })).replace(/\r\n /g, "");
    expect(feed).toContain(`UID:${m.uid}`);
    expect(feed).toContain("SEQUENCE:1");
    expect(feed).toContain("STATUS:CANCELLED");
    const ics = await meetingIcs(ctx(), { token: tok("buyer", 0), meetingId: m.id });
    expect(ics.text).toContain("METHOD:CANCEL");
    // Emails: the two of the meeting, each in its language; nobody else.
    const mails = await mailTo();
    expect(mails.map((x) => x.to)).toContain(buyerEmail[0]);
    expect(mails.map((x) => x.to)).not.toContain(buyerEmail[1]);
    expect(mails.find((x) => x.to === buyerEmail[0])!.text).toContain("منسوخ");
    // Idempotent; a newer calendar link replaces the older.
    expect(await cancelMeeting(ctx(), { token: tok("buyer", 0), meetingId: m.id })).toMatchObject({ sequence: 1, notified: 0 });
    await calendarLink(ctx(), { token: tok("buyer", 0) });
    expect(await refusal(calendarFeed(ctx(), { calendarToken: secret }))).toBe("token_invalid");
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.meeting_cancelled"), eq(auditEntries.entityId, buyer[0]!)));
    expect(audit.length).toBeGreaterThan(0);
  });

  it("a late decline cancels the meeting and declines the request", async () => {
    const m = await meeting(2, 2, 620, 1);
    await cancelMeeting(ctx(), { token: tok("sme", 2), meetingId: m.id, decline: true });
    const [r] = await t.db.select().from(b2bRequests).where(eq(b2bRequests.id, pair[2]![2]!));
    expect(r!.status).toBe("declined");
    const [rep] = await t.db.select().from(b2bRepairs).where(eq(b2bRepairs.editionId, editionId));
    expect(rep).toMatchObject({ kind: "late_decline", cancelled: [{ meetingId: m.id, reason: "cancelled" }] });
  });

  it("an exhibitor assigns a meeting to one of its staff; a buyer cannot", async () => {
    const m = await meeting(0, 1, 640, 1);
    const s = await addStaff(ctx(), { token: tok("sme", 0), name: "Bilal", email: "bilal@example.com" });
    await assignStaff(ctx(), { token: tok("sme", 0), meetingId: m.id, staffId: s.id });
    const view = await myMeetings(ctx(), { token: tok("buyer", 1) });
    expect(view.days[0]!.meetings[0]!.staff).toMatchObject({ name: "Bilal" });
    expect(await refusal(addStaff(ctx(), { token: tok("buyer", 1), name: "X" }))).toBe("b2b_not_exhibitor");
    const other = await addStaff(ctx(), { token: tok("sme", 1), name: "Other firm's" });
    expect(await refusal(assignStaff(ctx(), { token: tok("sme", 0), meetingId: m.id, staffId: other.id }))).toBe("b2b_staff_not_found");
    await removeStaff(ctx(), { token: tok("sme", 0), staffId: s.id });
    expect((await byId(m.id)).assignedStaffId).toBeNull();
  });
});

describe("a meeting at the exhibitor's stall", () => {
  it("names its confirmed stall and hall (from the floor, through the stall port) in the page data and the .ics LOCATION (the PDF prints the same placeText)", async () => {
    const [p] = await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, sme[3]!));
    // The exhibitor's confirmed stall: the demo's if it has one, else one set up here.
    let [stall] = await t.db.select({ number: floorStalls.number, hall: floorHalls.code, hallEn: floorHalls.nameEn, hallUr: floorHalls.nameUr }).from(floorStalls).innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId)).where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.enterpriseId, p!.enterpriseId!), eq(floorStalls.state, "confirmed")));
    if (!stall) {
      await t.db.delete(floorStalls).where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.enterpriseId, p!.enterpriseId!)));
      const [hall] = await t.db.insert(floorHalls).values({ editionId, code: "B2BX", nameEn: "Hall 2", nameUr: "ہال 2", widthM: 50, depthM: 30 }).returning();
      await t.db.insert(floorStalls).values({ editionId, hallId: hall!.id, number: "2-114", seq: 1, areaM2: 9, state: "confirmed", enterpriseId: p!.enterpriseId! });
      stall = { number: "2-114", hall: "B2BX", hallEn: "Hall 2", hallUr: "ہال 2" };
    }
    const m = await meeting(3, 3, 640, "stall");
    const view = await myMeetings(ctx(), { token: tok("buyer", 3) });
    const seen = view.days.flatMap((d) => d.meetings).find((x) => x.id === m.id)!;
    const { hall, ...named } = stall;
    expect(seen).toMatchObject({ place: "stall", stall: named });
    // With the way to it: its page on the public floor plan.
    const [ed] = await t.db.select({ slug: editions.slug }).from(editions).where(eq(editions.id, editionId));
    expect(seen.stall!.path).toBe(`/editions/${ed!.slug}/floor/${hall}/stalls/${encodeURIComponent(stall.number)}`);
    expect(placeText(seen, "en")).toBe(`Stall ${stall.number}, ${stall.hallEn}`);
    expect(placeText(seen, "ur")).toBe(`اسٹال ${stall.number}، ${stall.hallUr}`);
    const ics = await meetingIcs(ctx(), { token: tok("buyer", 3), meetingId: m.id });
    expect(ics.text.replace(/\r?\n /g, "")).toContain(`LOCATION:Stall ${stall.number}\\, ${stall.hallEn}`);
    // The change email names the stall too, in each side's language.
    await cancelMeeting(ctx(), { token: tok("sme", 3), meetingId: m.id });
    const told = (await mailTo()).find((x) => x.to === buyerEmail[3]);
    expect(told?.text).toContain(`Stall ${stall.number}, ${stall.hallEn}`);
    // A stall meeting of an exhibitor without a confirmed stall says only "at the stall".
    const other = await meeting(2, 2, 640, "stall");
    const plain = (await myMeetings(ctx(), { token: tok("buyer", 2) })).days.flatMap((d) => d.meetings).find((x) => x.id === other.id)!;
    const [s2] = await t.db.select().from(floorStalls).where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.enterpriseId, (await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, sme[2]!)))[0]!.enterpriseId!), eq(floorStalls.state, "confirmed")));
    if (!s2) expect(placeText(plain, "en")).toBe("At the exhibitor's stall");
  });
});

describe("the printable schedule", () => {
  it("is a PDF with the meeting in English and Urdu", async () => {
    await meeting(0, 0, 600, 1);
    const { pdf } = await meetingsPdf(ctx(), { token: tok("buyer", 0) });
    const dir = await mkdtemp(join(tmpdir(), "meet-"));
    try {
      await writeFile(join(dir, "m.pdf"), pdf);
      const text = (await promisify(execFile)("pdftotext", [join(dir, "m.pdf"), "-"])).stdout;
      expect(text).toContain("B2B meeting schedule");
      expect(text).toContain("10:00–10:20");
      expect(text).toContain("Table 1, B2B lounge");
      expect(text).toMatch(/بی ٹو بی/); // Nastaliq extracts lossily; these words come back whole
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("changes after publication", () => {
  it("a withdrawal cancels all the participant's meetings and tells only their partners", async () => {
    const a = await meeting(0, 0, 600, 1);
    const b = await meeting(1, 0, 620, 1);
    const c = await meeting(2, 2, 600, 2);
    const r = await t.db.transaction((tx) => cancelMeetingsOfParticipant(tx, ctx(), buyer[0]!));
    expect(r.cancelled).toBe(2);
    expect((await byId(a.id)).status).toBe("cancelled");
    expect((await byId(b.id)).sequence).toBe(1);
    expect(await byId(c.id)).toMatchObject({ status: "scheduled", sequence: 0 });
    const to = (await mailTo()).map((x) => x.to);
    expect(to).toContain(buyerEmail[0]);
    expect(to).not.toContain(buyerEmail[2]);
  });

  it("removing a table moves its meetings, leaves the others alone, and lists what could not be kept", async () => {
    const organiser = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    // 10:00: tables 1 and 2 taken; 10:20: table 1 taken; 10:40: free.
    const stay1 = await meeting(0, 0, 600, 1);
    const onTwo = await meeting(1, 1, 600, 2);
    const stay2 = await meeting(2, 2, 620, 1);
    expect(await refusal(removeTableOrSlot(ctxFor(t.db), { editionId, day: 1, start: "10:00", tableNo: 2 }))).toBe("unauthenticated");
    const r = await removeTableOrSlot(organiser, { editionId, day: 1, start: "10:00", tableNo: 2 });
    expect(r.cancelled).toEqual([]);
    expect(r.moved.map((m) => m.meetingId)).toEqual([onTwo.id]);
    const moved = await byId(onTwo.id);
    expect(moved).toMatchObject({ uid: onTwo.uid, sequence: 1, status: "scheduled", tableNo: 1 });
    expect(moved.startMinute).not.toBe(600);
    for (const s of [stay1, stay2]) expect(await byId(s.id)).toMatchObject({ sequence: 0, startMinute: s.startMinute, tableNo: 1 });
    const to = (await mailTo()).map((x) => x.to);
    // The two of the moved meeting: its buyer, and its exhibitor at its application's contact.
    expect(to).toHaveLength(2);
    expect(to).toContain(buyerEmail[1]);
    expect(to.find((x) => x !== buyerEmail[1])).toMatch(/@exhibitors\.demo\.numaish\.pk$/);
    expect(to).not.toContain(buyerEmail[0]);
    expect(to).not.toContain(buyerEmail[2]);

    // The one table left is now taken at 10:00 and 10:40: removing 10:20 cannot keep its meeting.
    const r2 = await removeTableOrSlot(organiser, { editionId, day: 1, start: "10:20" });
    expect(r2.moved).toEqual([]);
    expect(r2.cancelled).toEqual([{ meetingId: stay2.id, requestId: stay2.requestId, reason: "no_place" }]);
    expect(await byId(stay2.id)).toMatchObject({ status: "cancelled", sequence: 1, uid: stay2.uid });
    expect(await byId(stay1.id)).toMatchObject({ status: "scheduled", sequence: 0 });
    const report = await listRepairs(organiser, { editionId });
    expect(report.repairs.map((x) => x.kind)).toEqual(["remove_slot", "remove_table"]);
    expect(report.repairs[0]!.cancelled).toEqual(r2.cancelled.map((c) => ({ meetingId: c.meetingId, reason: "no_place" })));
    const [p] = await t.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
    expect(p!.breaks).toEqual([{ day: 1, start: 620, end: 640 }]);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.meetings_repaired"), eq(auditEntries.entityId, editionId)));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("a request accepted late is placed where both are free; concurrent placements never double-book", async () => {
    await meeting(0, 0, 600, 1);
    await meeting(0, 1, 620, 1);
    const placed = await t.db.transaction((tx) => placeLateRequest(tx, ctx(), pair[0]![2]!));
    expect(placed.placed).toBe(true);
    const m = (await t.db.select().from(b2bMeetings).where(eq(b2bMeetings.requestId, pair[0]![2]!)))[0]!;
    expect(m.startMinute).toBe(640); // the SME's only free slot
    // sme[1] with buyers 0 and 3 at once, with a single table and one slot left for each pair.
    await t.db.update(b2bProgrammes).set({ breaks: [{ day: 1, start: 600, end: 640 }] }).where(eq(b2bProgrammes.editionId, editionId));
    const race = await Promise.allSettled([
      t.db.transaction((tx) => placeLateRequest(tx, ctx(), pair[1]![0]!)),
      t.db.transaction((tx) => placeLateRequest(tx, ctx(), pair[1]![3]!)),
    ]);
    expect(race.every((x) => x.status === "fulfilled")).toBe(true);
    const at640 = await t.db
      .select()
      .from(b2bMeetings)
      .where(and(eq(b2bMeetings.editionId, editionId), eq(b2bMeetings.status, "scheduled"), eq(b2bMeetings.startMinute, 640), inArray(b2bMeetings.smeParticipantId, [sme[1]!])));
    expect(at640).toHaveLength(1);
    const dup = await t.db.execute(sql`select table_no, count(*)::int as n from b2b_meetings where edition_id = ${editionId} and status = 'scheduled' and start_minute = 640 group by table_no having count(*) > 1`);
    expect(rowsOf(dup)).toHaveLength(0);
  });
});
