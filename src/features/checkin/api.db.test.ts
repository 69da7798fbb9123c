import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { issueBadge } from "./operations/issue-badge";
import { badges } from "./tables";
import { enterprises } from "../editions/enterprise-tables";

let t: TestDb;
let api: ReturnType<typeof testApp>;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db, fixedClock("2026-01-24T05:00:00Z"));
  ids = await demoEditionIds(t.db);
});
afterAll(async () => t?.close());

async function signIn(email: string) {
  const r = await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } });
  expect(r.status).toBe(200);
  return r.headers.get("set-cookie")!.split(";")[0]!;
}

describe("check-in API", () => {
  it("scans, refuses junk with a reason in Urdu, revokes, serves the badge PDF only to its owner and staff", async () => {
    const visitor = await actorFor(t.db, demo.visitor);
    const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email: "api@example.pk", userId: visitor.kind === "user" ? visitor.userId : null });
    await inTransaction(ctxFor(t.db, await actorFor(t.db, demo.organiser)), (tx, ctx) => issueBadge(tx, ctx, reg.id));
    const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    const gate = await signIn(demo.gate);
    const path = `/api/v1/gates/${ids.gate("hall1").id}/scans`;

    const ok = await api.call(path, { json: { code: badge!.code }, cookie: gate });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ result: "admit", reason: "ok", person: { registrationNo: reg.number } });
    const junk = await api.call(path, { json: { code: "hello" }, cookie: gate });
    expect(junk.status).toBe(200);
    expect(junk.body).toMatchObject({ result: "refuse", reason: "unknown_code", message: "Unknown code: this is not one of our badges" });
    expect((await api.call(path, { json: { code: 42 }, cookie: gate })).status).toBe(400);
    expect((await api.call(path, { json: { code: badge!.code } })).status).toBe(401);

    // Gate staff may not revoke; organisers may.
    const revokePath = `/api/v1/registrations/${reg.id}/badge/revoke`;
    expect((await api.call(revokePath, { json: { reason: "lost" }, cookie: gate })).status).toBe(403);
    const organiser = await signIn(demo.organiser);
    expect((await api.call(revokePath, { json: { reason: "lost" }, cookie: organiser })).body).toEqual({ revoked: 1 });
    expect((await api.call(path, { json: { code: badge!.code }, cookie: gate })).body).toMatchObject({ reason: "revoked" });
    expect((await api.call(`/api/v1/registrations/${reg.id}/badge.pdf`, { cookie: organiser })).status).toBe(409);

    // Reprint gives a new serial; the owner downloads the PDF; gate staff cannot.
    expect((await api.call(`/api/v1/registrations/${reg.id}/badge/reprint`, { method: "POST", cookie: organiser })).body).toEqual({ serial: 1 });
    const pdf = await api.call(`/api/v1/registrations/${reg.id}/badge.pdf`, { cookie: await signIn(demo.visitor) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(String(pdf.body).startsWith("%PDF")).toBe(true);
    expect((await api.call(`/api/v1/registrations/${reg.id}/badge.pdf`, { cookie: gate })).status).toBe(403);

    const bundle = await api.call(`/api/v1/editions/${ids.edition.id}/gate-bundle`, { cookie: gate });
    expect(bundle.body.revokedBadges).toContainEqual([reg.number, 0]);
    const upload = await api.call(`/api/v1/editions/${ids.edition.id}/offline-scans`, { json: { scans: [{ nonce: "x" }] }, cookie: gate });
    expect(upload.body).toMatchObject({ recorded: 0, invalid: [{ index: 0 }] });
  });

  it("lets an exhibitor list and issue its own staff badges within the quota organisers set", async () => {
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const own = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    const [other] = (await t.db.select().from(enterprises)).filter((e) => e.id !== own);
    const base = `/api/v1/editions/${ids.edition.id}/exhibitors`;
    const ex = await signIn(demo.exhibitor);
    const organiser = await signIn(demo.organiser);
    expect((await api.call(`${base}/${own}/staff-quota`, { method: "PUT", json: { quota: 1 }, cookie: ex })).status).toBe(403);
    expect((await api.call(`${base}/${own}/staff-quota`, { method: "PUT", json: { quota: 1 }, cookie: organiser })).body).toEqual({ quota: 1 });
    const first = await api.call(`${base}/${own}/staff-badges`, { json: { name: "Bilal", email: "bilal@stall.example" }, cookie: ex });
    expect(first.status).toBe(201);
    const second = await api.call(`${base}/${own}/staff-badges`, { json: { name: "Sana", email: "sana@stall.example" }, cookie: ex });
    expect(second.status).toBe(409);
    expect((await api.call(`${base}/${own}/staff-badges`, { cookie: ex })).body).toMatchObject({ quota: 1, used: 1, staff: [{ name: "Bilal" }] });
    expect((await api.call(`${base}/${other!.id}/staff-badges`, { cookie: ex })).status).toBe(403);
    expect((await api.call(`${base}/${other!.id}/staff-badges`, { json: { name: "X", email: "x@o.example" }, cookie: ex })).status).toBe(403);
  });
});
