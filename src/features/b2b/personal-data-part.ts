import { eq, inArray, or } from "drizzle-orm";
import { ANONYMISED, type PersonalDataPart, type PersonalDataSubject } from "#features/editions";
import type { Executor } from "../../platform/db/types";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bRequests, b2bSmeStaff } from "./tables";

async function participantIds(db: Executor, subject: PersonalDataSubject): Promise<string[]> {
  if (!subject.registrationIds.length) return [];
  const rows = await db.select({ id: b2bParticipants.id }).from(b2bParticipants).where(inArray(b2bParticipants.registrationId, [...subject.registrationIds]));
  return rows.map((r) => r.id);
}

/** B2B's part of a person's data (editions/personal-data-port.ts; provided by src/wiring.ts): the
 *  buyer-side participant of their registrations with its profile, requests and meetings, and the
 *  exhibitor staff rows that name them. Anonymising keeps sides, kinds, sectors, markets, statuses
 *  and meetings (the figures) and removes the profile's free text, the requests' messages and
 *  decline reasons, the access and calendar links, and a staff row's name, email and phone. */
export const b2bPersonalDataPart: PersonalDataPart = {
  name: "b2b",
  async export(db, subject) {
    const ids = await participantIds(db, subject);
    const staff = subject.registrationIds.length
      ? await db.select({ name: b2bSmeStaff.name, email: b2bSmeStaff.email, phone: b2bSmeStaff.phone, createdAt: b2bSmeStaff.createdAt }).from(b2bSmeStaff).where(inArray(b2bSmeStaff.registrationId, [...subject.registrationIds]))
      : [];
    if (!ids.length) return { participants: [], profiles: [], requests: [], meetings: [], exhibitorStaff: staff };
    const participants = await db
      .select({ id: b2bParticipants.id, side: b2bParticipants.side, kind: b2bParticipants.kind, approved: b2bParticipants.approved, optedIn: b2bParticipants.optedIn, locale: b2bParticipants.locale, withdrawnAt: b2bParticipants.withdrawnAt, createdAt: b2bParticipants.createdAt })
      .from(b2bParticipants)
      .where(inArray(b2bParticipants.id, ids));
    const profiles = await db.select().from(b2bProfiles).where(inArray(b2bProfiles.participantId, ids));
    const requests = await db
      .select({ id: b2bRequests.id, requestedBy: b2bRequests.requestedBy, message: b2bRequests.message, priority: b2bRequests.priority, status: b2bRequests.status, declineReason: b2bRequests.declineReason, createdAt: b2bRequests.createdAt, decidedAt: b2bRequests.decidedAt })
      .from(b2bRequests)
      .where(inArray(b2bRequests.buyerParticipantId, ids));
    const meetings = await db
      .select({ id: b2bMeetings.id, day: b2bMeetings.day, startMinute: b2bMeetings.startMinute, place: b2bMeetings.place, tableNo: b2bMeetings.tableNo, status: b2bMeetings.status })
      .from(b2bMeetings)
      .where(inArray(b2bMeetings.buyerParticipantId, ids));
    return { participants, profiles, requests, meetings, exhibitorStaff: staff };
  },
  async anonymise(tx, subject) {
    const ids = await participantIds(tx, subject);
    const staff = subject.registrationIds.length
      ? await tx
          .update(b2bSmeStaff)
          .set({ name: ANONYMISED, email: null, phone: null })
          .where(inArray(b2bSmeStaff.registrationId, [...subject.registrationIds]))
          .returning({ id: b2bSmeStaff.id })
      : [];
    if (!ids.length) return { participants: 0, profiles: 0, requests: 0, exhibitorStaff: staff.length };
    await tx.update(b2bParticipants).set({ accessTokenHash: null, calendarTokenHash: null }).where(inArray(b2bParticipants.id, ids));
    const profiles = await tx
      .update(b2bProfiles)
      .set({ offersEn: "", offersUr: "", needsEn: "", needsUr: "", productsEn: "", productsUr: "", volumes: "" })
      .where(inArray(b2bProfiles.participantId, ids))
      .returning({ id: b2bProfiles.participantId });
    const requests = await tx
      .update(b2bRequests)
      .set({ message: "", declineReason: null, answerTokenHash: null })
      .where(or(inArray(b2bRequests.buyerParticipantId, ids), inArray(b2bRequests.smeParticipantId, ids)))
      .returning({ id: b2bRequests.id });
    return { participants: ids.length, profiles: profiles.length, requests: requests.length, exhibitorStaff: staff.length };
  },
};

/** The buyer-side meetings of a subject: what the meeting day's part looks at. */
export async function meetingIdsOfRegistrations(db: Executor, registrationIds: readonly string[]): Promise<string[]> {
  if (!registrationIds.length) return [];
  const rows = await db
    .select({ id: b2bMeetings.id })
    .from(b2bMeetings)
    .innerJoin(b2bParticipants, eq(b2bParticipants.id, b2bMeetings.buyerParticipantId))
    .where(inArray(b2bParticipants.registrationId, [...registrationIds]));
  return rows.map((r) => r.id);
}
