import { and, eq, inArray, sql } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import { translate } from "../../../platform/i18n/translate";
import { hashSecret, newSecret } from "../../../platform/ids";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { hhmm } from "#features/b2b";
import { partiesOf } from "#features/b2b";
import { b2bMeetings } from "#features/b2b";
import { outcomeLinks } from "../tables";
import { meetingStartSql } from "./no-shows";

// The outcome emails (issue #14, items 4–5), sent by the meeting-day runner:
// 1. after a meeting's end, each side not marked no-show is owed the outcome form (a row per
//    meeting, side and stage "meeting": created once, by the primary key);
// 2. every owed form or follow-up that is due and unsent is emailed with a fresh link in the
//    participant's language; a follow-up only while that side's latest outcome is still positive
//    and that side's latest answer (after the meeting or at a follow-up) consents to follow-up
//    contact: a "no" stops the follow-ups and their reminders, a later "yes" brings them back;
// 3. seven days later, unanswered, one reminder with a new link (the older stops working).
// Only editions whose organiser switched the meeting day on (meetday_settings) are swept.

const REMIND_AFTER_DAYS = 7;
const BATCH = 500;

export async function sendOutcomeMail(ctx: Ctx, editionId?: string): Promise<{ owed: number; sent: number; reminded: number }> {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now().toISOString();
    const only = editionId ? sql`and m.edition_id = ${editionId}` : sql``;
    const owed = rowsOf<{ meeting_id: string }>(
      await tx.execute(sql`
        insert into meetday_outcome_links (meeting_id, side, stage, edition_id, due_at)
        select m.id, s.side, 'meeting', m.edition_id, ${meetingStartSql(sql`coalesce(p.slot_minutes, 20)`)}
        from b2b_meetings m
          join meetday_settings st on st.edition_id = m.edition_id
          join editions e on e.id = m.edition_id
          left join b2b_programmes p on p.edition_id = m.edition_id
          cross join (values ('sme'), ('buyer')) as s(side)
        where m.status = 'scheduled' ${only}
          and ${meetingStartSql(sql`coalesce(p.slot_minutes, 20)`)} <= ${now}::timestamptz
          and not exists (select 1 from meetday_no_shows n where n.meeting_id = m.id and n.side = s.side)
        on conflict do nothing
        returning meeting_id`),
    );
    const due = rowsOf<{ meeting_id: string; side: "sme" | "buyer"; stage: "meeting" | "d30" | "m6"; reminder: boolean }>(
      await tx.execute(sql`
        select l.meeting_id, l.side, l.stage, l.sent_at is not null as reminder
        from meetday_outcome_links l
          join b2b_meetings m on m.id = l.meeting_id
        where l.answered_at is null ${only}
          and ((l.sent_at is null and l.due_at <= ${now}::timestamptz)
            or (l.reminded_at is null and l.sent_at <= ${now}::timestamptz - make_interval(days => ${REMIND_AFTER_DAYS})))
          and (l.stage = 'meeting' or ((
            select o.happened and o.kind in ('follow_up_planned', 'samples_requested', 'quotation_requested', 'purchase_order', 'subcontracting_agreement', 'mou', 'investment_discussion')
            from meetday_outcomes o where o.meeting_id = l.meeting_id and o.side = l.side and o.stage = 'meeting'
            order by o.created_at desc limit 1) and (
            select o.follow_up_consent
            from meetday_outcomes o where o.meeting_id = l.meeting_id and o.side = l.side
            order by o.created_at desc limit 1)))
        order by l.due_at
        limit ${BATCH}
        for update of l skip locked`),
    );
    if (due.length === 0) return { owed: owed.length, sent: 0, reminded: 0 };
    const meetings = await tx.select().from(b2bMeetings).where(inArray(b2bMeetings.id, [...new Set(due.map((d) => d.meeting_id))]));
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const parties = await partiesOf(tx, meetings.flatMap((m) => [m.smeParticipantId, m.buyerParticipantId]));
    const mails: EmailMessage[] = [];
    let reminded = 0;
    for (const d of due) {
      const m = byId.get(d.meeting_id)!;
      const me = parties.get(d.side === "sme" ? m.smeParticipantId : m.buyerParticipantId);
      const other = parties.get(d.side === "sme" ? m.buyerParticipantId : m.smeParticipantId);
      const token = newSecret();
      const set = d.reminder ? { tokenHash: hashSecret(token), remindedAt: new Date(now) } : { tokenHash: hashSecret(token), sentAt: new Date(now) };
      await tx.update(outcomeLinks).set(set).where(and(eq(outcomeLinks.meetingId, d.meeting_id), eq(outcomeLinks.side, d.side), eq(outcomeLinks.stage, d.stage)));
      if (d.reminder) reminded++;
      if (!me?.email) continue;
      const l = me.locale;
      const params = { partner: (l === "ur" && other?.nameUr) || other?.name || "", day: m.day, time: hhmm(m.startMinute), link: `${ctx.config.publicUrl}/outcome/${token}` };
      const key = `meetday.mail.${d.stage}` as const;
      mails.push({
        kind: `meetday_outcome_${d.stage}`,
        to: me.email,
        subject: (d.reminder ? translate(l, "meetday.mail.reminder") + " " : "") + translate(l, `${key}.subject`, params),
        text: translate(l, `${key}.body`, params),
      });
    }
    await queueEmails(tx, ctx.clock, mails);
    return { owed: owed.length, sent: due.length - reminded, reminded };
  });
}
