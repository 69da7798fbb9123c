import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { staffBadges } from "#features/checkin";
import { enterprises } from "#features/editions";
import type { PersonalDataPart } from "#features/editions";
import { editions } from "#features/editions";
import { exhibitorFiles, exhibitorProfiles } from "./tables";

/** The exhibitor portal's part of a person's data (editions/personal-data-port.ts; provided by
 *  src/wiring.ts): the profiles of the enterprises they answer for (with the contact details they
 *  gave, the fascia, power and samples, the logo and photos), and the exhibitors that registered
 *  them as stall staff (the staff badge itself is check-in's part). Anonymising removes a profile's
 *  email when it is one of theirs, and the email and phone of every profile of an enterprise they
 *  are the only account of (decision 0012); the public description, products and checklist stay,
 *  and so does the staff badge row (its registration is anonymised by registration's part), so the
 *  exhibitor's staff count does not change. */
export const exhibitorsPersonalDataPart: PersonalDataPart = {
  name: "exhibitors",
  async export(db, subject) {
    const ids = [...subject.enterpriseIds];
    const profiles = ids.length
      ? await db
          .select({
            id: exhibitorProfiles.id,
            edition: editions.nameEn,
            enterprise: enterprises.nameEn,
            email: exhibitorProfiles.email,
            phone: exhibitorProfiles.phone,
            website: exhibitorProfiles.website,
            fasciaEn: exhibitorProfiles.fasciaEn,
            fasciaUr: exhibitorProfiles.fasciaUr,
            powerNeed: exhibitorProfiles.powerNeed,
            stepFree: exhibitorProfiles.stepFree,
            wantsCorner: exhibitorProfiles.wantsCorner,
            stallAreaM2: exhibitorProfiles.stallAreaM2,
            womenEnclave: exhibitorProfiles.womenEnclave,
            samples: exhibitorProfiles.samples,
            published: exhibitorProfiles.published,
            updatedAt: exhibitorProfiles.updatedAt,
          })
          .from(exhibitorProfiles)
          .innerJoin(editions, eq(editions.id, exhibitorProfiles.editionId))
          .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
          .where(inArray(exhibitorProfiles.enterpriseId, ids))
          .orderBy(editions.startsOn)
      : [];
    const files = profiles.length
      ? await db
          .select({ profileId: exhibitorFiles.profileId, kind: exhibitorFiles.kind, contentType: exhibitorFiles.contentType, size: exhibitorFiles.size, createdAt: exhibitorFiles.createdAt })
          .from(exhibitorFiles)
          .where(inArray(exhibitorFiles.profileId, profiles.map((p) => p.id)))
      : [];
    const staffOf = subject.registrationIds.length
      ? await db
          .select({ registrationId: staffBadges.registrationId, edition: editions.nameEn, exhibitor: enterprises.nameEn })
          .from(staffBadges)
          .innerJoin(editions, eq(editions.id, staffBadges.editionId))
          .innerJoin(enterprises, eq(enterprises.id, staffBadges.enterpriseId))
          .where(inArray(staffBadges.registrationId, [...subject.registrationIds]))
      : [];
    return { profiles, files, staffOf };
  },
  async anonymise(tx, subject) {
    const byEmail = subject.emails.length
      ? await tx
          .update(exhibitorProfiles)
          .set({ email: null })
          .where(
            and(
              inArray(sql`lower(${exhibitorProfiles.email})`, [...subject.emails]),
              subject.organiserId ? inArray(exhibitorProfiles.editionId, tx.select({ id: editions.id }).from(editions).where(eq(editions.organiserId, subject.organiserId))) : undefined,
            ),
          )
          .returning({ id: exhibitorProfiles.id })
      : [];
    const bySole = subject.soleEnterpriseIds.length
      ? await tx
          .update(exhibitorProfiles)
          .set({ email: null, phone: null })
          .where(and(inArray(exhibitorProfiles.enterpriseId, [...subject.soleEnterpriseIds]), or(isNotNull(exhibitorProfiles.email), isNotNull(exhibitorProfiles.phone))))
          .returning({ id: exhibitorProfiles.id })
      : [];
    return { profiles: new Set([...byEmail, ...bySole].map((r) => r.id)).size };
  },
};
