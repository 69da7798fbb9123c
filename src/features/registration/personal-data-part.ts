import { eq, inArray } from "drizzle-orm";
import { ANONYMISED, anonymisedEmail, type PersonalDataPart } from "#features/editions";
import { editions, visitorCategories } from "#features/editions";
import { registrationQuestions, registrations } from "./tables";

/** Registration's part of a person's data (editions/personal-data-port.ts; provided by src/wiring.ts):
 *  their registrations with the answers they gave. Anonymising keeps what figures count (edition,
 *  category, status, days, consents, chosen answers) and removes who they are: name, email,
 *  phone, organisation, designation, typed answers, the manage link and the account link. */
export const registrationPersonalDataPart: PersonalDataPart = {
  name: "registration",
  async export(db, subject) {
    if (!subject.registrationIds.length) return [];
    const rows = await db
      .select({
        id: registrations.id,
        edition: editions.nameEn,
        category: visitorCategories.code,
        number: registrations.number,
        name: registrations.name,
        nameUr: registrations.nameUr,
        email: registrations.email,
        phone: registrations.phone,
        organisation: registrations.organisation,
        designation: registrations.designation,
        status: registrations.status,
        days: registrations.days,
        answers: registrations.answers,
        consentData: registrations.consentData,
        consentScan: registrations.consentScan,
        source: registrations.source,
        locale: registrations.locale,
        refusalReason: registrations.refusalReason,
        createdAt: registrations.createdAt,
        updatedAt: registrations.updatedAt,
      })
      .from(registrations)
      .innerJoin(editions, eq(editions.id, registrations.editionId))
      .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
      .where(inArray(registrations.id, [...subject.registrationIds]))
      .orderBy(registrations.createdAt);
    return rows;
  },
  async anonymise(tx, subject, at) {
    if (!subject.registrationIds.length) return { registrations: 0 };
    const rows = await tx
      .select({ id: registrations.id, editionId: registrations.editionId, answers: registrations.answers })
      .from(registrations)
      .where(inArray(registrations.id, [...subject.registrationIds]));
    const editionIds = [...new Set(rows.map((r) => r.editionId))];
    const typed = new Set(
      editionIds.length
        ? (await tx.select({ id: registrationQuestions.id, kind: registrationQuestions.kind }).from(registrationQuestions).where(inArray(registrationQuestions.editionId, editionIds)))
            .filter((q) => q.kind === "text")
            .map((q) => q.id)
        : [],
    );
    for (const r of rows) {
      // Chosen answers (select, multi, yes/no) are figures; typed ones may say anything.
      const answers = Object.fromEntries(Object.entries(r.answers).filter(([k]) => !typed.has(k)));
      await tx
        .update(registrations)
        .set({
          name: ANONYMISED,
          nameUr: null,
          email: anonymisedEmail(r.id),
          phone: null,
          organisation: null,
          designation: null,
          answers,
          userId: null,
          manageTokenHash: null,
          idempotencyKey: null,
          requestFingerprint: null,
          refusalReason: null,
          updatedAt: at,
        })
        .where(eq(registrations.id, r.id));
    }
    return { registrations: rows.length };
  },
};
