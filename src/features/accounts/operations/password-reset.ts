import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../../../platform/auth/password";
import { deleteUserSessions } from "../../../platform/auth/sessions";
import { users } from "../../../platform/auth/tables";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { organiserOfAccount } from "../grants";
import { emailField, passwordField } from "../schemas";
import { accountTokens } from "../tables";

const RESET_TTL_MS = 60 * 60_000;

const requestPasswordResetInput = z.object({ email: emailField });

/**
 * Always answers the same way whether or not the email has an account, so the
 * form cannot be used to find out who is registered.
 */
export async function requestPasswordReset(ctx: Ctx, raw: Input<typeof requestPasswordResetInput>): Promise<void> {
  const { email } = parseInput(requestPasswordResetInput, raw);
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    if (!user || user.disabledAt) return;
    const secret = newSecret();
    const now = ctx.clock.now();
    await tx.insert(accountTokens).values({
      kind: "password_reset",
      tokenHash: hashSecret(secret),
      email,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    const locale = isLocale(user.locale) ? user.locale : ctx.locale;
    await queueEmail(tx, ctx.clock, {
      kind: "password_reset",
      to: user.email,
      subject: translate(locale, "email.reset.subject"),
      text: translate(locale, "email.reset.body", { link: `${ctx.config.publicUrl}/reset-password/${secret}` }),
    });
  });
}

export const resetPasswordInput = z.object({ token: z.string().min(10).max(200), password: passwordField });

/** Uses the link once, sets the password and signs out every other session. */
export async function resetPassword(ctx: Ctx, raw: Input<typeof resetPasswordInput>): Promise<{ userId: string }> {
  const input = parseInput(resetPasswordInput, raw);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const [token] = await tx
      .update(accountTokens)
      .set({ usedAt: ctx.clock.now() })
      .where(
        and(
          eq(accountTokens.tokenHash, hashSecret(input.token)),
          eq(accountTokens.kind, "password_reset"),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, ctx.clock.now()),
        ),
      )
      .returning();
    if (!token?.userId) throw new DomainError("token_invalid");
    // Every other reset link of the account dies with this one: an older email left in an inbox
    // must not set the password again.
    await tx
      .update(accountTokens)
      .set({ usedAt: ctx.clock.now() })
      .where(and(eq(accountTokens.userId, token.userId), eq(accountTokens.kind, "password_reset"), isNull(accountTokens.usedAt)));
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, token.userId)).returning({ email: users.email });
    await deleteUserSessions(tx, token.userId);
    // Neither the password nor the link goes into the log: only that it happened, and by whom.
    await recordAudit(tx, ctx, {
      action: "account.password_reset",
      entityType: "user",
      entityId: token.userId,
      organiserId: await organiserOfAccount(tx, token.userId),
      data: { sessionsEnded: true },
      by: { userId: token.userId, label: user!.email },
    });
    return { userId: token.userId };
  });
}
