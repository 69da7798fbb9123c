import { eq, or, sql } from "drizzle-orm";
import { sessions, signInAttempts, users } from "../../platform/auth/tables";
import { ANONYMISED, anonymisedEmail, type PersonalDataPart } from "#features/editions";
import { accountTokens, roleGrants } from "./tables";

/** Accounts' part of a person's data (editions/personal-data-port.ts; provided by src/wiring.ts):
 *  the account, its roles and its sessions. Anonymising (only when the request covers the account)
 *  closes it: the name and email are replaced, the password, sessions, roles, pending links and
 *  sign-in attempts go, and it is disabled, so nobody can sign in as the person again. */
export const accountsPersonalDataPart: PersonalDataPart = {
  name: "account",
  async export(db, subject) {
    if (!subject.userId) return null;
    const [account] = await db
      .select({ name: users.name, email: users.email, locale: users.locale, createdAt: users.createdAt, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, subject.userId));
    if (!account) return null;
    const roles = await db
      .select({ role: roleGrants.role, organiserId: roleGrants.organiserId, tradeBodyId: roleGrants.tradeBodyId, enterpriseId: roleGrants.enterpriseId })
      .from(roleGrants)
      .where(eq(roleGrants.userId, subject.userId));
    const signedIn = await db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
      .from(sessions)
      .where(eq(sessions.userId, subject.userId));
    return { ...account, roles, sessions: signedIn };
  },
  async anonymise(tx, subject, at) {
    if (!subject.userId) return { accounts: 0 };
    const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, subject.userId));
    if (!account) return { accounts: 0 };
    const email = account.email.toLowerCase();
    await tx.delete(sessions).where(eq(sessions.userId, subject.userId));
    await tx.delete(roleGrants).where(eq(roleGrants.userId, subject.userId));
    await tx.delete(accountTokens).where(or(eq(accountTokens.userId, subject.userId), sql`lower(${accountTokens.email}) = ${email}`));
    await tx.delete(signInAttempts).where(sql`lower(${signInAttempts.email}) = ${email}`);
    await tx
      .update(users)
      .set({ name: ANONYMISED, email: anonymisedEmail(subject.userId), passwordHash: null, disabledAt: sql`coalesce(${users.disabledAt}, ${at.toISOString()}::timestamptz)` })
      .where(eq(users.id, subject.userId));
    return { accounts: 1 };
  },
};
