import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";

// The public floor over the API (issue #12, item 7): anyone reads a published edition's plan, a
// stall and the search; an unknown edition, hall or stall is a 404, never a 500.

let t: TestDb;
let api: ReturnType<typeof testApp>;
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
});
afterAll(async () => t?.close());

describe("the floor over the API", () => {
  it("gives a hall's plan, a stall and search hits without signing in", async () => {
    const plan = await api.call("/api/v1/editions/showcase-2026/floor?hall=H1");
    expect(plan.status).toBe(200);
    expect(plan.body.hall.code).toBe("H1");
    expect(plan.body.halls).toHaveLength(3);
    const taken = plan.body.stalls.find((s: { exhibitor: unknown }) => s.exhibitor);
    expect(taken.exhibitor.nameEn).toBeTruthy();
    const one = await api.call(`/api/v1/editions/showcase-2026/floor/H1/stalls/${taken.number}`);
    expect(one.status).toBe(200);
    expect(one.body.stall.exhibitor.id).toBe(taken.exhibitor.id);
    const found = await api.call(`/api/v1/editions/showcase-2026/floor/search?q=${encodeURIComponent(taken.number)}`);
    expect(found.status).toBe(200);
    expect(found.body.hits[0].stall.number).toBe(taken.number);
  });

  it("answers 404 for an unknown edition, hall or stall", async () => {
    expect((await api.call("/api/v1/editions/no-such-show/floor")).status).toBe(404);
    expect((await api.call("/api/v1/editions/showcase-2026/floor?hall=H9")).status).toBe(404);
    expect((await api.call("/api/v1/editions/showcase-2026/floor/H1/stalls/9-999")).status).toBe(404);
  });
});
