import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { constraintName, sqlStateOf } from "../../platform/db/errors";
import { enterprises } from "../editions/enterprise-tables";
import { clusters, editions } from "../editions/tables";
import { copyEdition } from "../editions/operations/copy-edition";
import { setFloorBackground } from "./operations/plan-background";
import { floorAreas, floorBackgrounds, floorHalls, floorStalls } from "./tables";

// Issue #12, item 1: the database itself refuses a floor that breaks the plan's rules, whatever
// writes it; and copying an edition copies the plan without who holds the stalls.

let t: TestDb;
let editionId: string;
let otherEditionId: string;
let clusterA: { id: string; slug: string };
let otherEditionCluster: string;
let ent1: string;
let ent2: string;
let free: string[];
let hall1: string;
let hall2: string;
let otherHall: string;
let pavilion: string;
let hall2Area: string;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  otherEditionId = (await demoShow(t.db, "sme-showcase-2027")).editionId;
  [clusterA] = await t.db.select({ id: clusters.id, slug: clusters.slug }).from(clusters).where(eq(clusters.editionId, editionId)).orderBy(asc(clusters.slug)).limit(1) as [{ id: string; slug: string }];
  otherEditionCluster = (await t.db.select({ id: clusters.id }).from(clusters).where(eq(clusters.editionId, otherEditionId)).limit(1))[0]!.id;
  // Enterprises of this file's own (the demo seed confirms every demo exhibitor on its stall).
  const [edition] = await t.db.select().from(editions).where(eq(editions.id, editionId));
  free = (
    await t.db
      .insert(enterprises)
      .values([0, 1, 2, 3, 4, 5].map((i) => ({ organiserId: edition!.organiserId, slug: `floor-test-${i}`, nameEn: `Floor test ${i}`, sizeClass: "micro" as const })))
      .returning({ id: enterprises.id })
  ).map((e) => e.id);
  [ent1, ent2] = free as [string, string];
  const hall = (code: string, edition = editionId) => ({ editionId: edition, code, nameEn: `Hall ${code}`, nameUr: `ہال ${code}`, widthM: 60, depthM: 40 });
  [hall1, hall2, otherHall] = (
    await t.db.insert(floorHalls).values([hall("T1"), hall("T2"), hall("T9", otherEditionId)]).returning({ id: floorHalls.id })
  ).map((h) => h.id) as [string, string, string];
  const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
  [pavilion, hall2Area] = (
    await t.db
      .insert(floorAreas)
      .values([
        { editionId, hallId: hall1, kind: "cluster_pavilion", clusterId: clusterA.id, code: "T-PAV", nameEn: "Pavilion", nameUr: "پویلین", polygon: square },
        { editionId, hallId: hall2, kind: "women_enclave", code: "T-WE", nameEn: "Women entrepreneurs", nameUr: "خواتین کاروباری", polygon: square },
      ])
      .returning({ id: floorAreas.id })
  ).map((a) => a.id) as [string, string];
});
afterAll(async () => t?.close());

/** The SQLSTATE and constraint of the database's refusal (fails the test if nothing was refused). */
async function refusal(p: Promise<unknown>): Promise<{ state: string | undefined; constraint: string | undefined }> {
  try {
    await p;
  } catch (e) {
    return { state: sqlStateOf(e), constraint: constraintName(e) };
  }
  throw new Error("the database accepted it");
}

let n = 0;
const stall = (over: Partial<typeof floorStalls.$inferInsert> = {}): typeof floorStalls.$inferInsert => ({
  editionId,
  hallId: hall1,
  areaId: pavilion,
  number: `T-${++n}`,
  seq: n,
  x: 3 * n,
  y: 0,
  w: 3,
  h: 3,
  areaM2: 9,
  ...over,
});

describe(`floor plan invariants (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("accepts a well-formed stall of each holder state, by rectangle or polygon", async () => {
    const rows = await t.db
      .insert(floorStalls)
      .values([
        stall(),
        stall({ state: "blocked" }),
        stall({ state: "on_hold", holdExpiresAt: new Date("2026-01-12T00:00:00Z"), enterpriseId: ent1 }),
        stall({ state: "assigned", enterpriseId: ent2 }),
        stall({ x: null, y: null, w: null, h: null, polygon: [{ x: 0, y: 20 }, { x: 4, y: 20 }, { x: 2, y: 24 }], areaM2: 8, type: "island" }),
      ])
      .returning();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ state: "available", type: "shell_scheme", power: false, enterpriseId: null });
  });

  it("refuses a hall without a positive size", async () => {
    await expect(
      refusal(t.db.insert(floorHalls).values({ editionId, code: "T0", nameEn: "x", nameUr: "x", widthM: 0, depthM: 10 })),
    ).resolves.toEqual({ state: "23514", constraint: "floor_halls_size_positive" });
  });

  it("refuses a pavilion without a cluster, a stage or lounge with one (an enclave may host one), and a cluster of another edition", async () => {
    const area = { editionId, hallId: hall1, nameEn: "a", nameUr: "a", polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] };
    await expect(refusal(t.db.insert(floorAreas).values({ ...area, code: "T-A1", kind: "cluster_pavilion" }))).resolves.toEqual({
      state: "23514",
      constraint: "floor_areas_pavilion_cluster",
    });
    await expect(refusal(t.db.insert(floorAreas).values({ ...area, code: "T-A2", kind: "stage", clusterId: clusterA.id }))).resolves.toEqual({
      state: "23514",
      constraint: "floor_areas_pavilion_cluster",
    });
    await expect(refusal(t.db.insert(floorAreas).values({ ...area, code: "T-A2b", kind: "b2b_lounge", clusterId: clusterA.id }))).resolves.toEqual({
      state: "23514",
      constraint: "floor_areas_pavilion_cluster",
    });
    await t.db.insert(floorAreas).values({ ...area, code: "T-A2c", kind: "enclave", clusterId: clusterA.id });
    await t.db.delete(floorAreas).where(eq(floorAreas.code, "T-A2c"));
    await expect(
      refusal(t.db.insert(floorAreas).values({ ...area, code: "T-A3", kind: "cluster_pavilion", clusterId: otherEditionCluster })),
    ).resolves.toEqual({ state: "23514", constraint: "floor_areas_cluster_edition" });
    await expect(refusal(t.db.insert(floorAreas).values({ ...area, code: "T-A4", kind: "enclave", polygon: [{ x: 0, y: 0 }] }))).resolves.toEqual({
      state: "23514",
      constraint: "floor_areas_polygon",
    });
    // An area in a hall of another edition.
    await expect(refusal(t.db.insert(floorAreas).values({ ...area, code: "T-A5", kind: "stage", hallId: otherHall }))).resolves.toEqual({
      state: "23503",
      constraint: "floor_areas_hall_fk",
    });
  });

  it("refuses a stall number twice in one edition, even in another hall, but not in another edition", async () => {
    await t.db.insert(floorStalls).values(stall({ number: "T-DUP" }));
    await expect(refusal(t.db.insert(floorStalls).values(stall({ number: "T-DUP", hallId: hall2, areaId: null })))).resolves.toEqual({
      state: "23505",
      constraint: "floor_stalls_number_uq",
    });
    await t.db.insert(floorStalls).values(stall({ number: "T-DUP", editionId: otherEditionId, hallId: otherHall, areaId: null }));
  });

  it("refuses a stall in a hall of another edition or in an area of another hall", async () => {
    await expect(refusal(t.db.insert(floorStalls).values(stall({ hallId: otherHall, areaId: null })))).resolves.toEqual({
      state: "23503",
      constraint: "floor_stalls_hall_fk",
    });
    await expect(refusal(t.db.insert(floorStalls).values(stall({ areaId: hall2Area })))).resolves.toEqual({
      state: "23503",
      constraint: "floor_stalls_area_fk",
    });
  });

  it("refuses a holder without a holding state and a holding state without a holder", async () => {
    for (const bad of [
      stall({ state: "available", enterpriseId: ent1 }),
      stall({ state: "blocked", enterpriseId: ent1 }),
      stall({ state: "assigned" }),
      stall({ state: "confirmed" }),
    ])
      await expect(refusal(t.db.insert(floorStalls).values(bad))).resolves.toEqual({ state: "23514", constraint: "floor_stalls_holder_state" });
  });

  it("refuses a hold without an expiry and an expiry without a hold", async () => {
    await expect(refusal(t.db.insert(floorStalls).values(stall({ state: "on_hold", enterpriseId: ent1 })))).resolves.toEqual({
      state: "23514",
      constraint: "floor_stalls_hold_expiry",
    });
    await expect(
      refusal(t.db.insert(floorStalls).values(stall({ state: "assigned", enterpriseId: ent1, holdExpiresAt: new Date("2026-01-12T00:00:00Z") }))),
    ).resolves.toEqual({ state: "23514", constraint: "floor_stalls_hold_expiry" });
  });

  it("refuses sizes that are not positive and a shape that is neither one rectangle nor one polygon", async () => {
    await expect(refusal(t.db.insert(floorStalls).values(stall({ areaM2: 0 })))).resolves.toEqual({ state: "23514", constraint: "floor_stalls_area_positive" });
    for (const bad of [
      stall({ w: 0 }),
      stall({ h: -1 }),
      stall({ x: null }),
      stall({ w: null }),
      stall({ polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] }),
      stall({ x: null, y: null, w: null, h: null }),
    ])
      await expect(refusal(t.db.insert(floorStalls).values(bad))).resolves.toEqual({ state: "23514", constraint: "floor_stalls_shape" });
  });

  it("refuses one exhibitor assigned or confirmed on two stalls of an edition, by insert or by a move", async () => {
    const ent = free[5]!;
    await t.db.insert(floorStalls).values(stall({ state: "confirmed", enterpriseId: ent }));
    await expect(refusal(t.db.insert(floorStalls).values(stall({ state: "assigned", enterpriseId: ent })))).resolves.toEqual({
      state: "23505",
      constraint: "floor_stalls_enterprise_uq",
    });
    // A hold on a second stall is allowed (the organiser keeps an alternative); assigning it is not.
    const [held] = await t.db
      .insert(floorStalls)
      .values(stall({ state: "on_hold", enterpriseId: ent, holdExpiresAt: new Date("2026-01-12T00:00:00Z") }))
      .returning({ id: floorStalls.id });
    await expect(
      refusal(t.db.update(floorStalls).set({ state: "assigned", holdExpiresAt: null }).where(eq(floorStalls.id, held!.id))),
    ).resolves.toEqual({ state: "23505", constraint: "floor_stalls_enterprise_uq" });
    // The same enterprise in another edition is another exhibitor's place.
    await t.db.insert(floorStalls).values(stall({ editionId: otherEditionId, hallId: otherHall, areaId: null, state: "assigned", enterpriseId: ent }));
  });

  it("keeps a stall when its area is deleted, without an area", async () => {
    const [area] = await t.db
      .insert(floorAreas)
      .values({ editionId, hallId: hall1, kind: "services", code: "T-SRV", nameEn: "s", nameUr: "s", polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] })
      .returning({ id: floorAreas.id });
    const [s] = await t.db.insert(floorStalls).values(stall({ areaId: area!.id })).returning({ id: floorStalls.id });
    await t.db.delete(floorAreas).where(eq(floorAreas.id, area!.id));
    const [after] = await t.db.select().from(floorStalls).where(eq(floorStalls.id, s!.id));
    expect(after).toMatchObject({ hallId: hall1, areaId: null });
  });
});

describe("copying an edition copies its floor plan, not who holds the stalls", () => {
  it("copies halls, areas (pavilions on the copy's cluster) and stalls, all available but the blocked", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const before = await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId));
    expect(before.some((s) => s.enterpriseId)).toBe(true);
    // Hall T1's background drawing, placed and shown on the public map; T2 has none.
    const png = new Uint8Array(64);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 1200);
    new DataView(png.buffer).setUint32(20, 800);
    png[40] = 7;
    await setFloorBackground(staff, { hallId: hall1, bytes: png, widthM: 60, offsetX: -2, offsetY: 1.5, public: true });
    const copy = await copyEdition(staff, { editionId, slug: "floor-copy-2032", year: 2032, startsOn: "2032-01-23" });

    // This file's halls (T…), beside the demo's Halls 1–3.
    const halls = (await t.db.select().from(floorHalls).where(eq(floorHalls.editionId, copy.id)).orderBy(asc(floorHalls.code))).filter((h) => h.code.startsWith("T"));
    expect(halls.map((h) => [h.code, h.widthM, h.depthM])).toEqual([
      ["T1", 60, 40],
      ["T2", 60, 40],
    ]);
    const [pav] = await t.db.select().from(floorAreas).where(and(eq(floorAreas.editionId, copy.id), eq(floorAreas.code, "T-PAV")));
    const [copyCluster] = await t.db.select().from(clusters).where(eq(clusters.id, pav!.clusterId!));
    expect(copyCluster).toMatchObject({ editionId: copy.id, slug: clusterA.slug });
    expect(pav!.hallId).toBe(halls[0]!.id);
    const drawings = await t.db.select().from(floorBackgrounds).where(eq(floorBackgrounds.editionId, copy.id));
    expect(drawings.map((b) => b.hallId)).toEqual([halls[0]!.id]);
    expect(drawings[0]).toMatchObject({ contentType: "image/png", size: 64, pixelWidth: 1200, pixelHeight: 800, widthM: 60, offsetX: -2, offsetY: 1.5, public: true });
    expect(Buffer.compare(drawings[0]!.bytes, Buffer.from(png))).toBe(0);
    // The original keeps its own.
    expect(await t.db.select({ hallId: floorBackgrounds.hallId }).from(floorBackgrounds).where(eq(floorBackgrounds.hallId, hall1))).toHaveLength(1);

    const after = await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, copy.id));
    expect(after).toHaveLength(before.length);
    expect(after.filter((s) => s.enterpriseId || s.holdExpiresAt)).toEqual([]);
    const stateOf = (rows: typeof before) => Object.fromEntries(rows.map((s) => [s.number, s.state === "blocked" ? "blocked" : "available"]));
    expect(Object.fromEntries(after.map((s) => [s.number, s.state]))).toEqual(stateOf(before));
    const byNumber = new Map(before.map((s) => [s.number, s]));
    for (const s of after) {
      const src = byNumber.get(s.number)!;
      expect([s.x, s.y, s.w, s.h, s.polygon, s.areaM2, s.type]).toEqual([src.x, src.y, src.w, src.h, src.polygon, src.areaM2, src.type]);
      expect(s.hallId).not.toBe(src.hallId);
    }
  });
});
