import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { answerTokenIn, requestsWorld } from "./requests-fixtures";

// Meeting requests over the API: the same operations and refusals; tokens travel in the body.

let w: Awaited<ReturnType<typeof requestsWorld>>;
let api: ReturnType<typeof testApp>;

beforeAll(async () => {
  w = await requestsWorld();
  api = testApp(w.t.db);
});
afterAll(async () => w?.t.close());

describe("B2B meeting requests API", () => {
  it("send, refuse a duplicate, list, answer by the emailed token, organiser stats", async () => {
    const sme = await w.sme();
    const buyer = await w.buyer();
    const sent = await api.call("/api/v1/b2b/requests", { json: { token: sme.token, to: buyer.id, message: "Hello", priority: "must" } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "pending", priority: "must" });
    const dup = await api.call("/api/v1/b2b/requests", { json: { token: buyer.token, to: sme.id } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("b2b_request_duplicate");
    const missing = await api.call("/api/v1/b2b/requests", { json: { token: buyer.token, to: "00000000-0000-4000-8000-000000000000" } });
    expect([missing.status, missing.body.error.code]).toEqual([404, "b2b_no_such_participant"]);

    const mine = await api.call("/api/v1/b2b/my-requests", { json: { token: buyer.token } });
    expect(mine.status).toBe(200);
    expect(mine.body.incoming).toHaveLength(1);
    expect(mine.body.incoming[0].contact).toBeNull();

    const link = answerTokenIn((await w.mailsTo(buyer.email)).find((m) => m.kind === "b2b_request")!.bodyText)!;
    const shown = await api.call("/api/v1/b2b/requests/by-answer-token", { json: { answerToken: link } });
    expect(shown.body.request.id).toBe(sent.body.id);
    const answered = await api.call("/api/v1/b2b/requests/respond", { json: { answerToken: link, decision: "accept" } });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe("accepted");
    const edit = await api.call(`/api/v1/b2b/requests/${sent.body.id}`, { method: "PATCH", json: { token: sme.token, message: "late" } });
    expect([edit.status, edit.body.error.code]).toEqual([409, "b2b_request_decided"]);

    expect((await api.call(`/api/v1/editions/${w.editionId}/b2b-requests/stats`)).status).toBe(401);
    const cookie = (await api.call("/api/v1/auth/sign-in", { json: { email: demo.organiser, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const stats = await api.call(`/api/v1/editions/${w.editionId}/b2b-requests/stats`, { cookie });
    expect(stats.status).toBe(200);
    expect(stats.body.byStatus.accepted).toBeGreaterThanOrEqual(1);
  });
});
