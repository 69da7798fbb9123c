import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { rowsOf } from "../../platform/db/rows";
import { outboxMessages } from "../../platform/mail/tables";
import type { Actor } from "../../platform/permissions/actor";
import { getAllocationRun, startAllocation } from "./operations/allocation";
import { confirmAllocation } from "./operations/allocation-confirm";
import { discardAllocation, lockPlacement, moveExhibitor } from "./operations/allocation-edit";
import { publicStall } from "./operations/plan";
import { floorAllocationPlacements, floorAllocationRuns, floorStalls } from "./tables";
import { testApp } from "../../../tests/support/http";

// Stall allocation runs (issue #12, item 3): a run on the demo's plan, the organiser's checked moves,
// locks kept across a re-run, confirming (stalls written, exhibitors emailed), two organisers at
// once never leaving a double assignment, and who may do it.

let t: TestDb;
let editionId: string;
let staff: Actor;
const organiser = () => ctxFor(t.db, staff);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const stallsOf = () => t.db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId));
/** Exhibitors on two stalls, or stalls with two exhibitors, among assigned and confirmed stalls. */
const doubles = async () =>
  rowsOf(
    await t.db.execute(
      sql`SELECT enterprise_id FROM floor_stalls WHERE edition_id = ${editionId} AND state IN ('assigned', 'confirmed') GROUP BY enterprise_id HAVING count(*) > 1`,
    ),
  ).length;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  staff = await actorFor(t.db, demo.organiser);
});
afterAll(async () => t?.close());

describe("running and confirming on an empty floor", () => {
  it("places every selected exhibitor in a draft, writes nothing to the stalls, and confirming writes them and emails each exhibitor", async () => {
    // Start from the plan alone: nobody holds a stall.
    // The demo's applicants are reached through their trade body; give them addresses, half in Urdu.
    await t.db.execute(sql`UPDATE nominations SET email = 'owner-' || ntn || '@example.pk', locale = CASE WHEN ntn < '5' THEN 'ur' ELSE 'en' END WHERE edition_id = ${editionId}`);
    await t.db.update(floorStalls).set({ state: "available", enterpriseId: null, holdExpiresAt: null }).where(and(eq(floorStalls.editionId, editionId), inArray(floorStalls.state, ["assigned", "confirmed"])));
    const { run } = await startAllocation(organiser(), { editionId });
    expect(run.status).toBe("draft");
    expect(run.summary).toMatchObject({ exhibitors: 170, placed: 170, unplaced: 0, locked: 0 });
    expect(run.summary.ownAreaShare).toBeGreaterThan(0.9);
    // The ICT startups go to the ICT enclave, which names their cluster as the one it hosts; the
    // few whose pavilion has no stall with the three-phase power or step-free access they need
    // leave it (0.82–0.83 measured on 2026-12-08).
    expect(run.summary.contiguity).toBeGreaterThan(0.78);
    expect((await stallsOf()).filter((s) => s.state === "confirmed")).toHaveLength(0);

    const view = await getAllocationRun(organiser(), { runId: run.id });
    expect(view.placements).toHaveLength(170);
    expect(view.placements.every((p) => p.reasons.length > 0)).toBe(true);
    // The run read the stall needs exhibitors state in their portal (floor/stall-needs-port.ts):
    // three-phase power and step-free access are needs, ordinary sockets a wish.
    const said = rowsOf<{ enterprise_id: string; power_need: string | null; step_free: boolean }>(
      await t.db.execute(sql`SELECT enterprise_id, power_need, step_free FROM exhibitor_profiles WHERE edition_id = ${editionId}`),
    );
    const stallById = new Map((await stallsOf()).map((s) => [s.id, s]));
    const placedOn = (id: string) => stallById.get(view.placements.find((p) => p.exhibitorId === id)!.stallId)!;
    const threePhase = said.filter((r) => r.power_need === "three_phase");
    const stepFree = said.filter((r) => r.step_free);
    expect(threePhase.length).toBeGreaterThan(5);
    expect(stepFree.length).toBeGreaterThan(0);
    // Each on a stall with what it needs, or told that no free stall had it (one needs both, which no stall has).
    const told = (id: string, need: string) => view.placements.find((p) => p.exhibitorId === id)!.reasons.some((x) => x.code === "needs_not_met" && String(x.params.needs).includes(need));
    expect(threePhase.filter((r) => !placedOn(r.enterprise_id).power && !told(r.enterprise_id, "power"))).toEqual([]);
    expect(stepFree.filter((r) => !placedOn(r.enterprise_id).accessible && !told(r.enterprise_id, "accessible"))).toEqual([]);
    // How many get one depends on the drawn selection (who exhibits, where the power stalls are
    // free; 17 of 19 in ci1 of 2026-12-08, 18 or 19 before): the rule is the line above, and most do.
    expect(threePhase.filter((r) => placedOn(r.enterprise_id).power).length).toBeGreaterThanOrEqual(Math.ceil(threePhase.length * 0.8));
    // A wish never takes anyone out of its area: with no need, no "no stall with its needs there".
    const wishes = said.filter((r) => r.power_need === "single_phase" && !r.step_free).map((r) => view.placements.find((p) => p.exhibitorId === r.enterprise_id)!);
    expect(wishes.length).toBeGreaterThan(20);
    expect(wishes.every((p) => p.reasons.some((x) => x.code === "power_as_requested" || x.code === "power_unavailable"))).toBe(true);
    expect(wishes.some((p) => p.reasons.some((x) => x.code === "power_unavailable"))).toBe(true);
    expect(wishes.filter((p) => p.reasons.some((x) => x.code === "area_no_fitting_stall"))).toEqual([]);
    // The ICT enclave names the IT cluster as the one it hosts: its exhibitors are placed there.
    const ict = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM floor_areas WHERE edition_id = ${editionId} AND code = 'ict-enclave'`))[0]!.id;
    const itFirms = rowsOf<{ id: string }>(
      await t.db.execute(sql`SELECT e.id FROM enterprises e JOIN floor_areas a ON a.id = ${ict} JOIN clusters c ON c.id = a.cluster_id WHERE e.cluster_slug = c.slug`),
    ).map((r) => r.id);
    const inRun = view.placements.filter((p) => itFirms.includes(p.exhibitorId));
    expect(inRun.length).toBeGreaterThan(3);
    // Each there, or told that the enclave had no stall with what it needs.
    expect(inRun.filter((p) => !(p.areaId === ict && p.reasons[0]!.code === "enclave") && !(p.reasons[0]!.code === "area_no_fitting_stall" && p.reasons[0]!.params.area === ict))).toEqual([]);
    expect(inRun.filter((p) => p.areaId === ict).length).toBeGreaterThan(inRun.length / 2);

    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(eq(outboxMessages.kind, "floor_stall"));
    const counts = await confirmAllocation(organiser(), { runId: run.id });
    expect(counts).toMatchObject({ confirmed: 170, changed: 170, unplaced: 0 });
    const stalls = await stallsOf();
    expect(stalls.filter((s) => s.state === "confirmed")).toHaveLength(170);
    expect(await doubles()).toBe(0);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "floor_stall"));
    expect(mails.length - before[0]!.n).toBe(counts.notified);
    expect(counts.notified).toBeGreaterThan(100);
    // Each in its language: Urdu ones say اسٹال, English ones "Your stall"; each names its stall.
    expect(mails.some((m) => m.subject.includes("اسٹال"))).toBe(true);
    expect(mails.some((m) => m.subject.startsWith("Your stall"))).toBe(true);
    expect(mails.every((m) => /\d-\d{3}/.test(m.subject) && m.bodyText.includes("/floor/rule"))).toBe(true);
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "floor.allocation_confirmed"), eq(auditEntries.entityId, run.id)));
    expect(audit).toBeTruthy();
    expect(await refusal(confirmAllocation(organiser(), { runId: run.id }))).toBe("floor_run_not_draft");
  });
});

describe("reviewing a draft", () => {
  it("keeps confirmed stalls, moves one exhibitor by hand (checked), keeps the lock across a re-run, and confirming moves only it", async () => {
    const { run } = await startAllocation(organiser(), { editionId });
    expect(run.summary).toMatchObject({ placed: 170, locked: 170 }); // every confirmed stall is kept
    const view = await getAllocationRun(organiser(), { runId: run.id });
    const [a, b] = view.placements;
    const free = view.freeStalls.map((s) => s.number);
    expect(free.length).toBeGreaterThan(5);

    // Refusals: a stall taken in the draft, a blocked stall, a stall on hold for someone else, no such stall.
    expect(await refusal(moveExhibitor(organiser(), { runId: run.id, exhibitorId: a!.exhibitorId, stallNumber: b!.stallNumber }))).toBe("floor_stall_taken");
    await t.db.update(floorStalls).set({ state: "blocked" }).where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.number, free[0]!)));
    expect(await refusal(moveExhibitor(organiser(), { runId: run.id, exhibitorId: a!.exhibitorId, stallNumber: free[0]! }))).toBe("floor_stall_blocked");
    await t.db
      .update(floorStalls)
      .set({ state: "on_hold", enterpriseId: b!.exhibitorId, holdExpiresAt: new Date("2026-02-01T00:00:00Z") })
      .where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.number, free[1]!)));
    expect(await refusal(moveExhibitor(organiser(), { runId: run.id, exhibitorId: a!.exhibitorId, stallNumber: free[1]! }))).toBe("floor_stall_held");
    expect(await refusal(moveExhibitor(organiser(), { runId: run.id, exhibitorId: a!.exhibitorId, stallNumber: "9-999" }))).toBe("not_found");

    // The move: to a free stall; it is locked there and the figures are recomputed.
    const target = free[2]!;
    const moved = await moveExhibitor(organiser(), { runId: run.id, exhibitorId: a!.exhibitorId, stallNumber: target });
    expect(moved.stallNumber).toBe(target);
    expect(moved.summary.placed).toBe(170);
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "floor.allocation_moved"), eq(auditEntries.entityId, run.id)));
    expect(audit?.data).toMatchObject({ from: a!.stallNumber, to: target });

    // Unlock another: still kept by a re-run (its stall is confirmed), but the moved one keeps its new stall.
    await lockPlacement(organiser(), { runId: run.id, exhibitorId: b!.exhibitorId, locked: false });
    const { run: rerun } = await startAllocation(organiser(), { editionId, baseRunId: run.id });
    const [old] = await t.db.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.id, run.id));
    expect(old!.status).toBe("discarded");
    const again = await getAllocationRun(organiser(), { runId: rerun.id });
    const aNow = again.placements.find((p) => p.exhibitorId === a!.exhibitorId)!;
    expect([aNow.stallNumber, aNow.locked]).toEqual([target, true]);
    // b, unlocked, goes to the stall held for it (a running hold is kept before a confirmed stall).
    expect(again.placements.find((p) => p.exhibitorId === b!.exhibitorId)!.stallNumber).toBe(free[1]);

    const mailsBefore = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "floor_stall"))).length;
    const counts = await confirmAllocation(organiser(), { runId: rerun.id });
    expect(counts.changed).toBeGreaterThanOrEqual(1);
    const stalls = await stallsOf();
    expect(stalls.find((s) => s.number === target)).toMatchObject({ state: "confirmed", enterpriseId: a!.exhibitorId });
    expect(stalls.find((s) => s.number === a!.stallNumber)).toMatchObject({ state: "available", enterpriseId: null });
    expect(await doubles()).toBe(0);
    expect((await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "floor_stall"))).length - mailsBefore).toBe(counts.notified);
    // Confirming is publishing: the public stall page shows the exhibitor.
    const hall = target.split("-")[0];
    const pub = await publicStall(ctxFor(t.db), { slug: "showcase-2026", hall: `H${hall}`, number: target });
    expect(pub.stall.exhibitor?.id).toBe(a!.exhibitorId);
  });

  it("discards a draft: nothing reaches the stalls and it can no longer change", async () => {
    const { run } = await startAllocation(organiser(), { editionId });
    const before = await stallsOf();
    await discardAllocation(organiser(), { runId: run.id });
    expect(await refusal(moveExhibitor(organiser(), { runId: run.id, exhibitorId: (await getAllocationRun(organiser(), { runId: run.id })).placements[0]!.exhibitorId, stallNumber: "1-101" }))).toBe("floor_run_not_draft");
    expect(await stallsOf()).toEqual(before);
  });
});

describe("two organisers at once", () => {
  it("two moves to one stall: one wins; two confirmations: one wins; never a double assignment", async () => {
    const staff2 = await actorFor(t.db, demo.admin);
    const { run } = await startAllocation(organiser(), { editionId });
    const view = await getAllocationRun(organiser(), { runId: run.id });
    const [a, b] = view.placements;
    const stall = view.freeStalls[0]!.number;
    const results = await Promise.all([
      refusal(moveExhibitor(organiser(), { runId: run.id, exhibitorId: a!.exhibitorId, stallNumber: stall })),
      refusal(moveExhibitor(ctxFor(t.db, staff2), { runId: run.id, exhibitorId: b!.exhibitorId, stallNumber: stall })),
    ]);
    expect(results.sort()).toEqual(["floor_stall_taken", "ok"]);
    const onStall = await t.db.select().from(floorAllocationPlacements).where(eq(floorAllocationPlacements.runId, run.id));
    expect(new Set(onStall.map((p) => p.stallId)).size).toBe(onStall.length);

    const confirms = await Promise.all([refusal(confirmAllocation(organiser(), { runId: run.id })), refusal(confirmAllocation(ctxFor(t.db, staff2), { runId: run.id }))]);
    expect(confirms.sort()).toEqual(["floor_run_not_draft", "ok"]);
    expect(await doubles()).toBe(0);
  });
});

describe("who may allocate", () => {
  it("refuses anyone but the organiser's staff", async () => {
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const visitor = await actorFor(t.db, demo.visitor);
    expect(await refusal(startAllocation(ctxFor(t.db, exhibitor), { editionId }))).toBe("forbidden");
    expect(await refusal(startAllocation(ctxFor(t.db, visitor), { editionId }))).toBe("forbidden");
    expect(await refusal(startAllocation(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
    const [run] = await t.db.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.editionId, editionId)).limit(1);
    expect(await refusal(confirmAllocation(ctxFor(t.db, exhibitor), { runId: run!.id }))).toBe("forbidden");
  });
});

describe("over the API", () => {
  it("organiser staff run, move, lock and discard; refusals come back as codes; others are refused", async () => {
    const api = testApp(t.db);
    const signIn = async (email: string) =>
      (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`/api/v1/editions/${editionId}/floor-allocations`, { method: "POST", cookie: visitor, json: {} })).status).toBe(403);
    const cookie = await signIn(demo.organiser);
    const started = await api.call(`/api/v1/editions/${editionId}/floor-allocations`, { method: "POST", cookie, json: {} });
    expect([started.status, started.body.run.status]).toEqual([200, "draft"]);
    const id = started.body.run.id as string;
    const got = await api.call(`/api/v1/floor-allocations/${id}`, { cookie });
    const [a, b] = got.body.placements as { exhibitorId: string; stallNumber: string }[];
    const taken = await api.call(`/api/v1/floor-allocations/${id}/placements/${a!.exhibitorId}`, { method: "PUT", cookie, json: { stallNumber: b!.stallNumber } });
    expect([taken.status, taken.body.error.code]).toEqual([409, "floor_stall_taken"]);
    const free = (got.body.freeStalls as { number: string }[])[0]!.number;
    const moved = await api.call(`/api/v1/floor-allocations/${id}/placements/${a!.exhibitorId}`, { method: "PUT", cookie, json: { stallNumber: free } });
    expect([moved.status, moved.body.stallNumber]).toEqual([200, free]);
    const lock = await api.call(`/api/v1/floor-allocations/${id}/placements/${b!.exhibitorId}/lock`, { method: "POST", cookie, json: { locked: false } });
    expect([lock.status, lock.body.locked]).toEqual([200, false]);
    expect((await api.call(`/api/v1/floor-allocations/${id}/discard`, { method: "POST", cookie })).status).toBe(200);
    const late = await api.call(`/api/v1/floor-allocations/${id}/confirm`, { method: "POST", cookie });
    expect([late.status, late.body.error.code]).toEqual([409, "floor_run_not_draft"]);
    const list = await api.call(`/api/v1/editions/${editionId}/floor-allocations`, { cookie });
    expect((list.body.runs as { id: string }[]).find((r) => r.id === id)).toMatchObject({ status: "discarded" });
  });
});
