import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { auditEntries } from "../../platform/audit/tables";
import { floorAreas, floorStalls } from "./tables";

// Issue #12, item 7: changing and deleting an area and the hall's background drawing over the API,
// with the editor page's permission (organiser staff), its refusals as stable codes, and its audit.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let organiser: string;
let exhibitor: string;
let hallId: string;
let areaId: string;
const slug = "sme-showcase-2027";

const signIn = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
const png = (w: number, h: number) => {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return Buffer.from(b).toString("base64");
};
const auditOf = async (edit: string) =>
  (await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, hallId), eq(auditEntries.action, "floor.plan_edited")))).filter((a) => (a.data as { edit?: string }).edit === edit);
const areaOfStall = async (number: string) => (await t.db.select().from(floorStalls).where(and(eq(floorStalls.hallId, hallId), eq(floorStalls.number, number))))[0]!.areaId;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  organiser = await signIn(demo.organiser);
  exhibitor = await signIn(demo.exhibitor);
  const editionId = (await demoShow(t.db, slug)).editionId;
  const hall = await api.call(`/api/v1/editions/${editionId}/floor-halls`, { method: "POST", cookie: organiser, json: { code: "AP1", nameEn: "API area hall", nameUr: "اے پی آئی ہال", widthM: 40, depthM: 30 } });
  hallId = hall.body.id;
  await api.call(`/api/v1/floor-halls/${hallId}/stalls`, { method: "POST", cookie: organiser, json: { first: "P-1", count: 4, x: 1, y: 1, w: 3, d: 3 } });
  const area = await api.call(`/api/v1/floor-halls/${hallId}/areas`, { method: "POST", cookie: organiser, json: { kind: "enclave", code: "ICT", nameEn: "ICT enclave", nameUr: "آئی سی ٹی", x: 0, y: 0, w: 7, h: 5 } });
  expect(area.status).toBe(201);
  areaId = area.body.area.id;
});
afterAll(async () => t?.close());

describe("areas over the API", () => {
  it("changes an area's names and rectangle (stalls join and leave it), audited", async () => {
    expect(await areaOfStall("P-3")).toBeNull();
    const r = await api.call(`/api/v1/floor-halls/${hallId}/areas/${areaId}`, { method: "PATCH", cookie: organiser, json: { kind: "enclave", code: "ICT2", nameEn: "Startups", nameUr: "اسٹارٹ اپ", x: 3, y: 0, w: 7, h: 5 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ area: { code: "ICT2", nameEn: "Startups" }, joined: 1, left: 1 });
    expect([await areaOfStall("P-1"), await areaOfStall("P-3")]).toEqual([null, areaId]);
    expect((await auditOf("area_edit")).map((a) => a.data)).toEqual([expect.objectContaining({ area: "ICT", code: "ICT2", joined: 1, left: 1 })]);
  });

  it("refuses bad input with a 400 and its code, and another hall's or a missing area with a 404", async () => {
    const url = `/api/v1/floor-halls/${hallId}/areas/${areaId}`;
    const partial = await api.call(url, { method: "PATCH", cookie: organiser, json: { kind: "enclave", code: "ICT2", nameEn: "Startups", nameUr: "اسٹارٹ اپ", x: 1 } });
    expect(partial.status).toBe(400);
    expect(partial.body.error).toMatchObject({ code: "validation_failed", fields: [expect.objectContaining({ path: "w", code: "floor_area_rect" })] });
    const pavilion = await api.call(url, { method: "PATCH", cookie: organiser, json: { kind: "cluster_pavilion", code: "ICT2", nameEn: "Startups", nameUr: "اسٹارٹ اپ" } });
    expect(pavilion.status).toBe(400);
    expect(pavilion.body.error.fields).toEqual([expect.objectContaining({ path: "clusterId", code: "floor_cluster_required" })]);
    const kind = await api.call(url, { method: "PATCH", cookie: organiser, json: { kind: "garden", code: "ICT2", nameEn: "x", nameUr: "x" } });
    expect([kind.status, kind.body.error.code]).toEqual([400, "validation_failed"]);
    const outside = await api.call(url, { method: "PATCH", cookie: organiser, json: { kind: "enclave", code: "ICT2", nameEn: "Startups", nameUr: "اسٹارٹ اپ", x: 30, y: 0, w: 20, h: 5 } });
    expect([outside.status, outside.body.error.code]).toEqual([409, "floor_outside_hall"]);
    const missing = await api.call(`/api/v1/floor-halls/${hallId}/areas/00000000-0000-4000-8000-000000000000`, { method: "DELETE", cookie: organiser });
    expect([missing.status, missing.body.error.code]).toEqual([404, "not_found"]);
    expect((await api.call(`/api/v1/floor-halls/${hallId}/areas/not-a-uuid`, { method: "DELETE", cookie: organiser })).status).toBe(400);
  });

  it("refuses an exhibitor (403) and anyone signed out (401), changing nothing", async () => {
    const body = { kind: "enclave", code: "X", nameEn: "X", nameUr: "X" };
    const url = `/api/v1/floor-halls/${hallId}/areas/${areaId}`;
    expect((await api.call(url, { method: "PATCH", cookie: exhibitor, json: body })).body.error.code).toBe("forbidden");
    expect((await api.call(url, { method: "DELETE", cookie: exhibitor })).status).toBe(403);
    expect((await api.call(url, { method: "DELETE" })).status).toBe(401);
    expect((await t.db.select({ code: floorAreas.code }).from(floorAreas).where(eq(floorAreas.id, areaId)))[0]!.code).toBe("ICT2");
  });

  it("deletes an area, its stalls staying in no area, audited; undo brings it back", async () => {
    const r = await api.call(`/api/v1/floor-halls/${hallId}/areas/${areaId}`, { method: "DELETE", cookie: organiser });
    expect(r.body).toEqual({ deleted: "ICT2", stalls: 2 });
    expect(await t.db.select().from(floorAreas).where(eq(floorAreas.hallId, hallId))).toEqual([]);
    expect(await areaOfStall("P-3")).toBeNull();
    expect(await auditOf("area_delete")).toHaveLength(1);
    expect((await api.call(`/api/v1/floor-halls/${hallId}/undo`, { method: "POST", cookie: organiser })).body).toEqual({ undone: "area_delete" });
    expect(await areaOfStall("P-3")).toBe(areaId);
  });
});

describe("the background drawing over the API", () => {
  it("uploads, reads, places, shows to the public and removes a PNG, each audited", async () => {
    const url = `/api/v1/floor-halls/${hallId}/background`;
    expect((await api.call(url, { cookie: organiser })).body).toEqual({ background: null });
    const up = await api.call(url, { method: "PUT", cookie: organiser, json: { contentBase64: png(2000, 1500), widthM: 40 } });
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ contentType: "image/png", width: 2000, height: 1500 });
    expect((await api.call(url, { cookie: organiser })).body.background).toMatchObject({ contentType: "image/png", pixelWidth: 2000, widthM: 40, public: false });
    const image = await api.call(`${url}/image`, { cookie: organiser });
    expect([image.status, image.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect((await api.call(`/api/v1/editions/${slug}/floor/AP1/background`)).status).toBe(404);
    expect((await api.call(url, { method: "PATCH", cookie: organiser, json: { widthM: 20, public: true } })).body).toEqual({ placed: true });
    const shown = await api.call(`/api/v1/editions/${slug}/floor/AP1/background`);
    expect([shown.status, shown.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect((await api.call(url, { method: "DELETE", cookie: organiser })).body).toEqual({ removed: true });
    expect((await api.call(url, { method: "DELETE", cookie: organiser })).body.error.code).toBe("not_found");
    for (const edit of ["background", "background_placed", "background_removed"]) expect(await auditOf(edit)).toHaveLength(1);
  });

  it("refuses a file that is not a PNG or JPEG and a bad scale with a 400 and its code", async () => {
    const url = `/api/v1/floor-halls/${hallId}/background`;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString("base64");
    const bad = await api.call(url, { method: "PUT", cookie: organiser, json: { contentBase64: svg, widthM: 40 }, headers: { "accept-language": "ur" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", fields: [expect.objectContaining({ path: "file", code: "floor_background_type" })] });
    const empty = await api.call(url, { method: "PUT", cookie: organiser, json: { contentBase64: "", widthM: 40 } });
    expect(empty.body.error.fields).toEqual([expect.objectContaining({ path: "file", code: "required" })]);
    const scale = await api.call(url, { method: "PUT", cookie: organiser, json: { contentBase64: png(10, 10), widthM: -1 } });
    expect([scale.status, scale.body.error.code, scale.body.error.fields[0].path]).toEqual([400, "validation_failed", "widthM"]);
    expect((await api.call(url, { method: "PATCH", cookie: organiser, json: { widthM: 10 } })).status).toBe(404);
  });

  it("refuses an exhibitor (403) and anyone signed out (401), storing nothing", async () => {
    const url = `/api/v1/floor-halls/${hallId}/background`;
    const body = { contentBase64: png(10, 10), widthM: 10 };
    expect((await api.call(url, { method: "PUT", cookie: exhibitor, json: body })).body.error.code).toBe("forbidden");
    expect((await api.call(url, { cookie: exhibitor })).status).toBe(403);
    expect((await api.call(`${url}/image`, { cookie: exhibitor })).status).toBe(403);
    expect((await api.call(url, { method: "PUT", json: body })).status).toBe(401);
    expect((await api.call(url, { cookie: organiser })).body).toEqual({ background: null });
  });

  it("is in the OpenAPI document", async () => {
    const doc = await api.call("/api/v1/openapi.json");
    const ops = Object.values(doc.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops).toEqual(
      expect.arrayContaining(["editFloorArea", "deleteFloorArea", "setFloorBackground", "placeFloorBackground", "removeFloorBackground", "getFloorBackground", "getFloorBackgroundImage", "getPublicFloorBackground"]),
    );
  });
});
