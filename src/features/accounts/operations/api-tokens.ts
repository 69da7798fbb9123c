import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import type { Clock } from "../../../platform/clock";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { apiTokenScopes, type Actor } from "../../../platform/permissions/actor";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { staffOrganiserId } from "../../../platform/permissions/actor";
import { apiTokens } from "../tables";

const TOKEN_PREFIX = "nmsh_";

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(apiTokenScopes)).min(1),
});

function requireStaffOrganiser(ctx: Ctx): string {
  const organiserId = staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "apiToken.manage", { organiserId });
  if (!organiserId) throw new DomainError("forbidden");
  return organiserId;
}

/** The token is returned once; only its hash is kept. */
export async function createApiToken(ctx: Ctx, raw: Input<typeof createApiTokenInput>) {
  const input = parseInput(createApiTokenInput, raw);
  const organiserId = requireStaffOrganiser(ctx);
  const secret = `${TOKEN_PREFIX}${newSecret(24)}`;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organiserId,
        name: input.name,
        prefix: secret.slice(0, 10),
        tokenHash: hashSecret(secret),
        scopes: [...new Set(input.scopes)],
        createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row!.id,
      organiserId,
      data: { name: input.name, scopes: input.scopes },
    });
    return { id: row!.id, token: secret };
  });
}

export async function listApiTokens(ctx: Ctx) {
  const organiserId = requireStaffOrganiser(ctx);
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organiserId, organiserId))
    .orderBy(desc(apiTokens.createdAt));
}

const revokeApiTokenInput = z.object({ id: z.uuid() });

export async function revokeApiToken(ctx: Ctx, raw: Input<typeof revokeApiTokenInput>) {
  const { id } = parseInput(revokeApiTokenInput, raw);
  const organiserId = requireStaffOrganiser(ctx);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.organiserId, organiserId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "api_token" } });
    await recordAudit(tx, ctx, { action: "api_token.revoked", entityType: "api_token", entityId: id, organiserId });
  });
}

/** Resolve a bearer token to an actor; unknown or revoked tokens resolve to null. */
export async function actorForApiToken(db: Executor, clock: Clock, bearer: string): Promise<Actor | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashSecret(bearer)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: clock.now() }).where(eq(apiTokens.id, row.id));
  return { kind: "token", tokenId: row.id, organiserId: row.organiserId, scopes: row.scopes, label: row.name };
}
