// Counting certificates that not every meeting can be placed. Each one is a
// short argument an organiser can check by hand:
//  - a meeting with no slot left (window, forbidden slots, pin);
//  - a participant whose meetings that must fall in a slot set T are more
//    than |T| (one meeting per slot): T is the domain of one of its meetings
//    or the union of all of them;
//  - a slot set T whose meetings that must fall in it are more than the
//    tables of T;
//  - a precedence whose first meeting's earliest slot is not before the
//    second meeting's latest slot.
import { domains, meetingsOf, tablesAt, type CompleteInput } from "./problem";

const subset = (a: number[], b: Set<number>) => a.every((s) => b.has(s));
const label = (t: number[]) => (t.length === 0 ? "no slot" : `slots ${t.map((s) => s + 1).join(",")}`);

export function certificates(input: CompleteInput): string[] {
  return counting(input).lines;
}

/**
 * The certificates, and the most meetings they allow: each participant's
 * argument alone shows that `excess` of its meetings cannot take place, a
 * meeting with no slot cannot either; the largest of these is a valid bound
 * (the arguments are not added up, as they may concern the same meetings).
 */
export function counting(input: CompleteInput): { lines: string[]; placedAtMost: number } {
  const dom = domains(input);
  const out: string[] = [];
  let excess = 0;
  const empty = dom.filter((d) => d.length === 0).length;
  dom.forEach((d, i) => { if (d.length === 0) out.push(`meeting ${i + 1} has no possible slot (window, forbidden slots or pin)`); });
  const mine = meetingsOf(input);
  for (let p = 0; p < input.participants; p++) {
    const ms = mine[p]!;
    const sets = new Map<string, number[]>();
    const union = [...new Set(ms.flatMap((m) => dom[m]!))].sort((x, y) => x - y);
    for (const t of [union, ...ms.map((m) => dom[m]!)]) sets.set(t.join(","), t);
    for (const t of sets.values()) {
      const ts = new Set(t);
      const inside = ms.filter((m) => subset(dom[m]!, ts));
      if (inside.length > t.length) excess = Math.max(excess, inside.length - t.length);
      if (inside.length > t.length) out.push(`participant ${p + 1}: ${inside.length} meetings (${inside.map((m) => m + 1).join(",")}) must fit in ${label(t)}: ${t.length} slot(s)`);
    }
  }
  const slotSets = new Map<string, number[]>();
  for (const d of dom) slotSets.set(d.join(","), d);
  for (const t of slotSets.values()) {
    const ts = new Set(t);
    const inside = dom.filter((d) => subset(d, ts)).length;
    const cap = t.reduce((x, s) => x + tablesAt(input, s), 0);
    if (inside > cap) excess = Math.max(excess, inside - cap);
    if (inside > cap) out.push(`${inside} meetings must fit in ${label(t)}, which have ${cap} tables`);
  }
  input.meetings.forEach((m, i) => {
    for (const q of m.after ?? []) {
      const dq = dom[q]!, dm = dom[i]!;
      if (dq.length && dm.length && !(Math.min(...dq) < Math.max(...dm))) excess = Math.max(excess, 1);
      if (dq.length && dm.length && !(Math.min(...dq) < Math.max(...dm))) out.push(`meeting ${q + 1} (earliest slot ${Math.min(...dq) + 1}) cannot come before meeting ${i + 1} (latest slot ${Math.max(...dm) + 1})`);
    }
  });
  return { lines: out, placedAtMost: input.meetings.length - Math.max(excess, empty) };
}
