import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../../platform/auth/tables";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { findGrants, organiserOfAccount } from "../grants";
import { localeField, nameField } from "../schemas";

export async function getOwnAccount(ctx: Ctx) {
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  authorize(ctx.actor, "account.readOwn", { userId });
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId!));
  if (!user) throw new DomainError("not_found");
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, grants: await findGrants(ctx.db, user.id) };
}

export const updateOwnAccountInput = z.object({ name: nameField.optional(), locale: localeField.optional() });

export async function updateOwnAccount(ctx: Ctx, raw: Input<typeof updateOwnAccountInput>) {
  const input = parseInput(updateOwnAccountInput, raw);
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  authorize(ctx.actor, "account.updateOwn", { userId });
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId!)).for("update");
    if (!before) throw new DomainError("not_found");
    const changes = Object.fromEntries(
      (["name", "locale"] as const).filter((k) => input[k] !== undefined && input[k] !== before[k]).map((k) => [k, { before: before[k], after: input[k] }]),
    );
    // An empty change ({}) is a valid PATCH that changes nothing (an UPDATE with no column is an error).
    if (Object.keys(changes).length === 0) return;
    await tx.update(users).set(input).where(eq(users.id, userId!));
    await recordAudit(tx, ctx, {
      action: "account.updated",
      entityType: "user",
      entityId: userId!,
      organiserId: await organiserOfAccount(tx, userId!),
      data: { changes },
    });
  });
  return getOwnAccount(ctx);
}
