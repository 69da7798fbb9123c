import { eq, inArray } from "drizzle-orm";
import { ANONYMISED, type PersonalDataPart } from "#features/editions";
import { programmeInvitations, programmeRsvps, programmeSessions, programmeSpeakers } from "./tables";

/** The programme's part of a person's data (editions/personal-data-port.ts; provided by
 *  src/wiring.ts): their seats (RSVPs), invitations and, for a speaker with an account, the speaker
 *  profile. Anonymising keeps seats and invitations (the rooms' counts) and empties a speaker
 *  profile tied to their account (name, bio, photo, email). */
export const programmePersonalDataPart: PersonalDataPart = {
  name: "programme",
  async export(db, subject) {
    const ids = [...subject.registrationIds];
    const rsvps = ids.length
      ? await db
          .select({ session: programmeSessions.titleEn, day: programmeSessions.day, startMinute: programmeSessions.startMinute, createdAt: programmeRsvps.createdAt, cancelledAt: programmeRsvps.cancelledAt })
          .from(programmeRsvps)
          .innerJoin(programmeSessions, eq(programmeSessions.id, programmeRsvps.sessionId))
          .where(inArray(programmeRsvps.registrationId, ids))
      : [];
    const invitations = ids.length
      ? await db
          .select({ session: programmeSessions.titleEn })
          .from(programmeInvitations)
          .innerJoin(programmeSessions, eq(programmeSessions.id, programmeInvitations.sessionId))
          .where(inArray(programmeInvitations.registrationId, ids))
      : [];
    const speaker = subject.userId
      ? await db
          .select({ name: programmeSpeakers.name, nameUr: programmeSpeakers.nameUr, organisation: programmeSpeakers.organisation, role: programmeSpeakers.role, bioEn: programmeSpeakers.bioEn, bioUr: programmeSpeakers.bioUr, email: programmeSpeakers.email })
          .from(programmeSpeakers)
          .where(eq(programmeSpeakers.userId, subject.userId))
      : [];
    return { rsvps, invitations, speaker };
  },
  async anonymise(tx, subject) {
    if (!subject.userId) return { speakers: 0 };
    const done = await tx
      .update(programmeSpeakers)
      .set({ name: ANONYMISED, nameUr: "", organisation: "", role: "", bioEn: "", bioUr: "", photoUrl: null, email: null, userId: null })
      .where(eq(programmeSpeakers.userId, subject.userId))
      .returning({ id: programmeSpeakers.id });
    return { speakers: done.length };
  },
};
