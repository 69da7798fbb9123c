import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { cancelLaterMeetingsOf, hhmm } from "#features/b2b";
import { partiesOf } from "#features/b2b";
import { b2bMeetings } from "#features/b2b";
import { editionFor, editionForChange } from "#features/editions";
import { editionInput, settingsInput } from "../schemas";
import { meetdaySettings, meetingArrivals, meetingNoShows } from "../tables";

// No-shows (issue #14, item 2). The organiser sets N minutes (meetday_settings; without it nothing
// is marked). A side of a scheduled meeting that has not arrived N minutes after the start is
// marked no-show, once (primary key meeting + side: the sweep may run any number of times, in
// any number of processes). When the other side is here, it is emailed in its language: the
// partner did not come and the rest of the slot is theirs (their meetings page, walk-up meetings).

/** A meeting's start as an instant, in SQL: the edition's day at the start minute in its timezone. */
export const meetingStartSql = (offsetMinutes: unknown = sql`0`) =>
  sql`(((e.starts_on + (m.day - 1)) + make_interval(mins => m.start_minute + ${offsetMinutes})) at time zone e.timezone)`;

export async function setMeetdaySettings(ctx: Ctx, raw: Input<typeof settingsInput>) {
  const input = parseInput(settingsInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "meetday.manage");
    const now = ctx.clock.now();
    // Without noShowLimit (an API call that only sets the minutes) the limit stays as it was.
    const limit = input.noShowLimit === undefined ? {} : { noShowLimit: input.noShowLimit };
    const [row] = await tx
      .insert(meetdaySettings)
      .values({ editionId: edition.id, noShowMinutes: input.noShowMinutes, ...limit, updatedAt: now })
      .onConflictDoUpdate({ target: meetdaySettings.editionId, set: { noShowMinutes: input.noShowMinutes, ...limit, updatedAt: now } })
      .returning();
    const saved = { editionId: edition.id, noShowMinutes: row!.noShowMinutes, noShowLimit: row!.noShowLimit };
    await recordAudit(tx, ctx, { action: "meetday.settings_set", entityType: "edition", entityId: edition.id, editionId: edition.id, data: { noShowMinutes: saved.noShowMinutes, noShowLimit: saved.noShowLimit } });
    return saved;
  });
}

export async function meetdaySettingsOf(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "meetday.manage");
  const [row] = await ctx.db.select().from(meetdaySettings).where(eq(meetdaySettings.editionId, edition.id));
  return { editionId: edition.id, noShowMinutes: row?.noShowMinutes ?? null, noShowLimit: row?.noShowLimit ?? null };
}

/** Mark every due no-show (of one edition, or all) and tell the present sides. A system
 *  operation: run by the meeting-day runner (operations/runner.ts), and by tests. */
export async function markNoShows(ctx: Ctx, editionId?: string): Promise<{ marked: number; told: number; limited: number }> {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const marked = rowsOf<{ meeting_id: string; side: "sme" | "buyer"; participant_id: string }>(
      await tx.execute(sql`
        insert into meetday_no_shows (meeting_id, side, edition_id, participant_id, marked_at)
        select m.id, s.side, m.edition_id, case s.side when 'sme' then m.sme_participant_id else m.buyer_participant_id end, ${now.toISOString()}::timestamptz
        from b2b_meetings m
          join meetday_settings st on st.edition_id = m.edition_id
          join editions e on e.id = m.edition_id
          cross join (values ('sme'), ('buyer')) as s(side)
        where m.status = 'scheduled'
          ${editionId ? sql`and m.edition_id = ${editionId}` : sql``}
          and ${meetingStartSql(sql`st.no_show_minutes`)} <= ${now.toISOString()}::timestamptz
          and not exists (select 1 from meetday_arrivals a where a.meeting_id = m.id and a.side = s.side)
        on conflict do nothing
        returning meeting_id, side, participant_id`),
    );
    if (marked.length === 0) return { marked: 0, told: 0, limited: 0 };
    const told = await tellPresentSides(tx, ctx, marked.map((r) => ({ meetingId: r.meeting_id, side: r.side })));
    const limited = await applyNoShowLimit(tx, ctx, marked.map((r) => r.participant_id));
    return { marked: marked.length, told, limited };
  });
}

/**
 * Repeat no-shows (issue #14, item 2): a participant just marked that has now missed as many
 * meetings as its edition's limit loses its meetings on the days after its last missed one. They
 * are cancelled as a withdrawal's are (b2b: sequence + 1, calendar updates, both sides emailed
 * with the reason), so the partners' time is free for walk-up meetings. Runs in the marking
 * transaction; a second sweep finds nothing left to cancel. Audited per participant.
 */
async function applyNoShowLimit(tx: Executor, ctx: Ctx, participantIds: string[]): Promise<number> {
  const ids = [...new Set(participantIds)];
  const over = rowsOf<{ participant_id: string; edition_id: string; missed: number; last_day: number; no_show_limit: number }>(
    await tx.execute(sql`
      select n.participant_id, n.edition_id, count(*)::int as missed, max(m.day)::int as last_day, st.no_show_limit
      from meetday_no_shows n
        join b2b_meetings m on m.id = n.meeting_id
        join meetday_settings st on st.edition_id = n.edition_id
      where n.participant_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and st.no_show_limit is not null
      group by n.participant_id, n.edition_id, st.no_show_limit
      having count(*) >= st.no_show_limit`),
  );
  let limited = 0;
  for (const p of over) {
    const done = await cancelLaterMeetingsOf(tx, ctx, p.participant_id, p.last_day);
    if (done.cancelled === 0) continue;
    limited++;
    await recordAudit(tx, ctx, {
      action: "meetday.no_show_limit_reached",
      entityType: "b2b_participant",
      entityId: p.participant_id,
      editionId: p.edition_id,
      data: { missed: p.missed, limit: p.no_show_limit, cancelled: done.cancelled, fromDay: p.last_day + 1 },
    });
  }
  return limited;
}

async function tellPresentSides(tx: Executor, ctx: Ctx, marked: { meetingId: string; side: "sme" | "buyer" }[]): Promise<number> {
  const ids = [...new Set(marked.map((m) => m.meetingId))];
  const meetings = await tx.select().from(b2bMeetings).where(inArray(b2bMeetings.id, ids));
  const arrivals = await tx.select().from(meetingArrivals).where(inArray(meetingArrivals.meetingId, ids));
  const parties = await partiesOf(tx, meetings.flatMap((m) => [m.smeParticipantId, m.buyerParticipantId]));
  const mails: EmailMessage[] = [];
  const toldMeetings: string[] = [];
  for (const m of meetings) {
    const absent = marked.filter((x) => x.meetingId === m.id).map((x) => x.side);
    const present = (["sme", "buyer"] as const).filter((side) => !absent.includes(side) && arrivals.some((a) => a.meetingId === m.id && a.side === side));
    for (const side of present) {
      const me = parties.get(side === "sme" ? m.smeParticipantId : m.buyerParticipantId);
      const other = parties.get(side === "sme" ? m.buyerParticipantId : m.smeParticipantId);
      if (!me?.email) continue;
      const l = me.locale;
      const params = { partner: (l === "ur" && other?.nameUr) || other?.name || "", time: hhmm(m.startMinute), day: m.day, link: `${ctx.config.publicUrl}/b2b/${me.id}/meetings` };
      mails.push({ kind: "meetday_no_show", to: me.email, subject: translate(l, "meetday.noShow.subject", params), text: translate(l, "meetday.noShow.body", params) });
      toldMeetings.push(m.id);
    }
  }
  await queueEmails(tx, ctx.clock, mails);
  if (toldMeetings.length) await tx.update(meetingNoShows).set({ otherTold: true }).where(and(inArray(meetingNoShows.meetingId, toldMeetings)));
  return mails.length;
}

/** No-shows per participant of an edition, most first (organisers). */
export async function noShowCounts(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "meetday.manage");
  const rows = await ctx.db
    .select({ participantId: meetingNoShows.participantId, side: meetingNoShows.side, count: sql<number>`count(*)::int` })
    .from(meetingNoShows)
    .where(eq(meetingNoShows.editionId, edition.id))
    .groupBy(meetingNoShows.participantId, meetingNoShows.side)
    .orderBy(sql`count(*) desc`);
  const parties = await partiesOf(ctx.db, rows.map((r) => r.participantId));
  return rows.map((r) => ({ participantId: r.participantId, side: r.side, name: parties.get(r.participantId)?.name ?? "", noShows: Number(r.count) }));
}
