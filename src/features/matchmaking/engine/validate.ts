// Independent checker of every hard constraint of a schedule. It reads the raw
// input with string ids and shares no code with the scheduler (not even the
// compiled Problem), so a bug in the engine's bookkeeping cannot hide itself.
import type { ScheduleInput, Placement } from "./schema";

export type ValidationOptions = {
  /** Also require every fixed meeting to appear unchanged (default true). */
  checkFixed?: boolean;
};

export function validateSchedule(
  input: ScheduleInput,
  output: { meetings: Placement[]; unscheduled?: { request: string }[] },
  options: ValidationOptions = {},
): string[] {
  const errors: string[] = [];
  const slots = new Map(input.slots.map((s) => [s.id, s]));
  const parts = new Map(input.participants.map((p) => [p.id, p]));
  const reqs = new Map(input.requests.map((r) => [r.id, r]));
  const time = (id: string) => {
    const s = slots.get(id)!;
    return s.day * 10_000 + Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3));
  };
  const where = new Map<string, Placement>();
  const perPartSlot = new Set<string>();
  const perPartDay = new Map<string, number>();
  const tablesBySlot = new Map<string, Set<number>>();
  const interpBySlot = new Map<string, number>();

  for (const m of output.meetings) {
    const r = reqs.get(m.request);
    const s = slots.get(m.slot);
    if (!r) { errors.push(`meeting for unknown request ${m.request}`); continue; }
    if (!s) { errors.push(`${m.request}: unknown slot ${m.slot}`); continue; }
    if (where.has(m.request)) { errors.push(`${m.request}: scheduled twice`); continue; }
    where.set(m.request, m);
    for (const pid of [r.a, r.b]) {
      const p = parts.get(pid)!;
      const key = `${pid}\u0000${m.slot}`;
      if (perPartSlot.has(key)) errors.push(`${pid}: two meetings in slot ${m.slot}`);
      perPartSlot.add(key);
      if (p.availability && !p.availability.includes(m.slot)) errors.push(`${m.request}: ${pid} not available in ${m.slot}`);
      const dk = `${pid}\u0000${s.day}`;
      const n = (perPartDay.get(dk) ?? 0) + 1;
      perPartDay.set(dk, n);
      const cap = p.dayCap === undefined ? Infinity : typeof p.dayCap === "number" ? p.dayCap : (p.dayCap[String(s.day)] ?? Infinity);
      if (n === cap + 1) errors.push(`${pid}: more than ${cap} meetings on day ${s.day}`);
    }
    if (m.table === "stall") {
      const host = [r.a, r.b].some((pid) => {
        const p = parts.get(pid)!;
        return p.side === "sme" && p.hostsAtStall;
      });
      const fixedStall = input.fixed.some((f) => f.request === m.request && f.table === "stall");
      if (!host && !fixedStall) errors.push(`${m.request}: at a stall but neither side hosts at its stall`);
    } else {
      if (m.table > s.tables) errors.push(`${m.request}: table ${m.table} beyond the ${s.tables} tables of ${m.slot}`);
      const used = tablesBySlot.get(m.slot) ?? new Set<number>();
      if (used.has(m.table)) errors.push(`${m.request}: table ${m.table} of ${m.slot} used twice`);
      used.add(m.table);
      tablesBySlot.set(m.slot, used);
    }
    if (r.interpreter) {
      const k = `${r.interpreter}\u0000${m.slot}`;
      const n = (interpBySlot.get(k) ?? 0) + 1;
      interpBySlot.set(k, n);
      const cap = s.interpreters?.[r.interpreter] ?? 0;
      if (n === cap + 1) errors.push(`slot ${m.slot}: more than ${cap} ${r.interpreter} interpreters needed`);
    }
    if (r.pinnedSlot !== undefined && r.pinnedSlot !== m.slot) errors.push(`${m.request}: pinned to ${r.pinnedSlot}, placed in ${m.slot}`);
    if (r.forbiddenSlots?.includes(m.slot)) errors.push(`${m.request}: placed in forbidden slot ${m.slot}`);
  }
  for (const [rid, m] of where) {
    for (const x of reqs.get(rid)!.after ?? []) {
      const o = where.get(x);
      if (o && !(time(o.slot) < time(m.slot))) errors.push(`${rid}: must come after ${x}`);
    }
  }
  if (options.checkFixed !== false) {
    for (const f of input.fixed) {
      const m = where.get(f.request);
      if (!m || m.slot !== f.slot || m.table !== f.table) errors.push(`fixed meeting ${f.request} moved or dropped`);
    }
  }
  if (output.unscheduled) {
    const un = new Set<string>();
    for (const u of output.unscheduled) {
      if (where.has(u.request) || un.has(u.request)) errors.push(`${u.request}: listed twice`);
      un.add(u.request);
    }
    for (const r of input.requests) if (!where.has(r.id) && !un.has(r.id)) errors.push(`${r.id}: neither scheduled nor listed unscheduled`);
  }
  return errors;
}
