import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, like } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { users } from "../../platform/auth/tables";
import { clusters } from "../editions/tables";
import { selections } from "../nominations/tables";
import { neighbours } from "./engine/adjacency";
import { getAllocationRun, listAllocationRuns } from "./operations/allocation";
import { floorAllocationRuns, floorAreas, floorHalls, floorStalls } from "./tables";

// The demo's floor (issue #12, item 8), as the demo seed leaves it in every test database.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("the demo floor", () => {
  it("has Halls 1–3 with a pavilion per cluster of the selection, both enclaves, the stage and the B2B lounge", async () => {
    const { editionId } = await demoShow(t.db);
    const halls = await t.db.select().from(floorHalls).where(eq(floorHalls.editionId, editionId)).orderBy(asc(floorHalls.sort));
    expect(halls.map((h) => h.nameEn)).toEqual(["Hall 1", "Hall 2", "Hall 3"]);
    const areas = await t.db.select().from(floorAreas).where(eq(floorAreas.editionId, editionId));
    const kinds = areas.map((a) => a.kind);
    expect(kinds.filter((k) => k === "women_enclave")).toHaveLength(1);
    expect(kinds.filter((k) => k === "enclave")).toHaveLength(1);
    expect(kinds.filter((k) => k === "stage")).toHaveLength(1);
    expect(kinds.filter((k) => k === "b2b_lounge")).toHaveLength(1);
    const pavilions = areas.filter((a) => a.kind === "cluster_pavilion");
    expect(pavilions.length).toBeGreaterThanOrEqual(30);
    const stalls = await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId));
    expect(stalls.length).toBeGreaterThanOrEqual(200);
    expect(stalls.length).toBeLessThanOrEqual(240);
    expect(new Set(stalls.map((s) => s.hallId)).size).toBe(3);
  });

  it("numbers stalls in sequence along the aisles: each stall shares a wall with the next, or faces it across the aisle at a row's end", async () => {
    const { editionId } = await demoShow(t.db);
    const stalls = (await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId))).sort((a, b) => (a.number < b.number ? -1 : 1));
    const nb = neighbours(stalls.map((s) => ({ id: s.id, hallId: s.hallId, x: s.x!, y: s.y!, w: s.w!, h: s.h! })), 3);
    for (let i = 1; i < stalls.length; i++) {
      const [a, b] = [stalls[i - 1]!, stalls[i]!];
      if (a.hallId !== b.hallId) continue;
      expect(b.seq).toBe(a.seq + 1);
      expect([...nb.get(a.id)!.side, ...nb.get(a.id)!.across]).toContain(b.id);
    }
  });

  it("confirms every selected exhibitor on one stall, in a pavilion or an enclave", async () => {
    const { editionId } = await demoShow(t.db);
    const [selection] = await t.db.select().from(selections).where(eq(selections.editionId, editionId));
    const selected = (selection!.result as { decisions: { status: string }[] }).decisions.filter((d) => d.status === "selected").length;
    const stalls = await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId));
    const held = stalls.filter((s) => s.enterpriseId);
    expect(held.every((s) => s.state === "confirmed")).toBe(true);
    expect(held).toHaveLength(selected);
    expect(new Set(held.map((s) => s.enterpriseId)).size).toBe(selected);
    // The plan is sized for the selection: everyone in a pavilion or an enclave, nobody outside.
    const areas = new Map((await t.db.select().from(floorAreas).where(eq(floorAreas.editionId, editionId))).map((a) => [a.id, a]));
    expect(held.filter((s) => s.areaId === null)).toEqual([]);
    expect(held.filter((s) => areas.get(s.areaId!)!.kind === "women_enclave").length).toBeGreaterThan(0);
  });

  it("was allocated by the engine with a few moves by the organiser, through the operations: one confirmed run, the moves in the audit log", async () => {
    const { editionId } = await demoShow(t.db);
    const [organiser] = await t.db.select().from(users).where(eq(users.email, demo.organiser));
    const runs = await t.db.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.editionId, editionId));
    expect(runs.map((r) => [r.status, r.createdBy, r.decidedBy])).toEqual([["confirmed", organiser!.id, organiser!.id]]);

    // The organiser's runs page lists it; the run's placements keep the engine's reasons, except the moved ones.
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    expect((await listAllocationRuns(staff, { editionId })).runs.map((r) => r.status)).toEqual(["confirmed"]);
    const view = await getAllocationRun(staff, { runId: runs[0]!.id });
    expect(view.placements).toHaveLength(170);
    const moved = view.placements.filter((p) => p.locked);
    expect(moved.length).toBeGreaterThanOrEqual(2);
    expect(moved.length).toBeLessThanOrEqual(5);
    expect(moved.every((p) => p.reasons.map((r) => r.code).join() === "pinned")).toBe(true);
    expect(view.placements.filter((p) => !p.locked && (p.reasons.length === 0 || p.reasons.some((r) => r.code === "pinned")))).toEqual([]);

    // The audit log: the run, each move (from one stall to another, no warning) and the confirmation, by the organiser.
    // (One seeding, one instant: the entries share their time, so they are compared as a set.)
    const log = await t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.editionId, editionId), like(auditEntries.action, "floor.allocation_%")));
    expect(log.map((e) => e.action).sort()).toEqual(["floor.allocation_confirmed", ...moved.map(() => "floor.allocation_moved"), "floor.allocation_ran"]);
    expect(log.every((e) => e.actorUserId === organiser!.id && e.actorLabel === demo.organiser)).toBe(true);
    const moves = log.filter((e) => e.action === "floor.allocation_moved").map((e) => e.data as { from: string; to: string; warnings: string[] });
    expect(moves.every((m) => m.from !== m.to && m.warnings.length === 0)).toBe(true);

    // Each moved exhibitor holds the stall it was moved to, confirmed; the stall it left is free.
    const stalls = await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId));
    const byNumber = new Map(stalls.map((s) => [s.number, s]));
    for (const m of moves) {
      const p = moved.find((x) => x.stallNumber === m.to)!;
      expect(byNumber.get(m.to)).toMatchObject({ state: "confirmed", enterpriseId: p.exhibitorId });
      expect(byNumber.get(m.from)).toMatchObject({ state: "available", enterpriseId: null });
    }
  });

  it("gives next year's edition the same plan, every stall available, its pavilions on its own clusters", async () => {
    const now = await demoShow(t.db);
    const next = await demoShow(t.db, "sme-showcase-2027");
    const [a, b] = await Promise.all(
      [now.editionId, next.editionId].map((id) => t.db.select().from(floorStalls).where(eq(floorStalls.editionId, id)).orderBy(asc(floorStalls.number))),
    );
    expect(b!.map((s) => [s.number, s.x, s.y])).toEqual(a!.map((s) => [s.number, s.x, s.y]));
    expect(b!.every((s) => s.state === "available" && s.enterpriseId === null)).toBe(true);
    const pavs = await t.db.select({ editionId: clusters.editionId }).from(floorAreas).innerJoin(clusters, eq(clusters.id, floorAreas.clusterId)).where(eq(floorAreas.editionId, next.editionId));
    expect(pavs.length).toBeGreaterThan(0);
    expect(pavs.every((p) => p.editionId === next.editionId)).toBe(true);
  });
});
