// Appeals over the JSON API on the demo's published selection: lodged with a
// link token inside the window, listed and decided by staff only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { hashSecret } from "../../platform/ids";
import { demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { editions } from "../editions/tables";
import { nominations, selections } from "../nominations/tables";

let t: TestDb;
let api: ReturnType<typeof testApp>;
const cookies: Record<string, string> = {};
const TOKEN = "appeal-api-test-token-0123456789";
let editionId: string;

beforeAll(async () => {
  t = await openTestDb();
  // Inside the demo selection's appeal window (published 15 November 2025, 14 days).
  api = testApp(t.db, fixedClock("2025-11-20T08:00:00Z"));
  for (const who of [demo.chamber, demo.organiser]) {
    const r = await api.call("/api/v1/auth/sign-in", { json: { email: who, password: demo.password } });
    cookies[who] = r.headers.get("set-cookie")!.split(";")[0]!;
  }
  const [edition] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = edition!.id;
});
afterAll(async () => t?.close());

/** A demo applicant with the given decision, given a known link token (the demo stores only hashes). */
async function applicantWith(status: string, token: string) {
  const [sel] = await t.db.select().from(selections).where(eq(selections.editionId, editionId));
  const d = (sel!.result as { decisions: { applicationId: string; status: string }[] }).decisions.find((x) => x.status === status)!;
  await t.db.update(nominations).set({ linkHash: hashSecret(token), linkExpiresAt: new Date("2027-01-01T00:00:00Z") }).where(eq(nominations.id, d.applicationId));
  return d.applicationId;
}

describe("appeals API", () => {
  it("lodges by link token, lists and decides for staff only", async () => {
    const nominationId = await applicantWith("not_selected", TOKEN);
    const grounds = "Our export figures were misread by the reviewers.";
    expect((await api.call("/api/v1/appeals", { json: { token: TOKEN, grounds: "short" } })).status).toBe(400);
    const unknown = await api.call("/api/v1/appeals", { json: { token: "x".repeat(30), grounds } });
    expect([unknown.status, unknown.body.error?.code ?? unknown.body.code]).toEqual([410, "token_invalid"]);
    const lodged = await api.call("/api/v1/appeals", { json: { token: TOKEN, grounds } });
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ nominationId, status: "open", grounds, decidedAt: null });
    const again = await api.call("/api/v1/appeals", { json: { token: TOKEN, grounds } });
    expect([again.status, again.body.error.code, again.body.error.params]).toEqual([409, "already_exists", { what: "appeal" }]);

    // A selected applicant has nothing to appeal.
    await applicantWith("selected", `${TOKEN}-selected`);
    const selected = await api.call("/api/v1/appeals", { json: { token: `${TOKEN}-selected`, grounds } });
    // The refusal's own code and its text reach the client (not a generic "conflict").
    expect([selected.status, selected.body.error.code, selected.body.error.message]).toEqual([409, "appeal_not_allowed", "This decision cannot be appealed."]);

    expect((await api.call(`/api/v1/editions/${editionId}/appeals`, { cookie: cookies[demo.chamber] })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/appeals`)).status).toBe(401);
    const list = await api.call(`/api/v1/editions/${editionId}/appeals`, { cookie: cookies[demo.organiser] });
    expect(list.status).toBe(200);
    expect(list.body.appeals.find((a: { id: string }) => a.id === lodged.body.id)).toMatchObject({ status: "open", enterpriseName: expect.any(String) });

    const path = `/api/v1/appeals/${lodged.body.id}/decision`;
    const decision = { outcome: "upheld", note: "The export figures were indeed misread.", status: "waitlisted" };
    expect((await api.call(path, { cookie: cookies[demo.chamber], json: decision })).status).toBe(403);
    expect((await api.call(path, { cookie: cookies[demo.organiser], json: { ...decision, outcome: "maybe" } })).status).toBe(400);
    const decided = await api.call(path, { cookie: cookies[demo.organiser], json: decision });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "upheld", decisionNote: decision.note });
    const [sel] = await t.db.select().from(selections).where(eq(selections.editionId, editionId));
    expect((sel!.result as { decisions: { applicationId: string; status: string }[] }).decisions.find((x) => x.applicationId === nominationId)!.status).toBe("waitlisted");
    const twice = await api.call(path, { cookie: cookies[demo.organiser], json: decision });
    expect([twice.status, twice.body.error.code]).toEqual([409, "appeal_decided"]);
  });

  it("describes the routes in the OpenAPI document", async () => {
    const doc = await api.call("/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(["/appeals", "/editions/{id}/appeals", "/appeals/{id}/decision"]));
    expect(doc.body.components.schemas.AppealInput).toBeTruthy();
  });
});
