import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { badgePort } from "../badge-port";
import { editionForChange } from "#features/editions";
import { visitorCategories } from "#features/editions";
import { decideInput } from "../schemas";
import { registrations } from "../tables";
import { sendRegistrationEmail } from "./emails";
import { holdCapacityShared, holds, lockBuckets, releaseAndPromote, stateOf } from "./places";

export interface DecideResult {
  changed: string[];
  /** Registrations left as they were, with their status (already decided, cancelled…). */
  skipped: { id: string; status: string }[];
  promoted: string[];
}

/**
 * Approve or refuse registrations, one or many. Approval applies to pending ones (their places
 * are already held). Refusal applies to pending and waitlisted ones, needs a reason (sent in the
 * registrant's language) and frees the places, which promotes from the waitlist.
 */
export async function decideRegistrations(ctx: Ctx, raw: Input<typeof decideInput>): Promise<DecideResult> {
  const input = parseInput(decideInput, raw);
  if (input.decision === "refuse" && !input.reason) {
    throw new DomainError("validation_failed", { fields: [{ path: "reason", code: "registration_reason_required" }] });
  }
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "registration.decide");
    // Refusals may free places: take the capacity rows before the registration rows (lock order).
    if (input.decision === "refuse") await holdCapacityShared(tx, edition.id);
    const rows = input.decision === "refuse" ? await lockBuckets(tx, edition.id) : [];
    const found = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.editionId, edition.id), inArray(registrations.id, input.ids)))
      .orderBy(registrations.number)
      .for("update");
    const missing = input.ids.filter((id) => !found.some((r) => r.id === id));
    if (missing.length) throw new DomainError("not_found", { params: { what: "registration" } });
    const codes = new Map(
      (await tx.select().from(visitorCategories).where(eq(visitorCategories.editionId, edition.id))).map((c) => [c.id, c.code]),
    );
    const now = ctx.clock.now();
    const actorId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const result: DecideResult = { changed: [], skipped: [], promoted: [] };
    const freed: { category: string; days: number[] }[] = [];
    for (const r of found) {
      const eligible = input.decision === "approve" ? r.status === "pending" : r.status === "pending" || r.status === "waitlisted";
      if (!eligible) {
        result.skipped.push({ id: r.id, status: r.status });
        continue;
      }
      const approve = input.decision === "approve";
      const [after] = await tx
        .update(registrations)
        .set({ status: approve ? "approved" : "refused", refusalReason: approve ? null : input.reason, decidedAt: now, decidedBy: actorId, updatedAt: now })
        .where(eq(registrations.id, r.id))
        .returning();
      if (!approve && holds(r.status)) freed.push({ category: codes.get(r.categoryId)!, days: r.days });
      // Only pending or waitlisted ones are refused, which normally hold no badge; revoke any anyway.
      if (approve) await badgePort().issue(tx, ctx, r.id);
      else await badgePort().revoke(tx, ctx, r.id, "registration_refused");
      await sendRegistrationEmail(tx, ctx, edition, after!, approve ? "approved" : "refused");
      await recordAudit(tx, ctx, {
        action: approve ? "registration.approved" : "registration.refused",
        entityType: "registration",
        entityId: r.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { number: r.number, from: r.status, reason: approve ? undefined : input.reason },
      });
      result.changed.push(r.id);
    }
    if (freed.length) result.promoted = await releaseAndPromote(tx, ctx, edition, rows, stateOf(rows), freed);
    return result;
  });
}
