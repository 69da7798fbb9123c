import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { constraintName, sqlStateOf } from "../../../platform/db/errors";
import { rowsOf } from "../../../platform/db/rows";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import type { Reason } from "../engine/allocate";
import { allocationExplanation } from "../reasons";
import { floorAllocationPlacements, floorAllocationRuns, floorStalls } from "../tables";
import { draftForChange } from "./allocation";
import { planForAllocation, selectedExhibitors } from "./allocation-input";

// Confirming a draft allocation (docs/floor.md, "Allocating the stalls"): in ONE transaction, with
// the edition and the run locked, every exhibitor of the run leaves the stall it had (if the run
// puts it elsewhere, or nowhere) and takes its stall in the run, confirmed (confirming is
// publishing: the public map shows it at once). The stalls' partial unique index (one stall per
// exhibitor of an edition) and the one-holder-per-row design are the final guard: a stall that was
// blocked or given away since the draft was made refuses the whole confirmation. Each exhibitor
// whose stall is new or changed is emailed its stall and the reasons, in its language.

const STALL_INDEXES = new Set(["floor_stalls_enterprise_uq", "floor_stalls_holder_state"]);

const confirmAllocationInput = z.strictObject({ runId: z.uuid() });

export async function confirmAllocation(ctx: Ctx, raw: Input<typeof confirmAllocationInput>) {
  const { runId } = parseInput(confirmAllocationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftForChange(tx, ctx.actor, runId);
    const now = ctx.clock.now();
    const plan = await planForAllocation(tx, edition.id);
    const exhibitors = await selectedExhibitors(tx, edition);
    const placements = await tx.select().from(floorAllocationPlacements).where(eq(floorAllocationPlacements.runId, run.id));
    const stallById = new Map(plan.stallRows.map((s) => [s.id, s]));
    const target = new Map(placements.map((p) => [p.enterpriseId, p.stallId]));
    const members = [...new Set([...placements.map((p) => p.enterpriseId), ...run.unplaced.map((u) => u.exhibitorId)])];
    const before = new Map(plan.stallRows.filter((s) => s.enterpriseId && (s.state === "assigned" || s.state === "confirmed")).map((s) => [s.enterpriseId!, s.id]));

    try {
      // 1. Members leave the stalls the run does not give them.
      const leaving = plan.stallRows.filter((s) => s.enterpriseId && members.includes(s.enterpriseId) && (s.state === "assigned" || s.state === "confirmed") && target.get(s.enterpriseId) !== s.id);
      if (leaving.length) await tx.update(floorStalls).set({ state: "available", enterpriseId: null, holdExpiresAt: null }).where(inArray(floorStalls.id, leaving.map((s) => s.id)));
      // 2. Each takes its stall, in one statement: free, its own (held or assigned), or a hold that ran out.
      if (placements.length) {
        const values = sql.join(
          placements.map((p) => sql`(${p.stallId}::uuid, ${p.enterpriseId}::uuid)`),
          sql`, `,
        );
        const done = rowsOf<{ id: string }>(
          await tx.execute(sql`
            UPDATE floor_stalls s SET state = 'confirmed', enterprise_id = v.ent, hold_expires_at = NULL
            FROM (VALUES ${values}) AS v(stall, ent)
            WHERE s.id = v.stall AND s.edition_id = ${edition.id}
              AND (s.state = 'available' OR s.enterprise_id = v.ent OR (s.state = 'on_hold' AND s.hold_expires_at <= ${now.toISOString()}::timestamptz))
            RETURNING s.id`),
        );
        if (done.length !== placements.length) {
          const ok = new Set(done.map((r) => r.id));
          const lost = placements.find((p) => !ok.has(p.stallId))!;
          throw new DomainError("floor_stall_taken", { params: { stall: stallById.get(lost.stallId)?.number ?? "" } });
        }
      }
    } catch (e) {
      const name = constraintName(e);
      if ((sqlStateOf(e) === "23505" || sqlStateOf(e) === "23514") && name && STALL_INDEXES.has(name)) throw new DomainError("floor_stall_taken", { params: { stall: "" } });
      throw e;
    }

    await tx
      .update(floorAllocationRuns)
      .set({ status: "confirmed", decidedAt: now, decidedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where(eq(floorAllocationRuns.id, run.id));

    // Who hears: an exhibitor with a new or changed stall, in its language.
    const exById = new Map(exhibitors.map((e) => [e.id, e]));
    const hallById = new Map(plan.halls.map((h) => [h.id, h]));
    const areaById = new Map(plan.areas.map((a) => [a.id, a]));
    const emails = placements
      .filter((p) => before.get(p.enterpriseId) !== p.stallId)
      .flatMap((p) => {
        const ex = exById.get(p.enterpriseId);
        const s = stallById.get(p.stallId)!;
        if (!ex?.email) return [];
        const l = ex.locale;
        const hall = hallById.get(s.hallId)!;
        const area = s.areaId ? areaById.get(s.areaId) : undefined;
        const areaName = (aid: string) => {
          const a = areaById.get(aid);
          return a ? (l === "ur" ? a.nameUr : a.nameEn) : "";
        };
        const params = {
          name: ex.contactName,
          enterprise: l === "ur" ? (ex.nameUr ?? ex.nameEn) : ex.nameEn,
          edition: l === "ur" ? edition.nameUr : edition.nameEn,
          stall: s.number,
          hall: l === "ur" ? hall.nameUr : hall.nameEn,
          area: area ? (l === "ur" ? area.nameUr : area.nameEn) : translate(l, "floor.area.none"),
          reasons: allocationExplanation(l, p.reasons as Reason[], areaName),
          link: `${ctx.config.publicUrl}/editions/${edition.slug}/floor/${hall.code}/stalls/${encodeURIComponent(s.number)}`,
          rule: `${ctx.config.publicUrl}/editions/${edition.slug}/floor/rule`,
        };
        return [{ kind: "floor_stall", to: ex.email, subject: translate(l, "floor.alloc.email.subject", params), text: translate(l, "floor.alloc.email.body", params) }];
      });
    await queueEmails(tx, ctx.clock, emails);
    const counts = {
      confirmed: placements.length,
      changed: placements.filter((p) => before.get(p.enterpriseId) !== p.stallId).length,
      unplaced: run.unplaced.length,
      notified: emails.length,
    };
    await recordAudit(tx, ctx, { action: "floor.allocation_confirmed", entityType: "floor_allocation_run", entityId: run.id, organiserId: edition.organiserId, editionId: edition.id, data: counts });
    return counts;
  });
}
