// Reader for the brokerage study's MiniZinc data files (see
// ../shared/bench/b2b-brokerage/README.md), into the complete mode's input.
// `requested` is the source of each participant's meetings (the published
// `meetingsxBusiness` is shifted by one). Pure: text in, input out.
import type { CompleteInput } from "./problem";

function field(text: string, name: string): string {
  const m = new RegExp(`(?:^|\\n)\\s*${name}\\s*=\\s*([\\s\\S]*?);`).exec(text);
  if (!m) throw new Error(`dzn: missing field ${name}`);
  return m[1]!;
}
const nums = (s: string) => (s.match(/-?\d+/g) ?? []).map(Number);
const sets = (s: string) => (s.match(/\{[^}]*\}/g) ?? []).map(nums);

export type BrokerageFile = {
  input: CompleteInput;
  /** 1 morning only, 2 afternoon only, 3 any slot, per meeting. */
  when: number[];
  morningSlots: number;
};

export function parseBrokerage(text: string): BrokerageFile {
  const n = (k: string) => Number(field(text, k).trim());
  const P = n("nBusiness"), M = n("nMeetings"), S = n("nTotalSlots"), morning = n("nMorningSlots");
  const req = nums(field(text, "requested"));
  if (req.length !== 3 * M) throw new Error(`dzn: ${req.length / 3} meetings, expected ${M}`);
  const forbidden = sets(field(text, "forbidden")).map((s) => s.filter((x) => x !== 0).map((x) => x - 1));
  const fixed = nums(field(text, "fixed"));
  const prec = sets(field(text, "precedences"));
  const when: number[] = [];
  const meetings = Array.from({ length: M }, (_, i) => {
    const [a, b, w] = [req[3 * i]!, req[3 * i + 1]!, req[3 * i + 2]!];
    when.push(w);
    const allowed = Array.from({ length: S }, (_, s) => s).filter((s) => (w === 1 ? s < morning : w === 2 ? s >= morning : true));
    const pin = fixed[i] ?? 0;
    const after = (prec[i] ?? []).filter((q) => q >= 1 && q <= M).map((q) => q - 1);
    return { a: a - 1, b: b - 1, allowed, ...(pin > 0 ? { pinned: pin - 1 } : {}), ...(after.length > 0 ? { after } : {}) };
  });
  return { input: { participants: P, slots: S, tables: n("nTables"), meetings, forbidden }, when, morningSlots: morning };
}
