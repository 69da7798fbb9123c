import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { actorFor, clock, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { invalid } from "../../../tests/support/invalid";
import { auditEntries } from "../../platform/audit/tables";
import { outboxMessages } from "../../platform/mail/tables";
import type { Actor } from "../../platform/permissions/actor";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { enterprises } from "../editions/enterprise-tables";
import { hhmm } from "./core/slots";
import type { RunSummary } from "./core/run-input";
import { compareRuns, movePlacement, pinPlacement, removePlacement } from "./operations/runs-edit";
import { publishRun } from "./operations/runs-publish";
import { getRun, listRuns, PLACEMENTS_PAGE, startRun } from "./operations/runs";
import { removeTableOrSlot } from "./operations/repair";
import { claimRun, executeRun, heartbeat, runQueuedRuns, STALE_MS } from "./run-worker";
import { fixedClock } from "../../platform/clock";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRequests, b2bRunPlacements, b2bRuns, b2bSmeStaff } from "./tables";

// Scheduling runs (issue #11 item 5; issue #17 item 2): a run on a small programme, two runners
// on one queue, the organiser's checked moves, and publishing (uids kept, sequences, cancellations,
// one email per affected participant).

let t: TestDb;
let editionId: string;
let staff: Actor;
let sme: string[];
let buyer: string[];
const req = new Map<string, { sme: number; buyer: number }>();
const organiser = () => ctxFor(t.db, staff);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
type Placement = typeof b2bRunPlacements.$inferSelect;

beforeAll(async () => {
  t = await openTestDb();
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  staff = await actorFor(t.db, demo.organiser);
  // This file's own small programme and participants in place of the demo's.
  await t.db.delete(b2bMeetings).where(eq(b2bMeetings.editionId, editionId));
  await t.db.delete(b2bRequests).where(eq(b2bRequests.editionId, editionId));
  await t.db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  // Day 1, 10:00–11:00: three 20-minute slots, two lounge tables, one Chinese interpreter.
  await t.db.insert(b2bProgrammes).values({
    editionId,
    enabled: true,
    days: [{ day: 1, sessions: [{ start: 600, end: 660 }] }],
    slotMinutes: 20,
    loungeTables: 2,
    stallMeetings: true,
    interpreters: { zh: 1 },
    maxMeetingsPerDay: 8,
  });
  const firms = await t.db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(4);
  sme = [];
  buyer = [];
  for (const [k, firm] of firms.entries()) {
    // The first exhibitor hosts at its stall (no table needed).
    const [s] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm.id, approved: true, optedIn: true, hostsAtStall: k === 0 }).returning();
    sme.push(s!.id);
    await t.db.insert(b2bProfiles).values({ participantId: s!.id, languages: ["en", "ur"] });
    const reg = await insertApprovedRegistration(t.db, editionId, { email: `runs-buyer${k}@example.com`, name: `Buyer ${k}` });
    const [b] = await t.db
      .insert(b2bParticipants)
      .values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: reg.id, approved: true, optedIn: true, locale: k === 1 ? "ur" : "en" })
      .returning();
    buyer.push(b!.id);
    // The last buyer speaks only Chinese: its meetings need the interpreter.
    await t.db.insert(b2bProfiles).values({ participantId: b!.id, languages: k === 3 ? ["zh"] : ["en"] });
  }
  // Every exhibitor with every buyer, accepted: 16 requests for 3 slots × 2 tables + the stall.
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const status = i === 3 && j === 0 ? "pending" : i === 3 && j === 1 ? "declined" : "accepted";
      const [r] = await t.db
        .insert(b2bRequests)
        .values({ editionId, smeParticipantId: sme[i]!, buyerParticipantId: buyer[j]!, requestedBy: "buyer", status, priority: (i + j) % 3 === 0 ? "must" : "would_like" })
        .returning();
      req.set(r!.id, { sme: i, buyer: j });
    }
  }
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const placementsOf = (runId: string) => t.db.select().from(b2bRunPlacements).where(eq(b2bRunPlacements.runId, runId));
const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

async function finishedRun(baseRunId?: string) {
  const { run } = await startRun(organiser(), { editionId, ...(baseRunId ? { baseRunId } : {}) });
  expect(await runQueuedRuns(t.db, clock())).toEqual([run.id]);
  return run.id;
}

/** Every placement checked against the rules the database will enforce on publishing. */
function expectSound(ps: Placement[]) {
  expect(duplicates(ps.map((p) => `${req.get(p.requestId)!.sme}@${p.startMinute}`))).toEqual([]);
  expect(duplicates(ps.map((p) => `${req.get(p.requestId)!.buyer}@${p.startMinute}`))).toEqual([]);
  expect(duplicates(ps.filter((p) => p.place === "table").map((p) => `${p.tableNo}@${p.startMinute}`))).toEqual([]);
  expect(duplicates(ps.filter((p) => p.interpreterLanguage === "zh").map((p) => `${p.startMinute}`))).toEqual([]);
  for (const p of ps) expect(p.place === "stall").toBe(req.get(p.requestId)!.sme === 0);
}

describe("a scheduling run", () => {
  it("only organiser staff start one; it places accepted requests and writes a correct summary", { timeout: 60_000 }, async () => {
    expect(await refusal(startRun(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
    expect(await refusal(startRun(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId }))).toBe("forbidden");
    const { run } = await startRun(organiser(), { editionId });
    expect(run.status).toBe("queued");
    // One at a time per edition.
    expect(await refusal(startRun(organiser(), { editionId }))).toBe("b2b_run_in_progress");
    expect(await runQueuedRuns(t.db, clock())).toEqual([run.id]);

    const { run: done } = await getRun(organiser(), { runId: run.id });
    expect(done.status, done.error ?? "").toBe("done");
    const s = done.summary as RunSummary;
    const ps = await placementsOf(run.id);
    expectSound(ps);
    // 14 accepted (the pending and the declined one are not scheduled).
    expect(s.requests).toBe(14);
    expect(s.placed).toBe(ps.length);
    expect(s.placed + s.unplaced.length).toBe(14);
    // Six table meetings at most (3 slots × 2 tables); the stall host's three buyers fit too.
    expect(ps.filter((p) => p.place === "table").length).toBeLessThanOrEqual(6);
    expect(s.placed).toBeGreaterThanOrEqual(8);
    expect(s.unplaced.every((u) => ["no_table", "participant_full", "no_interpreter"].includes(u.reason))).toBe(true);
    expect(Object.values(s.unplacedByReason).reduce((a, b) => a + b, 0)).toBe(s.unplaced.length);
    // The Chinese-speaking buyer's meetings have the interpreter.
    for (const p of ps) expect(p.interpreterLanguage).toBe(req.get(p.requestId)!.buyer === 3 ? "zh" : null);
    // Weight against the bound.
    const weightOf = (id: string) => (((req.get(id)!.sme + req.get(id)!.buyer) % 3 === 0 ? 2 : 1));
    expect(s.weight).toBe(ps.reduce((a, p) => a + weightOf(p.requestId), 0));
    expect(done.weight).toBe(s.weight);
    expect(s.bound).not.toBeNull();
    expect(s.bound!).toBeGreaterThanOrEqual(s.weight);
    expect(s.ratio!).toBeGreaterThan(0);
    expect(s.ratio!).toBeLessThanOrEqual(100);
    expect(s.ratio).toBe(Math.floor((1000 * s.weight) / s.bound!) / 10);
    // Per slot: three slots, tables and the interpreter within their numbers.
    expect(s.slots.map((x) => hhmm(x.start))).toEqual(["10:00", "10:20", "10:40"]);
    expect(s.slots.reduce((a, x) => a + x.meetings, 0)).toBe(s.placed);
    for (const x of s.slots) {
      expect(x.tablesUsed).toBeLessThanOrEqual(2);
      expect(x.interpreters.zh![0]).toBeLessThanOrEqual(1);
    }
    expect(s.perParticipant.max).toBeLessThanOrEqual(3);
    const counts = new Map<string, number>();
    for (const p of ps) for (const k of [`s${req.get(p.requestId)!.sme}`, `b${req.get(p.requestId)!.buyer}`]) counts.set(k, (counts.get(k) ?? 0) + 1);
    expect(s.noMeeting.length).toBe(8 - counts.size);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.run_started"), eq(auditEntries.entityId, run.id)));
    expect(audit).toHaveLength(1);
    expect((await listRuns(organiser(), { editionId })).runs[0]!.id).toBe(run.id);
  });

  it("a best-schedule run (issue #16 item 2) searches within its budget, proves the tighter bound and says which", { timeout: 60_000 }, async () => {
    expect(await refusal(startRun(organiser(), { editionId, mode: "best", budgetSeconds: 4 }))).toBe("validation_failed");
    expect(await refusal(startRun(organiser(), invalid({ editionId, mode: "slow" })))).toBe("validation_failed");
    const fastId = await finishedRun();
    const { run } = await startRun(organiser(), { editionId, mode: "best", budgetSeconds: 5 });
    expect(run).toMatchObject({ mode: "best", budgetSeconds: 5 });
    expect(await runQueuedRuns(t.db, clock())).toEqual([run.id]);
    const { run: best } = await getRun(organiser(), { runId: run.id });
    const { run: fast } = await getRun(organiser(), { runId: fastId });
    expect(best.status, best.error ?? "").toBe("done");
    expectSound(await placementsOf(run.id));
    expect(fast).toMatchObject({ mode: "fast", budgetSeconds: null, boundKind: "lp" });
    const lp = fast.upperBound!;
    // The tighter bound is valid (no less than either schedule) and never looser than the LP one.
    expect(best.boundKind).not.toBeNull();
    expect(best.upperBound!).toBeLessThanOrEqual(lp + 1e-6);
    expect(best.upperBound!).toBeGreaterThanOrEqual(Math.max(best.weight!, fast.weight!) - 1e-6);
    if (best.boundKind === "time_indexed") expect(best.upperBound!).toBeLessThan(lp);
    expect(best.weight!).toBeGreaterThanOrEqual(fast.weight!);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.run_started"), eq(auditEntries.entityId, run.id)));
    expect(audit[0]!.data).toMatchObject({ mode: "best", budgetSeconds: 5 });
  });

  it("two runners started at once on one queue run each run exactly once", { timeout: 60_000 }, async () => {
    // Two queued runs (the second inserted directly: startRun allows one at a time), and two
    // runners racing for them. On PostgreSQL the two use separate pooled connections, so
    // FOR UPDATE SKIP LOCKED is what keeps them apart.
    const { run } = await startRun(organiser(), { editionId });
    const [other] = await t.db.insert(b2bRuns).values({ editionId, status: "queued" }).returning();
    const [a, b] = await Promise.all([runQueuedRuns(t.db, clock(), "runner-a"), runQueuedRuns(t.db, clock(), "runner-b")]);
    expect([...a, ...b].sort()).toEqual([run.id, other!.id].sort());
    const rows = await t.db.select().from(b2bRuns).where(inArray(b2bRuns.id, [run.id, other!.id]));
    expect(rows.map((r) => r.status)).toEqual(["done", "done"]);
    for (const r of rows) expect(r.claimedBy).toBe(a.includes(r.id) ? "runner-a" : "runner-b");
    // Nothing left to claim.
    expect(await runQueuedRuns(t.db, clock(), "runner-c")).toEqual([]);
  });
});

describe("the organiser's hand on a draft", () => {
  it("a move is checked: no double booking of a person or a table, a slot that exists; pin and remove", { timeout: 60_000 }, async () => {
    const runId = await finishedRun();
    const ps = await placementsOf(runId);
    const table = ps.filter((p) => p.place === "table");
    // A person's other meeting's slot.
    const p = table[0]!;
    const clash = ps.find((q) => q.startMinute !== p.startMinute && (req.get(q.requestId)!.buyer === req.get(p.requestId)!.buyer || req.get(q.requestId)!.sme === req.get(p.requestId)!.sme));
    expect(clash).toBeDefined();
    const move = (q: Placement, start: number, tableNo: number | null, day = 1) => movePlacement(organiser(), { runId, requestId: q.requestId, day, start: hhmm(start), table: tableNo });
    expect(await refusal(move(p, clash!.startMinute, 1))).toBe("b2b_double_booked");
    expect(await refusal(move(p, 610, 1))).toBe("b2b_no_such_slot");
    expect(await refusal(move(p, 600, 1, 2))).toBe("b2b_no_such_slot");
    expect(await refusal(move(p, p.startMinute, 3))).toBe("b2b_no_such_table");
    expect(await refusal(move(p, p.startMinute, null))).toBe("b2b_no_such_table"); // not a stall host
    // A table taken by two others at a time both of p's people are free.
    const busy = (start: number) => ps.some((q) => q.startMinute === start && q.requestId !== p.requestId && (req.get(q.requestId)!.buyer === req.get(p.requestId)!.buyer || req.get(q.requestId)!.sme === req.get(p.requestId)!.sme));
    const taken = table.find((q) => !busy(q.startMinute) && q.startMinute !== p.startMinute);
    if (taken) expect(await refusal(move(p, taken.startMinute, taken.tableNo))).toBe("b2b_table_taken");
    expect(await refusal(movePlacement(ctxFor(t.db), { runId, requestId: p.requestId, day: 1, start: "10:00", table: 1 }))).toBe("unauthenticated");

    // Remove one, then move another into its place where its people are free.
    const gone = table.find((q) => q.requestId !== p.requestId)!;
    const removed = await removePlacement(organiser(), { runId, requestId: gone.requestId });
    expect(removed.summary!.unplaced.find((u) => u.requestId === gone.requestId)!.reason).toBe("removed");
    expect(removed.summary!.placed).toBe(ps.length - 1);
    const after = await placementsOf(runId);
    const fits = after.find(
      (q) => q.place === "table" && q.startMinute !== gone.startMinute &&
        !after.some((o) => o.startMinute === gone.startMinute && (req.get(o.requestId)!.buyer === req.get(q.requestId)!.buyer || req.get(o.requestId)!.sme === req.get(q.requestId)!.sme)) &&
        !(q.interpreterLanguage && after.some((o) => o.startMinute === gone.startMinute && o.interpreterLanguage === q.interpreterLanguage)),
    );
    if (fits) {
      expect(await move(fits, gone.startMinute, gone.tableNo)).toMatchObject({ moved: true });
      expectSound(await placementsOf(runId));
    }
    expect(await pinPlacement(organiser(), { runId, requestId: p.requestId, pinned: true })).toEqual({ pinned: true });
    const [pinned] = await t.db.select().from(b2bRunPlacements).where(and(eq(b2bRunPlacements.runId, runId), eq(b2bRunPlacements.requestId, p.requestId)));
    expect(pinned!.pinned).toBe(true);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "b2b.run_placement_changed"), eq(auditEntries.entityId, runId)));
    expect(audit.length).toBe(fits ? 3 : 2);

    // A re-run from this draft keeps the pinned meeting where it is; compare says what differs.
    const rerun = await finishedRun(runId);
    const [kept] = await t.db.select().from(b2bRunPlacements).where(and(eq(b2bRunPlacements.runId, rerun), eq(b2bRunPlacements.requestId, p.requestId)));
    expect(kept).toMatchObject({ startMinute: p.startMinute, tableNo: p.tableNo, pinned: true });
    const cmp = await compareRuns(organiser(), { a: runId, b: rerun });
    expect(cmp.a.placed).toBe(after.length);
    expect(cmp.same + cmp.moved.length + cmp.onlyInA.length).toBe(cmp.a.placed);
    expect(cmp.onlyInB).toContain(gone.requestId);
  });
});

describe("publishing", () => {
  it("writes meetings, keeps uids, increments sequences, cancels dropped meetings, emails each affected participant once", { timeout: 90_000 }, async () => {
    const mails = () => t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "b2b_schedule"));
    // New since a point: by id, since rows come back in no set order (and the clock is fixed).
    const idsOf = async () => new Set((await mails()).map((m) => m.id));
    const newSince = async (ids: Set<string>) => (await mails()).filter((m) => !ids.has(m.id));
    const beforeIds = await idsOf();
    const before = beforeIds.size;
    // The first exhibitor's staff who hold its meetings: one in Urdu (its registration's language).
    const staffReg = await insertApprovedRegistration(t.db, editionId, { email: "runs-staff-ur@example.com", name: "Staff Ur" });
    await t.db.execute(sql`update registrations set locale = 'ur' where id = ${staffReg.id}`);
    await t.db.insert(b2bSmeStaff).values([
      { participantId: sme[0]!, name: "Staff En", email: "runs-staff-en@example.com" },
      { participantId: sme[0]!, name: "Staff Ur", email: "runs-staff-ur@example.com", registrationId: staffReg.id },
      { participantId: sme[0]!, name: "Staff without email" },
    ]);
    const first = await finishedRun();
    const ps = await placementsOf(first);
    const counts = await publishRun(organiser(), { runId: first });
    expect(counts).toMatchObject({ added: ps.length, moved: 0, cancelled: 0 });
    const meetings = await t.db.select().from(b2bMeetings).where(eq(b2bMeetings.editionId, editionId));
    expect(meetings).toHaveLength(ps.length);
    expect(meetings.every((m) => m.status === "scheduled" && m.sequence === 0 && m.uid.endsWith("@numaish") && m.runId === first)).toBe(true);
    // One email per participant with a meeting and an address; buyers have one (their registration).
    const sent = await newSince(beforeIds);
    expect(duplicates(sent.map((m) => m.toAddress))).toEqual([]);
    const buyersWithMeetings = new Set(meetings.map((m) => m.buyerParticipantId));
    expect(sent.filter((m) => m.toAddress.startsWith("runs-buyer")).length).toBe(buyersWithMeetings.size);
    expect(counts.notified).toBe(sent.length);
    // The exhibitor's staff hear too, each in its language, with the exhibitor's meetings link.
    if (meetings.some((m) => m.smeParticipantId === sme[0])) {
      const en = sent.find((m) => m.toAddress === "runs-staff-en@example.com")!;
      const ur = sent.find((m) => m.toAddress === "runs-staff-ur@example.com")!;
      expect(en.subject).not.toMatch(/[\u0600-\u06ff]/);
      expect(ur.subject).toMatch(/[\u0600-\u06ff]/);
      expect(en.bodyText).toContain(`http://numaish.test/b2b/${sme[0]}/meetings`);
    } else expect.unreachable("the first exhibitor has meetings");
    // The Urdu-speaking buyer's email is in Urdu, with the participant's meetings link.
    const urduBuyer = sent.find((m) => m.toAddress === "runs-buyer1@example.com");
    if (urduBuyer) {
      expect(urduBuyer.subject).toMatch(/[\u0600-\u06ff]/);
      expect(urduBuyer.bodyText).toContain(`http://numaish.test/b2b/${buyer[1]}/meetings`);
    }
    const [published] = await t.db.select().from(b2bRuns).where(eq(b2bRuns.id, first));
    expect(published!.publishedAt).not.toBeNull();
    expect(published!.publishedBy).not.toBeNull();

    // Again: nothing changes, nobody is emailed.
    expect(await publishRun(organiser(), { runId: first })).toMatchObject({ added: 0, moved: 0, cancelled: 0, notified: 0 });
    expect((await mails()).length).toBe(before + sent.length);
    // A published run is no longer a draft.
    expect(await refusal(removePlacement(organiser(), { runId: first, requestId: ps[0]!.requestId }))).toBe("b2b_run_published");

    // A new run keeps published meetings where they are; the organiser moves one and drops one.
    const second = await finishedRun();
    const ps2 = await placementsOf(second);
    const spots = (xs: Placement[]) => new Map(xs.map((p) => [p.requestId, `${p.startMinute}/${p.tableNo}`]));
    for (const [id, spot] of spots(ps)) expect(spots(ps2).get(id)).toBe(spot);
    const dropped = ps2.find((p) => p.place === "table")!;
    await removePlacement(organiser(), { runId: second, requestId: dropped.requestId });
    const left = await placementsOf(second);
    // Move a table meeting to the dropped one's place if both its people are free then.
    const free = (q: Placement, start: number) => !left.some((o) => o.requestId !== q.requestId && o.startMinute === start && (req.get(o.requestId)!.buyer === req.get(q.requestId)!.buyer || req.get(o.requestId)!.sme === req.get(q.requestId)!.sme || (q.interpreterLanguage && o.interpreterLanguage === q.interpreterLanguage)));
    const mover = left.find((q) => q.place === "table" && q.startMinute !== dropped.startMinute && free(q, dropped.startMinute))
      ?? left.find((q) => q.place === "table" && q.tableNo !== dropped.tableNo && q.startMinute === dropped.startMinute);
    expect(mover).toBeDefined();
    await movePlacement(organiser(), { runId: second, requestId: mover!.requestId, day: 1, start: hhmm(dropped.startMinute), table: dropped.tableNo });
    const mailsBefore = await idsOf();
    const c2 = await publishRun(organiser(), { runId: second });
    expect(c2).toMatchObject({ moved: 1, cancelled: 1 });
    const after = new Map((await t.db.select().from(b2bMeetings).where(eq(b2bMeetings.editionId, editionId))).map((m) => [m.requestId, m]));
    const old = new Map(meetings.map((m) => [m.requestId, m]));
    expect(after.get(mover!.requestId)).toMatchObject({ uid: old.get(mover!.requestId)!.uid, sequence: 1, status: "scheduled", startMinute: dropped.startMinute, tableNo: dropped.tableNo });
    expect(after.get(dropped.requestId)).toMatchObject({ uid: old.get(dropped.requestId)!.uid, sequence: 1, status: "cancelled" });
    // Everyone else untouched.
    const others = [...after.values()].filter((m) => m.requestId !== mover!.requestId && m.requestId !== dropped.requestId);
    expect(others.every((m) => m.sequence === old.get(m.requestId)?.sequence)).toBe(true);
    // Only the people of the two changed meetings are emailed, once each.
    const affected = new Set([mover!, dropped].flatMap((p) => [sme[req.get(p.requestId)!.sme]!, buyer[req.get(p.requestId)!.buyer]!]));
    const sent2 = await newSince(mailsBefore);
    expect(duplicates(sent2.map((m) => m.toAddress))).toEqual([]);
    expect(sent2.length).toBeLessThanOrEqual(affected.size);
    expect(c2.notified).toBe(sent2.length);
    const affectedBuyers = [...affected].filter((id) => buyer.includes(id)).map((id) => `runs-buyer${buyer.indexOf(id)}@example.com`);
    expect(sent2.map((m) => m.toAddress).filter((a) => a.startsWith("runs-buyer")).sort()).toEqual(affectedBuyers.sort());
    // The interpreter counters agree with the meetings (the trigger kept them).
    const use = await t.db.execute(sql`select coalesce(sum(used), 0)::int as n from b2b_interpreter_use where edition_id = ${editionId}`);
    const zh = [...after.values()].filter((m) => m.status === "scheduled" && m.interpreterLanguage === "zh").length;
    expect(Number((use as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(zh);
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "b2b.run_published"));
    expect(audit.filter((a) => a.editionId === editionId).length).toBe(2);
  });
});

describe("a run after a table was removed", () => {
  it("never places a meeting at a lounge table a repair closed, from the closed slot on", { timeout: 60_000 }, async () => {
    // Table 2 is taken out from 10:20 (the published meetings there are moved by the repair).
    await removeTableOrSlot(organiser(), { editionId, day: 1, start: "10:20", tableNo: 2 });
    const runId = await finishedRun();
    const ps = await placementsOf(runId);
    expect(ps.length).toBeGreaterThan(0);
    expect(ps.filter((p) => p.place === "table" && p.startMinute >= 620 && p.tableNo === 2)).toEqual([]);
    expectSound(ps);
    const { run } = await getRun(organiser(), { runId });
    const summary = run.summary as unknown as RunSummary;
    expect(summary.slots.map((s) => [s.start, s.tables])).toEqual([
      [600, 2],
      [620, 1],
      [640, 1],
    ]);
    // A move onto the closed table is refused in the draft.
    const mine = ps.find((p) => p.place === "table")!;
    expect(await refusal(movePlacement(organiser(), { runId, requestId: mine.requestId, day: 1, start: "10:40", table: 2 }))).toBe("b2b_no_such_table");
  });
});

describe("a runner that stops", () => {
  it("leaves a run that another runner takes over once its heartbeat is STALE_MS old, and its late result lands nowhere", { timeout: 60_000 }, async () => {
    const at = (ms: number) => fixedClock(new Date(clock().now().getTime() + ms).toISOString());
    const { run } = await startRun(organiser(), { editionId });
    // A runner claims the run and dies before doing anything.
    const dead = (await claimRun(t.db, at(0), "dead-runner"))!;
    expect(dead).toMatchObject({ id: run.id, status: "running", claimedBy: "dead-runner" });
    expect(dead.heartbeatAt).toEqual(at(0).now());
    // Alive as far as anyone can tell for STALE_MS: nobody takes it, a new run is still refused.
    expect(await runQueuedRuns(t.db, at(STALE_MS - 1_000), "live-runner")).toEqual([]);
    expect(await refusal(startRun(organiser(), { editionId }))).toBe("b2b_run_in_progress");
    // A heartbeat keeps it its claimer's; silent for longer than STALE_MS, another runner runs it.
    await heartbeat(t.db, at(STALE_MS - 1_000), dead);
    expect(await runQueuedRuns(t.db, at(2 * STALE_MS - 2_000), "live-runner")).toEqual([]);
    expect(await runQueuedRuns(t.db, at(2 * STALE_MS), "live-runner")).toEqual([run.id]);
    const [done] = await t.db.select().from(b2bRuns).where(eq(b2bRuns.id, run.id));
    expect(done).toMatchObject({ status: "done", claimedBy: "live-runner" });
    const placed = (await placementsOf(run.id)).length;
    expect(placed).toBeGreaterThan(0);
    // The first runner wakes up and finishes: none of its writes lands (the run is not its own).
    await heartbeat(t.db, at(3 * STALE_MS), dead, "write");
    await executeRun(t.db, at(3 * STALE_MS), dead);
    const [after] = await t.db.select().from(b2bRuns).where(eq(b2bRuns.id, run.id));
    expect(after).toMatchObject({ status: "done", claimedBy: "live-runner", progress: null, heartbeatAt: done!.heartbeatAt, finishedAt: done!.finishedAt });
    expect((await placementsOf(run.id)).length).toBe(placed);
    // And a new run may start.
    expect((await startRun(organiser(), { editionId })).run.status).toBe("queued");
    expect(await runQueuedRuns(t.db, at(3 * STALE_MS), "live-runner")).toHaveLength(1);
  });
});

describe("the run page's list", () => {
  it("reads the placements a page at a time, with their total and the names of those without a meeting", async () => {
    const runId = (await listRuns(organiser(), { editionId })).runs.find((r) => r.status === "done")!.id;
    const all = (await getRun(organiser(), { runId, placements: true })).placements!;
    const first = await getRun(organiser(), { runId, placements: true, page: 1 });
    expect(first.placementsTotal).toBe(all.length);
    expect(first.placements).toEqual(all.slice(0, PLACEMENTS_PAGE));
    expect((await getRun(organiser(), { runId, placements: true, page: 2 })).placements).toEqual(all.slice(PLACEMENTS_PAGE, 2 * PLACEMENTS_PAGE));
    expect(first.noMeetingNames!.length).toBe(Math.min(100, first.run.summary!.noMeeting.length));
    expect(first.noMeetingNames!.every((n) => !/^[0-9a-f-]{36}$/.test(n))).toBe(true);
  });
});
