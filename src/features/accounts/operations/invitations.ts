import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../../../platform/auth/password";
import { createSession } from "../../../platform/auth/sessions";
import { users } from "../../../platform/auth/tables";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { roles } from "../../../platform/permissions/actor";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { tradeBodies } from "#features/editions";
import { staffOrganiserId } from "../../../platform/permissions/actor";
import { emailField, localeField, nameField, passwordField } from "../schemas";
import { findOpenToken } from "./open-token";
import { accountTokens, roleGrants } from "../tables";
import { presentUser } from "../presenters";

const INVITE_TTL_MS = 7 * 86_400_000;

export const invitePersonInput = z
  .object({
    email: emailField,
    role: z.enum(roles).exclude(["platform_admin"]),
    tradeBodyId: z.uuid().nullish(),
    enterpriseId: z.uuid().nullish(),
    locale: localeField.optional(),
  })
  .refine((v) => v.role !== "trade_body_rep" || !!v.tradeBodyId, { path: ["tradeBodyId"], params: { code: "required" } })
  .refine((v) => v.role !== "exhibitor" || !!v.enterpriseId, { path: ["enterpriseId"], params: { code: "required" } });

/** Organiser staff invite a person into a role of their organiser; the link is emailed. */
export async function invitePerson(ctx: Ctx, raw: Input<typeof invitePersonInput>) {
  const input = parseInput(invitePersonInput, raw);
  const organiserId = staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "account.invite", { organiserId });
  if (!organiserId) throw new DomainError("forbidden");
  return inTransaction(ctx, async (tx) => {
    // The bound trade body or enterprise must belong to the inviter's organiser.
    if (input.role === "trade_body_rep") {
      const [tb] = await tx.select().from(tradeBodies).where(eq(tradeBodies.id, input.tradeBodyId!));
      if (tb?.organiserId !== organiserId) throw new DomainError("not_found", { params: { what: "trade_body" } });
    }
    if (input.role === "exhibitor") {
      const [ent] = await tx.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId!));
      if (ent?.organiserId !== organiserId) throw new DomainError("not_found", { params: { what: "enterprise" } });
    }
    const secret = newSecret();
    const now = ctx.clock.now();
    const grant = {
      role: input.role,
      organiserId,
      tradeBodyId: input.role === "trade_body_rep" ? input.tradeBodyId! : null,
      enterpriseId: input.role === "exhibitor" ? input.enterpriseId! : null,
    };
    const [token] = await tx
      .insert(accountTokens)
      .values({
        kind: "invitation",
        tokenHash: hashSecret(secret),
        email: input.email,
        grant,
        invitedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      })
      .returning({ id: accountTokens.id });
    const locale = input.locale ?? ctx.locale;
    const inviter = ctx.actor.kind === "user" ? ctx.actor.name : "Numaish";
    await queueEmail(tx, ctx.clock, {
      kind: "invitation",
      to: input.email,
      subject: translate(locale, "email.invite.subject"),
      text: translate(locale, "email.invite.body", {
        inviter,
        role: translate(locale, `role.${input.role}`),
        link: `${ctx.config.publicUrl}/invitation/${secret}`,
      }),
    });
    await recordAudit(tx, ctx, {
      action: "account.invited",
      entityType: "invitation",
      entityId: token!.id,
      organiserId,
      data: { email: input.email, role: input.role },
    });
    return { invitationId: token!.id };
  });
}

async function findOpenInvitation(ctx: Ctx, secret: string) {
  const token = await findOpenToken(ctx, secret, "invitation");
  if (!token.grant) throw new DomainError("token_invalid");
  return token as typeof token & { grant: NonNullable<typeof token.grant> };
}

export async function getInvitation(ctx: Ctx, secret: string) {
  const token = await findOpenInvitation(ctx, secret);
  return { email: token.email, role: token.grant.role };
}

export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  name: nameField,
  password: passwordField,
  userAgent: z.string().nullish(),
});

/** Accepting creates the account (or adds the role to an existing one) and signs in. */
export async function acceptInvitation(ctx: Ctx, raw: Input<typeof acceptInvitationInput>) {
  const input = parseInput(acceptInvitationInput, raw);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx, txCtx) => {
    const token = await findOpenInvitation(txCtx, input.token);
    const [used] = await tx
      .update(accountTokens)
      .set({ usedAt: ctx.clock.now() })
      .where(and(eq(accountTokens.id, token.id), isNull(accountTokens.usedAt)))
      .returning({ id: accountTokens.id });
    if (!used) throw new DomainError("token_invalid");
    let [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${token.email}`);
    const newAccount = !user;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: token.email, name: input.name, passwordHash, locale: ctx.locale, createdAt: ctx.clock.now() })
        .returning();
    } else if (!user.passwordHash) {
      await tx.update(users).set({ passwordHash, name: input.name }).where(eq(users.id, user.id));
    } else if (!(await verifyPassword(user.passwordHash, input.password))) {
      // The email already has an account: whoever holds the link must prove they
      // own it with its current password, or an inviter who can read the link
      // could take the account over. The password is not changed.
      throw new DomainError("invalid_credentials");
    }
    await tx
      .insert(roleGrants)
      .values({ userId: user!.id, ...token.grant })
      .onConflictDoNothing();
    // The person the link was sent to acted (no session yet): the log names their account.
    await recordAudit(tx, ctx, {
      action: "account.invitation_accepted",
      entityType: "invitation",
      entityId: token.id,
      organiserId: token.grant.organiserId,
      data: { email: user!.email, role: token.grant.role, newAccount },
      by: { userId: user!.id, label: user!.email },
    });
    const session = await createSession(tx, ctx.clock, user!.id, input.userAgent);
    return { user: presentUser(user!), session };
  });
}
