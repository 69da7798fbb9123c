import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { outboxMessages } from "../../platform/mail/tables";
import type { Actor } from "../../platform/permissions/actor";
import { hashSecret } from "../../platform/ids";
import { registrations } from "../registration/tables";
import { getDraft, moveSession, saveRoom, saveSession, saveSpeaker } from "./operations/draft";
import { publicAgenda, publicChanges } from "./operations/public";
import { publishRelease } from "./operations/release";
import { inviteToSession } from "./operations/invitations";
import { cancelRsvp, myAgenda, rsvpSession } from "./operations/rsvp";
import { programmeRsvps } from "./tables";

// Issue #13, agenda: the draft's warnings, releases and their change log, the speakers' emails,
// RSVPs that never oversell under concurrent calls, invitation-only refusals, and who may do what.
// On next year's edition (the demo leaves it a draft agenda to try), with rooms of this file's own.

let t: TestDb;
let editionId: string;
let cat: DemoCategories;
let staff: Actor;
let small: string;
let hall: string;
let speaker: string;
const regs: { id: string; token: string }[] = [];

const session = (o: Partial<Parameters<typeof saveSession>[1]> = {}): Parameters<typeof saveSession>[1] => ({
  editionId,
  kind: "panel",
  track: "exports",
  titleEn: "Test panel",
  titleUr: "آزمائشی پینل",
  day: 1,
  startMinute: 600,
  endMinute: 660,
  roomId: small,
  ...o,
});

beforeAll(async () => {
  t = await openTestDb();
  ({ editionId, cat } = await demoShow(t.db, "sme-showcase-2027"));
  staff = await actorFor(t.db, demo.organiser);
  const ctx = ctxFor(t.db, staff);
  small = (await saveRoom(ctx, { editionId, slug: "t-small", nameEn: "Small room", nameUr: "چھوٹا کمرہ", capacity: 3 })).id;
  hall = (await saveRoom(ctx, { editionId, slug: "t-hall", nameEn: "Hall stage", nameUr: "ہال اسٹیج", capacity: 200 })).id;
  speaker = (await saveSpeaker(ctx, { editionId, slug: "t-amina", name: "Amina Test", nameUr: "آمنہ ٹیسٹ", email: "amina@test.example", locale: "ur" })).id;
  const now = new Date("2026-12-01T00:00:00Z");
  const categoryId = Object.values(cat)[0]!;
  for (let i = 0; i < 10; i++) {
    const token = `programme-test-token-${i}-abcdefghijkl`;
    const [r] = await t.db
      .insert(registrations)
      .values({ editionId, number: 90_000 + i, categoryId, email: `rsvp${i}@test.example`, name: `RSVP ${i}`, status: "approved", days: [0], consentData: true, manageTokenHash: hashSecret(token), createdAt: now, updatedAt: now })
      .returning({ id: registrations.id });
    regs.push({ id: r!.id, token });
  }
});
afterAll(() => t?.close());

describe("the draft's warnings", () => {
  it("warns of a speaker in two places, two sessions in one room and a session outside the venue's hours", async () => {
    const ctx = ctxFor(t.db, staff);
    const a = await saveSession(ctx, session({ titleEn: "Clash A", day: 3, speakers: [{ speakerId: speaker, role: "speaker" }] }));
    const b = await saveSession(ctx, session({ titleEn: "Clash B", day: 3, roomId: hall, startMinute: 630, endMinute: 690, speakers: [{ speakerId: speaker, role: "moderator" }] }));
    const c = await saveSession(ctx, session({ titleEn: "Clash C", day: 3, startMinute: 640, endMinute: 700 }));
    const late = await saveSession(ctx, session({ titleEn: "Late", day: 3, roomId: hall, startMinute: 1200, endMinute: 1260 }));
    const w = (await getDraft(ctx, { editionId })).warnings;
    expect(w).toContainEqual({ code: "speaker_clash", speakerId: speaker, sessionIds: [a.id, b.id] });
    expect(w).toContainEqual({ code: "room_clash", roomId: small, sessionIds: [a.id, c.id] });
    expect(w).toContainEqual({ code: "outside_hours", sessionId: late.id });
    // Moving B an hour later clears the speaker's clash.
    await moveSession(ctx, { editionId, id: b.id, day: 3, startMinute: 700, endMinute: 760, roomId: hall });
    expect((await getDraft(ctx, { editionId })).warnings.filter((x) => x.code === "speaker_clash" && x.sessionIds.includes(b.id))).toEqual([]);
  });

  it("keeps times on the 5-minute grid and inside the edition's days (the database and the operation)", async () => {
    const ctx = ctxFor(t.db, staff);
    await expect(saveSession(ctx, session({ startMinute: 601 }))).rejects.toThrow();
    await expect(saveSession(ctx, session({ day: 9 }))).rejects.toMatchObject({ code: "validation_failed", fields: [{ path: "day" }] });
    await expect(saveSession(ctx, session({ endMinute: 600 }))).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("releases", () => {
  it("publishes the draft as numbered versions with a change log, and emails the speakers their sessions with an .ics", async () => {
    const ctx = ctxFor(t.db, staff);
    const before = (await publicAgenda(ctxFor(t.db), { slug: "sme-showcase-2027" })).release;
    const panel = await saveSession(ctx, session({ titleEn: "Exports panel", speakers: [{ speakerId: speaker, role: "speaker" }] }));
    const first = await publishRelease(ctx, { editionId, name: "Test release 1" });
    expect(first.release.number).toBe((before?.number ?? 0) + 1);
    const agenda = await publicAgenda(ctxFor(t.db), { slug: "sme-showcase-2027" });
    expect(agenda.sessions.map((s) => s.id)).toContain(panel.id);
    const mails = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, "amina@test.example"), eq(outboxMessages.kind, "programme.speaker_sessions")));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.bodyText).toContain("آپ کے سیشن");
    expect(mails[0]!.attachments?.[0]?.content).toContain(`UID:programme-${panel.id}@numaish`);

    await moveSession(ctx, { editionId, id: panel.id, day: 2, startMinute: 900, endMinute: 960, roomId: hall });
    const added = await saveSession(ctx, session({ titleEn: "Finance clinic", day: 2, startMinute: 600, endMinute: 640 }));
    const second = await publishRelease(ctx, { editionId, name: "Test release 2" });
    expect(second.changes).toContainEqual(expect.objectContaining({ type: "moved", sessionId: panel.id, to: expect.objectContaining({ day: 2, startMinute: 900, roomEn: "Hall stage" }) }));
    expect(second.changes).toContainEqual(expect.objectContaining({ type: "added", sessionId: added.id }));
    const log = await publicChanges(ctxFor(t.db), { slug: "sme-showcase-2027" });
    expect(log.releases[0]).toMatchObject({ name: "Test release 2" });
    await expect(publishRelease(ctx, { editionId, name: "Test release 2" })).rejects.toMatchObject({ code: "programme_release_name_taken" });
  });
});

describe("RSVPs", () => {
  it("never oversells a session under concurrent calls (the others wait in line), refuses a second seat, and a seat given back goes to the first waiting", async () => {
    const ctx = ctxFor(t.db, staff);
    const s = await saveSession(ctx, session({ titleEn: "Popular workshop", kind: "workshop", day: 1, startMinute: 800, endMinute: 860 }));
    await publishRelease(ctx, { editionId, name: "RSVP release" });
    const outcomes = await Promise.all(regs.slice(0, 8).map((r) => rsvpSession(ctxFor(t.db), { sessionId: s.id, holder: { token: r.token } })));
    expect(outcomes.filter((o) => o.status === "seated")).toHaveLength(3);
    expect(outcomes.filter((o) => o.status === "waitlisted")).toHaveLength(5);
    const active = await t.db.select().from(programmeRsvps).where(and(eq(programmeRsvps.sessionId, s.id), isNull(programmeRsvps.cancelledAt), eq(programmeRsvps.status, "seated")));
    expect(active).toHaveLength(3);
    const winner = regs.find((r) => active.some((a) => a.registrationId === r.id))!;
    expect(await rsvpSession(ctxFor(t.db), { sessionId: s.id, holder: { token: winner.token } })).toMatchObject({ already: true, status: "seated" });
    expect((await myAgenda(ctxFor(t.db), { holder: { token: winner.token } })).sessions.map((x) => x.id)).toEqual([s.id]);
    // The seat given back goes to the first person waiting.
    expect(await cancelRsvp(ctxFor(t.db), { sessionId: s.id, holder: { token: winner.token } })).toMatchObject({ promoted: 1 });
    const seated = await t.db.select().from(programmeRsvps).where(and(eq(programmeRsvps.sessionId, s.id), isNull(programmeRsvps.cancelledAt), eq(programmeRsvps.status, "seated")));
    expect(seated).toHaveLength(3);
  });

  it("refuses an uninvited person at an invitation-only session, admits an invited one, and refuses an unreleased session", async () => {
    const ctx = ctxFor(t.db, staff);
    const s = await saveSession(ctx, session({ titleEn: "Policy dialogue", kind: "policy_dialogue", access: "invitation", roomId: hall, day: 2, startMinute: 1000, endMinute: 1060 }));
    await expect(rsvpSession(ctxFor(t.db), { sessionId: s.id, holder: { token: regs[8]!.token } })).rejects.toMatchObject({ code: "programme_not_released" });
    await publishRelease(ctx, { editionId, name: "Policy release" });
    await expect(rsvpSession(ctxFor(t.db), { sessionId: s.id, holder: { token: regs[8]!.token } })).rejects.toMatchObject({ code: "programme_invitation_only" });
    await inviteToSession(ctx, { editionId, sessionId: s.id, registrationIds: [regs[8]!.id] });
    expect(await rsvpSession(ctxFor(t.db), { sessionId: s.id, holder: { token: regs[8]!.token } })).toMatchObject({ already: false });
    await expect(rsvpSession(ctxFor(t.db), { sessionId: s.id, holder: { token: "x".repeat(30) } })).rejects.toMatchObject({ code: "token_invalid" });
  });
});

describe("permissions", () => {
  it("lets only the organiser's staff see and change the draft", async () => {
    for (const [who, code] of [
      [undefined, "unauthenticated"],
      [demo.visitor, "forbidden"],
      [demo.exhibitor, "forbidden"],
    ] as const) {
      const ctx = ctxFor(t.db, who ? await actorFor(t.db, who) : undefined);
      await expect(getDraft(ctx, { editionId })).rejects.toMatchObject({ code });
      await expect(publishRelease(ctx, { editionId, name: "Nope" })).rejects.toMatchObject({ code });
      await expect(saveRoom(ctx, { editionId, slug: "nope", nameEn: "N", nameUr: "ن", capacity: 1 })).rejects.toMatchObject({ code });
    }
    // Someone else's registration cannot be named without its link.
    const visitor = await actorFor(t.db, demo.visitor);
    await expect(myAgenda(ctxFor(t.db, visitor), { holder: { registrationId: regs[0]!.id } })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the demo agenda and the API", () => {
  it("serves the show's released agenda (policy dialogue by invitation), its releases, and refuses the draft to anonymous callers", async () => {
    const api = testApp(t.db);
    const agenda = await api.call("/api/v1/editions/showcase-2026/programme");
    expect(agenda.status).toBe(200);
    expect(agenda.body.release).toMatchObject({ number: 1 });
    expect(new Set(agenda.body.sessions.map((s: { day: number }) => s.day))).toEqual(new Set([1, 2, 3]));
    const kinds = agenda.body.sessions.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(["ceremony", "panel", "policy_dialogue", "awards_ceremony", "break"]));
    // The demo: 8–10 expert panels across the three days.
    const panels = kinds.filter((k: string) => k === "panel").length;
    expect(panels >= 8 && panels <= 10, `${panels} panels`).toBe(true);
    expect(agenda.body.sessions.find((s: { kind: string }) => s.kind === "policy_dialogue").access).toBe("invitation");
    expect((await api.call("/api/v1/editions/showcase-2026/programme/releases")).body.releases).toHaveLength(1);
    expect((await api.call("/api/v1/editions/showcase-2026/programme/speakers/sana-malik")).body.sessions.length).toBeGreaterThan(0);
    expect((await api.call("/api/v1/editions/no-such-edition/programme")).status).toBe(404);
    expect((await api.call(`/api/v1/editions/${editionId}/programme/draft`)).status).toBe(401);
    const doc = await api.call("/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(["/editions/{slug}/programme", "/editions/{id}/programme/releases", "/programme/sessions/{id}/rsvp"]));
  });
});
