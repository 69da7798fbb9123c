import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { createSession } from "../../../platform/auth/sessions";
import { hashPassword } from "../../../platform/auth/password";
import { isEmailingLimited, recordEmailing, WINDOW_MS } from "../../../platform/auth/rate-limit";
import { users } from "../../../platform/auth/tables";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { emailField, localeField, nameField, passwordField } from "../schemas";
import { accountTokens, roleGrants } from "../tables";
import { findOpenToken } from "./open-token";
import { presentUser } from "../presenters";

// Sign-up tells nobody whether an address has an account (as password reset never did): the form
// takes a name and an email and always answers "check your email". A new address is emailed a
// link (`/sign-up/<token>`) where its owner chooses a password, which makes the account; an
// address that has an account is emailed "you already have one: sign in or reset your password".
// The link is single-use, expires, and only its hash is stored (account_tokens, like resets).

const SIGN_UP_TTL_MS = 24 * 60 * 60_000;
const PURPOSE = "sign-up";

/** Where to carry on after the account is made: a path of ours (the sign-in page's `next`). */
const nextPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])/)
  .optional()
  .catch(undefined);

export const signUpInput = z.object({
  email: emailField,
  name: nameField,
  locale: localeField.optional(),
  next: nextPath,
  ip: z.string().max(100).default("unknown"),
});

/** Always the same answer: the email says the rest, to the address's owner only. */
export async function signUp(ctx: Ctx, raw: Input<typeof signUpInput>): Promise<void> {
  const input = parseInput(signUpInput, raw);
  // Counted whether or not the address has an account, so the limit says nothing either.
  await recordEmailing(ctx.db, ctx.clock, PURPOSE, input.email, input.ip);
  if (await isEmailingLimited(ctx.db, ctx.clock, PURPOSE, input.email, input.ip)) {
    throw new DomainError("rate_limited", { params: { retryAfterSeconds: WINDOW_MS / 1000 } });
  }
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .limit(1);
    if (user) {
      // Written in the account's own language, not the language of whoever typed the address.
      const locale = isLocale(user.locale) ? user.locale : "en";
      await queueEmail(tx, ctx.clock, {
        kind: "sign_up_existing",
        to: user.email,
        subject: translate(locale, "accounts.email.existing.subject"),
        text: translate(locale, "accounts.email.existing.body", {
          name: user.name,
          signIn: `${ctx.config.publicUrl}/sign-in`,
          reset: `${ctx.config.publicUrl}/forgot-password`,
        }),
      });
      return;
    }
    const secret = newSecret();
    const now = ctx.clock.now();
    const locale = input.locale ?? ctx.locale;
    await tx.insert(accountTokens).values({
      kind: "sign_up",
      tokenHash: hashSecret(secret),
      email: input.email,
      name: input.name,
      locale,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_UP_TTL_MS),
    });
    const link = `${ctx.config.publicUrl}/sign-up/${secret}${input.next ? `?next=${encodeURIComponent(input.next)}` : ""}`;
    await queueEmail(tx, ctx.clock, {
      kind: "sign_up_confirm",
      to: input.email,
      subject: translate(locale, "accounts.email.confirm.subject"),
      text: translate(locale, "accounts.email.confirm.body", { name: input.name, link }),
    });
  });
}

const findOpenSignUp = (ctx: Ctx, secret: string) => findOpenToken(ctx, secret, "sign_up");

/** The page behind the emailed link: whose account it makes (the link is the proof). */
export async function getSignUp(ctx: Ctx, secret: string) {
  const token = await findOpenSignUp(ctx, secret);
  return { email: token.email, name: token.name ?? "" };
}

export const confirmSignUpInput = z.object({
  token: z.string().min(10).max(200),
  password: passwordField,
  userAgent: z.string().nullish(),
});

/** Uses the emailed link once: makes the visitor account with the chosen password, and signs in. */
export async function confirmSignUp(ctx: Ctx, raw: Input<typeof confirmSignUpInput>) {
  const input = parseInput(confirmSignUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const now = ctx.clock.now();
      const [token] = await tx
        .update(accountTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(accountTokens.tokenHash, hashSecret(input.token)),
            eq(accountTokens.kind, "sign_up"),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, now),
          ),
        )
        .returning();
      if (!token) throw new DomainError("token_invalid");
      // Any other sign-up link sent to the address dies with this one.
      await tx
        .update(accountTokens)
        .set({ usedAt: now })
        .where(and(eq(accountTokens.kind, "sign_up"), eq(accountTokens.email, token.email), isNull(accountTokens.usedAt)));
      const locale = isLocale(token.locale) ? token.locale : ctx.locale;
      // The unique email index: an account made meanwhile (an invitation, another link) wins.
      const [user] = await tx
        .insert(users)
        .values({ email: token.email, name: token.name ?? token.email, passwordHash, locale, createdAt: now })
        .returning();
      await tx.insert(roleGrants).values({ userId: user!.id, role: "visitor" });
      await recordAudit(tx, ctx, { action: "account.created", entityType: "user", entityId: user!.id, data: { via: "sign_up", role: "visitor" } });
      await queueEmail(tx, ctx.clock, {
        kind: "welcome",
        to: user!.email,
        subject: translate(locale, "email.welcome.subject"),
        text: translate(locale, "email.welcome.body", { link: `${ctx.config.publicUrl}/sign-in` }),
      });
      const session = await createSession(tx, ctx.clock, user!.id, input.userAgent);
      return { user: presentUser(user!), session };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("token_invalid");
    throw e;
  }
}
