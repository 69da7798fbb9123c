import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import type { Ctx } from "../../platform/context";
import { isDomainError } from "../../platform/errors";
import { testApp } from "../../../tests/support/http";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import {
  addFloorArea,
  addFloorStalls,
  createFloorHall,
  deleteFloorStalls,
  importFloorStalls,
  mergeFloorStalls,
  moveFloorStall,
  renumberFloorRow,
  undoFloorEdit,
} from "./operations/plan-edit";
import { exportFloorPlan } from "./operations/plan-export";
import { floorPlanEdits, floorStalls } from "./tables";

// Issue #12, item 2: the plan editor's operations on the database: every edit checked on the
// server, undo, imports all or nothing with a report per row, held stalls kept.

let t: TestDb;
let ctx: Ctx;
let editionId: string;
let hallId: string;
const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/floor/${name}`, import.meta.url), "utf8");

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, params: e.params, fields: e.fields };
    throw e;
  }
  throw new Error("not refused");
}
const stallsOf = async () => t.db.select().from(floorStalls).where(eq(floorStalls.hallId, hallId)).orderBy(asc(floorStalls.seq));
const numbers = async () => (await stallsOf()).map((s) => s.number);

beforeAll(async () => {
  t = await openTestDb();
  ctx = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  editionId = (await demoShow(t.db, "sme-showcase-2027")).editionId;
  hallId = (await createFloorHall(ctx, { editionId, code: "E1", nameEn: "Editor hall", nameUr: "ایڈیٹر ہال", widthM: 40, depthM: 30 })).id;
});
afterAll(async () => t?.close());

describe("plan edits", () => {
  it("adds a row numbered in sequence, refuses overlaps and leaving the hall, and undoes", async () => {
    await addFloorStalls(ctx, { hallId, first: "E-101", count: 4, x: 1, y: 1, w: 3, d: 3, grid: 0.5 });
    expect(await numbers()).toEqual(["E-101", "E-102", "E-103", "E-104"]);
    expect(await refusal(addFloorStalls(ctx, { hallId, first: "E-201", x: 2, y: 2, w: 3, d: 3 }))).toMatchObject({ code: "floor_overlap", params: { stall: "E-201", other: "E-101" } });
    expect(await refusal(addFloorStalls(ctx, { hallId, first: "E-201", count: 3, x: 35, y: 1, w: 3, d: 3 }))).toMatchObject({ code: "floor_outside_hall" });
    expect(await refusal(addFloorStalls(ctx, { hallId, first: "E-103", x: 1, y: 20, w: 3, d: 3 }))).toMatchObject({ code: "floor_number_taken" });
    // A block of two rows: an aisle between them.
    await addFloorStalls(ctx, { hallId, first: "E-301", count: 2, rows: 2, x: 1, y: 10, w: 3, d: 3, aisle: 3 });
    expect((await stallsOf()).slice(4).map((s) => [s.number, s.x, s.y])).toEqual([
      ["E-301", 1, 10],
      ["E-302", 4, 10],
      ["E-303", 1, 16],
      ["E-304", 4, 16],
    ]);
    await undoFloorEdit(ctx, { hallId });
    expect(await numbers()).toEqual(["E-101", "E-102", "E-103", "E-104"]);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.editionId, editionId), eq(auditEntries.action, "floor.plan_undone")));
    expect(audit).toHaveLength(1);
  });

  it("moves, merges, renumbers and deletes, each undone in reverse order", async () => {
    const [a, b, c, d] = await stallsOf();
    expect(await refusal(moveFloorStall(ctx, { stallId: d!.id, x: 8, y: 1 }))).toMatchObject({ code: "floor_overlap", params: { stall: "E-104", other: "E-103" } });
    await moveFloorStall(ctx, { stallId: d!.id, x: 20.2, y: 1, w: 4, grid: 0.5 });
    expect((await stallsOf()).find((s) => s.id === d!.id)).toMatchObject({ x: 20, y: 1, w: 4, h: 3, areaM2: 12 });
    expect(await refusal(mergeFloorStalls(ctx, { stallId: a!.id, otherId: c!.id }))).toMatchObject({ code: "floor_not_adjacent" });
    await mergeFloorStalls(ctx, { stallId: a!.id, otherId: b!.id });
    expect((await stallsOf()).map((s) => [s.number, s.w])).toEqual([
      ["E-101", 6],
      ["E-103", 3],
      ["E-104", 4],
    ]);
    await renumberFloorRow(ctx, { hallId, numbers: ["E-104", "E-101", "E-103"], first: "R-1" });
    expect(await numbers()).toEqual(["R-1", "R-2", "R-3"]);
    await deleteFloorStalls(ctx, { hallId, stallIds: [d!.id] });
    for (let i = 0; i < 3; i++) await undoFloorEdit(ctx, { hallId });
    expect((await stallsOf()).map((s) => [s.number, s.x, s.w])).toEqual([
      ["E-101", 1, 3],
      ["E-102", 4, 3],
      ["E-103", 7, 3],
      ["E-104", 20, 4],
    ]);
    await undoFloorEdit(ctx, { hallId });
    expect((await stallsOf()).find((s) => s.id === d!.id)).toMatchObject({ x: 10, w: 3 });
  });

  it("never deletes or merges a stall someone holds", async () => {
    const [edition] = await t.db.select().from(editions).where(eq(editions.id, editionId));
    const [ent] = await t.db.insert(enterprises).values({ organiserId: edition!.organiserId, slug: "editor-held", nameEn: "Held stall maker", sizeClass: "micro" }).returning();
    const [a, b] = await stallsOf();
    await t.db.update(floorStalls).set({ state: "assigned", enterpriseId: ent!.id }).where(eq(floorStalls.id, a!.id));
    expect(await refusal(deleteFloorStalls(ctx, { hallId, stallIds: [a!.id] }))).toMatchObject({ code: "floor_stall_taken", params: { stall: "E-101" } });
    expect(await refusal(mergeFloorStalls(ctx, { stallId: b!.id, otherId: a!.id }))).toMatchObject({ code: "floor_stall_taken" });
    await t.db.update(floorStalls).set({ state: "available", enterpriseId: null }).where(eq(floorStalls.id, a!.id));
  });

  it("draws a pavilion around stalls: they become its stalls", async () => {
    expect(await refusal(addFloorArea(ctx, { hallId, kind: "cluster_pavilion", code: "E-PAV", nameEn: "P", nameUr: "پ", x: 0, y: 0, w: 11, h: 5 }))).toMatchObject({ code: "validation_failed" });
    const r = await addFloorArea(ctx, { hallId, kind: "enclave", code: "E-ICT", nameEn: "ICT", nameUr: "آئی سی ٹی", x: 0, y: 0, w: 11, h: 5 });
    expect(r.stalls).toBe(3);
    expect((await stallsOf()).filter((s) => s.areaId === r.area.id).map((s) => s.number)).toEqual(["E-101", "E-102", "E-103"]);
  });
});

describe("imports", () => {
  it("imports nothing from a CSV with a bad row, and says which rows", async () => {
    const before = await numbers();
    const edits = (await t.db.select().from(floorPlanEdits).where(eq(floorPlanEdits.hallId, hallId))).length;
    const csv = "number,x,y,width,depth,area\nK-1,1,20,3,3,E-ICT\nK-2,4,20,3,3,\nK-3,5,20,3,3,\nK-4,x,20,3,3,\nK-5,30,20,3,3,NOPE\n";
    const r = await refusal(importFloorStalls(ctx, { hallId, format: "csv", text: csv }));
    expect(r.code).toBe("floor_import_invalid");
    expect(r.fields.map((f) => [f.path, f.code])).toEqual([
      ["row.4", "floor_overlap"],
      ["row.5", "floor_import_value"],
      ["row.6", "floor_import_area"],
    ]);
    expect(await numbers()).toEqual(before);
    expect((await t.db.select().from(floorPlanEdits).where(eq(floorPlanEdits.hallId, hallId))).length).toBe(edits);
  });

  it("imports a DXF drawing's stalls, numbering the unlabelled ones, and undoes the import", async () => {
    const r = await importFloorStalls(ctx, { hallId, format: "dxf", text: fixture("stalls.dxf"), layer: "STALLS", first: "DX-1" });
    expect(r.imported).toBe(3);
    const got = (await stallsOf()).filter((s) => s.polygon);
    expect(got.map((s) => [s.number, s.areaM2, s.type])).toEqual([
      ["D-1", 9, "raw_space"],
      ["D-2", 9, "raw_space"],
      ["DX-1", 27, "raw_space"],
    ]);
    const broken = await refusal(importFloorStalls(ctx, { hallId, format: "dxf", text: fixture("stalls-broken.dxf"), layer: "STALLS" }));
    expect(broken.fields.map((f) => [f.path, f.code])).toEqual([
      ["entity.1", "floor_overlap"],
      ["entity.2", "floor_import_unclosed"],
      ["entity.3", "floor_overlap"],
    ]);
    await undoFloorEdit(ctx, { hallId });
    expect((await stallsOf()).filter((s) => s.polygon)).toEqual([]);
  });

  it("exports the plan as SVG and PDF", async () => {
    const svg = await exportFloorPlan(ctx, { hallId, format: "svg" });
    const text = new TextDecoder().decode(svg.body);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain(">E-101</text>");
    const pdf = await exportFloorPlan(ctx, { hallId, format: "pdf" });
    expect(new TextDecoder().decode(pdf.body.slice(0, 5))).toBe("%PDF-");
  });

  it("refuses a visitor", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    expect((await refusal(addFloorStalls(visitor, { hallId, first: "V-1", x: 30, y: 25, w: 2, d: 2 }))).code).toBe("forbidden");
  });
});

describe("over the API", () => {
  it("adds a hall and a row, refuses a broken CSV with its rows, undoes, and is in the OpenAPI document", async () => {
    const api = testApp(t.db);
    const cookie = (await api.call("/api/v1/auth/sign-in", { json: { email: demo.organiser, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const hall = await api.call(`/api/v1/editions/${editionId}/floor-halls`, { method: "POST", cookie, json: { code: "API1", nameEn: "API hall", nameUr: "اے پی آئی ہال", widthM: 30, depthM: 20 } });
    expect(hall.status).toBe(201);
    const id = hall.body.id as string;
    const row = await api.call(`/api/v1/floor-halls/${id}/stalls`, { method: "POST", cookie, json: { first: "A-1", count: 3, x: 0, y: 0, w: 3, d: 3 } });
    expect(row.status).toBe(201);
    expect(row.body.map((s: { number: string }) => s.number)).toEqual(["A-1", "A-2", "A-3"]);
    const bad = await api.call(`/api/v1/floor-halls/${id}/import`, { method: "POST", cookie, json: { format: "csv", text: "number,x,y,width,depth\nA-9,1,1,3,3\n" }, headers: { "accept-language": "ur" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("floor_import_invalid");
    expect(bad.body.error.fields).toMatchObject([{ path: "row.2", code: "floor_overlap" }]);
    expect((await api.call(`/api/v1/floor-halls/${id}/undo`, { method: "POST", cookie })).body).toEqual({ undone: "row" });
    expect((await api.call(`/api/v1/floor-halls/${id}/undo`, { method: "POST", cookie })).body.error.code).toBe("floor_nothing_to_undo");
    expect((await api.call(`/api/v1/floor-halls/${id}`)).status).toBe(401);
    const doc = await api.call("/api/v1/openapi.json");
    const ops = Object.values(doc.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops).toEqual(expect.arrayContaining(["createFloorHall", "addFloorStalls", "importFloorStalls", "undoFloorEdit", "exportFloorHall", "mergeFloorStalls"]));
  });
});
