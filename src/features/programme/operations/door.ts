import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import type { MessageKey } from "../../../platform/i18n/catalogue";
import { translate } from "../../../platform/i18n/translate";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { editionShortId, verifyBadge } from "#features/checkin";
import type { PublicKeySet } from "#features/checkin";
import { DOOR_REASONS, doorReasonKey, type DoorOfflineFacts, type DoorOfflineReason } from "../engine/door-offline";
import { badgeKey, decideScan, type RegistrationStatus } from "#features/checkin";
import { scanDay } from "#features/checkin";
import { newScanNonce } from "#features/checkin";
import { parseQueuedItems, type ScanUploadAnswer } from "#features/checkin";
import { editionPublicKeys } from "#features/checkin";
import { badges } from "#features/checkin";
import { doorScanInput, doorUploadInput, sessionRefInput, uploadedDoorScan } from "../schemas";
import { programmeDoorScans, programmeInvitations, programmeRooms, programmeRsvps, programmeSessions } from "../tables";
import { lastRelease } from "./release";
import { attendanceBySession } from "./seats";

// Check-in at a session's door (issue #13, agenda item 5). The room door uses the gate's badge
// check as it is (checkin/core: the signature, revocation, replacement, approval and day rules,
// with the same reasons, in the same order), then the session's own rule: open to every badge, by
// visitor category, or by invitation; and a seat (an RSVP) when the session requires one. Each
// scan is recorded once per nonce: a device that uploads its queue again (offline, a retried
// request) gets the first answer back and nothing is counted twice. Attendance is the number of
// people admitted to the session.

export { DOOR_REASONS };
export type DoorReason = DoorOfflineReason;

export interface DoorAnswer {
  result: "admit" | "refuse";
  reason: DoorReason;
  message: string;
  nonce: string;
  person: { registrationNo: number; name: string; category: string } | null;
}

const reasonText = (locale: Ctx["locale"], reason: DoorReason) => translate(locale, doorReasonKey(reason) as MessageKey);

async function doorSession(ctx: Ctx, editionId: string, sessionId: string) {
  const [row] = await ctx.db
    .select({ session: programmeSessions, edition: editions })
    .from(programmeSessions)
    .innerJoin(editions, eq(editions.id, programmeSessions.editionId))
    .where(and(eq(programmeSessions.id, sessionId), eq(programmeSessions.editionId, editionId)));
  // Authorise before saying whether the session exists, as the gate does.
  authorize(ctx.actor, "checkin.scan", { organiserId: row?.edition.organiserId ?? "-" });
  if (!row) throw new DomainError("not_found", { params: { what: "session" } });
  return row;
}

type Loaded = Awaited<ReturnType<typeof doorSession>>;

/** Decide one scan and record it under its nonce (or return what was recorded for that nonce). */
async function decideAtDoor(ctx: Ctx, { session, edition }: Loaded, scan: { code: string; nonce: string; deviceId: string; scannedAt: Date; offline: boolean }): Promise<DoorAnswer> {
  const db = ctx.db;
  const answer = (result: "admit" | "refuse", reason: DoorReason, person: DoorAnswer["person"]): DoorAnswer => ({ result, reason, message: reasonText(ctx.locale, reason), nonce: scan.nonce, person });
  const [seen] = await db.select().from(programmeDoorScans).where(and(eq(programmeDoorScans.sessionId, session.id), eq(programmeDoorScans.nonce, scan.nonce)));
  if (seen && seen.code === scan.code) return answer(seen.result, seen.reason as DoorReason, null);
  if (seen) return decideAtDoor(ctx, { session, edition }, { ...scan, nonce: newScanNonce() });

  const verification = verifyBadge(scan.code, await editionPublicKeys(db, edition.id), editionShortId(edition.id));
  const today = scanDay(scan.scannedAt, edition);
  let person: DoorAnswer["person"] = null;
  let registrationId: string | null = null;
  let reason: DoorReason;
  if (!verification.ok) {
    reason = decideScan({ verification, revocations: { registrations: new Set(), badges: new Set() }, today, gateZone: null, reentryAllowed: true, history: [] }).reason;
  } else {
    const no = verification.payload.registrationNo;
    const [reg] = await db
      .select({
        id: registrations.id,
        status: registrations.status,
        name: registrations.name,
        categoryId: registrations.categoryId,
        categoryEn: visitorCategories.nameEn,
        categoryUr: visitorCategories.nameUr,
        currentSerial: sql<number | null>`(select max(${badges.serial}) from ${badges} where ${badges.registrationId} = ${registrations.id})`,
        scannedState: sql<string | null>`(select case when ${badges.revokedAt} is null then 'valid' else 'revoked' end from ${badges} where ${badges.registrationId} = ${registrations.id} and ${badges.serial} = ${verification.payload.serial})`,
        invited: sql<boolean>`exists (select 1 from ${programmeInvitations} i where i.session_id = ${session.id} and i.registration_id = ${registrations.id})`,
        seated: sql<boolean>`exists (select 1 from ${programmeRsvps} r where r.session_id = ${session.id} and r.registration_id = ${registrations.id} and r.status = 'seated' and r.cancelled_at is null)`,
      })
      .from(registrations)
      .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
      .where(and(eq(registrations.editionId, edition.id), eq(registrations.number, no)));
    if (!reg?.scannedState) reason = "unknown_code";
    else {
      registrationId = reg.id;
      person = { registrationNo: no, name: reg.name, category: ctx.locale === "ur" ? reg.categoryUr : reg.categoryEn };
      const gate = decideScan({
        verification,
        revocations: { registrations: new Set(), badges: new Set(reg.scannedState === "revoked" ? [badgeKey(no, verification.payload.serial)] : []) },
        registration: { status: (reg.status === "approved" ? "approved" : "pending") as RegistrationStatus, currentSerial: Number(reg.currentSerial) },
        today,
        gateZone: null,
        reentryAllowed: true,
        history: [],
      });
      // The badge first (as at the gate), then the session's own rule.
      const released = (await lastRelease(db, edition.id))?.sessions.some((s) => s.id === session.id) ?? false;
      if (gate.result === "refuse") reason = gate.reason;
      else if (session.cancelled || !released) reason = "session_cancelled";
      else if (today.dayIndex !== session.day - 1) reason = "session_not_today";
      else if (session.access === "invitation" && !reg.invited) reason = "not_invited";
      else if (session.access === "by_category" && !session.categoryIds.includes(reg.categoryId) && !reg.invited) reason = "category_not_admitted";
      else if (session.rsvpRequired && !reg.seated) reason = "no_rsvp";
      else reason = "ok";
    }
  }
  const result = reason === "ok" ? "admit" : "refuse";
  const now = ctx.clock.now();
  const inserted = await db
    .insert(programmeDoorScans)
    .values({
      editionId: edition.id,
      sessionId: session.id,
      nonce: scan.nonce,
      code: scan.code,
      registrationId,
      result,
      reason,
      deviceId: scan.deviceId,
      offline: scan.offline,
      scannedAt: scan.scannedAt,
      uploadedAt: now,
      scannedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    })
    .onConflictDoNothing()
    .returning({ id: programmeDoorScans.id });
  if (!inserted.length) return decideAtDoor(ctx, { session, edition }, scan); // the same nonce, a moment ago
  return answer(result, reason, person);
}

/** One scan at the door, online. */
export async function doorScan(ctx: Ctx, raw: Input<typeof doorScanInput>): Promise<DoorAnswer> {
  const input = parseInput(doorScanInput, raw);
  const loaded = await doorSession(ctx, input.editionId, input.sessionId);
  const scannedAt = ctx.clock.now();
  return decideAtDoor(ctx, loaded, { code: input.code, nonce: input.nonce ?? newScanNonce(), deviceId: input.deviceId, scannedAt, offline: false });
}

/** A door phone's queue of scans (online ones too, each saying whether the phone was offline), each with its nonce and time, in the shape every
 *  scanner uploads (checkin/core/scan-queue.ts): decided now, recorded once per nonce. */
export async function uploadDoorScans(ctx: Ctx, raw: Input<typeof doorUploadInput>): Promise<ScanUploadAnswer<DoorAnswer>> {
  const input = parseInput(doorUploadInput, raw);
  const loaded = await doorSession(ctx, input.editionId, input.sessionId);
  const { items, invalid } = parseQueuedItems(uploadedDoorScan, input.scans);
  const out: ScanUploadAnswer<DoorAnswer> = { recorded: 0, duplicates: 0, invalid, answers: [] };
  for (const { item: s } of items) {
    const [seen] = await ctx.db.select({ code: programmeDoorScans.code }).from(programmeDoorScans).where(and(eq(programmeDoorScans.sessionId, loaded.session.id), eq(programmeDoorScans.nonce, s.nonce)));
    if (seen?.code === s.code) out.duplicates++;
    else out.recorded++;
    // (Another code under a used nonce is recorded under a fresh one: the answer keeps the phone's nonce.)
    out.answers.push({ ...(await decideAtDoor(ctx, loaded, { code: s.code, nonce: s.nonce, deviceId: s.deviceId, scannedAt: new Date(s.at), offline: s.offline })), nonce: s.nonce });
  }
  return out;
}

/** The door page: the session, its room, attendance and the last scans. */
export async function doorView(ctx: Ctx, raw: Input<typeof sessionRefInput>) {
  const { editionId, id } = parseInput(sessionRefInput, raw);
  const { session, edition } = await doorSession(ctx, editionId, id);
  const [room] = await ctx.db.select().from(programmeRooms).where(eq(programmeRooms.id, session.roomId));
  const admitted = (await attendanceBySession(ctx.db, edition.id)).get(session.id) ?? 0;
  const recent = await ctx.db
    .select({ at: programmeDoorScans.scannedAt, result: programmeDoorScans.result, reason: programmeDoorScans.reason, name: registrations.name, number: registrations.number })
    .from(programmeDoorScans)
    .leftJoin(registrations, eq(registrations.id, programmeDoorScans.registrationId))
    .where(eq(programmeDoorScans.sessionId, session.id))
    .orderBy(sql`${programmeDoorScans.uploadedAt} desc`, asc(programmeDoorScans.id))
    .limit(10);
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, startsOn: edition.startsOn },
    session: { id: session.id, titleEn: session.titleEn, titleUr: session.titleUr, day: session.day, startMinute: session.startMinute, endMinute: session.endMinute, access: session.access, rsvpRequired: session.rsvpRequired },
    room: { nameEn: room!.nameEn, nameUr: room!.nameUr, capacity: room!.capacity },
    admitted,
    recent: recent.map((r) => ({ ...r, message: reasonText(ctx.locale, r.reason as DoorReason) })),
    offline: await doorOffline(ctx, { session, edition }),
  };
}

/** What the door page carries for checking on the phone when the network drops
 *  (engine/door-offline.ts): the edition's public keys, the session's rule, and the registration
 *  numbers invited or seated (numbers only, no names). */
async function doorOffline(ctx: Ctx, { session, edition }: Loaded): Promise<{ keys: PublicKeySet; edition: number; facts: DoorOfflineFacts }> {
  const numbers = async (table: typeof programmeInvitations | typeof programmeRsvps, seatedOnly: boolean) =>
    (
      await ctx.db
        .select({ no: registrations.number })
        .from(table)
        .innerJoin(registrations, eq(registrations.id, table.registrationId))
        .where(and(eq(table.sessionId, session.id), seatedOnly ? sql`${programmeRsvps.status} = 'seated' and ${programmeRsvps.cancelledAt} is null` : undefined))
    ).map((r) => Number(r.no));
  const categoryIndexes = session.categoryIds.length
    ? (await ctx.db.select({ i: visitorCategories.badgeIndex }).from(visitorCategories).where(inArray(visitorCategories.id, session.categoryIds))).map((c) => c.i)
    : [];
  const released = (await lastRelease(ctx.db, edition.id))?.sessions.some((s) => s.id === session.id) ?? false;
  return {
    keys: await editionPublicKeys(ctx.db, edition.id),
    edition: editionShortId(edition.id),
    facts: {
      startsOn: edition.startsOn,
      timezone: edition.timezone,
      session: { day: session.day, access: session.access, rsvpRequired: session.rsvpRequired, live: released && !session.cancelled, categoryIndexes },
      invited: session.access === "open" && !session.rsvpRequired ? [] : await numbers(programmeInvitations, false),
      seated: session.rsvpRequired ? await numbers(programmeRsvps, true) : [],
    },
  };
}
