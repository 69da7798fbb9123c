import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { hashSecret, newSecret } from "../../../platform/ids";
import { parseInput, type Input } from "../../../platform/validation";
import { renderCalendar, type IcalEvent } from "../core/ical";
import { renderSchedulePdf } from "../core/schedule-pdf";
import { b2bMeetings, b2bParticipants, b2bRequests, b2bSmeStaff } from "../tables";
import { cancelRows, settleChange } from "./changes";
import { frameOf, meetingsOf, partiesOf, placeText, type MeetingFrame, type MeetingView } from "./meeting-rows";
import { ownParticipant, participantRef, presentParticipant, type Participant } from "./participants";

// A participant's schedule once published (issue #11, "Schedules for participants"): its meetings
// day by day, cancelling one, the exhibitor's staff who hold them, and its calendar: a private
// subscription address (only the SHA-256 of its secret is kept; a new one replaces the older) and
// a single meeting's .ics. Only one's own meetings are ever read: another's id is refused exactly
// as a missing one (`b2b_meeting_not_found`).

const id = z.uuid();
const refWith = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject({ participantId: id.optional(), token: z.string().min(16).max(128).optional(), ...shape })
    .refine((r) => ((r as { participantId?: unknown }).participantId === undefined) !== ((r as { token?: unknown }).token === undefined), { params: { code: "b2b_participant_ref" } });

/** The participant's meetings grouped by day, with its staff (an exhibitor) and its edition. */
export async function myMeetings(ctx: Ctx, raw: Input<typeof participantRef>) {
  const ref = parseInput(participantRef, raw);
  const { participant } = await ownParticipant(ctx.db, ctx, ref);
  const frame = await frameOf(ctx.db, participant.editionId);
  const meetings = await meetingsOf(ctx.db, frame, participant.id);
  const days: { day: number; date: string; meetings: MeetingView[] }[] = [];
  for (const m of meetings) {
    const last = days.at(-1);
    if (last?.day === m.day) last.meetings.push(m);
    else days.push({ day: m.day, date: m.date, meetings: [m] });
  }
  const staff = participant.side === "sme" ? await ctx.db.select({ id: b2bSmeStaff.id, name: b2bSmeStaff.name, email: b2bSmeStaff.email, phone: b2bSmeStaff.phone }).from(b2bSmeStaff).where(eq(b2bSmeStaff.participantId, participant.id)).orderBy(b2bSmeStaff.createdAt) : [];
  return {
    participant: presentParticipant(participant),
    edition: { id: frame.editionId, nameEn: frame.nameEn, nameUr: frame.nameUr, timezone: frame.timezone, slotMinutes: frame.slotMinutes },
    days,
    staff,
    calendarIssued: participant.calendarTokenHash !== null,
  };
}

export const cancelMeetingInput = refWith({ meetingId: id, decline: z.boolean().optional() });

/**
 * A participant cancels one of its meetings (or, `decline`, declines after publication: its
 * request becomes declined too). Status cancelled, sequence + 1, the uid kept; the slot stays free
 * and nobody else moves. Both are emailed. Idempotent for a meeting already cancelled.
 */
export async function cancelMeeting(ctx: Ctx, raw: Input<typeof cancelMeetingInput>) {
  const { meetingId, decline, ...ref } = parseInput(cancelMeetingInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant, by } = await ownParticipant(tx, ctx, ref);
    const [m] = await tx
      .select()
      .from(b2bMeetings)
      .where(and(eq(b2bMeetings.id, meetingId), or(eq(b2bMeetings.smeParticipantId, participant.id), eq(b2bMeetings.buyerParticipantId, participant.id))))
      .for("update");
    if (!m) throw new DomainError("b2b_meeting_not_found");
    if (m.status === "cancelled") return { meetingId: m.id, sequence: m.sequence, status: m.status, notified: 0 };
    const [row] = await cancelRows(tx, ctx, [m.id]);
    if (decline) await tx.update(b2bRequests).set({ status: "declined", decidedAt: ctx.clock.now() }).where(eq(b2bRequests.id, m.requestId));
    const done = await settleChange(
      tx,
      ctx,
      m.editionId,
      { kind: decline ? "late_decline" : "cancel", change: { meetingId: m.id, participantId: participant.id }, moved: [], cancelled: [{ meeting: row!, reason: "cancelled" }], added: [] },
      by,
    );
    await recordAudit(tx, ctx, { action: "b2b.meeting_cancelled", entityType: "b2b_participant", entityId: participant.id, editionId: m.editionId, data: { meetingId: m.id, uid: m.uid, decline: !!decline }, by });
    return { meetingId: row!.id, sequence: row!.sequence, status: row!.status, notified: done.notified };
  });
}

async function exhibitor(tx: Executor, ctx: Ctx, ref: z.output<typeof participantRef>) {
  const own = await ownParticipant(tx, ctx, ref, true);
  if (own.participant.side !== "sme") throw new DomainError("b2b_not_exhibitor");
  return own;
}

async function staffAudit(tx: Executor, ctx: Ctx, p: Participant, data: Record<string, unknown>, by: Awaited<ReturnType<typeof ownParticipant>>["by"]) {
  await recordAudit(tx, ctx, { action: "b2b.staff_changed", entityType: "b2b_participant", entityId: p.id, editionId: p.editionId, data, by });
}

export const addStaffInput = refWith({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
});

/** An exhibitor adds one of its people who hold meetings. */
export async function addStaff(ctx: Ctx, raw: Input<typeof addStaffInput>) {
  const { name, email, phone, ...ref } = parseInput(addStaffInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant, by } = await exhibitor(tx, ctx, ref);
    const [row] = await tx.insert(b2bSmeStaff).values({ participantId: participant.id, name, email: email ?? null, phone: phone || null }).returning();
    await staffAudit(tx, ctx, participant, { added: row!.id, name }, by);
    return { id: row!.id, name: row!.name, email: row!.email, phone: row!.phone };
  });
}

const removeStaffInput = refWith({ staffId: id });

/** An exhibitor removes one of its people; its meetings become unassigned. */
export async function removeStaff(ctx: Ctx, raw: Input<typeof removeStaffInput>) {
  const { staffId, ...ref } = parseInput(removeStaffInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant, by } = await exhibitor(tx, ctx, ref);
    const gone = await tx.delete(b2bSmeStaff).where(and(eq(b2bSmeStaff.id, staffId), eq(b2bSmeStaff.participantId, participant.id))).returning();
    if (gone.length === 0) throw new DomainError("b2b_staff_not_found");
    await staffAudit(tx, ctx, participant, { removed: staffId }, by);
    return { removed: staffId };
  });
}

const assignStaffInput = refWith({ meetingId: id, staffId: id.nullable() });

/** An exhibitor gives one of its meetings to one of its people (`staffId: null`: nobody). */
export async function assignStaff(ctx: Ctx, raw: Input<typeof assignStaffInput>) {
  const { meetingId, staffId, ...ref } = parseInput(assignStaffInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant, by } = await exhibitor(tx, ctx, ref);
    if (staffId) {
      const [s] = await tx.select().from(b2bSmeStaff).where(and(eq(b2bSmeStaff.id, staffId), eq(b2bSmeStaff.participantId, participant.id)));
      if (!s) throw new DomainError("b2b_staff_not_found");
    }
    const [row] = await tx
      .update(b2bMeetings)
      .set({ assignedStaffId: staffId, updatedAt: ctx.clock.now() })
      .where(and(eq(b2bMeetings.id, meetingId), eq(b2bMeetings.smeParticipantId, participant.id)))
      .returning();
    if (!row) throw new DomainError("b2b_meeting_not_found");
    await staffAudit(tx, ctx, participant, { meetingId, staffId }, by);
    return { meetingId, staffId };
  });
}

/** The participant's calendar subscription address, newly issued (the older one stops working):
 *  https and webcal forms. The secret is shown only in this answer. */
export async function calendarLink(ctx: Ctx, raw: Input<typeof participantRef>) {
  const ref = parseInput(participantRef, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant, by } = await ownParticipant(tx, ctx, ref, true);
    const secret = newSecret(24);
    await tx.update(b2bParticipants).set({ calendarTokenHash: hashSecret(secret) }).where(eq(b2bParticipants.id, participant.id));
    await recordAudit(tx, ctx, { action: "b2b.calendar_link_issued", entityType: "b2b_participant", entityId: participant.id, editionId: participant.editionId, by });
    const https = `${ctx.config.publicUrl}/b2b/calendar/${secret}`;
    return { https, webcal: https.replace(/^https?:/, "webcal:") };
  });
}

function eventOf(frame: MeetingFrame, m: MeetingView, locale: "en" | "ur"): IcalEvent {
  const partner = (locale === "ur" && m.partner.nameUr) || m.partner.name;
  const contact = [m.partner.organisation, m.partner.contactName !== m.partner.name ? m.partner.contactName : null, m.partner.email, m.partner.phone].filter(Boolean).join(", ");
  return {
    uid: m.uid,
    sequence: m.sequence,
    start: new Date(m.startsAt),
    end: new Date(m.endsAt),
    summary: translate(locale, "b2b.meetings.summary", { partner }),
    location: placeText(m, locale),
    description: [contact, m.interpreterLanguage ? `${translate(locale, "b2b.meetings.interpreter")}: ${m.interpreterLanguage}` : "", m.staff ? `${translate(locale, "b2b.meetings.staff")}: ${m.staff.name}` : ""].filter(Boolean).join("\n"),
    cancelled: m.status === "cancelled",
    updatedAt: new Date(m.updatedAt),
  };
}

const calendarFeedInput = z.strictObject({ calendarToken: z.string().min(16).max(128) });

/** The subscription feed a calendar app reads by the secret address: every meeting, cancelled
 *  ones marked so. An unknown or replaced secret is `token_invalid`. */
export async function calendarFeed(ctx: Ctx, raw: Input<typeof calendarFeedInput>) {
  const { calendarToken } = parseInput(calendarFeedInput, raw);
  const [p] = await ctx.db.select().from(b2bParticipants).where(eq(b2bParticipants.calendarTokenHash, hashSecret(calendarToken)));
  if (!p) throw new DomainError("token_invalid");
  const frame = await frameOf(ctx.db, p.editionId);
  const meetings = await meetingsOf(ctx.db, frame, p.id);
  const name = translate(p.locale, "b2b.meetings.calendar.name", { edition: p.locale === "ur" ? frame.nameUr : frame.nameEn });
  return renderCalendar({ name, now: ctx.clock.now(), events: meetings.map((m) => eventOf(frame, m, p.locale)) });
}

const meetingIcsInput = refWith({ meetingId: id });

/** One meeting as an .ics file (METHOD:CANCEL for a cancelled one). */
export async function meetingIcs(ctx: Ctx, raw: Input<typeof meetingIcsInput>) {
  const { meetingId, ...ref } = parseInput(meetingIcsInput, raw);
  const { participant } = await ownParticipant(ctx.db, ctx, ref);
  const frame = await frameOf(ctx.db, participant.editionId);
  const [m] = await meetingsOf(ctx.db, frame, participant.id, meetingId);
  if (!m) throw new DomainError("b2b_meeting_not_found");
  const name = translate(participant.locale, "b2b.meetings.calendar.name", { edition: participant.locale === "ur" ? frame.nameUr : frame.nameEn });
  const text = renderCalendar({ name, now: ctx.clock.now(), method: m.status === "cancelled" ? "CANCEL" : "PUBLISH", events: [eventOf(frame, m, participant.locale)] });
  return { filename: `meeting-${m.date}-${m.start.replace(":", "")}.ics`, text };
}

/** The participant's schedule as a printable PDF, English and Urdu on every meeting. */
export async function meetingsPdf(ctx: Ctx, raw: Input<typeof participantRef>) {
  const ref = parseInput(participantRef, raw);
  const { participant } = await ownParticipant(ctx.db, ctx, ref);
  const frame = await frameOf(ctx.db, participant.editionId);
  const meetings = await meetingsOf(ctx.db, frame, participant.id);
  const [me] = [...(await partiesOf(ctx.db, [participant.id])).values()];
  const line = (m: MeetingView, l: "en" | "ur") =>
    [
      `${translate(l, "b2b.meetings.partner")}: ${(l === "ur" && m.partner.nameUr) || m.partner.name}${m.partner.organisation ? ` (${m.partner.organisation})` : ""}`,
      placeText(m, l),
      m.interpreterLanguage ? `${translate(l, "b2b.meetings.interpreter")}: ${m.interpreterLanguage}` : "",
      m.staff ? `${translate(l, "b2b.meetings.staff")}: ${m.staff.name}` : "",
      translate(l, `b2b.meetings.status.${m.status}`),
    ]
      .filter(Boolean)
      .join(" · ");
  const { pdf } = await renderSchedulePdf({
    titleEn: translate("en", "b2b.pdf.title"),
    titleUr: translate("ur", "b2b.pdf.title"),
    editionEn: frame.nameEn,
    editionUr: frame.nameUr,
    who: [me?.name, me?.organisation].filter(Boolean).join(", "),
    noneEn: translate("en", "b2b.meetings.none"),
    noneUr: translate("ur", "b2b.meetings.none"),
    rows: meetings.map((m) => ({
      dayEn: translate("en", "b2b.meetings.day", { day: String(m.day), date: m.date }),
      dayUr: translate("ur", "b2b.meetings.day", { day: String(m.day), date: m.date }),
      time: `${m.start}–${m.end}`,
      en: line(m, "en"),
      ur: line(m, "ur"),
      cancelled: m.status === "cancelled",
    })),
  });
  return { pdf, filename: `b2b-meetings-${frame.nameEn.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.pdf` };
}
