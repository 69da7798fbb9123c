import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { byApplicant, nominationByLink } from "#features/nominations";
import { appeals, nominations, reviews, selections } from "#features/nominations";
import { applyOverrides } from "../engine";
import { findSelection } from "./selection";

const fileAppealInput = z.object({ token: z.string().min(20).max(200), grounds: z.string().trim().min(20).max(4000) });

/** A not-selected (or waitlisted) applicant appeals through their link, inside the appeal window. */
export async function fileAppeal(ctx: Ctx, raw: Input<typeof fileAppealInput>) {
  const { token, grounds } = parseInput(fileAppealInput, raw);
  try {
    return await inTransaction(ctx, async (tx) => {
      const n = await nominationByLink(tx, token, ctx.clock.now());
      const s = await findSelection(tx, n.editionId);
      const d = s?.publishedAt ? s.result.decisions.find((x) => x.applicationId === n.id) : undefined;
      if (!s?.appealsCloseAt || !d || (d.status !== "not_selected" && d.status !== "waitlisted")) {
        throw new DomainError("appeal_not_allowed");
      }
      if (ctx.clock.now() > s.appealsCloseAt) throw new DomainError("appeal_window_closed");
      const [row] = await tx.insert(appeals).values({ nominationId: n.id, grounds, createdAt: ctx.clock.now() }).returning();
      await recordAudit(tx, ctx, { action: "appeal.filed", entityType: "appeal", entityId: row!.id, data: { nominationId: n.id }, ...(await byApplicant(tx, n)) });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("already_exists", { params: { what: "appeal" } });
    throw e;
  }
}

const decideInput = z.object({
  appealId: z.uuid(),
  outcome: z.enum(["upheld", "rejected"]),
  note: z.string().trim().min(10).max(4000),
  status: z.enum(["selected", "waitlisted"]).default("selected"),
});

/**
 * An organiser decides an appeal; never one of the application's reviewers.
 * An upheld appeal changes the decision as a recorded override.
 */
export async function decideAppeal(ctx: Ctx, raw: Input<typeof decideInput>) {
  const input = parseInput(decideInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [a] = await tx.select().from(appeals).where(eq(appeals.id, input.appealId)).for("update");
    if (!a) throw new DomainError("not_found", { params: { what: "appeal" } });
    const [n] = await tx.select().from(nominations).where(eq(nominations.id, a.nominationId));
    const edition = await editionForChange(tx, ctx.actor, n!.editionId, "appeal.decide");
    if (a.status !== "open") throw new DomainError("appeal_decided");
    const deciderId = ctx.actor.kind === "user" ? ctx.actor.userId : "";
    const [reviewed] = await tx.select().from(reviews).where(and(eq(reviews.nominationId, a.nominationId), eq(reviews.reviewerId, deciderId)));
    if (reviewed) throw new DomainError("forbidden", { params: { reason: "reviewer_of_application" } });
    if (input.outcome === "upheld") {
      const s = await findSelection(tx, n!.editionId);
      const result = applyOverrides(s!.result, [{ applicationId: a.nominationId, status: input.status, justification: input.note }]);
      await tx.update(selections).set({ result: result as unknown as Record<string, unknown> }).where(eq(selections.editionId, n!.editionId));
    }
    const [row] = await tx
      .update(appeals)
      .set({ status: input.outcome, decidedBy: deciderId || null, decisionNote: input.note, decidedAt: ctx.clock.now() })
      .where(eq(appeals.id, a.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: `appeal.${input.outcome}`,
      entityType: "appeal",
      entityId: a.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { nominationId: a.nominationId, note: input.note, status: input.outcome === "upheld" ? input.status : null },
    });
    return row!;
  });
}

const listAppealsInput = z.object({ editionId: z.uuid() });

export async function listAppeals(ctx: Ctx, raw: Input<typeof listAppealsInput>) {
  const { editionId } = parseInput(listAppealsInput, raw);
  await editionFor(ctx.db, ctx.actor, editionId, "appeal.decide");
  return ctx.db
    .select({ appeal: appeals, enterpriseName: nominations.enterpriseName })
    .from(appeals)
    .innerJoin(nominations, eq(nominations.id, appeals.nominationId))
    .where(eq(nominations.editionId, editionId))
    .orderBy(asc(appeals.createdAt));
}
