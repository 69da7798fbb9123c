import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit, type AuditBy } from "../../../platform/audit/record";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { stallPort } from "../stall-port";
import { b2bMeetings, b2bRepairs, type RepairKind } from "../tables";
import { frameOf, partiesOf, placeText, slotTimes, type Meeting } from "./meeting-rows";

// What every change to a published schedule ends with, in the change's transaction: the meetings'
// new sequence (calendars see the change), one email per affected participant in its own language
// listing what changed for it (nobody else is written to), a record of the change for the
// organiser's list, and an audit entry.

export interface Where {
  day: number;
  startMinute: number;
  place: "table" | "stall";
  tableNo: number | null;
}

/** Why a meeting could not be kept (the organiser's list of changes says it). */
export type CancelReason = "cancelled" | "withdrawn" | "no_place" | "no_shows";

export interface Outcome {
  kind: RepairKind;
  change: Record<string, unknown>;
  moved: { meeting: Meeting; from: Where }[];
  cancelled: { meeting: Meeting; reason: CancelReason }[];
  added: Meeting[];
}

/** Cancels scheduled meetings (status cancelled, sequence + 1); those already cancelled are left
 *  as they are. Returns the rows cancelled now. */
export async function cancelRows(tx: Executor, ctx: Ctx, ids: string[]): Promise<Meeting[]> {
  if (ids.length === 0) return [];
  return tx
    .update(b2bMeetings)
    .set({ status: "cancelled", sequence: sql`${b2bMeetings.sequence} + 1`, updatedAt: ctx.clock.now() })
    .where(and(inArray(b2bMeetings.id, ids), eq(b2bMeetings.status, "scheduled")))
    .returning();
}

const slotWords = (frame: Awaited<ReturnType<typeof frameOf>>, day: number, minute: number) => {
  const t = slotTimes(frame, day, minute);
  return { day: String(day), date: t.date, time: `${t.start}–${t.end}` };
};

/** Emails the affected, records the change and audits it. Nothing happens for an empty outcome
 *  unless `always` (an organiser's change is recorded even when no meeting was concerned). */
export async function settleChange(tx: Executor, ctx: Ctx, editionId: string, outcome: Outcome, by?: AuditBy, always = false) {
  const { moved, cancelled, added } = outcome;
  if (!always && moved.length + cancelled.length + added.length === 0) return { repairId: null, notified: 0 };
  const frame = await frameOf(tx, editionId);
  const all = [...moved.map((m) => m.meeting), ...cancelled.map((c) => c.meeting), ...added];
  const parties = await partiesOf(tx, all.flatMap((m) => [m.smeParticipantId, m.buyerParticipantId]));
  // A stall meeting's email names the stall ("stall 2-114, Hall 2"), as the schedule does.
  const stallSmes = [...all.filter((m) => m.place === "stall"), ...moved.filter((m) => m.from.place === "stall").map((m) => m.meeting)].map((m) => m.smeParticipantId);
  const atStall = [...new Set(stallSmes.map((id) => parties.get(id)?.enterpriseId).filter((id): id is string => !!id))];
  const stalls = atStall.length ? await stallPort().stallsOf(tx, editionId, atStall) : new Map();
  const where = (w: Where, smeParticipantId: string, l: "en" | "ur") => {
    const enterpriseId = parties.get(smeParticipantId)?.enterpriseId;
    return placeText({ ...w, stall: enterpriseId ? stalls.get(enterpriseId) : null }, l);
  };

  const lines = new Map<string, string[]>();
  const say = (m: Meeting, line: (forId: string, partnerId: string) => string) => {
    for (const [me, other] of [
      [m.smeParticipantId, m.buyerParticipantId],
      [m.buyerParticipantId, m.smeParticipantId],
    ] as const) {
      const list = lines.get(me) ?? [];
      list.push(line(me, other));
      lines.set(me, list);
    }
  };
  const partnerName = (id: string, locale: "en" | "ur") => {
    const p = parties.get(id)!;
    return (locale === "ur" && p.nameUr) || p.name;
  };
  for (const { meeting: m } of cancelled) {
    say(m, (me, other) => {
      const l = parties.get(me)!.locale;
      return translate(l, "b2b.email.changes.cancelled", { ...slotWords(frame, m.day, m.startMinute), partner: partnerName(other, l), place: where(m, m.smeParticipantId, l) });
    });
  }
  for (const { meeting: m, from } of moved) {
    say(m, (me, other) => {
      const l = parties.get(me)!.locale;
      const was = slotWords(frame, from.day, from.startMinute);
      return translate(l, "b2b.email.changes.moved", {
        ...slotWords(frame, m.day, m.startMinute),
        partner: partnerName(other, l),
        place: where(m, m.smeParticipantId, l),
        was: `${was.date} ${was.time}, ${where(from, m.smeParticipantId, l)}`,
      });
    });
  }
  for (const m of added) {
    say(m, (me, other) => {
      const l = parties.get(me)!.locale;
      return translate(l, "b2b.email.changes.added", { ...slotWords(frame, m.day, m.startMinute), partner: partnerName(other, l), place: where(m, m.smeParticipantId, l) });
    });
  }
  const emails: EmailMessage[] = [];
  for (const [id, list] of lines) {
    const p = parties.get(id)!;
    if (!p.email) continue;
    const params = { name: p.contactName ?? p.name, edition: p.locale === "ur" ? frame.nameUr : frame.nameEn, changes: list.join("\n"), link: `${ctx.config.publicUrl}/b2b/${id}/meetings` };
    emails.push({ kind: "b2b_meetings_changed", to: p.email, subject: translate(p.locale, "b2b.email.changes.subject", params), text: translate(p.locale, "b2b.email.changes.body", params) });
  }
  if (emails.length) await queueEmails(tx, ctx.clock, emails);

  const slot = (w: Where) => `d${w.day} ${slotTimes(frame, w.day, w.startMinute).start} ${w.place === "table" ? `t${w.tableNo}` : "stall"}`;
  const actor = ctx.actor;
  const [row] = await tx
    .insert(b2bRepairs)
    .values({
      editionId,
      at: ctx.clock.now(),
      kind: outcome.kind,
      change: outcome.change,
      moved: moved.map((m) => ({ meetingId: m.meeting.id, from: slot(m.from), to: slot(m.meeting) })),
      cancelled: cancelled.map((c) => ({ meetingId: c.meeting.id, reason: c.reason })),
      added: added.map((m) => ({ meetingId: m.id, at: slot(m) })),
      notified: emails.length,
      byUserId: actor.kind === "user" ? actor.userId : null,
      byLabel: by?.label ?? (actor.kind === "user" ? actor.email : actor.kind === "token" ? `token:${actor.label}` : null),
    })
    .returning({ id: b2bRepairs.id });
  await recordAudit(tx, ctx, {
    action: "b2b.meetings_repaired",
    entityType: "edition",
    entityId: editionId,
    organiserId: frame.organiserId,
    editionId,
    data: { repairId: row!.id, kind: outcome.kind, ...outcome.change, moved: moved.length, cancelled: cancelled.length, added: added.length, notified: emails.length },
    by,
  });
  return { repairId: row!.id, notified: emails.length };
}
