import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { users } from "../../../platform/auth/tables";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { roleGrants } from "#features/accounts";
import { personalDataParts, type PersonalDataSubject } from "#features/editions";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";

// Who a request is about. Every part works from this one answer, so a person's export and erasure
// cover the same rows.

/** The enterprises a person is an exhibitor of (within one organiser's registry when given), and
 *  of those the ones no other account is an exhibitor of (decision 0012). */
async function exhibitorOf(db: Executor, userId: string, organiserId?: string): Promise<Pick<PersonalDataSubject, "enterpriseIds" | "soleEnterpriseIds">> {
  const rows = await db
    .select({ id: roleGrants.enterpriseId })
    .from(roleGrants)
    .innerJoin(enterprises, eq(enterprises.id, roleGrants.enterpriseId))
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, "exhibitor"), organiserId ? eq(enterprises.organiserId, organiserId) : undefined));
  const enterpriseIds = [...new Set(rows.map((r) => r.id).filter((id): id is string => !!id))];
  if (!enterpriseIds.length) return { enterpriseIds, soleEnterpriseIds: [] };
  const shared = await db
    .selectDistinct({ id: roleGrants.enterpriseId })
    .from(roleGrants)
    .where(and(inArray(roleGrants.enterpriseId, enterpriseIds), eq(roleGrants.role, "exhibitor"), ne(roleGrants.userId, userId)));
  const others = new Set(shared.map((r) => r.id));
  return { enterpriseIds, soleEnterpriseIds: enterpriseIds.filter((id) => !others.has(id)) };
}

/** A signed-in person: their account, every registration linked to it or made with its email (the
 *  email was confirmed when the account was made), the enterprises they are an exhibitor of. */
export async function subjectOfUser(db: Executor, userId: string): Promise<PersonalDataSubject & { email: string }> {
  const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!account) throw new DomainError("unauthenticated");
  const regs = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(or(eq(registrations.userId, userId), sql`lower(${registrations.email}) = ${account.email.toLowerCase()}`));
  return { userId, email: account.email, emails: [account.email.toLowerCase()], organiserId: null, registrationIds: regs.map((r) => r.id), ...(await exhibitorOf(db, userId)) };
}

/** A registrant through their manage link: that registration only (the link proves no more). */
export async function subjectOfLink(db: Executor, token: string) {
  const [reg] = await db.select({ id: registrations.id, editionId: registrations.editionId }).from(registrations).where(eq(registrations.manageTokenHash, hashSecret(token)));
  if (!reg) throw new DomainError("token_invalid");
  const subject: PersonalDataSubject = { userId: null, registrationIds: [reg.id], enterpriseIds: [], soleEnterpriseIds: [], emails: [], organiserId: null };
  return { subject, registrationId: reg.id };
}

export interface ErasureTarget {
  subject: PersonalDataSubject;
  /** What the person was known by, to scrub from the audit log and the outbox. */
  emails: string[];
  names: string[];
}

/** The person an organiser erases: every registration in the organiser's editions with that email
 *  (or that of the registration named) or linked to the same account; their account only when
 *  `withAccount` (platform admins); else what a feature's part holds under that email alone (e.g. a
 *  nomination naming them as its contact: `knownAs`). Null when nobody matches. */
export async function erasureTarget(db: Executor, organiserId: string, by: { email?: string; registrationId?: string }, withAccount: boolean): Promise<ErasureTarget | null> {
  const ofOrganiser = db.select({ id: editions.id }).from(editions).where(eq(editions.organiserId, organiserId));
  let email = by.email?.toLowerCase();
  let userId: string | null = null;
  if (by.registrationId) {
    const [reg] = await db
      .select({ email: registrations.email, userId: registrations.userId })
      .from(registrations)
      .where(and(eq(registrations.id, by.registrationId), inArray(registrations.editionId, ofOrganiser)));
    if (!reg) return null;
    email = reg.email.toLowerCase();
    userId = reg.userId;
  }
  if (!userId && email) {
    const [account] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    userId = account?.id ?? null;
  }
  const regs = await db
    .select({ id: registrations.id, email: registrations.email, name: registrations.name, nameUr: registrations.nameUr, phone: registrations.phone })
    .from(registrations)
    .where(
      and(
        inArray(registrations.editionId, ofOrganiser),
        or(sql`lower(${registrations.email}) = ${email ?? ""}`, userId ? eq(registrations.userId, userId) : sql`false`, by.registrationId ? eq(registrations.id, by.registrationId) : sql`false`),
      ),
    );
  // An exhibitor of this organiser's enterprises may have no registration of their own.
  const exhibitor = userId ? await exhibitorOf(db, userId, organiserId) : { enterpriseIds: [], soleEnterpriseIds: [] };
  const names = new Set<string>();
  const emails = new Set<string>(email && !email.endsWith("@invalid") ? [email] : []);
  if (!regs.length && !exhibitor.enterpriseIds.length && !(withAccount && userId)) {
    // Known only by what others wrote down about them (a nomination's contact person, …).
    const probe: PersonalDataSubject = { userId: null, registrationIds: [], enterpriseIds: [], soleEnterpriseIds: [], emails: [...emails], organiserId };
    const known: (string[] | null)[] = [];
    if (emails.size) for (const part of personalDataParts()) known.push((await part.knownAs?.(db, probe)) ?? null);
    if (!known.some((k) => k !== null)) return null;
    for (const n of known.flat()) if (n) names.add(n);
  }
  let accountName: string | null = null;
  if (userId) {
    const [account] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    if (account && withAccount) {
      emails.add(account.email.toLowerCase());
      accountName = account.name;
    }
  }
  for (const r of regs) {
    if (!r.email.endsWith("@invalid")) emails.add(r.email.toLowerCase());
    for (const n of [r.name, r.nameUr, r.phone]) if (n && n !== "anonymised") names.add(n);
  }
  if (accountName && accountName !== "anonymised") names.add(accountName);
  const subject: PersonalDataSubject = {
    userId: withAccount ? userId : null,
    registrationIds: regs.map((r) => r.id),
    ...exhibitor,
    emails: [...emails],
    organiserId,
  };
  return { subject, emails: [...emails], names: [...names] };
}
