// Repair: apply one change to a published schedule and produce the new one.
// Meetings in slots before `frozenBefore` (past, or inside the notification
// horizon) never move; others keep their slot unless the change makes it
// impossible. Displaced meetings are re-placed with as few moves as possible
// (direct re-placement first, then one-step ejection that moves at most the
// meetings in the way), and freed capacity is offered to waiting requests that
// can use it without moving anything.
import { allowed, bestSlot, makeContext } from "./greedy";
import { tryInsert } from "./improve";
import { compile } from "./problem";
import { buildOutput } from "./result";
import { mulberry32 } from "./rng";
import { State } from "./state";
import type { MeetingRequest, ScheduleInput, ScheduleOutput } from "./schema";

export type Change =
  | { kind: "cancel"; request: string }
  | { kind: "leave"; participant: string; fromSlot: string }
  | { kind: "add"; request: MeetingRequest }
  | { kind: "withdrawTable"; fromSlot: string; count?: number };

export type RepairOptions = {
  /** First slot that may still change; earlier slots are frozen. Omitted: nothing frozen. */
  frozenBefore?: string;
  seed?: number;
};

export type Move = { request: string; from: string; to: string };
export type RepairResult = {
  input: ScheduleInput;
  output: ScheduleOutput;
  moved: Move[];
  /** Meetings that had to be dropped (no place left for them). */
  dropped: string[];
  /** Requests newly scheduled into freed capacity (or the added request). */
  added: string[];
};

function slotOrder(input: ScheduleInput): Map<string, number> {
  const sorted = [...input.slots].sort((x, y) => x.day - y.day || x.start.localeCompare(y.start));
  return new Map(sorted.map((s, k) => [s.id, k]));
}

/** The input after the change (a pure function; the original is not modified). */
export function applyChange(input: ScheduleInput, change: Change): ScheduleInput {
  switch (change.kind) {
    case "cancel":
      return {
        ...input,
        requests: input.requests
          .filter((r) => r.id !== change.request)
          .map((r) => (r.after?.includes(change.request) ? { ...r, after: r.after.filter((x) => x !== change.request) } : r)),
        fixed: input.fixed.filter((f) => f.request !== change.request),
      };
    case "leave": {
      const order = slotOrder(input);
      const from = order.get(change.fromSlot) ?? Infinity;
      return {
        ...input,
        participants: input.participants.map((p) =>
          p.id !== change.participant
            ? p
            : { ...p, availability: (p.availability ?? input.slots.map((s) => s.id)).filter((s) => (order.get(s) ?? 0) < from) },
        ),
      };
    }
    case "add":
      return { ...input, requests: [...input.requests, change.request] };
    case "withdrawTable": {
      const order = slotOrder(input);
      const from = order.get(change.fromSlot) ?? Infinity;
      const n = change.count ?? 1;
      return { ...input, slots: input.slots.map((s) => ((order.get(s.id) ?? 0) >= from ? { ...s, tables: Math.max(0, s.tables - n) } : s)) };
    }
  }
}

export function repair(input: ScheduleInput, previous: ScheduleOutput, change: Change, options: RepairOptions = {}): RepairResult {
  const next = applyChange(input, change);
  const pr = compile(next);
  const minSlot = options.frozenBefore === undefined ? 0 : (pr.slotIndex.get(options.frozenBefore) ?? 0);
  const ctx = makeContext(pr, mulberry32(options.seed ?? previous.seed), { lazy: true, minSlot });
  const st = new State(pr);
  const prevSlot = new Int32Array(pr.R).fill(-1);
  const prefer = new Map<number, number>();
  const displaced: number[] = [];
  // Fixed input meetings and frozen ones go in first, as they are, whatever the change.
  const later: { r: number; s: number }[] = [];
  for (const m of previous.meetings) {
    const r = pr.reqIndex.get(m.request);
    const s = pr.slotIndex.get(m.slot);
    if (r === undefined || s === undefined) continue; // cancelled
    prevSlot[r] = s;
    if (typeof m.table === "number") prefer.set(r, m.table);
    if (s < minSlot || pr.fixedSlot[r]! >= 0) {
      st.usesTable[r] = m.table === "stall" ? 0 : 1;
      st.place(r, s);
      st.locked[r] = 1;
    } else later.push({ r, s });
  }
  for (const { r, s } of later) {
    if (st.canPlace(r, s)) st.place(r, s);
    else displaced.push(r);
  }
  const freedParts = new Set<number>();
  const cancelled = change.kind === "cancel" ? input.requests.find((r) => r.id === change.request) : undefined;
  if (cancelled) for (const id of [cancelled.a, cancelled.b]) { const p = pr.partIndex.get(id); if (p !== undefined) freedParts.add(p); }
  const dropped: number[] = [];
  displaced.sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
  for (const r of displaced) {
    freedParts.add(pr.ra[r]!);
    freedParts.add(pr.rb[r]!);
    const s = bestSlot(ctx, st, r);
    if (s >= 0) st.place(r, s);
    else if (!tryInsert(ctx, st, r, { eject: false, protectCoverage: true })) dropped.push(r);
  }
  const added: number[] = [];
  if (change.kind === "add") {
    const r = pr.reqIndex.get(change.request.id)!;
    const s = bestSlot(ctx, st, r);
    if (s >= 0) st.place(r, s);
    else tryInsert(ctx, st, r, { eject: false, protectCoverage: true });
    if (st.slotOf[r]! >= 0) added.push(r);
  }
  // Freed capacity: waiting requests of the people who got time back, then any
  // waiting table meeting if a table came free. Direct placements only: no moves.
  const candidates = new Set<number>();
  for (const p of freedParts) for (const r of ctx.reqsOf[p]!) if (st.slotOf[r]! < 0) candidates.add(r);
  if (cancelled && change.kind === "cancel") {
    const cs = previous.meetings.find((m) => m.request === cancelled.id);
    if (cs && typeof cs.table === "number") for (let r = 0; r < pr.R; r++) if (st.slotOf[r]! < 0 && pr.needsTable[r]) candidates.add(r);
  }
  const pool = [...candidates].filter((r) => !dropped.includes(r) && prevSlot[r]! < 0 || !dropped.includes(r) && st.slotOf[r]! < 0);
  pool.sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
  for (const r of pool) {
    if (st.slotOf[r]! >= 0 || dropped.includes(r) || allowed(ctx, r).length === 0) continue;
    const s = bestSlot(ctx, st, r);
    if (s >= 0) { st.place(r, s); added.push(r); }
  }
  const output = buildOutput(ctx, st, previous.seed, prefer);
  const moved: Move[] = [];
  for (let r = 0; r < pr.R; r++) {
    const a = prevSlot[r]!;
    const b = st.slotOf[r]!;
    if (a >= 0 && b >= 0 && a !== b) moved.push({ request: pr.input.requests[r]!.id, from: pr.slotIds[a]!, to: pr.slotIds[b]! });
  }
  const ids = (xs: number[]) => xs.map((r) => pr.input.requests[r]!.id);
  return { input: next, output, moved, dropped: ids(dropped.filter((r) => st.slotOf[r]! < 0)), added: ids(added.filter((r) => prevSlot[r]! < 0)) };
}
