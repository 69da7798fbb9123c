// Independent checker of a complete-mode schedule: it reads the input as
// given (not the solver's model) and lists every rule a schedule breaks, and
// recounts breaks and fairness. Used by the tests, the CLI and the benchmarks.
import type { CompleteInput } from "./problem";

export type BreakCount = { total: number; perParticipant: number[]; max: number; min: number };

/** Breaks: maximal idle runs between two meetings of a participant on one day. */
export function countBreaks(input: CompleteInput, slotOf: ArrayLike<number>): BreakCount {
  const busy: number[][] = Array.from({ length: input.participants }, () => []);
  for (let i = 0; i < input.meetings.length; i++) {
    const s = slotOf[i]!;
    if (s < 0) continue;
    busy[input.meetings[i]!.a]!.push(s);
    busy[input.meetings[i]!.b]!.push(s);
  }
  const day = (s: number) => input.dayOf?.[s] ?? 0;
  const per = busy.map((list) => {
    const sorted = [...new Set(list)].sort((x, y) => x - y);
    let g = 0;
    for (let k = 1; k < sorted.length; k++) if (day(sorted[k]!) === day(sorted[k - 1]!) && sorted[k]! > sorted[k - 1]! + 1) g++;
    return g;
  });
  const active = per.filter((_, p) => busy[p]!.length > 0);
  return {
    total: per.reduce((x, y) => x + y, 0),
    perParticipant: per,
    max: active.length ? Math.max(...active) : 0,
    min: active.length ? Math.min(...active) : 0,
  };
}

/** Every violated rule, as readable lines (1-based meeting and slot numbers); empty when the schedule is valid. */
export function checkSchedule(input: CompleteInput, slotOf: ArrayLike<number>, claim?: { allPlaced?: boolean; placed?: number; breaks?: number }): string[] {
  const out: string[] = [];
  const M = input.meetings.length;
  if (slotOf.length !== M) return [`schedule has ${slotOf.length} entries for ${M} meetings`];
  const seen = new Map<string, number>();
  const used = new Array<number>(input.slots).fill(0);
  let placed = 0;
  for (let i = 0; i < M; i++) {
    const m = input.meetings[i]!;
    const s = slotOf[i]!;
    if (s < 0) continue;
    placed++;
    if (!Number.isInteger(s) || s >= input.slots) { out.push(`meeting ${i + 1}: slot ${s + 1} does not exist`); continue; }
    if (m.allowed && !m.allowed.includes(s)) out.push(`meeting ${i + 1}: slot ${s + 1} outside its window`);
    if (m.pinned !== undefined && m.pinned !== s) out.push(`meeting ${i + 1}: pinned to slot ${m.pinned + 1}, placed in ${s + 1}`);
    for (const p of [m.a, m.b]) {
      if (input.forbidden?.[p]?.includes(s)) out.push(`meeting ${i + 1}: participant ${p + 1} cannot attend slot ${s + 1}`);
      const k = `${p}:${s}`;
      const other = seen.get(k);
      if (other !== undefined) out.push(`participant ${p + 1} has meetings ${other + 1} and ${i + 1} in slot ${s + 1}`);
      else seen.set(k, i);
    }
    used[s]!++;
  }
  for (let s = 0; s < input.slots; s++) {
    const cap = typeof input.tables === "number" ? input.tables : (input.tables[s] ?? 0);
    if (used[s]! > cap) out.push(`slot ${s + 1}: ${used[s]} meetings for ${cap} tables`);
  }
  input.meetings.forEach((m, i) => {
    for (const q of m.after ?? []) {
      const a = slotOf[q]!, b = slotOf[i]!;
      if (a >= 0 && b >= 0 && !(a < b)) out.push(`meeting ${q + 1} (slot ${a + 1}) must come before meeting ${i + 1} (slot ${b + 1})`);
    }
  });
  if (claim?.allPlaced && placed !== M) out.push(`reported all placed, but ${M - placed} meetings have no slot`);
  if (claim?.placed !== undefined && claim.placed !== placed) out.push(`reported ${claim.placed} placed, counted ${placed}`);
  if (claim?.breaks !== undefined) {
    const b = countBreaks(input, slotOf).total;
    if (b !== claim.breaks) out.push(`reported ${claim.breaks} breaks, counted ${b}`);
  }
  return out;
}
