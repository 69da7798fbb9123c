import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../../tests/support/db";
import { testApp } from "../../tests/support/http";

// Over a real socket (node's HTTP server, a keep-alive agent), as a client meets it: a body over
// the API's limit gets its 413 and the connection is closed cleanly, so the client's next request
// goes on a new connection instead of failing on a reset one.

let t: TestDb;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  t = await openTestDb();
  server = serve({ fetch: testApp(t.db).app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t?.close();
});

function request(agent: http.Agent, method: string, path: string, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, agent, headers: { "content-type": "application/json", accept: "application/json", host: "numaish.test" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("a body over the limit", () => {
  it("is answered 413 with a stable code, and the next request on the same client succeeds", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const big = JSON.stringify({ email: "big@example.pk", name: "x".repeat(300 * 1024) });
    const r = await request(agent, "POST", "/api/v1/auth/sign-up", big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).error.code).toBe("payload_too_large");
    expect(r.headers.connection).toBe("close");
    for (let i = 0; i < 3; i++) expect((await request(agent, "GET", "/api/v1/editions/current")).status).toBe(200);
    agent.destroy();
  });
});
