import { asc, count, countDistinct, eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { authorize } from "../../../platform/permissions/policy";
import { staffOrganiserId } from "../../../platform/permissions/actor";
import { roleGrants } from "#features/accounts";
import { enterprises } from "#features/editions";
import { clusters, editions, tradeBodies } from "#features/editions";

/** What the invitation form offers to bind a representative or an exhibitor to. */
export async function invitationChoices(ctx: Ctx) {
  const organiserId = staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "account.invite", { organiserId });
  if (!organiserId) return { tradeBodies: [], enterprises: [] };
  const tbs = await ctx.db
    .select({ id: tradeBodies.id, nameEn: tradeBodies.nameEn, nameUr: tradeBodies.nameUr })
    .from(tradeBodies)
    .where(eq(tradeBodies.organiserId, organiserId))
    .orderBy(asc(tradeBodies.nameEn));
  const ents = await ctx.db
    .select({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
    .from(enterprises)
    .where(eq(enterprises.organiserId, organiserId))
    .orderBy(asc(enterprises.nameEn));
  return { tradeBodies: tbs, enterprises: ents };
}

/** Three counts for the overview; each is one indexed aggregate. */
export async function overviewCounts(ctx: Ctx) {
  const organiserId = staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "edition.list", { organiserId });
  if (!organiserId) return null;
  const [e] = await ctx.db.select({ n: count() }).from(editions).where(eq(editions.organiserId, organiserId));
  const [c] = await ctx.db
    .select({ n: count() })
    .from(clusters)
    .innerJoin(editions, eq(editions.id, clusters.editionId))
    .where(eq(editions.organiserId, organiserId));
  // People holding a role at this organiser (visitors hold none, so they are not counted).
  const [u] = await ctx.db
    .select({ n: countDistinct(roleGrants.userId) })
    .from(roleGrants)
    .where(eq(roleGrants.organiserId, organiserId));
  return { editions: e?.n ?? 0, clusters: c?.n ?? 0, users: u?.n ?? 0 };
}
