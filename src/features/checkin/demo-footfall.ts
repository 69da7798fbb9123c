import { and, count, eq } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import type { Executor } from "../../platform/db/types";
import { editions, visitorCategories } from "#features/editions";
import { seededRandom } from "../../platform/random";
import { STAFF_CATEGORY } from "#features/registration";
import { nextRegistrationNumbers } from "#features/registration";
import { registrations } from "#features/registration";
import { localDate } from "./core/gate-bundle";
import { gates, scans } from "./tables";
import { editionDayCount } from "#features/editions";
import { offsetMinutes } from "../../platform/zone";

// The demo's past show has a crowd: about a thousand approved visitors and their scans at the three
// hall entrances over the show's days, so the footfall dashboard of a completed edition shows a
// picture (a morning rush, a lunch dip, an afternoon peak; a busy weekend and a quieter Monday).
// Deterministic (one seeded PRNG, fixed instants derived from the edition's dates), and only for an
// edition whose days are over and that has no registrations yet: real data is never mixed with
// it, and a rerun adds nothing. The visitors hold no badge rows: their badges expired with the
// show, and none would need reissuing if the dates were ever moved.

export const DEMO_VISITORS = 1000;

/** Share of the visitors by category code (the staff category has its own badges, not here). */
const CATEGORY_SHARE: Record<string, number> = {
  general_public: 0.52,
  student: 0.2,
  corporate_buyer: 0.09,
  procurement_head: 0.04,
  media: 0.05,
  financial_institution: 0.03,
  development_partner: 0.03,
  regulatory_stakeholder: 0.02,
  foreign_mission: 0.02,
};
/** Doors 10:00 to 19:00, venue time: arrivals by hour. */
const HOURS: [number, number][] = [
  [10, 0.09],
  [11, 0.16],
  [12, 0.15],
  [13, 0.09],
  [14, 0.11],
  [15, 0.14],
  [16, 0.12],
  [17, 0.09],
  [18, 0.05],
];
/** A weekend show: the first two days busier than the last. */
const DAY_SHARE = [0.38, 0.4, 0.22];
const GATE_SHARE: [string, number][] = [
  ["hall1", 0.46],
  ["hall2", 0.33],
  ["hall3", 0.21],
];
const FIRST = ["Ayesha", "Bilal", "Fatima", "Hamza", "Sana", "Usman", "Zainab", "Ali", "Hira", "Imran", "Mehwish", "Saad", "Nida", "Kashif", "Rabia", "Faisal", "Amna", "Tariq", "Iqra", "Waqas"];
const FIRST_UR = ["عائشہ", "بلال", "فاطمہ", "حمزہ", "ثنا", "عثمان", "زینب", "علی", "حرا", "عمران", "مہوش", "سعد", "ندا", "کاشف", "رابعہ", "فیصل", "آمنہ", "طارق", "اقرا", "وقاص"];
const LAST = ["Khan", "Ahmed", "Malik", "Butt", "Qureshi", "Sheikh", "Chaudhry", "Raza", "Iqbal", "Hussain", "Siddiqui", "Mirza"];
const LAST_UR = ["خان", "احمد", "ملک", "بٹ", "قریشی", "شیخ", "چوہدری", "رضا", "اقبال", "حسین", "صدیقی", "مرزا"];

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;


function pickWeighted<T>(random: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = random() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** Seeds the past edition's visitors and scans; returns how many scans it wrote (0: nothing to do). */
export async function seedDemoFootfall(tx: Executor, editionId: string, now: Date): Promise<{ registrations: number; scans: number }> {
  const none = { registrations: 0, scans: 0 };
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId));
  if (!edition || localDate(now, edition.timezone) <= edition.endsOn) return none;
  const [{ n: regs }] = (await tx.select({ n: count() }).from(registrations).where(eq(registrations.editionId, editionId))) as [{ n: number }];
  const [{ n: scanned }] = (await tx.select({ n: count() }).from(scans).where(and(eq(scans.editionId, editionId), eq(scans.rehearsal, false)))) as [{ n: number }];
  if (Number(regs) > 0 || Number(scanned) > 0) return none;
  const gateRows = await tx.select().from(gates).where(eq(gates.editionId, editionId));
  const gateId = new Map(gateRows.map((g) => [g.code, g.id]));
  const halls = GATE_SHARE.filter(([code]) => gateId.has(code));
  const categories = (await tx.select().from(visitorCategories).where(eq(visitorCategories.editionId, editionId))).filter((c) => c.code !== STAFF_CATEGORY);
  if (halls.length === 0 || categories.length === 0) return none;
  const [gateStaff] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "gate@demo.numaish.pk"));

  const random = seededRandom(20260124);
  const dayCount = editionDayCount(edition);
  const dayWeights: [number, number][] = Array.from({ length: dayCount }, (_, d) => [d, DAY_SHARE[d] ?? 0.2]);
  const midnights = Array.from({ length: dayCount }, (_, d) => {
    const utc = Date.parse(`${edition.startsOn}T00:00:00Z`) + d * DAY_MS;
    return utc - offsetMinutes(new Date(utc), edition.timezone) * 60_000;
  });
  const midnight = (d: number) => midnights[d]!;
  const at = (d: number, hour: number) => new Date(midnight(d) + hour * HOUR_MS + Math.floor(random() * HOUR_MS));
  const categoryWeights = categories.map((c): [typeof c, number] => [c, CATEGORY_SHARE[c.code] ?? 0.01]);
  const numbers = await nextRegistrationNumbers(tx, editionId, DEMO_VISITORS);
  const opened = midnight(0) - 42 * DAY_MS;

  const regRows: (typeof registrations.$inferInsert)[] = [];
  const plans: { number: number; days: number[] }[] = [];
  for (let i = 0; i < DEMO_VISITORS; i++) {
    const category = pickWeighted(random, categoryWeights);
    const wanted = random() < 0.7 ? 1 : random() < 0.75 ? 2 : 3;
    const days = new Set<number>();
    while (days.size < Math.min(wanted, dayCount)) days.add(pickWeighted(random, dayWeights));
    const f = Math.floor(random() * FIRST.length);
    const l = Math.floor(random() * LAST.length);
    const created = new Date(opened + Math.floor(random() * 41 * DAY_MS));
    const number = numbers[i]!;
    regRows.push({
      editionId,
      number,
      categoryId: category.id,
      email: `visitor${String(i + 1).padStart(4, "0")}@visitors.demo.numaish.pk`,
      name: `${FIRST[f]} ${LAST[l]}`,
      nameUr: `${FIRST_UR[f]} ${LAST_UR[l]}`,
      status: "approved",
      days: [...days].sort(),
      consentData: true,
      consentScan: true,
      locale: random() < 0.6 ? "ur" : "en",
      decidedAt: category.needsApproval ? new Date(created.getTime() + 2 * DAY_MS) : created,
      createdAt: created,
      updatedAt: created,
    });
    plans.push({ number, days: [...days].sort() });
  }
  const ids = new Map<number, string>();
  for (let i = 0; i < regRows.length; i += 250) {
    for (const r of await tx.insert(registrations).values(regRows.slice(i, i + 250)).returning({ id: registrations.id, number: registrations.number })) ids.set(r.number, r.id);
  }

  const scanRows: (typeof scans.$inferInsert)[] = [];
  const scan = (p: { number: number | null; day: number; when: Date; gate: string; result: "admit" | "refuse"; reason: string; code?: string }) =>
    scanRows.push({
      editionId,
      nonce: `demo-footfall-${scanRows.length + 1}`,
      gateId: gateId.get(p.gate)!,
      deviceId: `demo-${p.gate}`,
      code: p.code ?? `demo-footfall:${p.number}`,
      registrationNo: p.number,
      registrationId: p.number === null ? null : ids.get(p.number)!,
      zone: null,
      dayIndex: p.day,
      scannedAt: p.when,
      uploadedAt: p.when,
      offline: false,
      result: p.result,
      reason: p.reason,
      scannedBy: gateStaff?.id ?? null,
      admitKey: null,
      rehearsal: false,
    });
  for (const p of plans) {
    for (const day of p.days) {
      if (random() < 0.05) continue; // registered for the day, did not come
      const hour = pickWeighted(random, HOURS);
      const gate = pickWeighted(random, halls);
      const when = at(day, hour);
      scan({ number: p.number, day, when, gate, result: "admit", reason: "ok" });
      // Out for lunch or to another hall, and back in (hall entrances allow re-entry).
      if (random() < 0.06 && hour < 17) scan({ number: p.number, day, when: new Date(when.getTime() + (1 + Math.floor(random() * 2)) * HOUR_MS), gate: pickWeighted(random, halls), result: "admit", reason: "ok" });
    }
  }
  // A few refusals: badges for another day, and codes that are not badges at all.
  for (let k = 0; k < 8; k++) {
    const p = plans[Math.floor(random() * plans.length)]!;
    const day = [...Array(dayCount).keys()].find((d) => !p.days.includes(d));
    if (day !== undefined) scan({ number: p.number, day, when: at(day, pickWeighted(random, HOURS)), gate: pickWeighted(random, halls), result: "refuse", reason: "not_valid_today" });
  }
  for (let k = 0; k < 5; k++) {
    const day = pickWeighted(random, dayWeights);
    scan({ number: null, day, when: at(day, pickWeighted(random, HOURS)), gate: pickWeighted(random, halls), result: "refuse", reason: "unknown_code", code: `PK-EXPO-${1000 + Math.floor(random() * 9000)}` });
  }
  scanRows.sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime());
  for (let i = 0; i < scanRows.length; i += 500) await tx.insert(scans).values(scanRows.slice(i, i + 500));
  return { registrations: regRows.length, scans: scanRows.length };
}
