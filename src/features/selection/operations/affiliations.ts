// Reviewer affiliations: the trade bodies a reviewer belongs to. Automatic
// assignment never gives a reviewer the applications of these bodies, so the
// organiser keeps this list; every change is audited.
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { users } from "../../../platform/auth/tables";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { roleGrants } from "#features/accounts";
import { tradeBodies } from "#features/editions";
import { reviewerAffiliations } from "#features/nominations";
import { editionFor } from "#features/editions";

async function organiserOf(ctx: Ctx, editionId: string) {
  // Same permission as assignment: whoever assigns reviewers decides who may not review whom.
  return editionFor(ctx.db, ctx.actor, editionId, "review.assign");
}

const listReviewerAffiliationsInput = z.object({ editionId: z.uuid() });

/** Reviewers of the edition's organiser, each with its affiliated trade bodies, and the bodies to choose from. */
export async function listReviewerAffiliations(ctx: Ctx, raw: Input<typeof listReviewerAffiliationsInput>) {
  const { editionId } = parseInput(listReviewerAffiliationsInput, raw);
  const edition = await organiserOf(ctx, editionId);
  const reviewerRows = await ctx.db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, "reviewer"), eq(roleGrants.organiserId, edition.organiserId)))
    .orderBy(asc(users.name), asc(users.email));
  const bodies = await ctx.db
    .select({ id: tradeBodies.id, nameEn: tradeBodies.nameEn, nameUr: tradeBodies.nameUr })
    .from(tradeBodies)
    .where(eq(tradeBodies.organiserId, edition.organiserId))
    .orderBy(asc(tradeBodies.nameEn));
  const ids = reviewerRows.map((r) => r.id);
  const links = ids.length ? await ctx.db.select().from(reviewerAffiliations).where(inArray(reviewerAffiliations.userId, ids)) : [];
  const known = new Set(bodies.map((b) => b.id));
  const reviewers = reviewerRows.map((r) => ({
    ...r,
    tradeBodyIds: links.filter((l) => l.userId === r.id && known.has(l.tradeBodyId)).map((l) => l.tradeBodyId),
  }));
  return { edition, reviewers, tradeBodies: bodies };
}

const changeInput = z.object({ editionId: z.uuid(), reviewerId: z.uuid(), tradeBodyId: z.uuid() });

/** Checks that the reviewer and the trade body both belong to the edition's organiser. */
async function checkedPair(ctx: Ctx, raw: Input<typeof changeInput>) {
  const input = parseInput(changeInput, raw);
  const edition = await organiserOf(ctx, input.editionId);
  const [grant] = await ctx.db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, input.reviewerId), eq(roleGrants.role, "reviewer"), eq(roleGrants.organiserId, edition.organiserId)))
    .limit(1);
  if (!grant) throw new DomainError("not_found", { params: { what: "reviewer" } });
  const [body] = await ctx.db
    .select({ id: tradeBodies.id })
    .from(tradeBodies)
    .where(and(eq(tradeBodies.id, input.tradeBodyId), eq(tradeBodies.organiserId, edition.organiserId)));
  if (!body) throw new DomainError("not_found", { params: { what: "trade_body" } });
  return { ...input, organiserId: edition.organiserId };
}

export async function addReviewerAffiliation(ctx: Ctx, raw: Input<typeof changeInput>) {
  const p = await checkedPair(ctx, raw);
  return inTransaction(ctx, async (tx) => {
    const added = await tx
      .insert(reviewerAffiliations)
      .values({ userId: p.reviewerId, tradeBodyId: p.tradeBodyId })
      .onConflictDoNothing()
      .returning();
    // Adding an affiliation that already exists changes nothing, so nothing to audit.
    if (added.length) {
      await recordAudit(tx, ctx, {
        action: "reviewer_affiliation.added",
        entityType: "user",
        entityId: p.reviewerId,
        organiserId: p.organiserId,
        editionId: p.editionId,
        data: { tradeBodyId: p.tradeBodyId },
      });
    }
    return { added: added.length > 0 };
  });
}

export async function removeReviewerAffiliation(ctx: Ctx, raw: Input<typeof changeInput>) {
  const p = await checkedPair(ctx, raw);
  return inTransaction(ctx, async (tx) => {
    const removed = await tx
      .delete(reviewerAffiliations)
      .where(and(eq(reviewerAffiliations.userId, p.reviewerId), eq(reviewerAffiliations.tradeBodyId, p.tradeBodyId)))
      .returning();
    if (removed.length) {
      await recordAudit(tx, ctx, {
        action: "reviewer_affiliation.removed",
        entityType: "user",
        entityId: p.reviewerId,
        organiserId: p.organiserId,
        editionId: p.editionId,
        data: { tradeBodyId: p.tradeBodyId },
      });
    }
    return { removed: removed.length > 0 };
  });
}
