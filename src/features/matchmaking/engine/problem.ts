// Compiles a validated ScheduleInput into dense integer arrays. Every engine
// module works on indices, never on string ids, so the hot loops touch only
// typed arrays. Slots are re-ordered by (day, start): "before" and "adjacent"
// are defined on that order.
import type { ScheduleInput } from "./schema";

export type ReferenceIssue = { path: (string | number)[]; message: string };

export type Problem = {
  input: ScheduleInput;
  S: number; // slots
  P: number; // participants
  R: number; // requests
  D: number; // distinct days
  L: number; // interpreter languages
  slotIds: string[]; // by ordinal
  slotDay: Int32Array; // day index 0..D-1
  /** slotPrevSameDay[s] = 1 when s-1 is on the same day (slots are consecutive in a day). */
  slotFirstOfDay: Uint8Array;
  tables: Int32Array; // per slot
  interp: Int32Array; // L*S
  avail: Uint8Array; // P*S
  dayCap: Int32Array; // P*D
  stall: Uint8Array; // per participant
  ra: Int32Array;
  rb: Int32Array;
  weight: Float64Array;
  needsTable: Uint8Array;
  lang: Int32Array; // -1 if none
  pin: Int32Array; // slot ordinal or -1
  forbidden: Map<number, Uint8Array>; // request -> S flags
  preds: number[][]; // requests that must be strictly earlier
  succs: number[][];
  fixedSlot: Int32Array; // -1 if not fixed
  fixedTable: Int32Array; // 0 = stall, k>0 table number, -1 not fixed / unspecified
  slotIndex: Map<string, number>;
  partIndex: Map<string, number>;
  reqIndex: Map<string, number>;
  langNames: string[];
};

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/** Cross-references zod cannot see: unknown or duplicate ids, self-meetings. */
export function checkReferences(input: ScheduleInput): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const dup = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) issues.push({ path: [name, i, "id"], message: `duplicate id "${x.id}"` });
      seen.add(x.id);
    });
    return seen;
  };
  const slots = dup(input.slots, "slots");
  const parts = dup(input.participants, "participants");
  const reqs = dup(input.requests, "requests");
  const slotRef = (path: (string | number)[], s: string | undefined) => {
    if (s !== undefined && !slots.has(s)) issues.push({ path, message: `unknown slot "${s}"` });
  };
  input.participants.forEach((p, i) => p.availability?.forEach((s, j) => slotRef(["participants", i, "availability", j], s)));
  input.requests.forEach((r, i) => {
    if (!parts.has(r.a)) issues.push({ path: ["requests", i, "a"], message: `unknown participant "${r.a}"` });
    if (!parts.has(r.b)) issues.push({ path: ["requests", i, "b"], message: `unknown participant "${r.b}"` });
    if (r.a === r.b) issues.push({ path: ["requests", i, "b"], message: "a participant cannot meet itself" });
    slotRef(["requests", i, "pinnedSlot"], r.pinnedSlot);
    r.forbiddenSlots?.forEach((s, j) => slotRef(["requests", i, "forbiddenSlots", j], s));
    r.after?.forEach((x, j) => {
      if (!reqs.has(x)) issues.push({ path: ["requests", i, "after", j], message: `unknown request "${x}"` });
    });
  });
  const fixedSeen = new Set<string>();
  input.fixed.forEach((f, i) => {
    if (!reqs.has(f.request)) issues.push({ path: ["fixed", i, "request"], message: `unknown request "${f.request}"` });
    if (fixedSeen.has(f.request)) issues.push({ path: ["fixed", i, "request"], message: "request fixed twice" });
    fixedSeen.add(f.request);
    slotRef(["fixed", i, "slot"], f.slot);
  });
  return issues;
}

export class InputError extends Error {
  constructor(readonly issues: ReferenceIssue[]) {
    super(issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("\n"));
    this.name = "InputError";
  }
}

export function compile(input: ScheduleInput): Problem {
  const issues = checkReferences(input);
  if (issues.length > 0) throw new InputError(issues);
  const order = input.slots
    .map((s, i) => ({ i, day: s.day, t: toMinutes(s.start) }))
    .sort((x, y) => x.day - y.day || x.t - y.t || x.i - y.i);
  const S = order.length;
  const slotIds = order.map((o) => input.slots[o.i]!.id);
  const slotIndex = new Map(slotIds.map((s, k) => [s, k]));
  const days = [...new Set(order.map((o) => o.day))];
  const dayIdx = new Map(days.map((d, k) => [d, k]));
  const D = days.length;
  const slotDay = new Int32Array(S);
  const slotFirstOfDay = new Uint8Array(S);
  const tables = new Int32Array(S);
  order.forEach((o, k) => {
    slotDay[k] = dayIdx.get(o.day)!;
    slotFirstOfDay[k] = k === 0 || order[k - 1]!.day !== o.day ? 1 : 0;
    tables[k] = input.slots[o.i]!.tables;
  });
  const langNames = [
    ...new Set([
      ...input.requests.flatMap((r) => (r.interpreter ? [r.interpreter] : [])),
      ...input.slots.flatMap((s) => Object.keys(s.interpreters ?? {})),
    ]),
  ].sort();
  const langIdx = new Map(langNames.map((l, k) => [l, k]));
  const L = langNames.length;
  const interp = new Int32Array(L * S);
  order.forEach((o, k) => {
    for (const [l, n] of Object.entries(input.slots[o.i]!.interpreters ?? {})) interp[langIdx.get(l)! * S + k] = n;
  });

  const P = input.participants.length;
  const partIndex = new Map(input.participants.map((p, k) => [p.id, k]));
  const avail = new Uint8Array(P * S);
  const dayCap = new Int32Array(P * D);
  const stall = new Uint8Array(P);
  input.participants.forEach((p, k) => {
    if (p.availability === undefined) avail.fill(1, k * S, (k + 1) * S);
    else for (const s of p.availability) avail[k * S + slotIndex.get(s)!] = 1;
    for (let d = 0; d < D; d++) {
      const cap = p.dayCap;
      const v = cap === undefined ? S : typeof cap === "number" ? cap : (cap[String(days[d])] ?? S);
      dayCap[k * D + d] = v;
    }
    stall[k] = p.side === "sme" && p.hostsAtStall ? 1 : 0;
  });

  const R = input.requests.length;
  const reqIndex = new Map(input.requests.map((r, k) => [r.id, k]));
  const ra = new Int32Array(R);
  const rb = new Int32Array(R);
  const weight = new Float64Array(R);
  const needsTable = new Uint8Array(R);
  const lang = new Int32Array(R).fill(-1);
  const pin = new Int32Array(R).fill(-1);
  const forbidden = new Map<number, Uint8Array>();
  const preds: number[][] = Array.from({ length: R }, () => []);
  const succs: number[][] = Array.from({ length: R }, () => []);
  input.requests.forEach((r, k) => {
    const a = partIndex.get(r.a)!;
    const b = partIndex.get(r.b)!;
    ra[k] = a;
    rb[k] = b;
    weight[k] = r.weight;
    needsTable[k] = stall[a] || stall[b] ? 0 : 1;
    if (r.interpreter) lang[k] = langIdx.get(r.interpreter)!;
    if (r.pinnedSlot !== undefined) pin[k] = slotIndex.get(r.pinnedSlot)!;
    if (r.forbiddenSlots && r.forbiddenSlots.length > 0) {
      const f = new Uint8Array(S);
      for (const s of r.forbiddenSlots) f[slotIndex.get(s)!] = 1;
      forbidden.set(k, f);
    }
    for (const x of r.after ?? []) {
      const j = reqIndex.get(x)!;
      if (j === k) continue;
      preds[k]!.push(j);
      succs[j]!.push(k);
    }
  });
  const fixedSlot = new Int32Array(R).fill(-1);
  const fixedTable = new Int32Array(R).fill(-1);
  for (const f of input.fixed) {
    const k = reqIndex.get(f.request)!;
    fixedSlot[k] = slotIndex.get(f.slot)!;
    fixedTable[k] = f.table === "stall" ? 0 : f.table;
  }
  return {
    input, S, P, R, D, L, slotIds, slotDay, slotFirstOfDay, tables, interp, avail, dayCap, stall,
    ra, rb, weight, needsTable, lang, pin, forbidden, preds, succs, fixedSlot, fixedTable,
    slotIndex, partIndex, reqIndex, langNames,
  };
}

/** Slot allowed for the request regardless of what else is scheduled. */
export function staticOk(pr: Problem, r: number, s: number): boolean {
  const S = pr.S;
  if (pr.avail[pr.ra[r]! * S + s] === 0 || pr.avail[pr.rb[r]! * S + s] === 0) return false;
  const p = pr.pin[r]!;
  if (p >= 0 && p !== s) return false;
  const f = pr.forbidden.get(r);
  if (f !== undefined && f[s] === 1) return false;
  if (pr.needsTable[r] === 1 && pr.tables[s] === 0) return false;
  const l = pr.lang[r]!;
  if (l >= 0 && pr.interp[l * S + s] === 0) return false;
  return true;
}
