// Reader for the real brokerage instances (MiniZinc .dzn, see
// ../shared/bench/b2b-brokerage/README.md) and their translation into the
// scheduler's input format: one day of consecutive slots, nTables pooled
// tables per slot, nobody hosting at a stall, the morning/afternoon window and
// participants' forbidden slots as forbidden slots/availability, `fixed` as
// pinned slots and `precedences` as "after".
import type { ScheduleInputRaw } from "../../src/features/matchmaking/engine/schema";

export type Dzn = {
  nBusiness: number;
  nMeetings: number;
  nTables: number;
  nTotalSlots: number;
  nMorningSlots: number;
  requested: [number, number, number][];
  forbidden: number[][];
  fixed: number[];
  precedences: number[][];
};

function field(text: string, name: string): string {
  const m = new RegExp(`(?:^|\\n)\\s*${name}\\s*=\\s*([\\s\\S]*?);`).exec(text);
  if (!m) throw new Error(`dzn: missing field ${name}`);
  return m[1]!;
}

const nums = (s: string) => (s.match(/-?\d+/g) ?? []).map(Number);
const sets = (s: string) => (s.match(/\{[^}]*\}/g) ?? []).map(nums);

export function parseDzn(text: string): Dzn {
  const n = (k: string) => Number(field(text, k).trim());
  const req = nums(field(text, "requested"));
  const requested: [number, number, number][] = [];
  for (let i = 0; i + 2 < req.length; i += 3) requested.push([req[i]!, req[i + 1]!, req[i + 2]!]);
  const d: Dzn = {
    nBusiness: n("nBusiness"),
    nMeetings: n("nMeetings"),
    nTables: n("nTables"),
    nTotalSlots: n("nTotalSlots"),
    nMorningSlots: n("nMorningSlots"),
    requested,
    forbidden: sets(field(text, "forbidden")).map((s) => s.filter((x) => x !== 0)),
    fixed: nums(field(text, "fixed")),
    precedences: sets(field(text, "precedences")),
  };
  if (d.requested.length !== d.nMeetings) throw new Error(`dzn: ${d.requested.length} meetings, expected ${d.nMeetings}`);
  return d;
}

export function dznToInput(d: Dzn, opts: { reversePrecedences?: boolean } = {}): ScheduleInputRaw {
  // precedences[m] lists meetings that must come before m (README). reversePrecedences
  // reads it the other way round, to check the data against the README.
  const before: number[][] = d.precedences.map(() => []);
  d.precedences.forEach((set, m) => set.forEach((q) => {
    if (opts.reversePrecedences) before[q - 1]?.push(m + 1);
    else before[m]!.push(q);
  }));
  const sid = (k: number) => `s${k}`; // k is 1-based
  const slots = Array.from({ length: d.nTotalSlots }, (_, i) => {
    const m = 9 * 60 + i * 20;
    return { id: sid(i + 1), day: 1, start: `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`, length: 20, tables: d.nTables };
  });
  const all = Array.from({ length: d.nTotalSlots }, (_, i) => i + 1);
  const participants = Array.from({ length: d.nBusiness }, (_, i) => {
    const forb = new Set(d.forbidden[i] ?? []);
    return {
      id: `b${i + 1}`,
      side: "sme" as const,
      ...(forb.size > 0 ? { availability: all.filter((k) => !forb.has(k)).map(sid) } : {}),
      languages: [],
      hostsAtStall: false,
    };
  });
  const requests = d.requested.map(([a, b, when], i) => {
    const outside = all.filter((k) => (when === 1 ? k > d.nMorningSlots : when === 2 ? k <= d.nMorningSlots : false));
    const fix = d.fixed[i] ?? 0;
    const prec = before[i] ?? [];
    return {
      id: `m${i + 1}`,
      a: `b${a}`,
      b: `b${b}`,
      weight: 1,
      ...(outside.length > 0 ? { forbiddenSlots: outside.map(sid) } : {}),
      ...(fix > 0 ? { pinnedSlot: sid(fix) } : {}),
      ...(prec.length > 0 ? { after: prec.map((m) => `m${m}`) } : {}),
    };
  });
  return { version: 1, slots, participants, requests, fixed: [] };
}
