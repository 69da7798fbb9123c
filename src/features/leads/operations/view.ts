import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { registrations } from "#features/registration";
import { detailsShared } from "../core/consent";
import { leads, type TouchState } from "../tables";

// The one read of leads for their exhibitor (page, export, API, scan answers): the contact details
// are put in only when core/consent.ts says so, at the moment of reading. Nothing else in this
// feature reads a visitor's name, organisation or email for an exhibitor.

export interface LeadView {
  id: string;
  firstScannedAt: Date;
  lastScannedAt: Date;
  scanCount: number;
  note: string;
  rating: number | null;
  tags: string[];
  touch: TouchState;
  withdrawn: boolean;
  /** Whether the visitor's details are shared with this exhibitor now. */
  shared: boolean;
  contact: { name: string; organisation: string | null; email: string } | null;
}

async function read(db: Executor, where: SQL | undefined): Promise<LeadView[]> {
  const rows = await db
    .select({ lead: leads, consentScan: registrations.consentScan, name: registrations.name, organisation: registrations.organisation, email: registrations.email })
    .from(leads)
    .innerJoin(registrations, eq(registrations.id, leads.registrationId))
    .where(where)
    .orderBy(asc(leads.firstScannedAt), asc(leads.id));
  return rows.map(({ lead: l, consentScan, name, organisation, email }) => {
    const shared = detailsShared({ consentScan, touch: l.touch, withdrawn: l.withdrawnAt !== null });
    return {
      id: l.id,
      firstScannedAt: l.firstScannedAt,
      lastScannedAt: l.lastScannedAt,
      scanCount: l.scanCount,
      note: l.note,
      rating: l.rating,
      tags: l.tags,
      touch: l.touch,
      withdrawn: l.withdrawnAt !== null,
      shared,
      contact: shared ? { name, organisation, email } : null,
    };
  });
}

export const leadsOfExhibitor = (db: Executor, editionId: string, enterpriseId: string) => read(db, and(eq(leads.editionId, editionId), eq(leads.enterpriseId, enterpriseId)));

export async function leadOfExhibitor(db: Executor, enterpriseId: string, leadId: string): Promise<LeadView | undefined> {
  const [one] = await read(db, and(eq(leads.id, leadId), eq(leads.enterpriseId, enterpriseId)));
  return one;
}
