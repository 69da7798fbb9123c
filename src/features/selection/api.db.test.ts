import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { editions } from "../editions/tables";
import { csv, freshEditionWithCall, HEADER } from "../nominations/test-support";

let t: TestDb;
let api: ReturnType<typeof testApp>;
const cookies: Record<string, string> = {};
let editionId: string;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  for (const who of [demo.chamber, demo.organiser, demo.reviewer]) {
    const r = await api.call("/api/v1/auth/sign-in", { json: { email: who, password: demo.password } });
    cookies[who] = r.headers.get("set-cookie")!.split(";")[0]!;
  }
  const edition = await freshEditionWithCall(ctxFor(t.db, await actorFor(t.db, demo.organiser)), "api-test");
  editionId = edition.id;
});
afterAll(async () => t?.close());

describe("nominations API", () => {
  it("nominates one, checks and accepts an upload, and lists only the caller's nominations", async () => {
    const cookie = cookies[demo.chamber]!;
    const one = await api.call(`/api/v1/editions/${editionId}/nominations`, {
      cookie,
      json: { enterpriseName: "Api Firm", ntn: "5550001-1", cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: 100000, employees: 2, womenLed: true, contactName: "A", phone: "03001234567" },
    });
    expect(one.status).toBe(201);
    expect(one.body.link).toMatch(/\/apply\//);

    const bad = await api.call(`/api/v1/editions/${editionId}/nominations`, {
      cookie,
      json: { enterpriseName: "Bad", ntn: "1", cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: 1, employees: 1, womenLed: "no", contactName: "B" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: "ntn", code: "ntn_format" }), expect.objectContaining({ path: "phone", code: "contact_missing" })]));

    const file = Buffer.from(csv([HEADER, "Up One,5550002-1,sialkot-sports-goods,micro,100000,2,no,C,,03001234567,", "Up Two,xx,sialkot-sports-goods,micro,100000,2,no,D,,03001234567,"])).toString("base64");
    const checked = await api.call(`/api/v1/editions/${editionId}/nominations/upload`, { cookie, json: { file } });
    expect(checked.status).toBe(200);
    expect(checked.body.problems).toEqual([{ row: 3, column: "ntn", code: "ntn_format", params: {} }]);
    expect(checked.body.created).toEqual([]);
    const accepted = await api.call(`/api/v1/editions/${editionId}/nominations/upload`, { cookie, json: { file, accept: true } });
    expect(accepted.body.created).toHaveLength(1);

    const list = await api.call(`/api/v1/editions/${editionId}/nominations`, { cookie });
    expect(list.body.nominations.map((n: { enterpriseName: string }) => n.enterpriseName).sort()).toEqual(["Api Firm", "Up One"]);
    expect((await api.call(`/api/v1/editions/${editionId}/nominations`, { cookie: cookies[demo.reviewer] })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/nominations`)).status).toBe(401);
  });

  it("serves the selection to organisers and the transparency report to anyone", async () => {
    const [demoEdition] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const sel = await api.call(`/api/v1/editions/${demoEdition!.id}/selection`, { cookie: cookies[demo.organiser] });
    expect(sel.status).toBe(200);
    expect(sel.body.result.totals.selected).toBe(170);
    expect((await api.call(`/api/v1/editions/${demoEdition!.id}/selection`, { cookie: cookies[demo.chamber] })).status).toBe(403);
    const rerun = await api.call(`/api/v1/editions/${demoEdition!.id}/selection/run`, { method: "POST", cookie: cookies[demo.organiser] });
    expect([rerun.status, rerun.body.error.code]).toEqual([409, "selection_published"]);
    const report = await api.call("/api/v1/editions/showcase-2026/transparency");
    expect(report.status).toBe(200);
    expect(report.body.report.tables.sizeClass.total.selected.value).toBe(170);
    expect(JSON.stringify(report.body)).not.toMatch(/ntn|enterpriseName/i);
    expect((await api.call("/api/v1/editions/nope/transparency")).status).toBe(404);
  });

  it("lets a reviewer score only an assigned application", async () => {
    const [demoEdition] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const { myReviews } = await import("./operations/review");
    const mine = await myReviews(ctxFor(t.db, await actorFor(t.db, demo.reviewer)), { editionId: demoEdition!.id });
    const id = mine.items[0]!.nominationId;
    const ok = await api.call(`/api/v1/reviews/${id}`, { method: "PUT", cookie: cookies[demo.reviewer], json: { scores: { quality: 4, innovation: 4, market_readiness: 3 } } });
    expect(ok.status).toBe(200);
    const missing = await api.call(`/api/v1/reviews/${id}`, { method: "PUT", cookie: cookies[demo.reviewer], json: { scores: { quality: 4 } } });
    expect(missing.status).toBe(400);
    const chamber = await api.call(`/api/v1/reviews/${id}`, { method: "PUT", cookie: cookies[demo.chamber], json: { scores: { quality: 4, innovation: 4, market_readiness: 3 } } });
    expect(chamber.status).toBe(403);
  });
});
