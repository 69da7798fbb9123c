import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorizeFound } from "../../../platform/permissions/found";
import { ownParticipant, type ParticipantRef } from "../../b2b/operations/participants";
import type { Side } from "../core/meeting-scan";

// What a check-in needs to know of one meeting, in one statement: its state, the registration
// numbers that hold each side (the buyer's registration; the exhibitor's staff badges and staff
// with a registration), who has arrived; and who may check it in.

export interface MeetingFacts {
  id: string;
  editionId: string;
  organiserId: string;
  status: "scheduled" | "cancelled";
  smeParticipantId: string;
  buyerParticipantId: string;
  smeNumbers: Set<number>;
  buyerNumber: number | null;
  arrived: Set<Side>;
}

type Row = {
  id: string;
  edition_id: string;
  organiser_id: string;
  status: "scheduled" | "cancelled";
  sme_participant_id: string;
  buyer_participant_id: string;
  buyer_no: number | null;
  sme_nos: number[] | string | null;
  arrived: string[] | string | null;
};

/** Postgres arrays come back as arrays from node-postgres and PGlite; a text form is parsed for safety. */
const arrayOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === "string" && v.length > 2 ? v.slice(1, -1).split(",") : [];

/** The registration numbers holding each side of meeting `m` (columns buyer_no and sme_nos). */
const sideNumbers = sql`
        (select r.number from b2b_participants p join registrations r on r.id = p.registration_id where p.id = m.buyer_participant_id) as buyer_no,
        array(
          select r.number from b2b_participants p
            join exhibitor_staff_badges sb on sb.enterprise_id = p.enterprise_id and sb.edition_id = m.edition_id
            join registrations r on r.id = sb.registration_id
            where p.id = m.sme_participant_id
          union
          select r.number from b2b_sme_staff s join registrations r on r.id = s.registration_id where s.participant_id = m.sme_participant_id
        ) as sme_nos`;

/** Each meeting's side numbers, for the lounge phone's offline check (core/meeting-scan.ts). */
export async function meetingNumbers(db: Executor, meetingIds: readonly string[]): Promise<Map<string, { sme: number[]; buyer: number | null }>> {
  if (!meetingIds.length) return new Map();
  const rows = rowsOf<Pick<Row, "id" | "buyer_no" | "sme_nos">>(
    await db.execute(sql`select m.id, ${sideNumbers} from b2b_meetings m where m.id in (${sql.join(
      meetingIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`),
  );
  return new Map(rows.map((r) => [r.id, { sme: arrayOf(r.sme_nos).map(Number), buyer: r.buyer_no == null ? null : Number(r.buyer_no) }]));
}

export async function meetingFacts(db: Executor, meetingId: string): Promise<MeetingFacts | undefined> {
  const [r] = rowsOf<Row>(
    await db.execute(sql`
      select m.id, m.edition_id, e.organiser_id, m.status, m.sme_participant_id, m.buyer_participant_id,
        ${sideNumbers},
        array(select a.side from meetday_arrivals a where a.meeting_id = m.id) as arrived
      from b2b_meetings m join editions e on e.id = m.edition_id
      where m.id = ${meetingId}`),
  );
  if (!r) return undefined;
  return {
    id: r.id,
    editionId: r.edition_id,
    organiserId: r.organiser_id,
    status: r.status,
    smeParticipantId: r.sme_participant_id,
    buyerParticipantId: r.buyer_participant_id,
    smeNumbers: new Set(arrayOf(r.sme_nos).map(Number)),
    buyerNumber: r.buyer_no == null ? null : Number(r.buyer_no),
    arrived: new Set(arrayOf(r.arrived) as Side[]),
  };
}

/** Who checks a meeting in: lounge staff of its organiser, or one of its own two participants (by
 *  account or B2B link). Another's meeting and a missing one are refused alike. */
export async function meetingForCheckIn(db: Executor, ctx: Ctx, meetingId: string, ref: Partial<ParticipantRef>) {
  const facts = await meetingFacts(db, meetingId);
  if (ref.participantId !== undefined || ref.token !== undefined) {
    const { participant } = await ownParticipant(db, ctx, ref as ParticipantRef);
    if (!facts || (facts.smeParticipantId !== participant.id && facts.buyerParticipantId !== participant.id)) throw new DomainError("b2b_meeting_not_found");
    return { facts, byParticipantId: participant.id };
  }
  return { facts: authorizeFound(ctx.actor, "meetday.lounge", facts, (f) => ({ organiserId: f.organiserId }), "meeting"), byParticipantId: null };
}

/** The scanned badge's standing: its registration, the newest serial, the scanned serial's state. */
export async function badgeFacts(db: Executor, editionId: string, registrationNo: number, serial: number) {
  const [r] = rowsOf<{ id: string; current: number | null; state: "valid" | "revoked" | null }>(
    await db.execute(sql`
      select r.id,
        (select max(b.serial) from badges b where b.registration_id = r.id) as current,
        (select case when b.revoked_at is null then 'valid' else 'revoked' end from badges b where b.registration_id = r.id and b.serial = ${serial}) as state
      from registrations r where r.edition_id = ${editionId} and r.number = ${registrationNo}`),
  );
  if (!r?.state) return { registrationId: r?.id ?? null, badge: null };
  return { registrationId: r.id, badge: { state: r.state, currentSerial: Number(r.current) } };
}
