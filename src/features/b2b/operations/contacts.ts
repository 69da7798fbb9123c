import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { users } from "../../../platform/auth/tables";
import type { Executor } from "../../../platform/db/types";
import type { Locale } from "../../../platform/i18n/locales";
import { roleGrants } from "#features/accounts";
import { enterprises } from "#features/editions";
import { nominations } from "#features/nominations";
import { registrations } from "#features/registration";
import { b2bSmeStaff } from "../tables";
import type { Participant } from "./participants";

// The one home of "where a participant is reached" (issue 11): the request emails, the meeting
// pages, the schedule's publication and the meeting day all ask here, so an exhibitor whose
// application has no email is reached the same way everywhere.

export interface Contact {
  name: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

type Who = Pick<Participant, "id" | "editionId" | "registrationId" | "enterpriseId" | "locale">;

/** Where each participant is reached: a buyer-side person's registration; an exhibitor's
 *  application contact (its nomination in the edition, as the access link is sent), else the
 *  first of its B2B staff with an email, else its account holder (the first exhibitor grant on the
 *  enterprise whose account is not disabled). Always in the participant's own language. Private:
 *  only the other of an accepted request sees it (contactsVisible), and emails go to it. */
export async function contactsOf(db: Executor, ps: readonly Who[]): Promise<Map<string, Contact>> {
  const out = new Map<string, Contact>();
  const locale = (p: Who): Locale => p.locale;
  const people = ps.filter((p) => p.registrationId);
  const firms = ps.filter((p) => !p.registrationId && p.enterpriseId);
  if (people.length) {
    const rows = await db.select().from(registrations).where(inArray(registrations.id, people.map((p) => p.registrationId!)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of people) {
      const r = byId.get(p.registrationId!);
      out.set(p.id, { name: r?.name ?? "", email: r?.email ?? null, phone: r?.phone ?? null, locale: locale(p) });
    }
  }
  if (firms.length === 0) return out;
  const applications = await db
    .select({ editionId: nominations.editionId, enterpriseId: enterprises.id, email: nominations.email, phone: nominations.phone, name: nominations.contactName })
    .from(nominations)
    .innerJoin(enterprises, eq(enterprises.ntn, nominations.ntn))
    .where(and(inArray(nominations.editionId, [...new Set(firms.map((p) => p.editionId))]), inArray(enterprises.id, [...new Set(firms.map((p) => p.enterpriseId!))])));
  const application = firstBy(applications, (a) => `${a.editionId}:${a.enterpriseId}`);
  const applicationOf = (p: Who) => application.get(`${p.editionId}:${p.enterpriseId}`);
  const unreached = firms.filter((p) => !applicationOf(p)?.email);
  const staff = unreached.length
    ? await db
        .select({ participantId: b2bSmeStaff.participantId, name: b2bSmeStaff.name, email: b2bSmeStaff.email, phone: b2bSmeStaff.phone })
        .from(b2bSmeStaff)
        .where(and(inArray(b2bSmeStaff.participantId, unreached.map((p) => p.id)), isNotNull(b2bSmeStaff.email)))
        .orderBy(asc(b2bSmeStaff.createdAt), asc(b2bSmeStaff.id))
    : [];
  const staffOf = firstBy(staff, (s) => s.participantId);
  const holderless = unreached.filter((p) => !staffOf.has(p.id));
  const holders = holderless.length
    ? await db
        .select({ enterpriseId: roleGrants.enterpriseId, name: users.name, email: users.email })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(and(eq(roleGrants.role, "exhibitor"), inArray(roleGrants.enterpriseId, holderless.map((p) => p.enterpriseId!)), isNull(users.disabledAt)))
        .orderBy(asc(roleGrants.createdAt), asc(users.id))
    : [];
  const holderOf = firstBy(holders, (h) => h.enterpriseId!);
  for (const p of firms) {
    const n = applicationOf(p);
    const s = staffOf.get(p.id);
    const h = holderOf.get(p.enterpriseId!);
    const contact: Contact = n?.email
      ? { name: n.name, email: n.email, phone: n.phone, locale: locale(p) }
      : s
        ? { name: s.name, email: s.email, phone: s.phone ?? n?.phone ?? null, locale: locale(p) }
        : h
          ? { name: h.name, email: h.email, phone: n?.phone ?? null, locale: locale(p) }
          : { name: n?.name ?? "", email: null, phone: n?.phone ?? null, locale: locale(p) };
    out.set(p.id, contact);
  }
  return out;
}

/** The first row of each key, in the rows' order (the queries above order by who came first). */
function firstBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) if (!out.has(key(r))) out.set(key(r), r);
  return out;
}

/** One participant's contact (contactsOf). */
export async function contactOf(db: Executor, p: Who): Promise<Contact> {
  return (await contactsOf(db, [p])).get(p.id) ?? { name: "", email: null, phone: null, locale: p.locale };
}
