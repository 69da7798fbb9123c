// The complete mode's input: meetings that should all take place, slots with a
// day and a table capacity, participants' forbidden slots, pins and
// precedences. Everything 0-based. The brokerage files (dzn.ts) and the
// product's scheduling runs can both be written in this form.

export type CompleteMeeting = {
  /** The two participants (0-based). */
  a: number;
  b: number;
  /** Slots this meeting may use (its window); omitted: every slot. */
  allowed?: number[];
  /** Slot the meeting is pinned to. */
  pinned?: number;
  /** Meetings (0-based) that must take place strictly before this one. */
  after?: number[];
};

export type CompleteInput = {
  participants: number;
  slots: number;
  /** Day of each slot (breaks are counted within a day); omitted: one day. */
  dayOf?: number[];
  /** Meetings that can run at the same time: one number for every slot, or one per slot. */
  tables: number | number[];
  meetings: CompleteMeeting[];
  /** Per participant, slots it cannot attend. */
  forbidden?: number[][];
};

/** Slots each meeting can really use: its window, minus both participants' forbidden slots, narrowed to its pin. */
export function domains(input: CompleteInput): number[][] {
  const forb = Array.from({ length: input.participants }, (_, p) => new Set(input.forbidden?.[p] ?? []));
  return input.meetings.map((m) => {
    const base = m.pinned !== undefined ? [m.pinned] : (m.allowed ?? Array.from({ length: input.slots }, (_, s) => s));
    const win = m.allowed ? new Set(m.allowed) : null;
    return base.filter((s) => s >= 0 && s < input.slots && (!win || win.has(s)) && !forb[m.a]!.has(s) && !forb[m.b]!.has(s));
  });
}

export function tablesAt(input: CompleteInput, s: number): number {
  return typeof input.tables === "number" ? input.tables : (input.tables[s] ?? 0);
}

export function dayOf(input: CompleteInput, s: number): number {
  return input.dayOf?.[s] ?? 0;
}

/** Meetings of each participant. */
export function meetingsOf(input: CompleteInput): number[][] {
  const out: number[][] = Array.from({ length: input.participants }, () => []);
  input.meetings.forEach((m, i) => { out[m.a]!.push(i); out[m.b]!.push(i); });
  return out;
}
