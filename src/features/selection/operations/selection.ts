import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { queueEmail } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { users } from "../../../platform/auth/tables";
import { roleGrants } from "#features/accounts";
import { editionFor, editionForChange } from "#features/editions";
import { clusters, editions, sectors } from "#features/editions";
import { byApplicant, nominationByLink } from "#features/nominations";
import { nominations, selections } from "#features/nominations";
import { applyOverrides, Override, PreferenceRule, runSelection, SelectionResult, withdrawDecision, type Decision } from "../engine";
import { decisionEmail, offerEmail, tradeBodyDecisionsEmail } from "./decision-mail";
import { editionScores } from "./review";

const editionInput = z.object({ editionId: z.uuid() });

export async function findSelection(db: Executor, editionId: string) {
  const [row] = await db.select().from(selections).where(eq(selections.editionId, editionId));
  return row ? { ...row, result: SelectionResult.parse(row.result) } : null;
}

/** Runs the selection (engine) on the normalised scores and the published rule: a proposal until published. */
export async function runSelectionProposal(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "selection.manage");
    const existing = await findSelection(tx, editionId);
    if (existing?.publishedAt) throw new DomainError("selection_published");
    const { call, result: scores } = await editionScores(tx, editionId);
    const score = new Map(scores.applications.map((a) => [a.applicationId, a]));
    const apps = await tx
      .select()
      .from(nominations)
      .where(and(eq(nominations.editionId, editionId), eq(nominations.status, "submitted")));
    const scored = apps.filter((a) => score.has(a.id));
    const sectorOf = new Map((await tx.select({ id: clusters.id, sectorId: clusters.sectorId }).from(clusters).where(eq(clusters.editionId, editionId))).map((c) => [c.id, c.sectorId]));
    const result = runSelection({
      applications: scored.map((a) => ({
        id: a.id,
        clusterId: a.clusterId,
        sectorId: sectorOf.get(a.clusterId) ?? null,
        sizeClass: a.sizeClass,
        womenLed: a.womenLed,
        normalisedScore: score.get(a.id)!.meanNormalised,
        rawScore: score.get(a.id)!.meanRaw,
        submittedAt: (a.submittedAt ?? a.createdAt).toISOString(),
        tradeBodyId: a.tradeBodyId,
      })),
      clusterTargets: call.clusterTargets.map((t) => ({ ...t, sectorId: sectorOf.get(t.clusterId) ?? null })),
      sectorTargets: call.sectorTargets,
      totalStalls: call.totalStalls,
      rule: PreferenceRule.parse(call.rule),
    });
    const values = { result: result as unknown as Record<string, unknown>, ranAt: ctx.clock.now() };
    await tx.insert(selections).values({ editionId, ...values }).onConflictDoUpdate({ target: selections.editionId, set: values });
    await recordAudit(tx, ctx, {
      action: "selection.ran",
      entityType: "edition",
      entityId: editionId,
      organiserId: edition.organiserId,
      editionId,
      data: { totals: result.totals, flags: result.flags, unscored: apps.length - scored.length },
    });
    return { result, unscored: apps.length - scored.length };
  });
}

/** The current proposal or published selection, for organisers. */
export async function getSelection(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "selection.manage");
  const selection = await findSelection(ctx.db, editionId);
  const names = await ctx.db.select({ id: nominations.id, enterpriseName: nominations.enterpriseName, status: nominations.status }).from(nominations).where(eq(nominations.editionId, editionId));
  // Where the call stands before any run: how many nominees were invited, started, submitted or withdrew.
  const progress = { invited: 0, draft: 0, submitted: 0, withdrawn: 0 };
  for (const n of names) progress[n.status]++;
  const clusterRows = await ctx.db.select({ id: clusters.id, nameEn: clusters.nameEn, nameUr: clusters.nameUr }).from(clusters).where(eq(clusters.editionId, editionId));
  const sectorRows = await ctx.db.select({ id: sectors.id, nameEn: sectors.nameEn, nameUr: sectors.nameUr }).from(sectors).where(eq(sectors.editionId, editionId));
  return {
    edition,
    selection,
    progress,
    names: Object.fromEntries(names.map((n) => [n.id, n.enterpriseName])),
    clusters: Object.fromEntries(clusterRows.map((c) => [c.id, c])),
    sectors: Object.fromEntries(sectorRows.map((c) => [c.id, c])),
  };
}

const overrideDecisionInput = editionInput.and(Override);

/** Changes one decision with a recorded justification (engine: nobody else moves; flags show what it breaks). */
export async function overrideDecision(ctx: Ctx, raw: Input<typeof overrideDecisionInput>) {
  const input = parseInput(overrideDecisionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "selection.manage");
    const current = await findSelection(tx, input.editionId);
    if (!current) throw new DomainError("not_found", { params: { what: "selection" } });
    const result = applyOverrides(current.result, [{ applicationId: input.applicationId, status: input.status, justification: input.justification }]);
    await tx.update(selections).set({ result: result as unknown as Record<string, unknown> }).where(eq(selections.editionId, input.editionId));
    await recordAudit(tx, ctx, {
      action: "selection.overridden",
      entityType: "nomination",
      entityId: input.applicationId,
      organiserId: edition.organiserId,
      editionId: input.editionId,
      data: { to: input.status, justification: input.justification, published: !!current.publishedAt },
    });
    // After publication the applicant is told again.
    if (current.publishedAt) await tellApplicants(tx, ctx, input.editionId, result, [input.applicationId]);
    return result;
  });
}

async function tellApplicants(tx: Executor, ctx: Ctx, editionId: string, result: SelectionResult, only?: string[]) {
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId));
  const apps = await tx.select().from(nominations).where(eq(nominations.editionId, editionId));
  const byId = new Map(apps.map((a) => [a.id, a]));
  const clusterRows = await tx.select().from(clusters).where(eq(clusters.editionId, editionId));
  const clusterName = new Map(clusterRows.map((c) => [c.id, c]));
  const decisions = result.decisions.filter((d) => !only || only.includes(d.applicationId));
  const perBody = new Map<string, { decision: Decision; name: string }[]>();
  for (const d of decisions) {
    const n = byId.get(d.applicationId);
    if (!n) continue;
    if (n.email) await queueEmail(tx, ctx.clock, decisionEmail({ to: n.email, locale: n.locale, decision: d, enterpriseName: n.enterpriseName, edition: edition!, cluster: clusterName.get(d.clusterId)! }));
    const list = perBody.get(n.tradeBodyId) ?? [];
    list.push({ decision: d, name: n.enterpriseName });
    perBody.set(n.tradeBodyId, list);
  }
  if (perBody.size === 0) return;
  const reps = await tx
    .select({ email: users.email, locale: users.locale, tradeBodyId: roleGrants.tradeBodyId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, "trade_body_rep"), inArray(roleGrants.tradeBodyId, [...perBody.keys()])));
  for (const r of reps) {
    await queueEmail(tx, ctx.clock, tradeBodyDecisionsEmail({ to: r.email, locale: r.locale, edition: edition!, items: perBody.get(r.tradeBodyId!) ?? [] }));
  }
}

/** Publishes: decisions become final (overrides and withdrawals still apply), applicants and trade bodies are told, the appeal window opens. */
export async function publishSelection(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "selection.manage");
    const current = await findSelection(tx, editionId);
    if (!current) throw new DomainError("not_found", { params: { what: "selection" } });
    if (current.publishedAt) return current;
    const { call } = await editionScores(tx, editionId);
    const now = ctx.clock.now();
    const appealsCloseAt = new Date(now.getTime() + call.appealDays * 86_400_000);
    await tx.update(selections).set({ publishedAt: now, appealsCloseAt }).where(eq(selections.editionId, editionId));
    await tellApplicants(tx, ctx, editionId, current.result);
    await recordAudit(tx, ctx, { action: "selection.published", entityType: "edition", entityId: editionId, organiserId: edition.organiserId, editionId, data: { totals: current.result.totals } });
    return { ...current, publishedAt: now, appealsCloseAt };
  });
}

/**
 * A withdrawal, before or after publication, by the same published rule: a
 * selected applicant's place goes to the same cluster's waitlist (engine:
 * promoteFromWaitlist; a reservation left short is filled first); a waitlisted
 * or not-selected applicant just leaves the list. Before publication the
 * proposal is updated in place (overrides kept, nobody told yet); after
 * publication the promoted applicant is offered the place by email.
 */
async function withdraw(tx: Executor, ctx: Ctx, nominationId: string, by: "applicant" | "staff"): Promise<Withdrawal> {
  const [n] = await tx.select().from(nominations).where(eq(nominations.id, nominationId)).for("update");
  if (!n) throw new DomainError("not_found", { params: { what: "nomination" } });
  if (n.status === "withdrawn") return { promoted: null, promotedName: null, proposalUpdated: false };
  await tx.update(nominations).set({ status: "withdrawn" }).where(eq(nominations.id, nominationId));
  const current = await findSelection(tx, n.editionId);
  const decision = current?.result.decisions.find((d) => d.applicationId === nominationId);
  let promoted: string | null = null;
  let promotedName: string | null = null;
  if (current && decision && decision.status !== "withdrawn") {
    const next = withdrawDecision(current.result, nominationId);
    promoted = next.promoted;
    await tx.update(selections).set({ result: next.result as unknown as Record<string, unknown> }).where(eq(selections.editionId, n.editionId));
    if (promoted) {
      const [m] = await tx.select().from(nominations).where(eq(nominations.id, promoted));
      promotedName = m?.enterpriseName ?? null;
      const [edition] = await tx.select().from(editions).where(eq(editions.id, n.editionId));
      if (current.publishedAt && m?.email) await queueEmail(tx, ctx.clock, offerEmail({ to: m.email, locale: m.locale, enterpriseName: m.enterpriseName, edition: edition! }));
    }
  }
  const proposalUpdated = !!current && !current.publishedAt && !!decision;
  // In the edition's organiser's log; through the link, the nomination's holder acted.
  const { organiserId, editionId, by: holder } = await byApplicant(tx, n);
  await recordAudit(tx, ctx, {
    action: "nomination.withdrawn",
    entityType: "nomination",
    entityId: nominationId,
    organiserId,
    editionId,
    data: { promoted, before: decision?.status ?? null, published: !!current?.publishedAt },
    ...(by === "applicant" ? { by: holder } : {}),
  });
  return { promoted, promotedName, proposalUpdated };
}

export interface Withdrawal {
  /** The application that took the freed place, if any. */
  promoted: string | null;
  promotedName: string | null;
  /** The unpublished proposal was updated (not re-run). */
  proposalUpdated: boolean;
}

const withdrawByApplicantInput = z.object({ token: z.string().min(20).max(200) });

/** The applicant withdraws through their link. */
export async function withdrawByApplicant(ctx: Ctx, raw: Input<typeof withdrawByApplicantInput>) {
  const { token } = parseInput(withdrawByApplicantInput, raw);
  return inTransaction(ctx, async (tx) => {
    const n = await nominationByLink(tx, token, ctx.clock.now());
    return withdraw(tx, ctx, n.id, "applicant");
  });
}

const withdrawByStaffInput = z.object({ nominationId: z.uuid() });

/** Organiser staff record a withdrawal (e.g. told by phone). */
export async function withdrawByStaff(ctx: Ctx, raw: Input<typeof withdrawByStaffInput>) {
  const { nominationId } = parseInput(withdrawByStaffInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [n] = await tx.select().from(nominations).where(eq(nominations.id, nominationId));
    if (!n) throw new DomainError("not_found", { params: { what: "nomination" } });
    await editionForChange(tx, ctx.actor, n.editionId, "selection.manage");
    return withdraw(tx, ctx, nominationId, "staff");
  });
}

/** The published decision of one application, or null before publication. */
export async function publishedDecision(db: Executor, editionId: string, nominationId: string) {
  const s = await findSelection(db, editionId);
  if (!s?.publishedAt) return null;
  return { decision: s.result.decisions.find((d) => d.applicationId === nominationId) ?? null, appealsCloseAt: s.appealsCloseAt };
}
