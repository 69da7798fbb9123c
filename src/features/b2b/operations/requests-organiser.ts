import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import type { Clock } from "../../../platform/clock";
import { startPeriodic } from "../../../platform/periodic";
import type { AppConfig } from "../../../platform/config";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { anonymous } from "../../../platform/permissions/actor";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { refusingB2b } from "../db-errors";
import { b2bParticipants, b2bRequests, requestStatuses } from "../tables";
import { afterAccept, mailParticipant, nameIn, publicSummaries } from "./requests-common";
import { answerLink, mailDecision, mailRecipient, presentRequest } from "./requests";

// Meeting requests, the organiser's side (issue #11, item 4): meetings created directly (a hosted
// buyer programme), a delegation's pending requests accepted in bulk on its leader's behalf, the
// counts per status; and the expiry job (requests past their time expire, with one reminder the
// day before), run periodically by the server like the outbox worker.

const id = z.uuid();
export const directMeetingInput = z.strictObject({ editionId: id, smeParticipantId: id, buyerParticipantId: id, message: z.string().trim().max(500).optional() });
export const bulkAcceptInput = z.strictObject({ editionId: id, leaderParticipantId: id });

/**
 * Organisers (`b2b.manage`) join an exhibitor and a buyer-side participant of the edition with an
 * accepted request, whatever the window and caps (a hosted buyer programme). A pending, withdrawn
 * or expired request of the pair becomes accepted; an accepted one is returned unchanged; a
 * declined one stays declined (`b2b_request_decided`). Both are emailed; audited.
 */
export async function createMeetingDirect(ctx: Ctx, raw: Input<typeof directMeetingInput>) {
  const input = parseInput(directMeetingInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "b2b.manage");
    const both = await tx.select().from(b2bParticipants).where(inArray(b2bParticipants.id, [input.smeParticipantId, input.buyerParticipantId]));
    const sme = both.find((p) => p.id === input.smeParticipantId);
    const buyer = both.find((p) => p.id === input.buyerParticipantId);
    const ok = (p: typeof sme, side: string) => p && p.editionId === edition.id && p.side === side && p.approved && !p.withdrawnAt;
    if (!ok(sme, "sme") || !ok(buyer, "buyer")) throw new DomainError("b2b_no_such_participant");
    const [existing] = await tx
      .select()
      .from(b2bRequests)
      .where(and(eq(b2bRequests.smeParticipantId, sme!.id), eq(b2bRequests.buyerParticipantId, buyer!.id)))
      .for("update");
    if (existing?.status === "accepted") return { request: presentRequest(existing), created: false };
    if (existing?.status === "declined") throw new DomainError("b2b_request_decided");
    const now = ctx.clock.now();
    const values = {
      status: "accepted" as const,
      decidedAt: now,
      declineReason: null,
      ...(input.message !== undefined || !existing ? { message: input.message ?? "" } : {}),
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    };
    const [row] = existing
      ? await tx.update(b2bRequests).set(values).where(eq(b2bRequests.id, existing.id)).returning()
      : await refusingB2b(() =>
          tx
            .insert(b2bRequests)
            .values({ editionId: edition.id, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, requestedBy: "buyer", priority: "must", createdAt: now, ...values })
            .returning(),
        );
    // Each of the two learns of the meeting the organiser arranged, with the other's name.
    const names = await publicSummaries(tx, [sme!.id, buyer!.id]);
    for (const [to, other] of [
      [sme!, buyer!],
      [buyer!, sme!],
    ] as const) {
      await mailParticipant(tx, ctx, to, "b2b_meeting_arranged", { subject: "b2b.email.direct.subject", body: "b2b.email.direct.body" }, (locale) => ({
        other: nameIn(locale, names.get(other.id)),
        edition: locale === "ur" ? edition.nameUr : edition.nameEn,
      }));
    }
    await recordAudit(tx, ctx, {
      action: "b2b.request_created_direct",
      entityType: "b2b_request",
      entityId: row!.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, was: existing?.status ?? null },
    });
    await afterAccept(tx, ctx, row!);
    return { request: presentRequest(row!), created: true };
  });
}

/**
 * Organisers (`b2b.manage`) accept, on a delegation leader's behalf, every pending unexpired
 * request addressed to the leader or to a participant whose delegation leader it is. Each sender
 * is emailed; audited once with the counts.
 */
export async function bulkAcceptForDelegation(ctx: Ctx, raw: Input<typeof bulkAcceptInput>) {
  const input = parseInput(bulkAcceptInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "b2b.manage");
    const [leader] = await tx.select().from(b2bParticipants).where(eq(b2bParticipants.id, input.leaderParticipantId));
    if (!leader || leader.editionId !== edition.id) throw new DomainError("b2b_no_such_participant");
    const members = await tx
      .select({ id: b2bParticipants.id })
      .from(b2bParticipants)
      .where(and(eq(b2bParticipants.editionId, edition.id), or(eq(b2bParticipants.id, leader.id), eq(b2bParticipants.delegationLeaderId, leader.id)), isNull(b2bParticipants.withdrawnAt)));
    const ids = members.map((m) => m.id);
    const now = ctx.clock.now();
    const pending = ids.length
      ? await tx
          .select()
          .from(b2bRequests)
          .where(
            and(
              eq(b2bRequests.editionId, edition.id),
              eq(b2bRequests.status, "pending"),
              gt(b2bRequests.expiresAt, now),
              or(and(eq(b2bRequests.requestedBy, "sme"), inArray(b2bRequests.buyerParticipantId, ids)), and(eq(b2bRequests.requestedBy, "buyer"), inArray(b2bRequests.smeParticipantId, ids))),
            ),
          )
          .orderBy(asc(b2bRequests.id))
          .for("update")
      : [];
    const accepted = pending.length
      ? await tx
          .update(b2bRequests)
          .set({ status: "accepted", decidedAt: now, declineReason: null })
          .where(
            and(
              inArray(
                b2bRequests.id,
                pending.map((r) => r.id),
              ),
              eq(b2bRequests.status, "pending"),
            ),
          )
          .returning()
      : [];
    for (const r of accepted) {
      await mailDecision(tx, ctx, r);
      await afterAccept(tx, ctx, r);
    }
    const result = { accepted: accepted.length, members: ids.length };
    await recordAudit(tx, ctx, { action: "b2b.requests_bulk_accepted", entityType: "b2b_participant", entityId: leader.id, organiserId: edition.organiserId, editionId: edition.id, data: result });
    return result;
  });
}

const requestStatsInput = z.strictObject({ editionId: id });

/** Organisers (`b2b.manage`): the edition's requests counted per status (a pending one past its
 *  expiry counts as expired) and per priority. */
export async function requestStats(ctx: Ctx, raw: Input<typeof requestStatsInput>) {
  const { editionId } = parseInput(requestStatsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "b2b.manage");
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      status: sql<string>`case when ${b2bRequests.status} = 'pending' and ${b2bRequests.expiresAt} <= ${now} then 'expired' else ${b2bRequests.status} end`,
      priority: b2bRequests.priority,
      n: sql<number>`count(*)::int`,
    })
    .from(b2bRequests)
    .where(eq(b2bRequests.editionId, edition.id))
    .groupBy(sql`1`, b2bRequests.priority);
  const byStatus = Object.fromEntries(requestStatuses.map((s) => [s, 0])) as Record<(typeof requestStatuses)[number], number>;
  const byPriority = { must: 0, would_like: 0 };
  for (const r of rows) {
    byStatus[r.status as keyof typeof byStatus] += Number(r.n);
    byPriority[r.priority] += Number(r.n);
  }
  return { editionId: edition.id, total: byPriority.must + byPriority.would_like, byStatus, byPriority };
}

const DAY = 86_400_000;
/** A reminder goes this long before a request expires. */
export const REMINDER_BEFORE_MS = DAY;

/**
 * The expiry job: pending requests past their expiry become expired; a pending request expiring
 * within a day gets one reminder to its recipient (remindedAt keeps it to one, even when two
 * servers run the job). The reminder carries a new answer link (only its hash is kept, so the
 * first email's link is replaced). Returns the counts.
 */
export async function expireRequests(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const expired = await tx
      .update(b2bRequests)
      .set({ status: "expired", decidedAt: now })
      .where(and(eq(b2bRequests.status, "pending"), lte(b2bRequests.expiresAt, now)))
      .returning({ id: b2bRequests.id });
    const due = await tx
      .select()
      .from(b2bRequests)
      .where(and(eq(b2bRequests.status, "pending"), isNull(b2bRequests.remindedAt), gt(b2bRequests.expiresAt, now), lte(b2bRequests.expiresAt, new Date(now.getTime() + REMINDER_BEFORE_MS))))
      .orderBy(asc(b2bRequests.id))
      .limit(500)
      .for("update", { skipLocked: true });
    let reminded = 0;
    for (const r of due) {
      const link = answerLink(ctx);
      const [row] = await tx
        .update(b2bRequests)
        .set({ remindedAt: now, answerTokenHash: link.hash })
        .where(and(eq(b2bRequests.id, r.id), isNull(b2bRequests.remindedAt)))
        .returning();
      if (!row) continue;
      await mailRecipient(tx, ctx, row, link.url, true);
      reminded++;
    }
    return { expired: expired.length, reminded };
  });
}

/** Runs expireRequests every `everyMs` (and once at start) until stopped; the server starts it
 *  beside the outbox worker. */
export function startRequestExpiry(options: { db: Db; clock: Clock; config: AppConfig; everyMs?: number; onError?: (e: unknown) => void }) {
  const ctx: Ctx = { db: options.db, clock: options.clock, config: options.config, actor: anonymous, locale: "en" };
  return startPeriodic(() => expireRequests(ctx), options.everyMs ?? 5 * 60_000, options.onError);
}
