import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { b2bMeetings, b2bParticipants } from "../tables";
import { contactOf } from "./contacts";
import type { Participant } from "./participants";
import { cardQuery, presentCard, viewer, visibleWhere } from "./directory";
import { mediaPort } from "../media-port";
import { readinessPort } from "../readiness-port";
import { contactsVisible } from "./requests-common";

// One participant of the other side on a page of its own (issue #11: the partner's name on My
// meetings, a card in the directory). The caller sees it when the directory would list it
// (approved, opted in, not withdrawn) or when the two have a meeting (scheduled or cancelled): a
// partner that left the directory stays readable to those it meets. Contact details only when the
// two have an accepted request (contactsVisible), as on My requests. An exhibitor's logo and
// photos are its catalogue profile's, when that is public. Anything else answers not_found, as a
// missing id does.

const participantCardInput = z
  .strictObject({ participantId: z.uuid().optional(), token: z.string().min(16).max(128).optional(), id: z.uuid() })
  .refine((r) => (r.participantId === undefined) !== (r.token === undefined), { params: { code: "b2b_participant_ref" } });

export async function participantCard(ctx: Ctx, raw: Input<typeof participantCardInput>) {
  const { id, ...ref } = parseInput(participantCardInput, raw);
  const me = await viewer(ctx.db, ctx, ref);
  const notFound = () => new DomainError("not_found", { params: { what: "b2b_participant" } });
  // One read of the card with what the rest needs: whether the directory lists it, and where
  // it is reached (its registration, its language) for the contact.
  const [row] = await cardQuery(ctx.db, {
    listed: sql<boolean>`coalesce(${visibleWhere(me.editionId)}, false)`.mapWith(Boolean),
    registrationId: b2bParticipants.registrationId,
    locale: b2bParticipants.locale,
  }).where(and(eq(b2bParticipants.id, id), eq(b2bParticipants.editionId, me.editionId)));
  if (!row || row.side === me.side) throw notFound();
  const listed = (row as unknown as { listed: boolean }).listed;
  const pair = me.side === "sme" ? { sme: me.id, buyer: id } : { sme: id, buyer: me.id };
  const [met] = await ctx.db
    .select({ id: b2bMeetings.id })
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.smeParticipantId, pair.sme), eq(b2bMeetings.buyerParticipantId, pair.buyer)))
    .limit(1);
  if (!listed && !met) throw notFound();
  const scores = me.side === "buyer" && row.enterpriseId ? await readinessPort().exportScores(ctx.db, me.editionId) : null;
  // An exhibitor's logo and photos: those of its published catalogue profile (exhibitor portal).
  const media = row.enterpriseId ? ((await mediaPort().publicMedia(ctx.db, me.editionId, [row.enterpriseId])).get(row.enterpriseId) ?? null) : null;
  const target = row as unknown as { registrationId: string | null; locale: Participant["locale"] };
  const contact = (await contactsVisible(ctx.db, me.id, id))
    ? await contactOf(ctx.db, { id, editionId: me.editionId, enterpriseId: row.enterpriseId, registrationId: target.registrationId, locale: target.locale })
    : null;
  return {
    viewer: { id: me.id, side: me.side },
    card: { ...presentCard(row), exportScore: (row.enterpriseId && scores?.get(row.enterpriseId)) || null },
    listed,
    meets: !!met,
    contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone } : null,
    media,
  };
}
