import { and, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { isLocale, type Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { enterprises } from "#features/editions";
import { editionDayDate } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";
import { hhmm, localInstant } from "../core/slots";
import { contactsOf } from "./contacts";
import { stallPort, type ExhibitorStall } from "../stall-port";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bSmeStaff } from "../tables";

// Reading meetings with what a participant sees of them: the partner (a meeting means an accepted
// request, so its contact details are shown), the place, the time in the edition's zone. Shared by
// the participant's pages, the PDF, the calendar feed and the change emails.

export type Meeting = typeof b2bMeetings.$inferSelect;

/** Who a participant is, in both languages, and where to write to it. */
export interface PartyInfo {
  id: string;
  side: "sme" | "buyer";
  kind: string;
  name: string;
  nameUr: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  locale: Locale;
  /** The exhibitor's enterprise (SME side only): where its stall is. */
  enterpriseId: string | null;
}

/** Names and contacts of participants: an exhibitor by its enterprise, reached at its contact
 *  (contacts.ts), the buyer side by its registration. */
export async function partiesOf(db: Executor, ids: string[]): Promise<Map<string, PartyInfo>> {
  const out = new Map<string, PartyInfo>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      p: b2bParticipants,
      eName: enterprises.nameEn,
      eNameUr: enterprises.nameUr,
      ntn: enterprises.ntn,
      rName: registrations.name,
      rNameUr: registrations.nameUr,
      rOrg: registrations.organisation,
      rEmail: registrations.email,
      rPhone: registrations.phone,
    })
    .from(b2bParticipants)
    .leftJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
    .leftJoin(registrations, eq(registrations.id, b2bParticipants.registrationId))
    .where(inArray(b2bParticipants.id, [...new Set(ids)]));
  const contacts = await contactsOf(db, rows.filter((r) => r.p.side === "sme").map((r) => r.p));
  for (const r of rows) {
    const locale: Locale = isLocale(r.p.locale) ? r.p.locale : "en";
    if (r.p.side === "sme") {
      const c = contacts.get(r.p.id);
      out.set(r.p.id, { id: r.p.id, side: "sme", kind: r.p.kind, name: r.eName ?? "", nameUr: r.eNameUr, organisation: null, email: c?.email ?? null, phone: c?.phone ?? null, contactName: c?.name || null, locale, enterpriseId: r.p.enterpriseId });
    } else {
      out.set(r.p.id, { id: r.p.id, side: "buyer", kind: r.p.kind, name: r.rName ?? "", nameUr: r.rNameUr, organisation: r.rOrg, email: r.rEmail, phone: r.rPhone, contactName: r.rName, locale, enterpriseId: null });
    }
  }
  return out;
}

/** What a participant needs of its edition and programme to show meetings. */
export interface MeetingFrame {
  editionId: string;
  organiserId: string;
  nameEn: string;
  nameUr: string;
  timezone: string;
  startsOn: string;
  slotMinutes: number;
}

export async function frameOf(db: Executor, editionId: string): Promise<MeetingFrame> {
  const [row] = await db
    .select({ e: editions, slotMinutes: b2bProgrammes.slotMinutes })
    .from(editions)
    .leftJoin(b2bProgrammes, eq(b2bProgrammes.editionId, editions.id))
    .where(eq(editions.id, editionId));
  const e = row!.e;
  return { editionId: e.id, organiserId: e.organiserId, nameEn: e.nameEn, nameUr: e.nameUr, timezone: e.timezone, startsOn: e.startsOn, slotMinutes: row!.slotMinutes ?? 20 };
}

/** The meeting as one participant sees it. */
export interface MeetingView {
  id: string;
  uid: string;
  sequence: number;
  status: "scheduled" | "cancelled";
  day: number;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  place: "table" | "stall";
  tableNo: number | null;
  /** For a meeting at the exhibitor's stall: that stall (number, hall), once confirmed on the floor. */
  stall: ExhibitorStall | null;
  interpreterLanguage: string | null;
  partner: PartyInfo;
  /** The exhibitor's person who holds the meeting, if assigned. */
  staff: { id: string; name: string; email: string | null; phone: string | null } | null;
  updatedAt: string;
}

export function slotTimes(frame: MeetingFrame, day: number, startMinute: number) {
  const date = editionDayDate(frame.startsOn, day - 1);
  const startsAt = localInstant(date, startMinute, frame.timezone);
  const endsAt = new Date(startsAt.getTime() + frame.slotMinutes * 60_000);
  return { date, start: hhmm(startMinute), end: hhmm(startMinute + frame.slotMinutes), startsAt, endsAt };
}

/** A participant's meetings (scheduled and cancelled), in time order, as it sees them. */
export async function meetingsOf(db: Executor, frame: MeetingFrame, participantId: string, only?: string): Promise<MeetingView[]> {
  const mine = or(eq(b2bMeetings.smeParticipantId, participantId), eq(b2bMeetings.buyerParticipantId, participantId));
  const rows = await db
    .select({ m: b2bMeetings, staff: b2bSmeStaff, smeEnterpriseId: b2bParticipants.enterpriseId })
    .from(b2bMeetings)
    .leftJoin(b2bSmeStaff, eq(b2bSmeStaff.id, b2bMeetings.assignedStaffId))
    .leftJoin(b2bParticipants, eq(b2bParticipants.id, b2bMeetings.smeParticipantId))
    .where(only ? and(mine, eq(b2bMeetings.id, only)) : mine)
    .orderBy(b2bMeetings.day, b2bMeetings.startMinute);
  const partners = await partiesOf(
    db,
    rows.map((r) => (r.m.smeParticipantId === participantId ? r.m.buyerParticipantId : r.m.smeParticipantId)),
  );
  const atStall = rows.filter((r) => r.m.place === "stall" && r.smeEnterpriseId);
  const stalls = atStall.length ? await stallPort().stallsOf(db, rows[0]!.m.editionId, [...new Set(atStall.map((r) => r.smeEnterpriseId!))]) : new Map<string, ExhibitorStall>();
  return rows.map(({ m, staff, smeEnterpriseId }) => {
    const t = slotTimes(frame, m.day, m.startMinute);
    return {
      id: m.id,
      uid: m.uid,
      sequence: m.sequence,
      status: m.status,
      day: m.day,
      date: t.date,
      start: t.start,
      end: t.end,
      startsAt: t.startsAt.toISOString(),
      endsAt: t.endsAt.toISOString(),
      place: m.place,
      tableNo: m.tableNo,
      stall: (m.place === "stall" && smeEnterpriseId && stalls.get(smeEnterpriseId)) || null,
      interpreterLanguage: m.interpreterLanguage,
      partner: partners.get(m.smeParticipantId === participantId ? m.buyerParticipantId : m.smeParticipantId)!,
      staff: staff ? { id: staff.id, name: staff.name, email: staff.email, phone: staff.phone } : null,
      updatedAt: m.updatedAt.toISOString(),
    };
  });
}

/** Where, in words of the locale: "Table 4, B2B lounge", "Stall 2-114, Hall 2" (the exhibitor's
 *  confirmed stall, read through the stall port) or "At the exhibitor's stall" (none known). */
export function placeText(m: { place: "table" | "stall"; tableNo: number | null; stall?: ExhibitorStall | null }, locale: Locale): string {
  if (m.place === "table") return translate(locale, "b2b.meetings.place.table", { table: String(m.tableNo) });
  if (m.stall) return translate(locale, "b2b.meetings.place.stallAt", { stall: m.stall.number, hall: locale === "ur" ? m.stall.hallUr || m.stall.hallEn : m.stall.hallEn });
  return translate(locale, "b2b.meetings.place.stall");
}
