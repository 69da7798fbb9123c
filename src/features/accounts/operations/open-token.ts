import { and, eq, gt, isNull } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { accountTokens } from "../tables";

/** The unused, unexpired account token of a kind that a link's secret names, or `token_invalid`. */
export async function findOpenToken(ctx: Ctx, secret: string, kind: (typeof accountTokens.$inferSelect)["kind"]) {
  const [token] = await ctx.db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashSecret(secret)),
        eq(accountTokens.kind, kind),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, ctx.clock.now()),
      ),
    );
  if (!token) throw new DomainError("token_invalid");
  return token;
}
