import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { decideRegistrations } from "../registration/operations/decide";
import { register } from "../registration/operations/register";

// Participants and profiles over the API: the same operations, the same refusals; a link's token
// travels in the body.

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
  const put = await api.call(`/api/v1/editions/${editionId}/b2b-programme`, {
    method: "PUT",
    cookie,
    json: { ...got.body.programme, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" },
  });
  expect(put.status).toBe(200);
});
afterAll(async () => t?.close());

describe("B2B participants and profiles API", () => {
  it("organisers enrol exhibitors; others may not", async () => {
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-participants/exhibitors`, { method: "POST" })).status).toBe(401);
    const cookie = await signIn(demo.organiser);
    const r = await api.call(`/api/v1/editions/${editionId}/b2b-participants/exhibitors`, { method: "POST", cookie });
    expect(r.status).toBe(200);
    expect(r.body.enrolled).toBeGreaterThan(100);
  });

  it("a buyer joins by its manage link, reads and completes its profile, and withdraws, by its B2B token", async () => {
    const reg = await register(ctxFor(t.db), { editionId, categoryId: cat.procurement_head, name: "Api Buyer", email: "api-b2b@example.com", days: [0], consentData: true, consentScan: false });
    await decideRegistrations(ctxFor(t.db, await actorFor(t.db, demo.organiser)), { editionId, ids: [reg.registrations[0]!.id], decision: "approve" });
    const wrongKind = await api.call("/api/v1/b2b/join", { json: { registrationToken: reg.manageTokens![0], kind: "bank" } });
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.error.code).toBe("b2b_kind_not_for_category");
    const joined = await api.call("/api/v1/b2b/join", { json: { registrationToken: reg.manageTokens![0], kind: "buyer_procurement" } });
    expect(joined.status).toBe(200);
    const token = joined.body.accessToken as string;

    const read = await api.call("/api/v1/b2b/my-profile", { json: { token } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ saved: false, completeness: 0, participant: { kind: "buyer_procurement" } });
    const bad = await api.call("/api/v1/b2b/my-profile", { method: "PUT", json: { token, profile: { hsCodes: ["abc"] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: "profile.hsCodes.0", code: "b2b_hs_code" });
    const saved = await api.call("/api/v1/b2b/my-profile", { method: "PUT", json: { token, profile: { hsCodes: ["9018.90"], volumes: "5,000 pieces a month" } } });
    expect(saved.status).toBe(200);
    expect(saved.body.completeness).toBe(29);

    expect((await api.call("/api/v1/b2b/my-profile", { json: { token: "z".repeat(32) } })).status).toBe(410);
    const w = await api.call("/api/v1/b2b/withdraw", { json: { token } });
    expect(w.status).toBe(200);
    expect(w.body.withdrawnAt).not.toBeNull();
  });
});
