import { and, eq, inArray, or } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import type { Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import type { MessageKey } from "../../../platform/i18n/catalogue";
import { queueEmail } from "../../../platform/mail/outbox";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";
import { b2bParticipants, b2bProgrammes, b2bRequests } from "../tables";
import type { Participant } from "./participants";
import { contactOf, type Contact } from "./contacts";

// What the request operations share (requests.ts for participants, requests-organiser.ts for
// organisers and the expiry job): who a participant is in public, its contact details (shown only
// between the two of an accepted request), the emails, and the hook a later step may register.

export type RequestRow = typeof b2bRequests.$inferSelect;

/** The public face of a participant: what the other side may see before any acceptance. */
export interface PublicSummary {
  id: string;
  side: "sme" | "buyer";
  kind: string;
  nameEn: string;
  nameUr: string | null;
  organisation: string | null;
  cluster: string | null;
}

/** The public summaries of the given participants, by id. */
export async function publicSummaries(db: Executor, ids: readonly string[]): Promise<Map<string, PublicSummary>> {
  const out = new Map<string, PublicSummary>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: b2bParticipants.id,
      side: b2bParticipants.side,
      kind: b2bParticipants.kind,
      eName: enterprises.nameEn,
      eNameUr: enterprises.nameUr,
      cluster: enterprises.clusterSlug,
      rName: registrations.name,
      rNameUr: registrations.nameUr,
      organisation: registrations.organisation,
    })
    .from(b2bParticipants)
    .leftJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
    .leftJoin(registrations, eq(registrations.id, b2bParticipants.registrationId))
    .where(inArray(b2bParticipants.id, [...new Set(ids)]));
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      side: r.side,
      kind: r.kind,
      nameEn: r.eName ?? r.rName ?? "",
      nameUr: r.eNameUr ?? r.rNameUr ?? null,
      organisation: r.side === "sme" ? (r.eName ?? null) : (r.organisation ?? null),
      cluster: r.cluster ?? null,
    });
  }
  return out;
}

export { contactOf, type Contact };

/** Whether a and b may see each other's contact details: there is an accepted request between
 *  them (either may have asked). */
export async function contactsVisible(db: Executor, a: string, b: string): Promise<boolean> {
  const [row] = await db
    .select({ id: b2bRequests.id })
    .from(b2bRequests)
    .where(
      and(
        eq(b2bRequests.status, "accepted"),
        or(and(eq(b2bRequests.smeParticipantId, a), eq(b2bRequests.buyerParticipantId, b)), and(eq(b2bRequests.smeParticipantId, b), eq(b2bRequests.buyerParticipantId, a))),
      ),
    )
    .limit(1);
  return !!row;
}

export async function programmeOf(db: Executor, editionId: string) {
  const [programme] = await db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  return programme;
}

/** Matchmaking on for the edition (answering a request needs no open window: a request may be
 *  accepted after the schedule is published). */
export async function assertProgrammeOn(db: Executor, editionId: string) {
  const programme = await programmeOf(db, editionId);
  if (!programme?.enabled) throw new DomainError("b2b_matchmaking_off");
  return programme;
}

export async function organiserOf(db: Executor, editionId: string) {
  const [e] = await db.select({ organiserId: editions.organiserId, nameEn: editions.nameEn, nameUr: editions.nameUr }).from(editions).where(eq(editions.id, editionId));
  return e!;
}

/** The two sides of a request: who sent it and who answers it. */
export const senderId = (r: RequestRow) => (r.requestedBy === "sme" ? r.smeParticipantId : r.buyerParticipantId);
export const recipientId = (r: RequestRow) => (r.requestedBy === "sme" ? r.buyerParticipantId : r.smeParticipantId);

export async function participantById(db: Executor, id: string): Promise<Participant> {
  const [p] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.id, id));
  return p!;
}

/** Queue one email to a participant in its own language; nothing when it has no address. */
export async function mailParticipant(
  db: Executor,
  ctx: Ctx,
  to: Participant,
  kind: string,
  keys: { subject: MessageKey; body: MessageKey },
  params: (locale: Locale) => Record<string, string | number>,
) {
  const contact = await contactOf(db, to);
  if (!contact.email) return false;
  const p = { name: contact.name, ...params(contact.locale) };
  await queueEmail(db, ctx.clock, { kind, to: contact.email, subject: translate(contact.locale, keys.subject, p), text: translate(contact.locale, keys.body, p) });
  return true;
}

export const nameIn = (locale: Locale, s: PublicSummary | undefined) => {
  const name = (locale === "ur" && s?.nameUr) || s?.nameEn || "";
  return s?.organisation && s.organisation !== name ? `${name} (${s.organisation})` : name;
};

// A request accepted: a later step (the schedule's repair after publication) may react, inside the
// accepting transaction. Registered by the composition root; none by default.
export type AcceptedHook = (db: Executor, ctx: Ctx, request: RequestRow) => Promise<void>;
const acceptedHooks: AcceptedHook[] = [];

/** Register what runs inside the transaction whenever a request becomes accepted (by its
 *  recipient, an organiser's direct meeting or a delegation's bulk acceptance). Returns an undo. */
export function onRequestAccepted(fn: AcceptedHook): () => void {
  acceptedHooks.push(fn);
  return () => {
    const i = acceptedHooks.indexOf(fn);
    if (i >= 0) acceptedHooks.splice(i, 1);
  };
}

export async function afterAccept(db: Executor, ctx: Ctx, request: RequestRow) {
  for (const fn of acceptedHooks) await fn(db, ctx, request);
}
