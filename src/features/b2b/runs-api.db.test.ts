import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clock, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { runQueuedRuns } from "./run-worker";

// Scheduling runs over the API: start, read while queued and once done, refusals as codes, publish,
// compare; organiser staff only.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
const signIn = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  editionId = (await demoShow(t.db)).editionId;
});
afterAll(async () => t?.close());

describe("B2B runs API", () => {
  it("organiser staff start, read, compare and publish runs; others are refused", { timeout: 60_000 }, async () => {
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-runs`, { method: "POST", cookie: visitor, json: {} })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/b2b-runs`, { method: "POST", json: {} })).status).toBe(401);

    const cookie = await signIn(demo.organiser);
    const started = await api.call(`/api/v1/editions/${editionId}/b2b-runs`, { method: "POST", cookie, json: {} });
    expect(started.status).toBe(200);
    const id = started.body.run.id as string;
    expect(started.body.run).toMatchObject({ status: "queued", summary: null });
    const again = await api.call(`/api/v1/editions/${editionId}/b2b-runs`, { method: "POST", cookie, json: {} });
    expect([again.status, again.body.error.code]).toEqual([409, "b2b_run_in_progress"]);
    // Publishing before it is done is refused.
    const early = await api.call(`/api/v1/b2b-runs/${id}/publish`, { method: "POST", cookie });
    expect([early.status, early.body.error.code]).toEqual([409, "b2b_run_not_done"]);

    expect(await runQueuedRuns(t.db, clock())).toEqual([id]);
    const got = await api.call(`/api/v1/b2b-runs/${id}`, { cookie });
    expect(got.status).toBe(200);
    expect(got.body.run).toMatchObject({ id, status: "done", progress: null });
    expect(got.body.run.summary).toMatchObject({ placed: got.body.placements.length });
    const listed = await api.call(`/api/v1/editions/${editionId}/b2b-runs`, { cookie });
    expect(listed.body.runs.map((r: { id: string }) => r.id)).toContain(id);

    const second = (await api.call(`/api/v1/editions/${editionId}/b2b-runs`, { method: "POST", cookie, json: { baseRunId: id } })).body.run.id as string;
    await runQueuedRuns(t.db, clock());
    const cmp = await api.call(`/api/v1/b2b-runs/${id}/compare/${second}`, { cookie });
    expect(cmp.status).toBe(200);
    expect(cmp.body).toMatchObject({ onlyInA: [], onlyInB: [], moved: [] });

    const move = await api.call(`/api/v1/b2b-runs/${id}/placements/${id}`, { method: "PUT", cookie, json: { day: 1, start: "10:00", table: 1 } });
    expect([move.status, move.body.error.code]).toEqual([404, "not_found"]);
    const bad = await api.call(`/api/v1/b2b-runs/${id}/placements/${id}`, { method: "PUT", cookie, json: { day: 1, start: "25:00", table: 1 } });
    expect(bad.status).toBe(400);

    const published = await api.call(`/api/v1/b2b-runs/${id}/publish`, { method: "POST", cookie });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ moved: 0, cancelled: 0 });
    expect((await api.call(`/api/v1/b2b-runs/${id}`, { cookie: visitor })).status).toBe(403);
  });
});
