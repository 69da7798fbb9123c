import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { outboxMessages } from "../../platform/mail/tables";
import ExcelJS from "exceljs";
import { actorFor, ctxFor, demo, openTestDb, type TestDb, demoShow, type DemoCategories } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { createApiToken } from "../accounts/operations/api-tokens";
import { exportRegistrations, safeCell } from "./operations/export";
import { createQuestion } from "./operations/questions";
import { registrations } from "./tables";

// The routes over the operations: idempotent registration, translated errors, who may list,
// decide and export, and what an export holds.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
const cat = {} as DemoCategories;
const signIn = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const show = await demoShow(t.db);
  editionId = show.editionId;
  Object.assign(cat, show.cat);
});
afterAll(async () => t?.close());

const body = (email: string, extra: Record<string, unknown> = {}) => ({
  categoryId: cat.corporate_buyer,
  name: "Ayesha Khan",
  email,
  organisation: "=HYPERLINK(\"http://evil\")",
  phone: "+92 300 1234567",
  days: [0, 1],
  consentData: true,
  consentScan: true,
  ...extra,
});

describe("registration over the API", () => {
  it("registers once per Idempotency-Key: 202, then the same 202 again, and another body with the key is 409", async () => {
    const path = `/api/v1/editions/${editionId}/registrations`;
    const headers = { "idempotency-key": "api-key-0001" };
    const a = await api.call(path, { json: body("api1@example.com"), headers });
    expect(a.status).toBe(202);
    expect(a.body).toEqual({ accepted: true, count: 1 });
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "api1@example.com"))).toMatchObject([{ status: "pending" }]);
    const b = await api.call(path, { json: body("api1@example.com"), headers });
    expect(b.status).toBe(202);
    expect(b.text).toBe(a.text);
    const reused = await api.call(path, { json: body("api1-other@example.com"), headers });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
    const bad = await api.call(path, { json: body("api1@example.com"), headers: { "idempotency-key": "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: "idempotencyKey", code: "invalid_idempotency_key" });
  });

  it("answers field errors with codes, in Urdu when asked", async () => {
    const r = await api.call(`/api/v1/editions/${editionId}/registrations`, {
      json: body("api2@example.com", { consentData: false, days: [] }),
      headers: { "accept-language": "ur" },
      
    });
    expect(r.status).toBe(400);
    const byPath = Object.fromEntries(r.body.error.fields.map((f: { path: string }) => [f.path, f]));
    expect(byPath.consentData).toMatchObject({ code: "registration_consent_required", message: expect.stringMatching(/رضامندی/) });
    expect(byPath.days).toMatchObject({ code: "registration_days_required", message: expect.stringMatching(/دن/) });
  });

  it("refuses the exhibitor-staff category with a clear code (staff badges come from exhibitors' quotas)", async () => {
    const r = await api.call(`/api/v1/editions/${editionId}/registrations`, { json: body("api-staff@example.com", { categoryId: cat.exhibitor_staff }) });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]).toMatchObject({ path: "categoryId", code: "registration_category_not_public", message: expect.stringMatching(/exhibitor/i) });
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "api-staff@example.com"))).toHaveLength(0);
  });

  it("lets organiser staff list and approve in bulk, not a visitor", async () => {
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`/api/v1/editions/${editionId}/registrations`, { cookie: visitor })).status).toBe(403);
    const staff = await signIn(demo.organiser);
    const list = await api.call(`/api/v1/editions/${editionId}/registrations?status=pending`, { cookie: staff });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ email: "api1@example.com", phone: "+92 300 1234567" });
    const ids = list.body.items.map((i: { id: string }) => i.id);
    const denied = await api.call(`/api/v1/editions/${editionId}/registrations/decisions`, { cookie: visitor, json: { ids, decision: "approve" } });
    expect(denied.status).toBe(403);
    const ok = await api.call(`/api/v1/editions/${editionId}/registrations/decisions`, { cookie: staff, json: { ids, decision: "approve" } });
    expect(ok.status).toBe(200);
    expect(ok.body.changed).toEqual(ids);
  });
});

describe("exports", () => {
  it("gives organiser staff CSV with personal data, formulas neutralised, Urdu intact", async () => {
    const staff = await signIn(demo.organiser);
    const q = await createQuestion(ctxFor(t.db, await actorFor(t.db, demo.organiser)), {
      editionId,
      categoryId: null,
      kind: "multi",
      labelEn: "Sectors of interest",
      labelUr: "دلچسپی کے شعبے",
      options: [
        { value: "leather", en: "Leather", ur: "چمڑا" },
        { value: "textiles", en: "Textiles", ur: "کپڑا" },
      ],
    });
    await api.call(`/api/v1/editions/${editionId}/registrations`, {
      json: body("api3@example.com", { categoryId: cat.general_public, nameUr: "عائشہ خان", answers: { [q.id]: ["leather", "textiles"] } }),
      
    });
    const r = await api.call(`/api/v1/editions/${editionId}/registrations/export?format=csv&columns=number,name,nameUr,organisation,email,answers`, { cookie: staff });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (r.body as string).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Number,Name,Name (Urdu),Organisation,Email,Sectors of interest");
    const row = lines.find((l) => l.includes("api3@example.com"))!;
    expect(row).toContain("عائشہ خان");
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain("leather; textiles");
  });

  it("gives a catalogue:read token no personal data, and a visitor nothing", async () => {
    const staffCtx = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const { token } = await createApiToken(staffCtx, { name: "crm", scopes: ["catalogue:read"] });
    const base = `/api/v1/editions/${editionId}/registrations`;
    const plain = await api.call(`${base}/export?format=csv&columns=number,name,status`, { bearer: token });
    expect(plain.status).toBe(200);
    expect(plain.body).not.toContain("@example.com");
    const personal = await api.call(`${base}/export?format=csv&columns=number,email`, { bearer: token });
    expect(personal.status).toBe(403);
    const list = await api.call(base, { bearer: token });
    expect(list.body.personal).toBe(false);
    expect(list.body.items.every((i: { email: string | null }) => i.email === null)).toBe(true);
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`${base}/export?format=csv&columns=number`, { cookie: visitor })).status).toBe(403);
  });

  it("writes XLSX with the chosen columns", async () => {
    const file = await exportRegistrations(ctxFor(t.db, await actorFor(t.db, demo.organiser)), {
      editionId,
      format: "xlsx",
      columns: ["number", "name", "category", "status"],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "Number", "Name", "Category", "Status"]);
    expect(ws.rowCount).toBe(1 + (await t.db.select().from(registrations).where(eq(registrations.editionId, editionId))).length);
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell(12)).toBe(12);
  });

  it("cancels with the manage token over the API", async () => {
    await api.call(`/api/v1/editions/${editionId}/registrations`, { json: body("api4@example.com") });
    const [mail] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, "api4@example.com"), eq(outboxMessages.kind, "registration_received")));
    const token = /\/registration\/([\w-]{20,})/.exec(mail!.bodyText)![1]!;
    const cancel = await api.call("/api/v1/registrations/cancel", { json: { token } });
    expect(cancel.body).toMatchObject({ status: "cancelled" });
    const wrong = await api.call("/api/v1/registrations/cancel", { json: { token: "x".repeat(30) } });
    expect(wrong.status).toBe(410);
  });
});
