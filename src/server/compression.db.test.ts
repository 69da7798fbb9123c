import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../../tests/support/db";
import { testApp } from "../../tests/support/http";

// JSON answers under compress()'s 1 KB threshold go plain with their length (gzip would only make
// them bigger and cost both ends a stream); larger ones are still gzipped.
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("JSON compression", () => {
  it("leaves a small JSON answer plain with its length, and gzips a large one", async () => {
    const { app } = testApp(t.db);
    const get = (path: string) => app.request(`http://numaish.test${path}`, { headers: { accept: "application/json", "accept-encoding": "gzip, deflate, br", host: "numaish.test" } });
    const small = await get("/healthz");
    expect(small.headers.get("content-encoding")).toBeNull();
    const text = await small.text();
    expect(JSON.parse(text)).toEqual({ status: "ok" });
    expect(small.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    const large = await get("/api/v1/openapi.json");
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(large.headers.get("content-length")).toBeNull();
  });
});
