import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import type { Ctx } from "../../platform/context";
import { isDomainError } from "../../platform/errors";
import { addFloorArea, addFloorStalls, createFloorHall, deleteFloorArea, editFloorArea, moveFloorStall, undoFloorEdit } from "./operations/plan-edit";
import { floorBackgroundOf, placeFloorBackground, publicBackgroundPlace, publicFloorBackground, removeFloorBackground, setFloorBackground } from "./operations/plan-background";
import { floorAreas, floorStalls, MAX_BACKGROUND_BYTES } from "./tables";

// Issue #12, item 2, the editor's second part on the database: an area changed and deleted (and
// undone), a stall resized only inside the hall and off other stalls, the background drawing
// checked by its bytes and its size.

let t: TestDb;
let ctx: Ctx;
let editionId: string;
let hallId: string;

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
const areaOf = async (number: string) => (await stallsOf()).find((s) => s.number === number)?.areaId ?? null;

beforeAll(async () => {
  t = await openTestDb();
  ctx = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  editionId = (await demoShow(t.db, "sme-showcase-2027")).editionId;
  hallId = (await createFloorHall(ctx, { editionId, code: "AR1", nameEn: "Area hall", nameUr: "ایریا ہال", widthM: 40, depthM: 30 })).id;
  await addFloorStalls(ctx, { hallId, first: "AR-101", count: 4, x: 1, y: 1, w: 3, d: 3 });
});
afterAll(async () => t?.close());

describe("areas changed and deleted", () => {
  it("changes an area's names and rectangle: stalls join and leave it; undo puts everything back", async () => {
    const { area } = await addFloorArea(ctx, { hallId, kind: "enclave", code: "AR-ICT", nameEn: "ICT", nameUr: "آئی سی ٹی", x: 0, y: 0, w: 7.5, h: 5 });
    expect([await areaOf("AR-101"), await areaOf("AR-102"), await areaOf("AR-103")]).toEqual([area.id, area.id, null]);
    // Half a rectangle is refused; a rectangle outside the hall too.
    expect((await refusal(editFloorArea(ctx, { hallId, areaId: area.id, kind: "enclave", code: "AR-ICT", nameEn: "ICT", nameUr: "آئی", x: 1 }))).fields).toMatchObject([{ path: "w", code: "floor_area_rect" }]);
    expect(await refusal(editFloorArea(ctx, { hallId, areaId: area.id, kind: "enclave", code: "AR-ICT", nameEn: "ICT", nameUr: "آئی", x: 30, y: 0, w: 20, h: 5 }))).toMatchObject({ code: "floor_outside_hall" });
    const r = await editFloorArea(ctx, { hallId, areaId: area.id, kind: "stage", code: "AR-STAGE", nameEn: "Stage", nameUr: "اسٹیج", x: 3.9, y: 0, w: 9, h: 5, grid: 0.5 });
    expect(r).toMatchObject({ joined: 2, left: 1, area: { kind: "stage", code: "AR-STAGE", nameEn: "Stage" } });
    expect([await areaOf("AR-101"), await areaOf("AR-102"), await areaOf("AR-103"), await areaOf("AR-104")]).toEqual([null, area.id, area.id, area.id]);
    // Names only: the outline and the stalls stay.
    await editFloorArea(ctx, { hallId, areaId: area.id, kind: "stage", code: "AR-STAGE", nameEn: "Main stage", nameUr: "مرکزی اسٹیج" });
    const [named] = await t.db.select().from(floorAreas).where(eq(floorAreas.id, area.id));
    expect(named).toMatchObject({ nameEn: "Main stage", polygon: [{ x: 4, y: 0 }, { x: 13, y: 0 }, { x: 13, y: 5 }, { x: 4, y: 5 }] });
    await undoFloorEdit(ctx, { hallId });
    await undoFloorEdit(ctx, { hallId });
    const [back] = await t.db.select().from(floorAreas).where(eq(floorAreas.id, area.id));
    expect(back).toMatchObject({ kind: "enclave", code: "AR-ICT", nameEn: "ICT", polygon: [{ x: 0, y: 0 }, { x: 7.5, y: 0 }, { x: 7.5, y: 5 }, { x: 0, y: 5 }] });
    expect([await areaOf("AR-101"), await areaOf("AR-102"), await areaOf("AR-103"), await areaOf("AR-104")]).toEqual([area.id, area.id, null, null]);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, hallId), eq(auditEntries.action, "floor.plan_edited")));
    expect(audit.map((a) => (a.data as { edit: string }).edit)).toEqual(expect.arrayContaining(["area", "area_edit"]));
  });

  it("deletes an area, its stalls staying in no area; undo brings it back with its stalls", async () => {
    const [area] = await t.db.select().from(floorAreas).where(eq(floorAreas.code, "AR-ICT"));
    const r = await deleteFloorArea(ctx, { hallId, areaId: area!.id });
    expect(r).toEqual({ deleted: "AR-ICT", stalls: 2 });
    expect(await t.db.select().from(floorAreas).where(eq(floorAreas.id, area!.id))).toEqual([]);
    expect((await stallsOf()).map((s) => s.number)).toEqual(["AR-101", "AR-102", "AR-103", "AR-104"]);
    expect([await areaOf("AR-101"), await areaOf("AR-102")]).toEqual([null, null]);
    expect(await undoFloorEdit(ctx, { hallId })).toEqual({ undone: "area_delete" });
    expect([await areaOf("AR-101"), await areaOf("AR-102")]).toEqual([area!.id, area!.id]);
    expect((await refusal(deleteFloorArea(ctx, { hallId, areaId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("not_found");
  });

  it("refuses a visitor", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    const [area] = await t.db.select().from(floorAreas).where(eq(floorAreas.code, "AR-ICT"));
    expect((await refusal(deleteFloorArea(visitor, { hallId, areaId: area!.id }))).code).toBe("forbidden");
  });
});

describe("resizing a stall", () => {
  it("is refused onto another stall or past the hall's wall, and saved otherwise", async () => {
    const [a] = await stallsOf();
    expect(await refusal(moveFloorStall(ctx, { stallId: a!.id, hallId, x: 1, y: 1, w: 4, h: 3, grid: 0.5 }))).toMatchObject({ code: "floor_overlap", params: { stall: "AR-101", other: "AR-102" } });
    expect(await refusal(moveFloorStall(ctx, { stallId: a!.id, hallId, x: 1, y: 1, w: 3, h: 30, grid: 0.5 }))).toMatchObject({ code: "floor_outside_hall" });
    await moveFloorStall(ctx, { stallId: a!.id, hallId, x: 1, y: 1, w: 3, h: 4.2, grid: 0.5 });
    expect((await stallsOf())[0]).toMatchObject({ x: 1, y: 1, w: 3, h: 4, areaM2: 12 });
  });
});

describe("the background drawing", () => {
  const png = (w: number, h: number, size = 64) => {
    const b = new Uint8Array(size);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, w);
    new DataView(b.buffer).setUint32(20, h);
    return b;
  };

  it("refuses an SVG, a PDF or a renamed text file, and a file over 5 MB, in the uploader's words", async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    for (const bytes of [text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), text("%PDF-1.7\n1 0 obj"), text("not an image")])
      expect((await refusal(setFloorBackground(ctx, { hallId, bytes, widthM: 40 }))).fields).toEqual([{ path: "file", code: "floor_background_type" }]);
    expect((await refusal(setFloorBackground(ctx, { hallId, bytes: png(100, 50, MAX_BACKGROUND_BYTES + 1), widthM: 40 }))).fields).toEqual([{ path: "file", code: "floor_background_too_large", params: { max: 5 } }]);
    expect((await refusal(setFloorBackground(ctx, { hallId, bytes: new Uint8Array(), widthM: 40 }))).fields).toMatchObject([{ path: "file", code: "required" }]);
    expect(await floorBackgroundOf(ctx, { hallId })).toBeNull();
  });

  it("stores a PNG placed at a scale, shows it to the public only when ticked, and removes it", async () => {
    await setFloorBackground(ctx, { hallId, bytes: png(2000, 1500), widthM: 40, offsetX: -1, offsetY: 0.5 });
    expect(await floorBackgroundOf(ctx, { hallId })).toMatchObject({ contentType: "image/png", pixelWidth: 2000, pixelHeight: 1500, widthM: 40, offsetX: -1, offsetY: 0.5, public: false });
    const slug = "sme-showcase-2027";
    expect(await publicBackgroundPlace(ctx, { slug, hall: "AR1" })).toBeNull();
    expect((await refusal(publicFloorBackground(ctx, { slug, hall: "AR1" }))).code).toBe("not_found");
    await placeFloorBackground(ctx, { hallId, widthM: 20, offsetX: 0, offsetY: 0, public: true });
    expect(await publicBackgroundPlace(ctx, { slug, hall: "AR1" })).toEqual({ x: 0, y: 0, w: 20, h: 15 });
    expect((await publicFloorBackground(ctx, { slug, hall: "AR1" })).contentType).toBe("image/png");
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    expect((await refusal(removeFloorBackground(visitor, { hallId }))).code).toBe("forbidden");
    await removeFloorBackground(ctx, { hallId });
    expect(await floorBackgroundOf(ctx, { hallId })).toBeNull();
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, hallId), eq(auditEntries.action, "floor.plan_edited")));
    expect(audit.map((a) => (a.data as { edit: string }).edit)).toEqual(expect.arrayContaining(["background", "background_placed", "background_removed"]));
  });
});
