import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { hashSecret } from "../../platform/ids";
import { enterprises } from "../editions/enterprise-tables";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRequests } from "./tables";

// The meetings and changes API: a participant by its link token in the body; organisers list and
// make changes; another's meeting is refused like a missing one; visitors are refused.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
let meetingId: string;
let uid: string;
const token = "api-meetings-buyer-token-0001";
const signIn = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  await t.db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, sessions: [{ start: 600, end: 660 }] }], slotMinutes: 20, loungeTables: 2, stallMeetings: false, interpreters: {} });
  const [firm] = await t.db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(1);
  const [sme] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm!.id, approved: true, optedIn: true }).returning();
  const reg = await insertApprovedRegistration(t.db, editionId, { email: "api-meet@example.com" });
  const [buyer] = await t.db.insert(b2bParticipants).values({ editionId, side: "buyer", kind: "investor", registrationId: reg.id, approved: true, optedIn: true, accessTokenHash: hashSecret(token) }).returning();
  const [r] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, requestedBy: "buyer", status: "accepted" }).returning();
  uid = `${randomUUID()}@numaish.test`;
  const [m] = await t.db.insert(b2bMeetings).values({ editionId, requestId: r!.id, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, day: 1, startMinute: 620, place: "table", tableNo: 2, uid }).returning();
  meetingId = m!.id;
}, 60_000);
afterAll(async () => t?.close());

describe("B2B meetings API", () => {
  it("a participant reads its meetings, downloads one as .ics and cancels it", async () => {
    const mine = await api.call("/api/v1/b2b/my-meetings", { json: { token } });
    expect(mine.status).toBe(200);
    expect(mine.body.days[0].meetings[0]).toMatchObject({ id: meetingId, uid, start: "10:20", tableNo: 2, status: "scheduled" });
    const ics = await api.call(`/api/v1/b2b/my-meetings/${meetingId}/ics`, { json: { token } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect((await api.call(`/api/v1/b2b/my-meetings/${randomUUID()}/cancel`, { json: { token } })).status).toBe(404);
    expect((await api.call(`/api/v1/b2b/my-meetings/${meetingId}/cancel`, { json: { token: "unknown-token-abcdefghijkl" } })).status).toBe(410);
    const cancel = await api.call(`/api/v1/b2b/my-meetings/${meetingId}/cancel`, { json: { token } });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ meetingId, sequence: 1, status: "cancelled" });
    const link = await api.call("/api/v1/b2b/calendar-link", { json: { token } });
    expect(link.body.webcal).toMatch(/^webcal:/);
    // A buyer has no staff to assign.
    expect((await api.call(`/api/v1/b2b/my-meetings/${meetingId}/staff`, { method: "PUT", json: { token, staffId: null } })).status).toBe(409);
  });

  it("organisers list the changes and remove a slot; visitors and anonymous callers are refused", async () => {
    const organiser = await signIn(demo.organiser);
    const removed = await api.call(`/api/v1/editions/${editionId}/b2b-changes/remove`, { method: "POST", cookie: organiser, json: { day: 1, start: "10:40" } });
    expect(removed.status).toBe(200);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-changes/remove`, { method: "POST", cookie: organiser, json: { day: 1, start: "10:40" } })).body.error.code).toBe("b2b_no_such_slot");
    const list = await api.call(`/api/v1/editions/${editionId}/b2b-changes`, { cookie: organiser });
    expect(list.status).toBe(200);
    expect(list.body.repairs.map((r: { kind: string }) => r.kind)).toEqual(["remove_slot", "cancel"]);
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-changes`, { cookie: visitor })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-changes`)).status).toBe(401);
  });
});
