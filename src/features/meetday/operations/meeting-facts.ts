import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { executeNamed } from "../../../platform/db/prepared";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorizeFound } from "../../../platform/permissions/found";
import { ownParticipant, type ParticipantRef } from "#features/b2b";
import type { MeetingScanReason, Side } from "../core/meeting-scan";

// What a check-in needs to know, in one statement that also locks the meeting's row (so a scan
// and a "both here" of one meeting run one after the other): the meeting's state, the
// registration numbers that hold each side (the buyer's registration; the exhibitor's staff
// badges and staff with a registration), who has arrived; the scanned badge's standing; a scan
// already recorded under the request's nonce; the edition's set-up version (whether the cached
// public keys are current: checkin/operations/scan.ts publicKeysAt). And who may check it in.

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

/** A scan recorded earlier under the same nonce. */
export interface PriorScan {
  code: string | null;
  meetingId: string | null;
  result: "arrived" | "refuse";
  reason: MeetingScanReason;
  side: Side | null;
}

/** The scanned badge's standing: its registration, the newest serial, the scanned serial's state. */
export interface BadgeStanding {
  registrationId: string | null;
  badge: { state: "valid" | "revoked"; currentSerial: number } | null;
}

export interface CheckInRead {
  facts: MeetingFacts;
  prior: PriorScan | null;
  standing: BadgeStanding;
  setupVersion: number;
}

/** What the read looks up besides the meeting: the request's nonce, the badge as it claims to be
 *  (decoded, not yet verified: its standing counts only once the signature is), and for an upload
 *  the edition the meeting must belong to. */
export interface CheckInProbe {
  nonce?: string | null;
  registrationNo?: number | null;
  serial?: number | null;
  editionId?: string;
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
  setup_version: number | string | null;
  registration_id: string | null;
  current_serial: number | string | null;
  badge_state: "valid" | "revoked" | null;
  prior_result: "arrived" | "refuse" | null;
  prior_code: string | null;
  prior_meeting_id: string | null;
  prior_reason: string | null;
  prior_side: Side | null;
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

/** Read and lock one meeting for a check-in (inside the caller's transaction). */
export async function lockedCheckInRead(db: Executor, meetingId: string, probe: CheckInProbe = {}): Promise<CheckInRead | undefined> {
  const [r] = rowsOf<Row>(
    await executeNamed(db, probe.editionId ? "meetday_checkin_read_in_edition" : "meetday_checkin_read", sql`
      select m.id, m.edition_id, e.organiser_id, m.status, m.sme_participant_id, m.buyer_participant_id,
        ${sideNumbers},
        array(select a.side from meetday_arrivals a where a.meeting_id = m.id) as arrived,
        coalesce((select v.version from checkin_setup_versions v where v.edition_id = m.edition_id), 0) as setup_version,
        reg.id as registration_id,
        (select max(b.serial) from badges b where b.registration_id = reg.id) as current_serial,
        (select case when b.revoked_at is null then 'valid' else 'revoked' end from badges b where b.registration_id = reg.id and b.serial = ${probe.serial ?? null}::int) as badge_state,
        ps.result as prior_result, ps.code as prior_code, ps.meeting_id as prior_meeting_id, ps.reason as prior_reason, ps.side as prior_side
      from b2b_meetings m
        join editions e on e.id = m.edition_id
        left join registrations reg on reg.edition_id = m.edition_id and reg.number = ${probe.registrationNo ?? null}::bigint
        left join meetday_scans ps on ps.edition_id = m.edition_id and ps.nonce = ${probe.nonce ?? null}::text
      where m.id = ${meetingId} ${probe.editionId ? sql`and m.edition_id = ${probe.editionId}` : sql``}
      for update of m`),
  );
  if (!r) return undefined;
  return {
    facts: {
      id: r.id,
      editionId: r.edition_id,
      organiserId: r.organiser_id,
      status: r.status,
      smeParticipantId: r.sme_participant_id,
      buyerParticipantId: r.buyer_participant_id,
      smeNumbers: new Set(arrayOf(r.sme_nos).map(Number)),
      buyerNumber: r.buyer_no == null ? null : Number(r.buyer_no),
      arrived: new Set(arrayOf(r.arrived) as Side[]),
    },
    prior: r.prior_result ? { code: r.prior_code, meetingId: r.prior_meeting_id, result: r.prior_result, reason: r.prior_reason as MeetingScanReason, side: r.prior_side } : null,
    standing: { registrationId: r.registration_id, badge: r.badge_state ? { state: r.badge_state, currentSerial: Number(r.current_serial) } : null },
    setupVersion: Number(r.setup_version ?? 0),
  };
}

/** Who checks a meeting in: lounge staff of its organiser, or one of its own two participants (by
 *  account or B2B link). Another's meeting and a missing one are refused alike. */
export async function meetingForCheckIn(db: Executor, ctx: Ctx, meetingId: string, ref: Partial<ParticipantRef>, probe: CheckInProbe = {}) {
  const read = await lockedCheckInRead(db, meetingId, probe);
  if (ref.participantId !== undefined || ref.token !== undefined) {
    const { participant } = await ownParticipant(db, ctx, ref as ParticipantRef);
    if (!read || (read.facts.smeParticipantId !== participant.id && read.facts.buyerParticipantId !== participant.id)) throw new DomainError("b2b_meeting_not_found");
    return { read, byParticipantId: participant.id };
  }
  return { read: authorizeFound(ctx.actor, "meetday.lounge", read, (f) => ({ organiserId: f.facts.organiserId }), "meeting"), byParticipantId: null };
}
