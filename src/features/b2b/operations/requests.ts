import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit, type AuditBy } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { parseInput, type Input } from "../../../platform/validation";
import { refusingB2b } from "../db-errors";
import { b2bParticipants, b2bRequests, type ParticipantSide } from "../tables";
import { assertProgrammeOpen, ownParticipant, type Participant } from "./participants";
import {
  afterAccept,
  assertProgrammeOn,
  contactOf,
  contactsVisible,
  mailParticipant,
  nameIn,
  organiserOf,
  participantById,
  programmeOf,
  publicSummaries,
  recipientId,
  senderId,
  type RequestRow,
} from "./requests-common";

export { contactsVisible, onRequestAccepted, type AcceptedHook } from "./requests-common";

// Meeting requests (issue #11, item 4), the participant's side. A request joins one exhibitor and
// one buyer-side participant, whichever asked; one per pair (the database's pair index), with a
// short message, a priority (must meet / would like to meet) and optional preferred days. It holds
// no time: only the scheduler gives slots, from accepted requests. The recipient answers from its
// page or from the emailed link (a random token of which only the SHA-256 is kept), without
// signing in. Contact details of the two become visible to each other only once accepted.

const id = z.uuid();
const token = z.string().min(16).max(128);
const refShape = { participantId: id.optional(), token: token.optional() };
const oneRef = (r: { participantId?: string; token?: string }) => (r.participantId === undefined) !== (r.token === undefined);
const refIssue = { params: { code: "b2b_participant_ref" } };
const message = z.string().trim().max(500);
const priority = z.enum(["must", "would_like"]);
const preferredDays = z.array(z.number().int().min(1).max(16)).max(16);

export const sendRequestInput = z
  .strictObject({ ...refShape, to: id, message: message.default(""), priority: priority.default("would_like"), preferredDays: preferredDays.default([]) })
  .refine(oneRef, refIssue);
export const respondInput = z
  .strictObject({ ...refShape, requestId: id.optional(), answerToken: token.optional(), decision: z.enum(["accept", "decline"]), reason: z.string().trim().max(500).optional() })
  .refine((r) => (r.answerToken !== undefined ? r.participantId === undefined && r.token === undefined && r.requestId === undefined : oneRef(r) && r.requestId !== undefined), refIssue);
export const editRequestInput = z
  .strictObject({ ...refShape, requestId: id, message: message.optional(), priority: priority.optional(), preferredDays: preferredDays.optional() })
  .refine(oneRef, refIssue);
export const requestRefInput = z.strictObject({ ...refShape, requestId: id }).refine(oneRef, refIssue);
export const myRequestsInput = z.strictObject(refShape).refine(oneRef, refIssue);

const DAY = 86_400_000;
const days = (d: number[]) => [...new Set(d)].sort((a, b) => a - b);

/** A request as either of its two sees it (never the answer token's hash). */
export function presentRequest(r: RequestRow) {
  return {
    id: r.id,
    editionId: r.editionId,
    smeParticipantId: r.smeParticipantId,
    buyerParticipantId: r.buyerParticipantId,
    requestedBy: r.requestedBy,
    message: r.message,
    priority: r.priority,
    preferredDays: r.preferredDays,
    status: r.status,
    declineReason: r.declineReason,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

const isPast = (r: RequestRow, ctx: Ctx) => r.expiresAt !== null && r.expiresAt <= ctx.clock.now();

/** The new answer link of a request: the token goes in the email only. */
export function answerLink(ctx: Ctx) {
  const secret = newSecret(24);
  return { hash: hashSecret(secret), url: `${ctx.config.publicUrl}/b2b/answer/${secret}` };
}

/** Email the recipient of a pending request: who asks, their message, the answer link. */
export async function mailRecipient(db: Executor, ctx: Ctx, r: RequestRow, link: string, reminder = false) {
  const recipient = await participantById(db, recipientId(r));
  const summaries = await publicSummaries(db, [senderId(r)]);
  const edition = await organiserOf(db, r.editionId);
  return mailParticipant(
    db,
    ctx,
    recipient,
    reminder ? "b2b_request_reminder" : "b2b_request",
    reminder ? { subject: "b2b.email.reminder.subject", body: "b2b.email.reminder.body" } : { subject: "b2b.email.request.subject", body: "b2b.email.request.body" },
    (locale) => ({
      from: nameIn(locale, summaries.get(senderId(r))),
      edition: locale === "ur" ? edition.nameUr : edition.nameEn,
      message: r.message || "—",
      link,
      expires: r.expiresAt?.toISOString().slice(0, 16).replace("T", " ") + " UTC",
    }),
  );
}

/** Email the sender the answer, in the sender's language. */
export async function mailDecision(db: Executor, ctx: Ctx, r: RequestRow) {
  const sender = await participantById(db, senderId(r));
  const summaries = await publicSummaries(db, [recipientId(r)]);
  const edition = await organiserOf(db, r.editionId);
  const accepted = r.status === "accepted";
  return mailParticipant(
    db,
    ctx,
    sender,
    accepted ? "b2b_request_accepted" : "b2b_request_declined",
    accepted ? { subject: "b2b.email.accepted.subject", body: "b2b.email.accepted.body" } : { subject: "b2b.email.declined.subject", body: "b2b.email.declined.body" },
    (locale) => ({ other: nameIn(locale, summaries.get(recipientId(r))), edition: locale === "ur" ? edition.nameUr : edition.nameEn, reason: r.declineReason || "—" }),
  );
}

/** The participant to meet: of the same edition, approved, opted in, not withdrawn; any other
 *  (missing, hidden, of another edition) is the same refusal, so ids tell nothing. */
async function visibleTarget(db: Executor, editionId: string, to: string): Promise<Participant> {
  const [p] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.id, to));
  if (!p || p.editionId !== editionId || !p.approved || !p.optedIn || p.withdrawnAt) throw new DomainError("b2b_no_such_participant");
  return p;
}

const directionAllows = (direction: string, side: ParticipantSide) => direction === "both" || direction === (side === "sme" ? "sme_to_buyer" : "buyer_to_sme");

/**
 * A participant (by account or signed link) asks another for a meeting. Refused: matchmaking off
 * or its window closed, the sender withdrawn or not approved, a target not visible
 * (`b2b_no_such_participant`), the same side (`b2b_same_side`), a direction the programme does not
 * allow, the cap of requests sent (pending and accepted ones count; the sender's row is locked, so
 * concurrent sends cannot pass it together), and a pair that already has a request in either
 * direction (`b2b_request_duplicate`; the pair index is the final guard). A withdrawn or expired
 * request of the pair is renewed instead. The recipient is emailed, in its language, with a link
 * that answers without signing in. Audited.
 */
export async function sendRequest(ctx: Ctx, raw: Input<typeof sendRequestInput>) {
  const input = parseInput(sendRequestInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant: me, by } = await ownParticipant(tx, ctx, input);
    // The sender's row, locked: its sends go one at a time, so the cap holds. NO KEY UPDATE, not
    // UPDATE: the new request's foreign keys take KEY SHARE on both participants, and two of them
    // asking each other at once must meet at the pair index (a refusal), not in a deadlock.
    await tx.select({ id: b2bParticipants.id }).from(b2bParticipants).where(eq(b2bParticipants.id, me.id)).for("no key update");
    await assertProgrammeOpen(tx, ctx, me.editionId);
    if (me.withdrawnAt) throw new DomainError("b2b_participant_withdrawn");
    if (!me.approved) throw new DomainError("b2b_registration_not_approved");
    const programme = (await programmeOf(tx, me.editionId))!;
    const target = await visibleTarget(tx, me.editionId, input.to);
    if (target.side === me.side) throw new DomainError("b2b_same_side");
    if (!directionAllows(programme.requestDirection, me.side)) throw new DomainError("b2b_direction_not_allowed");
    const mine = me.side === "sme" ? b2bRequests.smeParticipantId : b2bRequests.buyerParticipantId;
    const [{ sent }] = (await tx
      .select({ sent: sql<number>`count(*)::int` })
      .from(b2bRequests)
      .where(and(eq(mine, me.id), eq(b2bRequests.requestedBy, me.side), inArray(b2bRequests.status, ["pending", "accepted"])))) as [{ sent: number }];
    if (sent >= programme.maxRequestsSent) throw new DomainError("b2b_request_cap", { params: { max: programme.maxRequestsSent } });

    const pair = me.side === "sme" ? { smeParticipantId: me.id, buyerParticipantId: target.id } : { smeParticipantId: target.id, buyerParticipantId: me.id };
    const [existing] = await tx
      .select()
      .from(b2bRequests)
      .where(and(eq(b2bRequests.smeParticipantId, pair.smeParticipantId), eq(b2bRequests.buyerParticipantId, pair.buyerParticipantId)))
      .for("update");
    if (existing && existing.status !== "withdrawn" && existing.status !== "expired") throw new DomainError("b2b_request_duplicate");
    const now = ctx.clock.now();
    const link = answerLink(ctx);
    const values = {
      requestedBy: me.side,
      message: input.message,
      priority: input.priority,
      preferredDays: days(input.preferredDays),
      status: "pending" as const,
      declineReason: null,
      expiresAt: new Date(now.getTime() + programme.requestExpiryDays * DAY),
      remindedAt: null,
      decidedAt: null,
      answerTokenHash: link.hash,
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      createdAt: now,
    };
    const [row] = existing
      ? await tx.update(b2bRequests).set(values).where(eq(b2bRequests.id, existing.id)).returning()
      : await refusingB2b(() => tx.insert(b2bRequests).values({ editionId: me.editionId, ...pair, ...values }).returning());
    await mailRecipient(tx, ctx, row!, link.url);
    await recordAudit(tx, ctx, {
      action: "b2b.request_sent",
      entityType: "b2b_request",
      entityId: row!.id,
      organiserId: (await organiserOf(tx, me.editionId)).organiserId,
      editionId: me.editionId,
      data: { from: me.id, to: target.id, priority: input.priority, renewed: !!existing },
      by,
    });
    return presentRequest(row!);
  });
}

/** The caller's own request, locked, with the caller's side in it; another's is `b2b_no_such_request`. */
async function myRequest(tx: Executor, ctx: Ctx, ref: { participantId?: string; token?: string }, requestId: string, as: "sender" | "recipient") {
  const { participant: me, by } = await ownParticipant(tx, ctx, ref);
  const [r] = await tx.select().from(b2bRequests).where(eq(b2bRequests.id, requestId)).for("update");
  if (!r || (as === "sender" ? senderId(r) : recipientId(r)) !== me.id) throw new DomainError("b2b_no_such_request");
  return { me, by, request: r };
}

/**
 * The recipient accepts or declines (with an optional reason): by account or signed link with the
 * request's id, or by the emailed answer token alone. Only a pending, unexpired request; the
 * request row is locked, so concurrent answers are one. Idempotent: the same answer again returns
 * the request unchanged (no second audit or email); the other answer is `b2b_request_decided`; an
 * expired one `b2b_request_expired`. The sender is emailed in its language. An acceptance runs the
 * registered hooks (onRequestAccepted) in the same transaction.
 */
export async function respondToRequest(ctx: Ctx, raw: Input<typeof respondInput>) {
  const input = parseInput(respondInput, raw);
  return inTransaction(ctx, async (tx) => {
    let request: RequestRow;
    let by: AuditBy | undefined;
    let me: Participant;
    if (input.answerToken !== undefined) {
      const [r] = await tx.select().from(b2bRequests).where(eq(b2bRequests.answerTokenHash, hashSecret(input.answerToken))).for("update");
      if (!r) throw new DomainError("token_invalid");
      request = r;
      me = await participantById(tx, recipientId(r));
      if (me.registrationId) by = { registrationId: me.registrationId, label: (await contactOf(tx, me)).name };
    } else {
      ({ me, by, request } = await myRequest(tx, ctx, input, input.requestId!, "recipient"));
    }
    const target = input.decision === "accept" ? "accepted" : "declined";
    if (request.status === target) return presentRequest(request);
    if (request.status === "expired" || (request.status === "pending" && isPast(request, ctx))) throw new DomainError("b2b_request_expired");
    if (request.status !== "pending") throw new DomainError("b2b_request_decided");
    if (me.withdrawnAt) throw new DomainError("b2b_participant_withdrawn");
    await assertProgrammeOn(tx, request.editionId);
    const [row] = await tx
      .update(b2bRequests)
      .set({ status: target, decidedAt: ctx.clock.now(), declineReason: target === "declined" ? input.reason || null : null })
      .where(eq(b2bRequests.id, request.id))
      .returning();
    await mailDecision(tx, ctx, row!);
    await recordAudit(tx, ctx, {
      action: target === "accepted" ? "b2b.request_accepted" : "b2b.request_declined",
      entityType: "b2b_request",
      entityId: row!.id,
      organiserId: (await organiserOf(tx, row!.editionId)).organiserId,
      editionId: row!.editionId,
      data: { by: me.id, via: input.answerToken !== undefined ? "email_link" : input.token !== undefined ? "link" : "account" },
      by,
    });
    if (target === "accepted") await afterAccept(tx, ctx, row!);
    return presentRequest(row!);
  });
}

/** The sender changes the message, priority or preferred days of its pending request (window
 *  open). Audited with what changed. */
export async function editRequest(ctx: Ctx, raw: Input<typeof editRequestInput>) {
  const { requestId, message: msg, priority: prio, preferredDays: pref, ...ref } = parseInput(editRequestInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { by, request } = await myRequest(tx, ctx, ref, requestId, "sender");
    await assertProgrammeOpen(tx, ctx, request.editionId);
    if (request.status === "expired" || (request.status === "pending" && isPast(request, ctx))) throw new DomainError("b2b_request_expired");
    if (request.status !== "pending") throw new DomainError("b2b_request_decided");
    const values = { message: msg ?? request.message, priority: prio ?? request.priority, preferredDays: pref ? days(pref) : request.preferredDays };
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => JSON.stringify(values[k]) !== JSON.stringify(request[k]));
    if (changed.length === 0) return presentRequest(request);
    const [row] = await tx.update(b2bRequests).set(values).where(eq(b2bRequests.id, request.id)).returning();
    await recordAudit(tx, ctx, {
      action: "b2b.request_edited",
      entityType: "b2b_request",
      entityId: request.id,
      organiserId: (await organiserOf(tx, request.editionId)).organiserId,
      editionId: request.editionId,
      data: { changed },
      by,
    });
    return presentRequest(row!);
  });
}

/** The sender withdraws its pending request. Idempotent (withdrawn again: unchanged, audited
 *  once); an answered one is `b2b_request_decided`. */
export async function withdrawRequest(ctx: Ctx, raw: Input<typeof requestRefInput>) {
  const { requestId, ...ref } = parseInput(requestRefInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { by, request } = await myRequest(tx, ctx, ref, requestId, "sender");
    if (request.status === "withdrawn") return presentRequest(request);
    if (request.status !== "pending") throw new DomainError(request.status === "expired" ? "b2b_request_expired" : "b2b_request_decided");
    const [row] = await tx.update(b2bRequests).set({ status: "withdrawn", decidedAt: ctx.clock.now() }).where(eq(b2bRequests.id, request.id)).returning();
    await recordAudit(tx, ctx, {
      action: "b2b.request_withdrawn",
      entityType: "b2b_request",
      entityId: request.id,
      organiserId: (await organiserOf(tx, request.editionId)).organiserId,
      editionId: request.editionId,
      by,
    });
    return presentRequest(row!);
  });
}

/**
 * The caller's own requests, incoming and outgoing, newest first: the other party's public summary
 * (name, organisation, kind, cluster), status, priority, message, expiry; the other's email and
 * phone only for an accepted one.
 */
export async function listMyRequests(ctx: Ctx, raw: Input<typeof myRequestsInput>) {
  const ref = parseInput(myRequestsInput, raw);
  const { participant: me } = await ownParticipant(ctx.db, ctx, ref);
  const rows = await ctx.db
    .select()
    .from(b2bRequests)
    .where(or(eq(b2bRequests.smeParticipantId, me.id), eq(b2bRequests.buyerParticipantId, me.id)))
    .orderBy(desc(b2bRequests.createdAt), desc(b2bRequests.id));
  const otherOf = (r: RequestRow) => (r.smeParticipantId === me.id ? r.buyerParticipantId : r.smeParticipantId);
  const summaries = await publicSummaries(ctx.db, rows.map(otherOf));
  const now = ctx.clock.now();
  const present = async (r: RequestRow) => {
    const other = otherOf(r);
    const contact = r.status === "accepted" && (await contactsVisible(ctx.db, me.id, other)) ? await contactOf(ctx.db, await participantById(ctx.db, other)) : null;
    return {
      ...presentRequest(r),
      // A pending request past its expiry is shown as expired before the job marks it.
      status: r.status === "pending" && r.expiresAt && r.expiresAt <= now ? ("expired" as const) : r.status,
      other: summaries.get(other)!,
      contact: contact && { name: contact.name, email: contact.email, phone: contact.phone },
    };
  };
  const incoming: Awaited<ReturnType<typeof present>>[] = [];
  const outgoing: Awaited<ReturnType<typeof present>>[] = [];
  for (const r of rows) (senderId(r) === me.id ? outgoing : incoming).push(await present(r));
  return { participant: { id: me.id, side: me.side, kind: me.kind, editionId: me.editionId, withdrawnAt: me.withdrawnAt?.toISOString() ?? null }, incoming, outgoing };
}

const requestByAnswerTokenInput = z.strictObject({ answerToken: token });

/** What the emailed answer link opens: the request and who asks (public summary), without
 *  signing in. An unknown or replaced link is `token_invalid`. */
export async function requestByAnswerToken(ctx: Ctx, raw: Input<typeof requestByAnswerTokenInput>) {
  const { answerToken } = parseInput(requestByAnswerTokenInput, raw);
  const [r] = await ctx.db.select().from(b2bRequests).where(eq(b2bRequests.answerTokenHash, hashSecret(answerToken)));
  if (!r) throw new DomainError("token_invalid");
  const summaries = await publicSummaries(ctx.db, [senderId(r), recipientId(r)]);
  const expired = r.status === "expired" || (r.status === "pending" && isPast(r, ctx));
  return { request: { ...presentRequest(r), status: expired ? ("expired" as const) : r.status }, from: summaries.get(senderId(r))!, to: summaries.get(recipientId(r))! };
}

const requestTargetInput = z.strictObject({ ...refShape, to: id }).refine(oneRef, refIssue);

/** The public summary of a participant the caller may request (the new-request page shows it). */
export async function requestTarget(ctx: Ctx, raw: Input<typeof requestTargetInput>) {
  const { to, ...ref } = parseInput(requestTargetInput, raw);
  const { participant: me } = await ownParticipant(ctx.db, ctx, ref);
  const target = await visibleTarget(ctx.db, me.editionId, to);
  const programme = await programmeOf(ctx.db, me.editionId);
  const summaries = await publicSummaries(ctx.db, [target.id]);
  return { me: { id: me.id, side: me.side }, target: summaries.get(target.id)!, dayCount: programme?.days.length ?? 0, days: programme?.days.map((d) => d.day) ?? [] };
}
