import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { editionShortId, verifyBadge, type PublicKeySet } from "../core/badge-code";
import { badgeKey, decideScan, type PriorScan, type RegistrationStatus, type ScanDecision } from "../core/decide";
import { scanDay } from "../core/gate-bundle";
import { newScanNonce } from "../core/offline-sync";
import { editionPublicKeys } from "../keys";
import { scanInput } from "../schemas";
import { badges, checkinRehearsals, checkinSetupVersions, gates, scans, zones, type manualEntries } from "../tables";

export type ManualEntry = (typeof manualEntries)[number];
import { zoneMaskSql } from "../zone-masks";
import { admitKey } from "../core/inside";

export interface ScanAnswer {
  result: "admit" | "refuse";
  reason: ScanDecision["reason"];
  /** The reason in the caller's language, for the gate screen. */
  message: string;
  nonce: string;
  /** Who the badge names, when the code was genuine: staff compare it with the person. */
  person: { registrationNo: number; name: string; category: string } | null;
}

// Gates and public keys change rarely but every scan needs them: a per-process cache saves two
// round trips per scan (the bench: docs/benchmarks.md). Each entry remembers the edition's set-up
// version (checkin_setup_versions, bumped by database triggers on any change to the edition, its
// gates, zones, rehearsal or keys, from any process); the scan's one read returns the current
// version, and a scan that finds its entries out of date forgets them and is decided again. So a
// change made through another process is honoured at the next scan, and the common case still
// costs two statements. A badge signed with a key rotated in after the cache was filled shows up as
// unknown_key and triggers a reload too.
const CACHE_MS = 60_000;
type GateRow = {
  gate: typeof gates.$inferSelect;
  edition: typeof editions.$inferSelect;
  zoneBit: number | null;
  rehearsal: { onDate: string; dayIndex: number } | null;
  setupVersion: number | null;
};
// Kept per database handle: a process that opens two databases (the CLI's copy, tests) never
// answers one database's scan from the other's gates.
type SetupCache = {
  gates: Map<string, { row: GateRow | undefined; at: number; generation: number }>;
  keys: Map<string, { keys: PublicKeySet; version: number; at: number }>;
};
const setupCaches = new WeakMap<object, SetupCache>();
function cacheOf(db: object): SetupCache {
  let cache = setupCaches.get(db);
  if (!cache) setupCaches.set(db, (cache = { gates: new Map(), keys: new Map() }));
  return cache;
}
let generation = 0;

const versionOf = (editionId: string) =>
  sql<number>`coalesce((select ${checkinSetupVersions.version} from ${checkinSetupVersions} where ${checkinSetupVersions.editionId} = ${editionId}), 0)`;

/** Drop cached gates (with their edition and rehearsal) after a change that scans must see at once. */
export function forgetGates() {
  generation++;
}

async function loadGate(ctx: Ctx, gateId: string): Promise<GateRow | undefined> {
  const gateCache = cacheOf(ctx.db).gates;
  const hit = gateCache.get(gateId);
  if (hit && hit.generation === generation && Date.now() - hit.at < CACHE_MS) return hit.row;
  const seen = generation;
  const [row] = await ctx.db
    .select({
      gate: gates,
      edition: editions,
      zoneBit: zones.bit,
      rehearsal: { onDate: checkinRehearsals.onDate, dayIndex: checkinRehearsals.dayIndex },
      setupVersion: sql<number>`coalesce(${checkinSetupVersions.version}, 0)`,
    })
    .from(gates)
    .innerJoin(editions, eq(editions.id, gates.editionId))
    .leftJoin(zones, eq(zones.id, gates.zoneId))
    .leftJoin(checkinRehearsals, eq(checkinRehearsals.editionId, gates.editionId))
    .leftJoin(checkinSetupVersions, eq(checkinSetupVersions.editionId, gates.editionId))
    .where(eq(gates.id, gateId));
  if (gateCache.size > 1000) gateCache.clear();
  if (row) gateCache.set(gateId, { row, at: Date.now(), generation: seen });
  return row;
}

async function keysFor(ctx: Ctx, editionId: string, fresh = false): Promise<PublicKeySet> {
  const keyCache = cacheOf(ctx.db).keys;
  const hit = keyCache.get(editionId);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.keys;
  // The version first: a key added between the two reads makes the entry look older, never newer.
  const [row] = rowsOf<{ version: number }>(await ctx.db.execute(sql`select ${versionOf(editionId)} as version`));
  return remember(ctx.db, editionId, Number(row?.version ?? 0), await editionPublicKeys(ctx.db, editionId));
}

function remember(db: object, editionId: string, version: number, keys: PublicKeySet) {
  const keyCache = cacheOf(db).keys;
  if (keyCache.size > 100) keyCache.clear();
  keyCache.set(editionId, { keys, version, at: Date.now() });
  return keys;
}

/** The edition's public keys for a caller that has just read the edition's set-up version
 *  (`version`, from checkin_setup_versions) in its own statement: the entry cached for `db` when it
 *  is of that version (and fresh enough), else read through `via` (the caller's transaction) and
 *  cached for `db`. `fresh` reads them again whatever the cache holds (a badge signed by an unknown key). */
export async function publicKeysAt(db: object, via: Executor, editionId: string, version: number, fresh = false): Promise<PublicKeySet> {
  const hit = cacheOf(db).keys.get(editionId);
  if (!fresh && hit && hit.version === version && Date.now() - hit.at < CACHE_MS) return hit.keys;
  // Read after the caller's version: the keys may be newer than it, never older.
  return remember(db, editionId, version, await editionPublicKeys(via, editionId));
}

/** Forget what this process cached about an edition's gates and keys (they changed elsewhere). */
function forgetEdition(db: object, editionId: string) {
  const { keys: keyCache, gates: gateCache } = cacheOf(db);
  keyCache.delete(editionId);
  for (const [id, hit] of gateCache) if (hit.row?.edition.id === editionId) gateCache.delete(id);
}

/** Whether the cached gate and keys are those of the set-up version the scan's read saw. */
function cachedAreCurrent(db: object, editionId: string, gateVersion: number | null, current: number) {
  const keys = cacheOf(db).keys.get(editionId);
  return Number(gateVersion ?? 0) === current && (!keys || keys.version === current);
}

/** Load a gate with its edition and zone bit; authorises the caller to scan there. */
export async function gateForScan(ctx: Ctx, gateId: string) {
  const row = await loadGate(ctx, gateId);
  // Authorise before saying whether the gate exists, so gate ids cannot be probed anonymously.
  authorize(ctx.actor, "checkin.scan", { organiserId: row?.edition.organiserId ?? "-" });
  if (!row) throw new DomainError("not_found", { params: { what: "gate" } });
  return row;
}

// The scan's one read, built and prepared once per database: the registration, its newest serial,
// the scanned serial's state and whether it was admitted at this zone today (decideScan ignores
// that when the gate allows re-entry). Preparing saves the query building and planning per scan.
function prepareRead(db: Ctx["db"]) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .select({
      id: registrations.id,
      status: registrations.status,
      name: registrations.name,
      categoryEn: visitorCategories.nameEn,
      categoryUr: visitorCategories.nameUr,
      currentSerial: sql<number | null>`(select max(${badges.serial}) from ${badges} where ${badges.registrationId} = ${registrations.id})`,
      scannedState: sql<string | null>`(select case when ${badges.revokedAt} is null then 'valid' else 'revoked' end from ${badges} where ${badges.registrationId} = ${registrations.id} and ${badges.serial} = ${p("serial")})`,
      setupVersion: sql<number>`coalesce((select ${checkinSetupVersions.version} from ${checkinSetupVersions} where ${checkinSetupVersions.editionId} = ${p("editionId")}), 0)`,
      // Gates decide by the current zone mask (category ∪ grants), not the one signed at printing.
      zoneMask: zoneMaskSql(),
      // "Already inside" (core/inside.ts, alreadyInside) in SQL: an admission at this day and zone,
      // in this mode, and for a rehearsal on its date.
      inside: sql<boolean>`exists (select 1 from ${scans} where ${scans.editionId} = ${p("editionId")} and ${scans.registrationNo} = ${p("no")} and ${scans.dayIndex} = ${p("dayIndex")} and ${scans.result} = 'admit' and ${scans.zone} is not distinct from ${p("zone")}::int and ${scans.rehearsal} = ${p("rehearsal")}::boolean and (not ${p("rehearsal")}::boolean or (${scans.scannedAt} at time zone ${p("tz")})::date = ${p("onDate")}::date))`,
    })
    .from(registrations)
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(and(eq(registrations.editionId, p("editionId")), eq(registrations.number, p("no"))))
    .prepare("checkin_scan_read");
}
const prepared = new WeakMap<object, ReturnType<typeof prepareRead>>();
function readForScan(db: Ctx["db"]) {
  let q = prepared.get(db);
  if (!q) {
    q = prepareRead(db);
    prepared.set(db, q);
  }
  return q;
}

/** An online scan: verify, decide with the registration's current state, record with its nonce.
 *  A retried request with the same nonce gets the first answer back and records nothing new.
 *
 *  Two statements in the common case, no transaction and no lock: one read of the registration
 *  with its badge and today's admissions, then the insert. Two gates admitting one badge at the
 *  same moment both decide "admit", but the unique (edition, registration, admit_key) lets only
 *  one insert succeed; the other is recorded as already inside. */
export async function recordScan(ctx: Ctx, raw: Input<typeof scanInput>): Promise<ScanAnswer> {
  return decideAndRecord(ctx, parseInput(scanInput, raw), null);
}

/** The scan itself, for a read QR code or, with `manual`, for the current badge of a person staff
 *  found by short code or name (operations/lookup.ts): same rules, same reasons, marked manual.
 *  `retried`: decided again once after the cached gate and keys turned out out of date. */
export async function decideAndRecord(ctx: Ctx, input: z.output<typeof scanInput>, manual: ManualEntry | null, retried = false): Promise<ScanAnswer> {
  const { gate, edition, zoneBit, rehearsal, setupVersion } = await gateForScan(ctx, input.gateId);
  const nonce = input.nonce ?? newScanNonce();
  const short = editionShortId(edition.id);
  let verification = verifyBadge(input.code, await keysFor(ctx, edition.id), short);
  if (!verification.ok && verification.code === "unknown_key") verification = verifyBadge(input.code, await keysFor(ctx, edition.id, true), short);
  const now = ctx.clock.now();
  const today = scanDay(now, { ...edition, rehearsal });
  const inRehearsal = today.rehearsal ?? false;
  const gateZone = zoneBit ?? null;
  const db = ctx.db;

  let person: ScanAnswer["person"] = null;
  let registrationId: string | null = null;
  let decision: ScanDecision;
  if (!verification.ok) {
    decision = decideScan({ verification, revocations: { registrations: new Set(), badges: new Set() }, today, gateZone, reentryAllowed: gate.reentryAllowed, history: [] });
  } else {
    const no = verification.payload.registrationNo;
    // A rehearsal's admissions count only on its own date (another rehearsal may rehearse the same day).
    const [reg] = await readForScan(db).execute({ editionId: edition.id, no, serial: verification.payload.serial, dayIndex: today.dayIndex, zone: gateZone, rehearsal: inRehearsal, tz: edition.timezone, onDate: inRehearsal ? rehearsal!.onDate : null });
    if (reg && !retried && !cachedAreCurrent(db, edition.id, setupVersion, Number(reg.setupVersion))) {
      // The gate, zone, rehearsal, edition or keys changed since this process cached them.
      forgetEdition(db, edition.id);
      return decideAndRecord(ctx, input, manual, true);
    }
    if (!reg?.scannedState) {
      // Genuinely signed but unknown here (a badge this server never issued): nothing to admit.
      decision = { result: "refuse", reason: "unknown_code", badge: verification.payload };
    } else {
      registrationId = reg.id;
      person = { registrationNo: no, name: reg.name, category: ctx.locale === "ur" ? reg.categoryUr : reg.categoryEn };
      const history: PriorScan[] = reg.inside ? [{ result: "admit", dayIndex: today.dayIndex, zone: gateZone, rehearsal: inRehearsal }] : [];
      decision = decideScan({
        verification,
        revocations: { registrations: new Set(), badges: new Set(reg.scannedState === "revoked" ? [badgeKey(no, verification.payload.serial)] : []) },
        registration: { status: (reg.status === "approved" ? "approved" : "pending") as RegistrationStatus, currentSerial: Number(reg.currentSerial) },
        today,
        gateZone,
        reentryAllowed: gate.reentryAllowed,
        history,
        zoneMask: Number(reg.zoneMask),
      });
    }
  }

  const row = {
    editionId: edition.id,
    nonce,
    gateId: gate.id,
    deviceId: input.deviceId,
    code: input.code,
    registrationNo: decision.badge?.registrationNo ?? null,
    registrationId,
    zone: gateZone,
    dayIndex: today.dayIndex,
    scannedAt: now,
    uploadedAt: now,
    offline: false,
    result: decision.result,
    reason: decision.reason as string,
    scannedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    // A rehearsal's admissions have keys of their own (with its date), so they never block the event's, nor another rehearsal's.
    admitKey: decision.result === "admit" && !gate.reentryAllowed ? admitKey({ dayIndex: today.dayIndex, zone: gateZone, rehearsal: inRehearsal, rehearsalOn: rehearsal?.onDate }) : null,
    rehearsal: inRehearsal,
    manual,
  };
  const answer = (result: "admit" | "refuse", reason: ScanDecision["reason"]): ScanAnswer => ({
    result,
    reason,
    message: translate(ctx.locale, `checkin.reason.${reason}`),
    nonce,
    person,
  });
  if ((await db.insert(scans).values(row).onConflictDoNothing().returning({ id: scans.id })).length) return answer(decision.result, decision.reason);
  // Nothing inserted: the same nonce again (a retried request: answer what was decided the first
  // time), or another gate admitted this badge a moment ago (then it is already inside).
  const [first] = await db.select().from(scans).where(and(eq(scans.editionId, edition.id), eq(scans.nonce, nonce)));
  if (first?.code === input.code) return answer(first.result, first.reason as ScanDecision["reason"]);
  // The nonce of another code: a nonce only makes a repeat of the same scan harmless, so this one
  // is a scan of its own, decided on its own badge, under a nonce of the server's.
  if (first) return decideAndRecord(ctx, { ...input, nonce: newScanNonce() }, manual);
  await db
    .insert(scans)
    .values({ ...row, result: "refuse", reason: "already_inside", admitKey: null })
    .onConflictDoNothing();
  return answer("refuse", "already_inside");
}
