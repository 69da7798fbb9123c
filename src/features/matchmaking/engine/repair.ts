// Repair: apply one change to a published schedule and produce the new one.
// Meetings in slots before `frozenBefore` (past, or inside the notification
// horizon) never move; others keep their slot unless the change makes it
// impossible. Displaced meetings are re-placed with as few moves as possible
// (direct re-placement first, then one-step ejection that moves at most the
// meetings in the way), and freed capacity is offered to waiting requests that
// can use it without moving anything.
import { allowed, bestSlot, makeContext, type Context } from "./greedy";
import { tryInsert } from "./improve";
import { compile, type Problem } from "./problem";
import { assignTables, buildOutput } from "./result";
import { seededRandom } from "../../../platform/random";
import { State } from "./state";
import type { MeetingRequest, Placement, ScheduleInput, ScheduleOutput } from "./schema";

export type Change =
  | { kind: "cancel"; request: string }
  | { kind: "leave"; participant: string; fromSlot: string }
  | { kind: "add"; request: MeetingRequest }
  | { kind: "withdrawTable"; fromSlot: string; count?: number };

export type RepairOptions = {
  /** First slot that may still change; earlier slots are frozen. Omitted: nothing frozen. */
  frozenBefore?: string;
  seed?: number;
  /**
   * Freed time may also be filled by moving meetings out of a waiting request's
   * way (one ejection step per request), up to this many moves in total. 0 (the
   * default) fills only what fits without moving anybody.
   */
  fillMoves?: number;
};

type ApplyOptions = { frozenBefore?: string; fillMoves?: number };

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
        // Fixed meetings of someone who has left cannot take place any more.
        fixed: input.fixed.filter((f) => {
          const r = input.requests.find((q) => q.id === f.request);
          return !(r && (r.a === change.participant || r.b === change.participant) && (order.get(f.slot) ?? 0) >= from);
        }),
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

/** Meetings placed by the previous schedule, rebuilt into a working state. */
function restore(pr: Problem, previous: ScheduleOutput): { st: State; prefer: Map<number, number>; bad: number[] } {
  const st = new State(pr);
  const prefer = new Map<number, number>();
  const bad: number[] = [];
  for (const m of previous.meetings) {
    const r = pr.reqIndex.get(m.request);
    const s = pr.slotIndex.get(m.slot);
    if (r === undefined || s === undefined) continue;
    if (typeof m.table === "number") prefer.set(r, m.table);
    st.usesTable[r] = m.table === "stall" ? 0 : 1;
    if (pr.fixedSlot[r]! >= 0) st.locked[r] = 1;
    if (st.locked[r] || st.canPlace(r, s)) st.place(r, s);
    else bad.push(r);
  }
  return { st, prefer, bad };
}

/**
 * A schedule kept in memory between changes (the server keeps one per event in
 * its scheduler worker), so a repair costs only the work the change causes.
 * repair() below is the same thing for a one-off call.
 */
export class RepairSession {
  private input: ScheduleInput;
  private pr: Problem;
  private ctx: Context;
  private st: State;
  private prefer: Map<number, number>;
  private readonly seed: number;

  constructor(input: ScheduleInput, previous: ScheduleOutput, seed = previous.seed) {
    this.seed = seed;
    this.input = input;
    this.pr = compile(input);
    this.ctx = makeContext(this.pr, seededRandom(seed), { lazy: true });
    const { st, prefer } = restore(this.pr, previous);
    this.st = st;
    this.prefer = prefer;
  }

  currentInput(): ScheduleInput {
    return this.input;
  }

  output(): ScheduleOutput {
    return buildOutput(this.ctx, this.st, this.seed, this.prefer, this.cancelled);
  }

  apply(change: Change, options: ApplyOptions = {}): RepairSummary {
    const { pr } = this;
    if (change.kind === "add") {
      // Arrays are sized to the request list: rebuild once, then place the newcomer.
      const out = this.output();
      this.input = applyChange(this.input, change);
      this.cancelled = undefined; // the rebuilt problem no longer holds cancelled requests
      this.pr = compile(this.input);
      this.ctx = makeContext(this.pr, seededRandom(this.seed), { lazy: true });
      const { st, prefer } = restore(this.pr, out);
      this.st = st;
      this.prefer = prefer;
      return this.settle([], [this.pr.reqIndex.get(change.request.id)!], new Set(), false, options);
    }
    if (change.kind === "withdrawTable" && options.frozenBefore !== undefined) {
      // Meetings already notified keep their table: the withdrawal counts from the horizon on.
      const f = pr.slotIndex.get(options.frozenBefore) ?? 0;
      if ((pr.slotIndex.get(change.fromSlot) ?? 0) < f) change = { ...change, fromSlot: options.frozenBefore };
    }
    this.input = applyChange(this.input, change);
    this.freeze(options);
    const st = this.st;
    const S = pr.S;
    const from = (slot: string) => pr.slotIndex.get(slot) ?? S;
    const displaced: number[] = [];
    const freed = new Set<number>();
    let tableFreed = false;
    if (change.kind === "cancel") {
      const r = pr.reqIndex.get(change.request);
      if (r === undefined) return { moved: [], dropped: [], added: [] };
      // The request is gone: it can never be placed again.
      this.ctx.slots[r] = new Int32Array(0);
      pr.fixedSlot[r] = -1;
      st.locked[r] = 0;
      if (st.slotOf[r]! >= 0) {
        tableFreed = st.usesTable[r] === 1;
        st.remove(r);
        freed.add(pr.ra[r]!);
        freed.add(pr.rb[r]!);
      }
      (this.cancelled ??= new Set()).add(r);
    } else if (change.kind === "leave") {
      const p = pr.partIndex.get(change.participant);
      if (p === undefined) return { moved: [], dropped: [], added: [] };
      for (let s = from(change.fromSlot); s < S; s++) {
        pr.avail[p * S + s] = 0;
        const m = st.occ[p * S + s]!;
        if (m >= 0) {
          st.remove(m);
          pr.fixedSlot[m] = -1;
          displaced.push(m);
        }
      }
      for (const r of this.ctx.reqsOf[p]!) if (!this.cancelled?.has(r)) this.ctx.slots[r] = undefined;
    } else {
      const n = change.count ?? 1;
      for (let s = from(change.fromSlot); s < S; s++) {
        pr.tables[s] = Math.max(0, pr.tables[s]! - n);
        // Too many table meetings now: the lightest ones have to find another slot.
        const over = st.tableUsed[s]! - pr.tables[s]!;
        if (over > 0) {
          const list = st.bySlot[s]!.filter((r) => st.usesTable[r] === 1 && !st.locked[r]).sort((x, y) => pr.weight[x]! - pr.weight[y]! || x - y);
          for (const r of list.slice(0, over)) { st.remove(r); displaced.push(r); }
        }
      }
      this.ctx.slots.fill(undefined);
      for (const r of this.cancelled ?? []) this.ctx.slots[r] = new Int32Array(0);
    }
    for (const r of displaced) { freed.add(pr.ra[r]!); freed.add(pr.rb[r]!); }
    return this.settle(displaced, [], freed, tableFreed, options);
  }

  /**
   * Where a new request could go now without moving anybody (a walk-up meeting agreed on the
   * spot): every slot from `frozenBefore` on where both are free and under their day caps, and a
   * table (or the SME's stall) and an interpreter are free, in time order; the table offered is
   * the lowest number no meeting of the slot keeps. The session itself is left as it was.
   */
  freeSlots(request: MeetingRequest, options: { frozenBefore?: string } = {}): Placement[] {
    const input = applyChange(this.input, { kind: "add", request });
    const pr = compile(input);
    const ctx = makeContext(pr, seededRandom(this.seed), { lazy: true });
    const { st, prefer } = restore(pr, this.output());
    const r = pr.reqIndex.get(request.id)!;
    const from = options.frozenBefore === undefined ? 0 : (pr.slotIndex.get(options.frozenBefore) ?? pr.S);
    const table = assignTables(st, prefer);
    const out: Placement[] = [];
    for (const s of allowed(ctx, r)) {
      if (s < from || !st.canPlace(r, s)) continue;
      if (st.usesTable[r] === 0) {
        out.push({ request: request.id, slot: pr.slotIds[s]!, table: "stall" });
        continue;
      }
      const taken = new Set(st.bySlot[s]!.filter((q) => st.usesTable[q] === 1).map((q) => table[q]!));
      let k = 1;
      while (taken.has(k)) k++;
      out.push({ request: request.id, slot: pr.slotIds[s]!, table: k });
    }
    return out;
  }

  private cancelled: Set<number> | undefined;

  /** Lock the frozen part (past + horizon) and fixed input meetings; close frozen slots to moves. */
  private freeze(options: { frozenBefore?: string }): void {
    const { pr, ctx, st } = this;
    const minSlot = options.frozenBefore === undefined ? 0 : (pr.slotIndex.get(options.frozenBefore) ?? 0);
    ctx.minSlot = minSlot;
    for (let r = 0; r < pr.R; r++) st.locked[r] = pr.fixedSlot[r]! >= 0 || (st.slotOf[r]! >= 0 && st.slotOf[r]! < minSlot) ? 1 : 0;
  }

  /** Re-place displaced meetings, place new ones, then fill freed capacity; report the differences. */
  private settle(displaced: number[], fresh: number[], freed: Set<number>, tableFreed: boolean, options: ApplyOptions): RepairSummary {
    const { pr, ctx, st } = this;
    this.freeze(options);
    const before = Int32Array.from(st.slotOf);
    for (const r of displaced) before[r] = -2; // remember they were scheduled
    displaced.sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
    for (const r of [...displaced, ...fresh]) {
      const s = bestSlot(ctx, st, r);
      if (s >= 0) st.place(r, s);
      else tryInsert(ctx, st, r, { eject: false, protectCoverage: true });
    }
    // Freed capacity goes to waiting requests that fit without moving anyone.
    const pool = new Set<number>();
    for (const p of freed) for (const r of ctx.reqsOf[p]!) if (st.slotOf[r]! < 0 && before[r] === -1) pool.add(r);
    if (tableFreed) for (let r = 0; r < pr.R; r++) if (pr.needsTable[r] && st.slotOf[r]! < 0 && before[r] === -1) pool.add(r);
    const order = [...pool].sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
    for (const r of order) {
      if (allowed(ctx, r).length === 0) continue;
      const s = bestSlot(ctx, st, r);
      if (s >= 0) st.place(r, s);
    }
    // Optionally, waiting requests of the people who got time back may move others.
    let budget = options.fillMoves ?? 0;
    if (budget > 0) {
      for (const r of order) {
        if (budget <= 0) break;
        if (st.slotOf[r]! >= 0 || !(freed.has(pr.ra[r]!) || freed.has(pr.rb[r]!)) || allowed(ctx, r).length === 0) continue;
        const snapshot = st.slotOf.slice();
        if (tryInsert(ctx, st, r, { eject: false, protectCoverage: true })) {
          let moves = 0;
          for (let q = 0; q < pr.R; q++) if (q !== r && snapshot[q]! >= 0 && st.slotOf[q] !== snapshot[q]) moves++;
          budget -= moves;
        }
      }
    }
    const id = (r: number) => pr.input.requests[r]!.id;
    const moved: Move[] = [];
    const dropped: string[] = [];
    const added: string[] = [];
    for (let r = 0; r < pr.R; r++) {
      const a = before[r]!;
      const b = st.slotOf[r]!;
      if (a === -2 && b < 0) dropped.push(id(r));
      else if (a === -1 && b >= 0) added.push(id(r));
      else if (a >= 0 && b < 0) dropped.push(id(r));
      else if (a !== b && b >= 0) moved.push({ request: id(r), from: a >= 0 ? pr.slotIds[a]! : "(displaced)", to: pr.slotIds[b]! });
    }
    return { moved, dropped, added };
  }
}

export type RepairSummary = { moved: Move[]; dropped: string[]; added: string[] };

/** One-off repair: the previous schedule, one change, the new schedule and what moved. */
export function repair(input: ScheduleInput, previous: ScheduleOutput, change: Change, options: RepairOptions = {}): RepairResult {
  const session = new RepairSession(input, previous, options.seed ?? previous.seed);
  const summary = session.apply(change, options);
  return { input: session.currentInput(), output: session.output(), ...summary };
}
