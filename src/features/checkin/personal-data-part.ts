import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { retentionDue, type PersonalDataPart } from "#features/editions";
import { badges, gates, scans, staffBadges, zoneGrants, zones } from "./tables";

/** Check-in's part of a person's data (editions/personal-data-port.ts; provided by src/wiring.ts):
 *  their badges, the gates they passed and the zones granted to them. Anonymising revokes every
 *  badge still valid (a copy of the QR no longer opens a gate) and clears a grant's written reason;
 *  scans stay, counted in the footfall, tied only to the anonymised registration. Retention
 *  deletes an edition's gate scans (and the double-admission flags made from them) once its
 *  `scanDays` have passed. */
export const checkinPersonalDataPart: PersonalDataPart = {
  name: "checkin",
  async export(db, subject) {
    const ids = [...subject.registrationIds];
    if (!ids.length) return { badges: [], scans: [], zoneGrants: [] };
    const badgeRows = await db
      .select({ registrationId: badges.registrationId, serial: badges.serial, issuedAt: badges.issuedAt, replacedAt: badges.replacedAt, revokedAt: badges.revokedAt, revokedReason: badges.revokedReason })
      .from(badges)
      .where(inArray(badges.registrationId, ids))
      .orderBy(badges.issuedAt);
    const scanRows = await db
      .select({ registrationId: scans.registrationId, gate: gates.nameEn, dayIndex: scans.dayIndex, scannedAt: scans.scannedAt, result: scans.result, reason: scans.reason, offline: scans.offline })
      .from(scans)
      .innerJoin(gates, eq(gates.id, scans.gateId))
      .where(and(inArray(scans.registrationId, ids), eq(scans.rehearsal, false)))
      .orderBy(scans.scannedAt);
    const grantRows = await db
      .select({ registrationId: zoneGrants.registrationId, zone: zones.nameEn, reason: zoneGrants.reason, grantedAt: zoneGrants.grantedAt })
      .from(zoneGrants)
      .innerJoin(zones, eq(zones.id, zoneGrants.zoneId))
      .where(inArray(zoneGrants.registrationId, ids));
    const staffRows = await db.select({ registrationId: staffBadges.registrationId, enterpriseId: staffBadges.enterpriseId }).from(staffBadges).where(inArray(staffBadges.registrationId, ids));
    return { badges: badgeRows, scans: scanRows, zoneGrants: grantRows, staffBadges: staffRows };
  },
  async anonymise(tx, subject, at) {
    const ids = [...subject.registrationIds];
    if (!ids.length) return { badgesRevoked: 0, zoneGrants: 0 };
    const revoked = await tx
      .update(badges)
      .set({ revokedAt: at, revokedReason: "anonymised" })
      .where(and(inArray(badges.registrationId, ids), isNull(badges.revokedAt)))
      .returning({ id: badges.id });
    const grants = await tx.update(zoneGrants).set({ reason: "" }).where(inArray(zoneGrants.registrationId, ids)).returning({ id: zoneGrants.id });
    return { badgesRevoked: revoked.length, zoneGrants: grants.length };
  },
  async retention(tx, { edition, policy }, now) {
    if (!retentionDue(edition, policy.scanDays, now)) return { gateScans: 0 };
    const deleted = await tx.delete(scans).where(and(eq(scans.editionId, edition.id), lt(scans.scannedAt, now))).returning({ id: scans.id });
    return { gateScans: deleted.length };
  },
};
