import { eq, inArray } from "drizzle-orm";
import type { PersonalDataPart } from "#features/editions";
import { enterprises } from "#features/editions";
import { leads } from "./tables";

/** The stall leads' part of a person's data (editions/personal-data-port.ts; provided by
 *  src/wiring.ts): which exhibitors scanned them, when, and what came of the stay-in-touch
 *  request. Anonymising keeps the lead (the visit counts in the exhibitor's and organiser's
 *  figures; its registration is anonymised by registration's part) and empties what the exhibitor
 *  wrote about the person (note, tags, rating). Retention is the leads' own sweep
 *  (operations/retention.ts), which reads the edition's setting for leads. */
export const leadsPersonalDataPart: PersonalDataPart = {
  name: "leads",
  async export(db, subject) {
    if (!subject.registrationIds.length) return [];
    return db
      .select({ exhibitor: enterprises.nameEn, firstScannedAt: leads.firstScannedAt, scans: leads.scanCount, stayInTouch: leads.touch, withdrawnAt: leads.withdrawnAt, keepAgreedAt: leads.keepAgreedAt })
      .from(leads)
      .innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
      .where(inArray(leads.registrationId, [...subject.registrationIds]));
  },
  async anonymise(tx, subject) {
    if (!subject.registrationIds.length) return { leads: 0 };
    const rows = await tx.update(leads).set({ note: "", tags: [], rating: null }).where(inArray(leads.registrationId, [...subject.registrationIds])).returning({ id: leads.id });
    return { leads: rows.length };
  },
};
