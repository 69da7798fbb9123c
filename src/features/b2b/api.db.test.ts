import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { b2bProgrammes } from "./tables";

// The B2B programme over the API: the same operation as the page, organiser staff only, refusals
// with their field, code and text.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
const signIn = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

const programme = {
  enabled: true,
  windowOpensAt: "2026-01-05T04:00:00Z",
  windowClosesAt: "2026-01-22T19:00:00Z",
  days: [1, 2, 3].map((day) => ({ day, sessions: [{ start: "10:00", end: "13:00" }, { start: "14:30", end: "17:30" }] })),
  breaks: [],
  slotMinutes: 20,
  loungeTables: 40,
  stallMeetings: true,
  interpreters: { ur: 4, en: 4, zh: 2 },
  maxMeetingsPerDay: 8,
  maxRequestsSent: 20,
  requestDirection: "both",
  requestExpiryDays: 3,
};

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  editionId = (await demoShow(t.db)).editionId;
});
afterAll(async () => t?.close());

describe("B2B programme API", () => {
  it("organiser staff set and read the programme; refusals name the field and say why", async () => {
    const cookie = await signIn(demo.organiser);
    const put = await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { method: "PUT", cookie, json: programme });
    expect(put.status).toBe(200);
    expect(put.body.slots).toBe(54);
    const got = await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { cookie });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ exists: true, slots: 54, programme: { loungeTables: 40, interpreters: { ur: 4, en: 4, zh: 2 } } });

    const overlap = { ...programme, days: [{ day: 1, sessions: [{ start: "10:00", end: "13:00" }, { start: "12:00", end: "14:00" }] }] };
    const refused = await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { method: "PUT", cookie, json: overlap });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: "days.0.sessions", code: "b2b_sessions_overlap" })]);
    expect(refused.body.error.fields[0].message).toBe("The sessions 10:00-13:00, 12:00-14:00 overlap or touch: write them as one session.");
    // Unknown fields and wrong types are refused at the edge.
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { method: "PUT", cookie, json: { ...programme, colour: 1 } })).status).toBe(400);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { method: "PUT", cookie, json: { ...programme, slotMinutes: "20" } })).status).toBe(400);
    expect((await t.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId)))[0]!.days).toHaveLength(3);
  });

  it("refuses visitors and anonymous callers, and changes nothing", async () => {
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { cookie: visitor })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { method: "PUT", cookie: visitor, json: { ...programme, loungeTables: 1 } })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-programme`)).status).toBe(401);
    expect((await t.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId)))[0]!.loungeTables).toBe(40);
  });
});
