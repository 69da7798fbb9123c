import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { roleGrants } from "#features/accounts";
import { users } from "../../../platform/auth/tables";
import { editionForChange } from "#features/editions";
import { findEdition } from "#features/editions";
import { clusters } from "#features/editions";
import { findCall } from "#features/nominations";
import { applicationPhotos, nominations, reviewConflicts, reviewerAffiliations, reviews } from "#features/nominations";
import { can } from "../../../platform/permissions/policy";
import { assignReviewers, normaliseScores } from "../engine";

const editionInput = z.object({ editionId: z.uuid() });

async function editionFor(ctx: Ctx, editionId: string) {
  const edition = await findEdition(ctx.db, { id: editionId });
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  return edition;
}

/** Reviewers of an organiser, with the trade bodies they belong to (affiliations and own representative grants). */
async function reviewerPool(db: Executor, organiserId: string) {
  const grants = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "reviewer"), eq(roleGrants.organiserId, organiserId)));
  const ids = [...new Set(grants.map((g) => g.userId))];
  if (ids.length === 0) return [];
  const affiliations = await db.select().from(reviewerAffiliations).where(inArray(reviewerAffiliations.userId, ids));
  const repGrants = await db
    .select({ userId: roleGrants.userId, tradeBodyId: roleGrants.tradeBodyId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "trade_body_rep"), inArray(roleGrants.userId, ids)));
  const bodies = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  for (const a of [...affiliations, ...repGrants]) if (a.tradeBodyId) bodies.get(a.userId)!.add(a.tradeBodyId);
  return ids.map((id) => ({ id, tradeBodyIds: [...bodies.get(id)!] }));
}

async function submitted(db: Executor, editionId: string) {
  return db
    .select()
    .from(nominations)
    .where(and(eq(nominations.editionId, editionId), eq(nominations.status, "submitted")))
    .orderBy(asc(nominations.submittedAt));
}

const assignReviewsInput = editionInput.extend({ seed: z.coerce.number().int().default(1) });

/** Balanced automatic assignment (engine), keeping reviews already assigned that are still allowed. */
export async function assignReviews(ctx: Ctx, raw: Input<typeof assignReviewsInput>) {
  const { editionId, seed } = parseInput(assignReviewsInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "review.assign");
    const call = await findCall(tx, editionId);
    if (!call) throw new DomainError("not_found", { params: { what: "nomination_call" } });
    const apps = await submitted(tx, editionId);
    const pool = await reviewerPool(tx, edition.organiserId);
    const appIds = apps.map((a) => a.id);
    const conflicts = appIds.length ? await tx.select().from(reviewConflicts).where(inArray(reviewConflicts.nominationId, appIds)) : [];
    const existing = appIds.length ? await tx.select().from(reviews).where(inArray(reviews.nominationId, appIds)) : [];
    const result = assignReviewers({
      applications: apps.map((a) => ({ id: a.id, tradeBodyId: a.tradeBodyId })),
      reviewers: pool.map((r) => ({ ...r, conflicts: conflicts.filter((c) => c.reviewerId === r.id).map((c) => c.nominationId) })),
      reviewsPerApplication: call.reviewsPerApplication,
      seed,
      existing: existing.map((e) => ({ applicationId: e.nominationId, reviewerId: e.reviewerId })),
    });
    const fresh = result.assignments.filter((a) => !a.existing);
    if (fresh.length) {
      await tx.insert(reviews).values(fresh.map((a) => ({ nominationId: a.applicationId, reviewerId: a.reviewerId, assignedAt: ctx.clock.now() })));
    }
    // A pair no longer allowed (conflict declared, new affiliation) goes, unless it was already scored.
    for (const d of result.dropped) {
      await tx.delete(reviews).where(and(eq(reviews.nominationId, d.applicationId), eq(reviews.reviewerId, d.reviewerId), isNull(reviews.submittedAt)));
    }
    await recordAudit(tx, ctx, {
      action: "reviews.assigned",
      entityType: "edition",
      entityId: editionId,
      organiserId: edition.organiserId,
      editionId,
      data: { added: fresh.length, dropped: result.dropped.length, shortfalls: result.shortfalls.length, seed },
    });
    return { added: fresh.length, loads: result.loads, shortfalls: result.shortfalls, dropped: result.dropped };
  });
}

async function reviewerScope(ctx: Ctx, nominationId: string) {
  const [n] = await ctx.db.select().from(nominations).where(eq(nominations.id, nominationId));
  if (!n) throw new DomainError("not_found", { params: { what: "application" } });
  const edition = await editionFor(ctx, n.editionId);
  authorize(ctx.actor, "review.score", { organiserId: edition.organiserId });
  return { n, edition, reviewerId: ctx.actor.kind === "user" ? ctx.actor.userId : "" };
}

const declareConflictInput = z.object({ nominationId: z.uuid(), reason: z.string().trim().max(500).default("") });

/** A reviewer declares a conflict on any application; an unscored review of it is withdrawn. */
export async function declareConflict(ctx: Ctx, raw: Input<typeof declareConflictInput>) {
  const { nominationId, reason } = parseInput(declareConflictInput, raw);
  const { n, edition, reviewerId } = await reviewerScope(ctx, nominationId);
  return inTransaction(ctx, async (tx) => {
    await tx.insert(reviewConflicts).values({ nominationId, reviewerId, reason, createdAt: ctx.clock.now() }).onConflictDoNothing();
    await tx.delete(reviews).where(and(eq(reviews.nominationId, nominationId), eq(reviews.reviewerId, reviewerId), isNull(reviews.submittedAt)));
    await recordAudit(tx, ctx, { action: "review.conflict_declared", entityType: "nomination", entityId: n.id, organiserId: edition.organiserId, editionId: n.editionId, data: { reason } });
    return { ok: true };
  });
}

const scoreInput = z.object({
  nominationId: z.uuid(),
  scores: z.record(z.string(), z.coerce.number().int().min(1).max(5)),
  comments: z.record(z.string(), z.string().trim().max(2000)).default({}),
});

/** Scores every criterion of the call (1–5) with a comment each; only the assigned reviewer may. */
export async function scoreReview(ctx: Ctx, raw: Input<typeof scoreInput>) {
  const input = parseInput(scoreInput, raw);
  const { n, edition, reviewerId } = await reviewerScope(ctx, input.nominationId);
  const call = await findCall(ctx.db, n.editionId);
  const missing = call!.criteria.filter((c) => input.scores[c.id] === undefined);
  if (missing.length) throw new DomainError("validation_failed", { fields: missing.map((c) => ({ path: `scores.${c.id}`, code: "required" })) });
  const unknown = Object.keys(input.scores).filter((k) => !call!.criteria.some((c) => c.id === k));
  if (unknown.length) throw new DomainError("validation_failed", { fields: unknown.map((k) => ({ path: `scores.${k}`, code: "unrecognized_key" })) });
  return inTransaction(ctx, async (tx) => {
    const [r] = await tx.select().from(reviews).where(and(eq(reviews.nominationId, n.id), eq(reviews.reviewerId, reviewerId))).for("update");
    if (!r) throw new DomainError("forbidden", { params: { reason: "not_assigned" } });
    await tx.update(reviews).set({ scores: input.scores, comments: input.comments, submittedAt: ctx.clock.now() }).where(and(eq(reviews.nominationId, n.id), eq(reviews.reviewerId, reviewerId)));
    await recordAudit(tx, ctx, { action: "review.scored", entityType: "nomination", entityId: n.id, organiserId: edition.organiserId, editionId: n.editionId, data: { scores: input.scores } });
    return { ok: true };
  });
}

/** The reviewer's own assignments in an edition, with each application and the call's criteria. */
export const REVIEW_PAGE_SIZE = 20;
const myReviewsInput = editionInput.extend({
  // A reviewer may hold ~120 assignments: the page shows one filtered page at a time.
  // Missing or unknown: every assignment, the first page (a default as well as a catch, so callers may leave them out).
  show: z.enum(["todo", "scored", "all"]).default("all").catch("all"),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

export async function myReviews(ctx: Ctx, raw: Input<typeof myReviewsInput>) {
  const { editionId, show, page: asked } = parseInput(myReviewsInput, raw);
  const edition = await editionFor(ctx, editionId);
  authorize(ctx.actor, "review.score", { organiserId: edition.organiserId });
  const reviewerId = ctx.actor.kind === "user" ? ctx.actor.userId : "";
  const mine = and(eq(reviews.reviewerId, reviewerId), eq(nominations.editionId, editionId));
  // A light pass over every assignment for the counts and the order; full rows only for the page shown.
  const all = await ctx.db
    .select({ id: nominations.id, submittedAt: reviews.submittedAt })
    .from(reviews)
    .innerJoin(nominations, eq(nominations.id, reviews.nominationId))
    .where(mine)
    .orderBy(asc(nominations.enterpriseName), asc(nominations.id));
  const counts = { all: all.length, scored: all.filter((r) => r.submittedAt).length, todo: all.filter((r) => !r.submittedAt).length };
  const shown = all.filter((r) => show === "all" || (show === "scored") === !!r.submittedAt);
  const pages = Math.max(1, Math.ceil(shown.length / REVIEW_PAGE_SIZE));
  // A page beyond the end (the last item of it was just scored) shows the last page.
  const page = Math.min(asked, pages);
  const ids = shown.slice((page - 1) * REVIEW_PAGE_SIZE, page * REVIEW_PAGE_SIZE).map((r) => r.id);
  const rows = ids.length
    ? await ctx.db
        .select({ review: reviews, nomination: nominations, clusterEn: clusters.nameEn, clusterUr: clusters.nameUr })
        .from(reviews)
        .innerJoin(nominations, eq(nominations.id, reviews.nominationId))
        .innerJoin(clusters, eq(clusters.id, nominations.clusterId))
        .where(and(mine, inArray(nominations.id, ids)))
        .orderBy(asc(nominations.enterpriseName), asc(nominations.id))
    : [];
  const call = await findCall(ctx.db, editionId);
  const photos = ids.length
    ? await ctx.db.select({ id: applicationPhotos.id, nominationId: applicationPhotos.nominationId }).from(applicationPhotos).where(inArray(applicationPhotos.nominationId, ids))
    : [];
  return {
    edition,
    criteria: call?.criteria ?? [],
    show,
    page,
    pages,
    counts,
    items: rows.map((r) => ({
      photoIds: photos.filter((p) => p.nominationId === r.nomination.id).map((p) => p.id),
      nominationId: r.nomination.id,
      enterpriseName: r.nomination.enterpriseName,
      clusterEn: r.clusterEn,
      clusterUr: r.clusterUr,
      sizeClass: r.nomination.sizeClass,
      womenLed: r.nomination.womenLed,
      application: r.nomination.application,
      scores: r.review.scores,
      comments: r.review.comments,
      submittedAt: r.review.submittedAt,
    })),
  };
}

/** Normalised scores of an edition's submitted reviews (engine), keyed for selection and the overview. */
export async function editionScores(db: Executor, editionId: string) {
  const call = await findCall(db, editionId);
  if (!call) throw new DomainError("not_found", { params: { what: "nomination_call" } });
  const rows = await db
    .select({ nominationId: reviews.nominationId, reviewerId: reviews.reviewerId, scores: reviews.scores })
    .from(reviews)
    .innerJoin(nominations, eq(nominations.id, reviews.nominationId))
    .where(and(eq(nominations.editionId, editionId), eq(nominations.status, "submitted")));
  const scored = rows.filter((r) => r.scores !== null);
  const result = normaliseScores({
    criteria: call.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    reviews: scored.map((r) => ({ applicationId: r.nominationId, reviewerId: r.reviewerId, scores: r.scores! })),
  });
  return { call, result };
}

/** For organisers: raw and normalised scores per review and per application, spread and disagreements. */
export async function scoreOverview(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx, editionId);
  authorize(ctx.actor, "review.readAll", { organiserId: edition.organiserId });
  const { result } = await editionScores(ctx.db, editionId);
  const apps = await ctx.db.select({ id: nominations.id, enterpriseName: nominations.enterpriseName }).from(nominations).where(eq(nominations.editionId, editionId));
  const names = new Map(apps.map((a) => [a.id, a.enterpriseName]));
  const people = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(result.reviews.map((r) => r.reviewerId)), "00000000-0000-0000-0000-000000000000"]));
  const reviewer = new Map(people.map((p) => [p.id, p.name]));
  return {
    edition,
    applications: result.applications.map((a) => ({ ...a, enterpriseName: names.get(a.applicationId) ?? "" })),
    reviews: result.reviews.map((r) => ({ ...r, reviewerName: reviewer.get(r.reviewerId) ?? "" })),
    reviewers: result.reviewers.map((r) => ({ ...r, reviewerName: reviewer.get(r.reviewerId) ?? "" })),
  };
}

const getPhotoForReviewInput = z.object({ photoId: z.uuid() });

/** A photo of an application, for its assigned reviewers and the organiser's staff. */
export async function getPhotoForReview(ctx: Ctx, raw: Input<typeof getPhotoForReviewInput>) {
  const { photoId } = parseInput(getPhotoForReviewInput, raw);
  const [row] = await ctx.db
    .select({ photo: applicationPhotos, nomination: nominations })
    .from(applicationPhotos)
    .innerJoin(nominations, eq(nominations.id, applicationPhotos.nominationId))
    .where(eq(applicationPhotos.id, photoId));
  if (!row) throw new DomainError("not_found", { params: { what: "photo" } });
  const edition = await editionFor(ctx, row.nomination.editionId);
  if (can(ctx.actor, "review.readAll", { organiserId: edition.organiserId })) return row.photo;
  authorize(ctx.actor, "review.score", { organiserId: edition.organiserId });
  const reviewerId = ctx.actor.kind === "user" ? ctx.actor.userId : "";
  const [assigned] = await ctx.db.select().from(reviews).where(and(eq(reviews.nominationId, row.nomination.id), eq(reviews.reviewerId, reviewerId)));
  if (!assigned) throw new DomainError("not_found", { params: { what: "photo" } });
  return row.photo;
}
