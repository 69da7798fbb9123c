import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxFor } from "../../../tests/support/db";
import { sendRequest } from "./operations/requests";
import { action, loader } from "./pages/answer";
import { answerTokenIn, requestsWorld } from "./requests-fixtures";

// The page behind a meeting request's email link (/b2b/answer/:token, through src/web/answer-link.ts):
// its loader and action as the router calls them, without signing in.

let w: Awaited<ReturnType<typeof requestsWorld>>;
beforeAll(async () => {
  w = await requestsWorld();
});
afterAll(async () => {
  await w?.t.close();
});

type Args = Parameters<typeof loader>[0];
const call = <T,>(fn: (a: Args) => Promise<T>, token: string, init: { query?: string; form?: Record<string, string> } = {}) => {
  const url = `http://numaish.test/b2b/answer/${token}${init.query ?? ""}`;
  let request = new Request(url);
  if (init.form) {
    const body = new FormData();
    for (const [k, v] of Object.entries(init.form)) body.set(k, v);
    request = new Request(url, { method: "POST", body });
  }
  return fn({ request, params: { token }, context: { ctx: ctxFor(w.t.db) } } as unknown as Args);
};
const thrown = (p: Promise<unknown>) => p.then(() => "no error", (e: unknown) => e);

describe("the answer page of a meeting request", () => {
  it("shows the request, keeps a refused answer with what was typed, declines and says so after the redirect", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const sent = await sendRequest(ctxFor(w.t.db), { token: sme.token, to: buyer.id, message: "Textiles for you" });
    const link = answerTokenIn((await w.mailsTo(buyer.email)).find((m) => m.kind === "b2b_request")!.bodyText)!; // by kind: the clock is fixed, so createdAt does not order the mails

    expect(await call(loader, link)).toMatchObject({ request: { id: sent.id, status: "pending" }, from: { id: sme.id }, done: null });

    const refused = await call(action, link, { form: { intent: "maybe", reason: "Later" } });
    expect(refused).toMatchObject({ init: { status: 400 }, data: { ok: false, code: "validation_failed", values: { intent: "maybe", reason: "Later" } } });

    const answered = (await call(action, link, { form: { intent: "decline", reason: "Not our sector" } })) as Response;
    expect([answered.status, answered.headers.get("location")]).toEqual([302, `/b2b/answer/${link}?done=declined`]);
    expect(await call(loader, link, { query: "?done=declined" })).toMatchObject({ request: { status: "declined", declineReason: "Not our sector" }, done: "declined" });
    // A `done` the page does not know is ignored.
    expect(await call(loader, link, { query: "?done=1" })).toMatchObject({ done: null });
  });

  it("answers an unknown link with 410, on the page and on a post", async () => {
    const unknown = "q".repeat(32);
    expect(await thrown(call(loader, unknown))).toMatchObject({ init: { status: 410 }, data: { code: "token_invalid" } });
    expect(await call(action, unknown, { form: { intent: "accept" } })).toMatchObject({ init: { status: 410 }, data: { code: "token_invalid" } });
  });
});
