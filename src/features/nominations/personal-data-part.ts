import { and, count, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { enterprises } from "#features/editions";
import { ANONYMISED, type PersonalDataPart } from "#features/editions";
import { editions, tradeBodies } from "#features/editions";
import { applicationPhotos, nominations } from "./tables";

/** The nominations about a person: those naming one of their emails as the contact person (in the
 *  organiser's editions when one is given), and those of the given enterprises (the same NTN in an
 *  edition of the enterprise's organiser). The selection's part reads the same set. */
export async function nominationIdsOf(db: Executor, emails: readonly string[], enterpriseIds: readonly string[], organiserId: string | null): Promise<string[]> {
  const match: SQL[] = [];
  if (emails.length) match.push(and(inArray(sql`lower(${nominations.email})`, [...emails]), organiserId ? eq(editions.organiserId, organiserId) : undefined)!);
  if (enterpriseIds.length) {
    const sameFirm = db
      .select({ one: sql`1` })
      .from(enterprises)
      .where(and(inArray(enterprises.id, [...enterpriseIds]), eq(enterprises.ntn, nominations.ntn), eq(enterprises.organiserId, editions.organiserId)));
    match.push(exists(sameFirm));
  }
  if (!match.length) return [];
  const rows = await db
    .select({ id: nominations.id })
    .from(nominations)
    .innerJoin(editions, eq(editions.id, nominations.editionId))
    .where(or(...match));
  return rows.map((r) => r.id);
}

/** The application's typed fields that may name or locate a person (the rest are figures). */
const typedFields = ["address", "goals"] as const;

/** Nominations' part of a person's data (editions/personal-data-port.ts; provided by src/wiring.ts):
 *  what a trade body submitted about their enterprise and its contact person, and the application
 *  completed through the link. Anonymising a nomination that names them (their email), or one of
 *  an enterprise they are the only account of (decision 0012), replaces the contact's name, removes
 *  the email and phone, stops the application link and empties the address and goals; the firm's
 *  figures (size, turnover, employees, women-led, cluster, district) and its status stay, so the
 *  selection and the dashboards count it as before. */
export const nominationsPersonalDataPart: PersonalDataPart = {
  name: "nominations",
  async export(db, subject) {
    const ids = await nominationIdsOf(db, subject.emails, subject.enterpriseIds, subject.organiserId);
    if (!ids.length) return [];
    const photos = db.select({ n: count() }).from(applicationPhotos).where(eq(applicationPhotos.nominationId, nominations.id));
    return db
      .select({
        id: nominations.id,
        edition: editions.nameEn,
        tradeBody: tradeBodies.nameEn,
        ntn: nominations.ntn,
        enterpriseName: nominations.enterpriseName,
        sizeClass: nominations.sizeClass,
        annualTurnoverPkr: nominations.annualTurnoverPkr,
        employees: nominations.employees,
        womenLed: nominations.womenLed,
        contactName: nominations.contactName,
        email: nominations.email,
        phone: nominations.phone,
        district: nominations.district,
        locale: nominations.locale,
        status: nominations.status,
        application: nominations.application,
        photos: sql<number>`(${photos})::int`,
        submittedAt: nominations.submittedAt,
        createdAt: nominations.createdAt,
      })
      .from(nominations)
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .innerJoin(tradeBodies, eq(tradeBodies.id, nominations.tradeBodyId))
      .where(inArray(nominations.id, ids))
      .orderBy(nominations.createdAt);
  },
  async knownAs(db, subject) {
    const ids = await nominationIdsOf(db, subject.emails, [], subject.organiserId);
    if (!ids.length) return null;
    const rows = await db.select({ name: nominations.contactName, phone: nominations.phone }).from(nominations).where(inArray(nominations.id, ids));
    return [...new Set(rows.flatMap((r) => [r.name, r.phone]).filter((n): n is string => !!n && n !== ANONYMISED))];
  },
  async anonymise(tx, subject) {
    const ids = await nominationIdsOf(tx, subject.emails, subject.soleEnterpriseIds, subject.organiserId);
    if (!ids.length) return { nominations: 0 };
    const blank = Object.fromEntries(typedFields.map((f) => [f, ""]));
    const typed = sql.join(typedFields.map((f) => sql`coalesce(${nominations.application}->>${f}, '') <> ''`), sql` or `);
    const done = await tx
      .update(nominations)
      .set({
        contactName: ANONYMISED,
        email: null,
        phone: null,
        // Unique and never the sha256 of a link: the link sent to them opens nothing any more.
        linkHash: sql`'anonymised-' || ${nominations.id}::text`,
        application: sql`${nominations.application} || ${JSON.stringify(blank)}::jsonb`,
      })
      .where(
        and(
          inArray(nominations.id, ids),
          sql`(${nominations.contactName} <> ${ANONYMISED} or ${nominations.email} is not null or ${nominations.phone} is not null or ${typed})`,
        ),
      )
      .returning({ id: nominations.id });
    return { nominations: done.length };
  },
};
