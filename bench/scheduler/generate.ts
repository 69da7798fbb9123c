// Seeded generator of realistic exhibition instances (issue 5, "Benchmark"):
// half SMEs, half buyer-side; SMEs request buyers with Zipf-skewed popularity
// and buyers accept up to a little over what they can attend; mixed
// availability patterns; day caps 6-15; stalls for most SMEs; pooled tables
// sized to a fraction of the meetings that need one; interpreters for the
// meetings with foreign-language buyers.
import { seededRandom } from "../../src/platform/random";
import type { ScheduleInputRaw } from "../../src/features/matchmaking/engine/schema";

export type GenConfig = {
  name: string;
  participants: number;
  days: number;
  slotsPerDay: number;
  requestsPerParticipant: number;
  zipf: number;
  tableFactor: number;
  /** Share of buyers that speak only a foreign language (their meetings need an interpreter). */
  foreignShare: number;
  seed: number;
};

const FOREIGN = ["zh", "ar", "tr", "de"];

export function generate(c: GenConfig): ScheduleInputRaw {
  const rnd = seededRandom(c.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const S = c.days * c.slotsPerDay;
  const slotLen = Math.floor(480 / c.slotsPerDay);
  const slots = Array.from({ length: S }, (_, k) => {
    const day = Math.floor(k / c.slotsPerDay) + 1;
    const m = 9 * 60 + (k % c.slotsPerDay) * slotLen;
    const start = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    return { id: `d${day}-${start}`, day, start, length: slotLen, tables: 0, interpreters: {} as Record<string, number> };
  });
  const half = c.slotsPerDay / 2;
  const availability = (): number[] | undefined => {
    const x = rnd();
    const all = Array.from({ length: S }, (_, k) => k);
    if (x < 0.4) return undefined; // every slot
    if (x < 0.55) { const d = int(0, c.days - 1); return all.filter((k) => Math.floor(k / c.slotsPerDay) === d); }
    if (x < 0.7) { const pm = rnd() < 0.5 ? 1 : 0; return all.filter((k) => Math.floor((k % c.slotsPerDay) / half) === pm); }
    if (x < 0.85) {
      const out = new Set<number>();
      const blocks = int(3, 6);
      for (let i = 0; i < blocks; i++) { const st = int(0, S - 1); const len = int(3, 6); for (let k = st; k < Math.min(S, st + len); k++) out.add(k); }
      return [...out].sort((p, q) => p - q);
    }
    // Lunch break: the two slots in the middle of each day.
    return all.filter((k) => { const i = k % c.slotsPerDay; return i !== half - 1 && i !== half; });
  };
  const nSme = Math.floor(c.participants / 2);
  const nBuyer = c.participants - nSme;
  type P = { id: string; side: "sme" | "buyer"; availability?: string[]; dayCap: number; languages: string[]; hostsAtStall: boolean; capacity: number };
  const participants: P[] = [];
  for (let i = 0; i < c.participants; i++) {
    const sme = i < nSme;
    const av = availability();
    const dayCap = int(6, 15);
    const foreign = !sme && rnd() < c.foreignShare ? FOREIGN[int(0, FOREIGN.length - 1)]! : null;
    const perDay = new Array(c.days).fill(0);
    for (const k of av ?? Array.from({ length: S }, (_, q) => q)) perDay[Math.floor(k / c.slotsPerDay)]++;
    const capacity = perDay.reduce((t: number, n: number) => t + Math.min(n, dayCap), 0);
    participants.push({
      id: sme ? `sme-${i}` : `buyer-${i - nSme}`,
      side: sme ? "sme" : "buyer",
      ...(av ? { availability: av.map((k) => slots[k]!.id) } : {}),
      dayCap,
      languages: foreign ? [foreign] : ["en", "ur"],
      hostsAtStall: sme && rnd() < 0.8,
      capacity,
    });
  }
  // Zipf popularity over a random ranking of buyers.
  const rank = Array.from({ length: nBuyer }, (_, i) => i);
  for (let i = nBuyer - 1; i > 0; i--) { const j = int(0, i); [rank[i], rank[j]] = [rank[j]!, rank[i]!]; }
  const cum = new Float64Array(nBuyer);
  let tot = 0;
  for (let k = 0; k < nBuyer; k++) { tot += 1 / Math.pow(k + 1, c.zipf); cum[k] = tot; }
  const pickBuyer = () => {
    const x = rnd() * tot;
    let lo = 0, hi = nBuyer - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid]! < x) lo = mid + 1; else hi = mid; }
    return rank[lo]!;
  };
  const accepted = new Int32Array(nBuyer);
  const acceptLimit = participants.slice(nSme).map((p) => Math.ceil(p.capacity * 1.25));
  // Requests are made over time: draw SMEs in random order, one request at a time.
  const want = Array.from({ length: nSme }, () => Math.max(1, Math.round(c.requestsPerParticipant * (0.5 + rnd()))));
  const pairs = new Set<number>();
  const requests: ScheduleInputRaw["requests"] = [];
  const active = Array.from({ length: nSme }, (_, i) => i);
  let tries = 0;
  while (active.length > 0 && tries < c.participants * c.requestsPerParticipant * 20) {
    tries++;
    const ai = int(0, active.length - 1);
    const s = active[ai]!;
    const b = pickBuyer();
    const key = s * nBuyer + b;
    if (pairs.has(key) || accepted[b]! >= acceptLimit[b]!) {
      if (rnd() < 0.02) { want[s]!--; } // some SMEs give up after refusals
    } else {
      pairs.add(key);
      accepted[b]!++;
      want[s]!--;
      const buyer = participants[nSme + b]!;
      const x = rnd();
      const weight = x < 0.4 ? 1 : x < 0.65 ? 2 : x < 0.85 ? 3 : x < 0.95 ? 4 : 5;
      const foreign = buyer.languages[0] !== "en" ? buyer.languages[0]! : null;
      requests.push({ id: `r${requests.length}`, a: participants[s]!.id, b: buyer.id, weight, ...(foreign ? { interpreter: foreign } : {}) });
    }
    if (want[s]! <= 0) { active[ai] = active[active.length - 1]!; active.pop(); }
  }
  // A few pins, forbidden slots and precedences, as organisers add them.
  const byId = new Map(participants.map((p) => [p.id, p]));
  const avOf = (id: string) => new Set(byId.get(id)!.availability ?? slots.map((s) => s.id));
  const lastOfSme = new Map<string, string>();
  for (const r of requests) {
    const x = rnd();
    if (x < 0.01) {
      const A = avOf(r.a);
      const common = [...avOf(r.b)].filter((s) => A.has(s));
      if (common.length > 0) r.pinnedSlot = common[int(0, common.length - 1)]!;
    } else if (x < 0.03) {
      r.forbiddenSlots = slots.filter(() => rnd() < 0.2).map((s) => s.id);
    } else if (x < 0.035 && lastOfSme.has(r.a)) {
      r.after = [lastOfSme.get(r.a)!];
    }
    lastOfSme.set(r.a, r.id);
  }
  // Capacities from demand: tables for meetings without a stall, interpreters per language.
  const needTable = requests.filter((r) => !byId.get(r.a)!.hostsAtStall).length;
  const perSlot = Math.max(1, Math.round((c.tableFactor * needTable) / S));
  for (const s of slots) s.tables = perSlot;
  for (const l of FOREIGN) {
    const n = requests.filter((r) => r.interpreter === l).length;
    if (n === 0) continue;
    const k = Math.max(1, Math.ceil((1.1 * n) / S));
    for (const s of slots) s.interpreters[l] = k;
  }
  return {
    version: 1,
    seed: c.seed,
    slots,
    participants: participants.map(({ capacity: _c, ...p }) => p),
    requests,
    fixed: [],
  };
}

export const CONFIGS: Record<string, Omit<GenConfig, "name" | "seed"> & { seed: number }> = {
  "small-tight-tables": { participants: 300, days: 3, slotsPerDay: 24, requestsPerParticipant: 10, zipf: 0.8, tableFactor: 0.8, foreignShare: 0.15, seed: 11 },
  "small-loose-tables": { participants: 300, days: 3, slotsPerDay: 24, requestsPerParticipant: 10, zipf: 0.6, tableFactor: 1.15, foreignShare: 0.1, seed: 12 },
  "medium-tight-tables": { participants: 2000, days: 3, slotsPerDay: 24, requestsPerParticipant: 10, zipf: 0.9, tableFactor: 0.8, foreignShare: 0.15, seed: 21 },
  "medium-loose-tables": { participants: 2000, days: 3, slotsPerDay: 24, requestsPerParticipant: 10, zipf: 0.7, tableFactor: 1.15, foreignShare: 0.1, seed: 22 },
  "large-tight-tables": { participants: 10000, days: 3, slotsPerDay: 24, requestsPerParticipant: 10, zipf: 1.0, tableFactor: 0.8, foreignShare: 0.15, seed: 31 },
  "large-loose-tables": { participants: 10000, days: 3, slotsPerDay: 24, requestsPerParticipant: 10, zipf: 0.8, tableFactor: 1.15, foreignShare: 0.1, seed: 32 },
  "tight-variant": { participants: 2000, days: 3, slotsPerDay: 12, requestsPerParticipant: 20, zipf: 0.8, tableFactor: 0.8, foreignShare: 0.15, seed: 41 },
};
