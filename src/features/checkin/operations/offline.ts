import { and, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { registrations } from "#features/registration";
import { editionShortId, HEADER_DIGITS, readHeaderDigits, verifyBadge } from "../core/badge-code";
import { packManualList, type ManualBadge } from "../core/manual-entry";
import { parseShortCode } from "../core/short-code";
import { verificationReason } from "../core/decide";
import { scanDay, type GateBundle } from "../core/gate-bundle";
import { detectDoubleAdmissions, mergeUploadedScans } from "../core/offline-sync";
import { rehearsalOf } from "./rehearsal";
import { editionPublicKeys } from "../keys";
import { editionInput, uploadInput } from "../schemas";
import { badges, doubleAdmissions, gates, scans, zones } from "../tables";
import { bundleZoneRules } from "../zone-masks";
import { editionDayCount } from "#features/editions";
import { editionFor } from "#features/editions";

const dayCount = editionDayCount;

/** What a scanner page keeps to decide offline (core/gate-bundle.ts): keys, gates, revocations. */
export async function gateBundle(ctx: Ctx, raw: Input<typeof editionInput>): Promise<GateBundle> {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "checkin.scan");
  const db = ctx.db;
  const [publicKeys, gateRows, revoked, replaced, withdrawn, rehearsal] = await Promise.all([
    editionPublicKeys(db, editionId),
    db.select({ id: gates.id, zone: zones.bit, reentryAllowed: gates.reentryAllowed }).from(gates).leftJoin(zones, eq(zones.id, gates.zoneId)).where(eq(gates.editionId, editionId)),
    db.select({ no: badges.registrationNo, serial: badges.serial }).from(badges).where(and(eq(badges.editionId, editionId), isNotNull(badges.revokedAt))),
    db
      .select({ no: badges.registrationNo, serial: badges.serial })
      .from(badges)
      .where(and(eq(badges.editionId, editionId), isNotNull(badges.replacedAt), isNull(badges.revokedAt))),
    // Offline gates know nothing of status: a badge holder no longer approved (cancelled) is revoked there.
    db
      .selectDistinct({ no: registrations.number })
      .from(registrations)
      .innerJoin(badges, eq(badges.registrationId, registrations.id))
      .where(and(eq(registrations.editionId, editionId), ne(registrations.status, "approved"))),
    rehearsalOf(db, editionId),
  ]);
  const manual = await manualList(db, edition.id, edition.year);
  const { categoryZones, zoneGrants } = await bundleZoneRules(db, editionId);
  return {
    edition: editionShortId(edition.id),
    startsOn: edition.startsOn,
    days: Math.min(16, dayCount(edition)),
    timezone: edition.timezone,
    publicKeys: Object.fromEntries(Object.entries(publicKeys).map(([k, v]) => [String(k), v])),
    gates: gateRows.map((g) => ({ id: g.id, zone: g.zone ?? null, reentryAllowed: g.reentryAllowed })),
    revokedRegistrations: withdrawn.map((r) => r.no),
    revokedBadges: revoked.map((b) => [b.no, b.serial] as [number, number]),
    replacedBadges: replaced.map((b) => [b.no, b.serial] as [number, number]),
    categoryZones,
    zoneGrants,
    rehearsal,
    manual,
    generatedAt: ctx.clock.now().toISOString(),
  };
}

/** Every current badge of the edition (revoked ones too: the revocation lists name them), read
 *  back from the signed text itself, for finding a badge by short code offline. */
async function manualList(db: Ctx["db"], editionId: string, year: number) {
  const rows = await db
    .select({ head: sql<string>`substr(${badges.code}, 1, ${HEADER_DIGITS})` })
    .from(badges)
    .where(and(eq(badges.editionId, editionId), isNull(badges.replacedAt)));
  const list: ManualBadge[] = [];
  for (const r of rows) {
    const h = readHeaderDigits(r.head);
    if (h) list.push({ registrationNo: h.registrationNo, serial: h.serial, category: h.category, days: h.days, zones: h.zones, validFrom: h.validFrom, validTo: h.validTo });
  }
  return packManualList(year, list);
}

export interface UploadAnswer {
  recorded: number;
  duplicates: number;
  conflicts: string[];
  invalid: { index: number; issues: string[] }[];
  flagged: number;
  /** Admissions the server refused on checking the code itself (recorded as refusals, not entries). */
  incidents: number;
}

/** Record a queue of scans decided offline. Idempotent by nonce: the same queue uploaded twice (or
 *  two uploads racing) records each scan once; the unique (edition, nonce) index is the last word.
 *  Then flags badges admitted at two gates of one zone while offline. */
export async function uploadOfflineScans(ctx: Ctx, raw: Input<typeof uploadInput>): Promise<UploadAnswer> {
  const input = parseInput(uploadInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "checkin.scan");
  return inTransaction(ctx, async (tx) => {
    const gateRows = await tx.select({ id: gates.id, zone: zones.bit }).from(gates).leftJoin(zones, eq(zones.id, gates.zoneId)).where(eq(gates.editionId, edition.id));
    const gateZone = new Map(gateRows.map((g) => [g.id, g.zone ?? null]));
    const rehearsal = await rehearsalOf(tx, edition.id);
    const nonces = input.scans.flatMap((s) => (s && typeof s === "object" && typeof (s as { nonce?: unknown }).nonce === "string" ? [(s as { nonce: string }).nonce] : []));
    const stored = nonces.length
      ? await tx.select({ nonce: scans.nonce }).from(scans).where(and(eq(scans.editionId, edition.id), inArray(scans.nonce, nonces)))
      : [];
    const merged = mergeUploadedScans(new Set(stored.map((s) => s.nonce)), input.scans);
    // A gate of another edition (or none) makes the item invalid, like any other bad field.
    const record = merged.record.filter((s) => {
      if (gateZone.has(s.gateId)) return true;
      merged.invalid.push({ index: input.scans.findIndex((x) => (x as { nonce?: unknown } | null)?.nonce === s.nonce), issues: ["gateId: unknown_gate"] });
      return false;
    });
    // A device's word is not an entry: the server checks every admitted code itself. An admit of a
    // code that is not a genuine badge of this edition (or not the badge it claims) is kept, as a
    // refusal with the server's reason, so it shows among refusals and never counts as footfall.
    const keys = await editionPublicKeys(tx, edition.id);
    const short = editionShortId(edition.id);
    let incidents = 0;
    // An admit by short code (typed offline, core/manual-entry.ts) carries the code as typed: it
    // must name a badge this edition issued, and the number the phone recorded.
    const typed = record.flatMap((s) => {
      const p = s.result === "admit" && s.manual ? parseShortCode(s.code, edition.year) : null;
      return p?.ok && p.year === edition.year ? [p.registrationNo] : [];
    });
    const issued = new Set(
      typed.length
        ? (await tx.selectDistinct({ no: badges.registrationNo }).from(badges).where(and(eq(badges.editionId, edition.id), inArray(badges.registrationNo, typed)))).map((b) => b.no)
        : [],
    );
    for (const [i, s] of record.entries()) {
      if (s.result !== "admit") continue;
      if (s.manual) {
        const p = parseShortCode(s.code, edition.year);
        if (p.ok && p.year === edition.year && p.registrationNo === s.registrationNo && issued.has(p.registrationNo)) continue;
        incidents++;
        record[i] = { ...s, result: "refuse", reason: "unknown_code", registrationNo: p.ok && issued.has(p.registrationNo) ? p.registrationNo : null };
        continue;
      }
      const v = verifyBadge(s.code, keys, short);
      if (v.ok && v.payload.registrationNo === s.registrationNo) continue;
      incidents++;
      record[i] = { ...s, result: "refuse", reason: v.ok ? "unknown_code" : verificationReason(v), registrationNo: v.ok ? v.payload.registrationNo : null };
    }
    const numbers = [...new Set(record.flatMap((s) => (s.registrationNo === null ? [] : [s.registrationNo])))];
    const regRows = numbers.length
      ? await tx.select({ id: registrations.id, number: registrations.number }).from(registrations).where(and(eq(registrations.editionId, edition.id), inArray(registrations.number, numbers)))
      : [];
    const regId = new Map(regRows.map((r) => [r.number, r.id]));
    const now = ctx.clock.now();
    let recorded = 0;
    for (let i = 0; i < record.length; i += 500) {
      const rows = record.slice(i, i + 500).map((s) => ({
        editionId: edition.id,
        nonce: s.nonce,
        gateId: s.gateId,
        deviceId: s.deviceId,
        code: s.code.slice(0, 512),
        registrationNo: s.registrationNo,
        registrationId: s.registrationNo === null ? null : (regId.get(s.registrationNo) ?? null),
        // The server's own record of the gate's zone, not the phone's copy.
        zone: gateZone.get(s.gateId) ?? null,
        dayIndex: scanDay(new Date(s.at), { ...edition, rehearsal }).dayIndex,
        rehearsal: scanDay(new Date(s.at), { ...edition, rehearsal }).rehearsal ?? false,
        scannedAt: new Date(s.at),
        uploadedAt: now,
        offline: s.offline,
        result: s.result,
        reason: s.reason,
        scannedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        manual: s.manual ?? null,
      }));
      recorded += (await tx.insert(scans).values(rows).onConflictDoNothing().returning({ id: scans.id })).length;
    }
    const flagged = await flagDoubleAdmissions(tx, ctx, edition.id, record.filter((s) => s.result === "admit" && s.registrationNo !== null).map((s) => s.registrationNo!));
    return { recorded, duplicates: merged.duplicates.length, conflicts: merged.conflicts, invalid: merged.invalid, flagged, incidents };
  });
}

/** Re-run double-admission detection over every admission of the given badges; store new flags. */
async function flagDoubleAdmissions(tx: Ctx["db"], ctx: Ctx, editionId: string, numbers: number[]): Promise<number> {
  const unique = [...new Set(numbers)];
  if (unique.length === 0) return 0;
  const admitted = await tx
    .select({ nonce: scans.nonce, gateId: scans.gateId, deviceId: scans.deviceId, at: scans.scannedAt, registrationNo: scans.registrationNo, zone: scans.zone, offline: scans.offline })
    .from(scans)
    .where(and(eq(scans.editionId, editionId), eq(scans.result, "admit"), inArray(scans.registrationNo, unique)));
  const flags = detectDoubleAdmissions(admitted.map((s) => ({ ...s, at: s.at.toISOString(), result: "admit" as const })));
  if (flags.length === 0) return 0;
  const rows = flags.map((f) => ({
    editionId,
    registrationNo: f.registrationNo,
    zone: f.zone,
    firstNonce: f.first.nonce,
    secondNonce: f.second.nonce,
    gapMs: f.gapMs,
    flaggedAt: ctx.clock.now(),
  }));
  return (await tx.insert(doubleAdmissions).values(rows).onConflictDoNothing().returning({ id: doubleAdmissions.id })).length;
}
