import { z } from "zod";
import { createSession } from "../../../platform/auth/sessions";
import { hashPassword } from "../../../platform/auth/password";
import { users } from "../../../platform/auth/tables";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { parseInput } from "../../../platform/validation";
import { emailField, localeField, nameField, passwordField } from "../schemas";
import { roleGrants } from "../tables";

export const signUpInput = z.object({
  email: emailField,
  password: passwordField,
  name: nameField,
  locale: localeField.optional(),
  userAgent: z.string().nullish(),
});

/** Anyone may create a visitor account; the unique email index makes a double submit harmless. */
export async function signUp(ctx: Ctx, raw: unknown) {
  const input = parseInput(signUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  const locale = input.locale ?? ctx.locale;
  try {
    return await inTransaction(ctx, async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, locale, createdAt: ctx.clock.now() })
        .returning();
      await tx.insert(roleGrants).values({ userId: user!.id, role: "visitor" });
      await queueEmail(tx, ctx.clock, {
        kind: "welcome",
        to: input.email,
        subject: translate(locale, "email.welcome.subject"),
        text: translate(locale, "email.welcome.body", { link: `${ctx.config.publicUrl}/sign-in` }),
      });
      const session = await createSession(tx, ctx.clock, user!.id, input.userAgent);
      return { user: user!, session };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("email_taken", { fields: [{ path: "email", code: "email_taken" }] });
    throw e;
  }
}
