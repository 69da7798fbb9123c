import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";
import { b2bParticipants } from "./tables";

// The directory, a participant's card, recommendations and the organiser's list over the API: the token in the body,
// the organiser's list for organiser staff only.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
let cat: DemoCategories;
const signIn = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const show = await demoShow(t.db);
  editionId = show.editionId;
  cat = show.cat;
  const cookie = await signIn(demo.organiser);
  const got = await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { cookie });
  await api.call(`/api/v1/editions/${editionId}/b2b-programme`, { method: "PUT", cookie, json: { ...got.body.programme, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" } });
  expect((await api.call(`/api/v1/editions/${editionId}/b2b-participants/exhibitors`, { method: "POST", cookie })).status).toBe(200);
});
afterAll(async () => t?.close());

describe("B2B directory API", () => {
  it("a buyer browses and gets recommendations by its token in the body; organisers list participants", async () => {
    const reg = await register(ctxFor(t.db), { editionId, categoryId: cat.procurement_head, name: "Api Hub Buyer", email: "api-hub@example.com", days: [0], consentData: true, consentScan: false });
    await decideRegistrations(ctxFor(t.db, await actorFor(t.db, demo.organiser)), { editionId, ids: [reg.registrations[0]!.id], decision: "approve" });
    const joined = await api.call("/api/v1/b2b/join", { json: { registrationToken: reg.manageTokens![0], kind: "buyer_procurement" } });
    const token = joined.body.accessToken as string;
    await api.call("/api/v1/b2b/my-profile", { method: "PUT", json: { token, profile: { hsCodes: ["9018"], needsEn: "surgical instruments", languages: ["ur"] } } });

    const dir = await api.call("/api/v1/b2b/directory", { json: { token, q: "surgical" } });
    expect(dir.status).toBe(200);
    // No exhibitor has opted in yet.
    expect(dir.body).toMatchObject({ total: 0, cards: [], viewer: { side: "buyer" } });
    const rec = await api.call("/api/v1/b2b/recommendations", { json: { token }, headers: { "accept-language": "ur" } });
    expect(rec.status).toBe(200);
    expect(rec.body.recommendations).toEqual([]);
    expect((await api.call("/api/v1/b2b/directory", { json: { token: "z".repeat(32) } })).status).toBe(410);

    // One participant's card: an exhibitor once it is listed, with no contact before an accepted request.
    const [sme] = await t.db.select({ id: b2bParticipants.id }).from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme"))).limit(1);
    const cardOf = (id: string, json: object = { token }) => api.call(`/api/v1/b2b/participants/${id}/card`, { json });
    expect((await cardOf(sme!.id)).body.error.code).toBe("not_found");
    await t.db.update(b2bParticipants).set({ optedIn: true }).where(eq(b2bParticipants.id, sme!.id));
    const card = await cardOf(sme!.id);
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ viewer: { side: "buyer" }, card: { id: sme!.id, side: "sme" }, listed: true, meets: false, contact: null });
    expect((await cardOf(joined.body.participant.id)).status).toBe(404);
    expect((await cardOf(sme!.id, { token, extra: 1 })).status).toBe(400);
    expect((await cardOf(sme!.id, { token: "z".repeat(32) })).status).toBe(410);
    expect((await api.call("/api/v1/b2b/directory", { json: { token, kind: "nobody" } })).status).toBe(400);

    expect((await api.call(`/api/v1/editions/${editionId}/b2b-participants`)).status).toBe(401);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-participants`, { cookie: await signIn(demo.visitor) })).status).toBe(403);
    const list = await api.call(`/api/v1/editions/${editionId}/b2b-participants?incomplete=true&side=buyer`, { cookie: await signIn(demo.organiser) });
    expect(list.status).toBe(200);
    expect(list.body.participants.map((p: { nameEn: string }) => p.nameEn)).toEqual(["Api Hub Buyer"]);
    expect(list.body.counts.sme).toBeGreaterThan(100);
    expect(JSON.stringify(list.body)).not.toContain("api-hub@example.com");
  });
});
