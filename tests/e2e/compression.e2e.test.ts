import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { clockFrom, SUITE_NOW } from "../support/clocks";

// Slow phone networks: text goes compressed. Hashed assets come precompressed (brotli when the
// browser takes it) and cached for a year; pages and JSON are gzipped on the fly.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: clockFrom(SUITE_NOW) });
});
afterAll(async () => server?.close());

const get = (path: string, encoding: string) => fetch(`${server.url}${path}`, { headers: { "accept-encoding": encoding, accept: "text/html" } });

describe("compression", () => {
  it("serves a hashed script brotli-compressed, gzip to a client without brotli, cached as immutable", async () => {
    // Public pages ship no script (decision 0006): take the client entry from the build.
    const script = `/assets/${fs.readdirSync(path.resolve("build/client/assets")).find((f) => /^entry\.client-[\w-]+\.js$/.test(f))!}`;
    const plain = await get(script, "identity");
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const br = await get(script, "br, gzip");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toContain("immutable");
    // fetch decodes the body: the transferred size is the content-length header.
    expect(Number(br.headers.get("content-length"))).toBeLessThan(plainBytes / 2.5);
    expect((await br.arrayBuffer()).byteLength).toBe(plainBytes);
    expect((await get(script, "gzip")).headers.get("content-encoding")).toBe("gzip");
  });

  it("gzips pages and JSON, and leaves them plain for a client that asks for nothing", async () => {
    expect((await get("/", "gzip, br")).headers.get("content-encoding")).toBe("gzip");
    expect((await get("/api/v1/openapi.json", "gzip")).headers.get("content-encoding")).toBe("gzip");
    expect((await get("/", "identity")).headers.get("content-encoding")).toBeNull();
  });
});
