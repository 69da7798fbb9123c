import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { scanDay } from "../core/gate-bundle";
import { editionInput } from "../schemas";
import { doubleAdmissions, gates, scans } from "../tables";
import { sessionAttendancePort, type SessionAttendance } from "../session-attendance-port";
import { rehearsalOf } from "./rehearsal";
import { editionFor } from "#features/editions";

export interface Footfall {
  generatedAt: string;
  today: number;
  /** The figures are a door rehearsal's (today is a rehearsal date), not the event's. */
  rehearsal: boolean;
  totals: { entries: number; unique: number; refused: number };
  byDay: { day: number; entries: number; unique: number }[];
  byHour: { hour: number; entries: number }[];
  /** Every day's admissions by hour (venue time): the shape of a show over, or of the days so far. */
  byDayHour: { day: number; hour: number; entries: number }[];
  byGate: { gateId: string; nameEn: string; nameUr: string; entries: number; refused: number }[];
  byCategory: { nameEn: string; nameUr: string; colour: string; entries: number; unique: number }[];
  flags: { registrationNo: number; firstGate: string; secondGate: string; firstAt: string; gapMs: number }[];
  /** The agenda's sessions and the people admitted at each door (none during a door rehearsal). */
  bySession: SessionAttendance[];
}

const int = (v: unknown) => Number(v ?? 0);

/** Admissions per day, hour (today, venue time), gate and category; unique visitors against entries. */
export async function footfall(ctx: Ctx, raw: Input<typeof editionInput>): Promise<Footfall> {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "checkin.manage");
  const db = ctx.db;
  const now = ctx.clock.now();
  // During a door rehearsal the dashboard shows the rehearsal's scans (staff see it working);
  // otherwise the event's. The two never mix.
  const day = scanDay(now, { ...edition, rehearsal: await rehearsalOf(db, editionId) });
  const today = day.dayIndex;
  const rehearsal = day.rehearsal ?? false;
  const ofMode = and(eq(scans.editionId, editionId), eq(scans.rehearsal, rehearsal));
  const admitted = and(ofMode, eq(scans.result, "admit"));
  const entries = sql<number>`count(*)::int`;
  const unique = sql<number>`count(distinct ${scans.registrationNo})::int`;
  const hour = sql<number>`extract(hour from ${scans.scannedAt} at time zone ${edition.timezone})::int`;
  const firstScan = alias(scans, "first_scan");
  const secondScan = alias(scans, "second_scan");
  const firstGate = alias(gates, "first_gate");
  const secondGate = alias(gates, "second_gate");

  const [totals, byDay, byHour, byDayHour, byGate, byCategory, flags, bySession] = await Promise.all([
    db
      .select({
        entries: sql<number>`count(*) filter (where ${scans.result} = 'admit')::int`,
        unique: sql<number>`count(distinct ${scans.registrationNo}) filter (where ${scans.result} = 'admit')::int`,
        refused: sql<number>`count(*) filter (where ${scans.result} = 'refuse')::int`,
      })
      .from(scans)
      .where(ofMode),
    db.select({ day: scans.dayIndex, entries, unique }).from(scans).where(admitted).groupBy(scans.dayIndex).orderBy(asc(scans.dayIndex)),
    // By position: the time zone is a bound parameter, so the expression cannot be repeated verbatim.
    db.select({ hour, entries }).from(scans).where(and(admitted, eq(scans.dayIndex, today))).groupBy(sql`1`).orderBy(sql`1`),
    db.select({ hour, day: scans.dayIndex, entries }).from(scans).where(admitted).groupBy(sql`1`, sql`2`).orderBy(sql`1`, sql`2`),
    db
      .select({
        gateId: gates.id,
        nameEn: gates.nameEn,
        nameUr: gates.nameUr,
        entries: sql<number>`count(${scans.id}) filter (where ${scans.result} = 'admit')::int`,
        refused: sql<number>`count(${scans.id}) filter (where ${scans.result} = 'refuse')::int`,
      })
      .from(gates)
      .leftJoin(scans, and(eq(scans.gateId, gates.id), eq(scans.rehearsal, rehearsal)))
      .where(eq(gates.editionId, editionId))
      .groupBy(gates.id, gates.nameEn, gates.nameUr, gates.code)
      .orderBy(asc(gates.code)),
    db
      .select({ nameEn: visitorCategories.nameEn, nameUr: visitorCategories.nameUr, colour: visitorCategories.colour, entries, unique })
      .from(scans)
      .innerJoin(registrations, eq(registrations.id, scans.registrationId))
      .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
      .where(admitted)
      .groupBy(visitorCategories.id, visitorCategories.nameEn, visitorCategories.nameUr, visitorCategories.colour, visitorCategories.sort)
      .orderBy(asc(visitorCategories.sort)),
    db
      .select({
        registrationNo: doubleAdmissions.registrationNo,
        firstGate: firstGate.code,
        secondGate: secondGate.code,
        firstAt: firstScan.scannedAt,
        gapMs: doubleAdmissions.gapMs,
      })
      .from(doubleAdmissions)
      .innerJoin(firstScan, and(eq(firstScan.editionId, doubleAdmissions.editionId), eq(firstScan.nonce, doubleAdmissions.firstNonce)))
      .innerJoin(secondScan, and(eq(secondScan.editionId, doubleAdmissions.editionId), eq(secondScan.nonce, doubleAdmissions.secondNonce)))
      .innerJoin(firstGate, eq(firstGate.id, firstScan.gateId))
      .innerJoin(secondGate, eq(secondGate.id, secondScan.gateId))
      .where(and(eq(doubleAdmissions.editionId, editionId), eq(firstScan.rehearsal, rehearsal)))
      .orderBy(asc(firstScan.scannedAt))
      .limit(200),
    // The doors of the sessions have no rehearsal: their figures are the show's.
    rehearsal ? Promise.resolve([]) : sessionAttendancePort().attendance(db, editionId),
  ]);
  return {
    generatedAt: now.toISOString(),
    today,
    rehearsal,
    totals: { entries: int(totals[0]?.entries), unique: int(totals[0]?.unique), refused: int(totals[0]?.refused) },
    byDay: byDay.map((d) => ({ day: d.day, entries: int(d.entries), unique: int(d.unique) })),
    byHour: byHour.map((h) => ({ hour: int(h.hour), entries: int(h.entries) })),
    byDayHour: byDayHour.map((h) => ({ day: int(h.day), hour: int(h.hour), entries: int(h.entries) })),
    byGate: byGate.map((g) => ({ ...g, entries: int(g.entries), refused: int(g.refused) })),
    byCategory: byCategory.map((c) => ({ ...c, entries: int(c.entries), unique: int(c.unique) })),
    flags: flags.map((f) => ({ ...f, firstAt: f.firstAt.toISOString() })),
    bySession,
  };
}
