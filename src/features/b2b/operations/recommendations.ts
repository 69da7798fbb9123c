import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { recommendOne, type Reason } from "#features/matchmaking";
import type { ParticipantSide } from "../tables";
import { presentCard, viewer } from "./directory";
import { recommendationInput } from "./recommend-input";

// Recommendations (issue #11, item 3): the counterparts worth meeting, best first, with the
// reasons why, in the reader's language. The engine (matchmaking/recommend) runs on the caller
// and the visible participants of the other side, built from their stored profiles (an exhibitor
// that never saved its profile counts with its registry entry: description, products and their
// HS codes, certifications, markets). The other side's prepared input is cached with a version
// that database triggers bump (recommend-input.ts), so a changed profile counts at once
// (bench:recommend measures it). Two queries a call: the caller, and its input (recommend-input.ts).
// Never suggested: a participant the caller already has a request
// with (any status, either direction), one of its own enterprise, one not visible (withdrawn,
// not approved, not opted in), one fully booked (scheduled meetings up to its days' capacity).

const input = z
  .strictObject({ participantId: z.uuid().optional(), token: z.string().min(16).max(128).optional(), limit: z.number().int().min(1).max(50).optional() })
  .refine((r) => (r.participantId === undefined) !== (r.token === undefined), { params: { code: "b2b_participant_ref" } });

const HS_DEPTH = { 2: "chapter", 4: "heading", 6: "subheading" } as const;

/** A language code as a word in the reader's language ("ur" → "Urdu" / "اردو"); unknown codes stay codes. */
function languageName(locale: Locale, code: string): string {
  const key = `b2b.lang.${code}`;
  const text = translate(locale, key);
  return text === key ? code : text;
}

/** One reason as a sentence in the reader's language, from the reader's side ("you" is the reader). */
export function reasonText(locale: Locale, reason: Reason, reader: ParticipantSide): string {
  const list = (xs: readonly string[]) => xs.join(locale === "ur" ? "، " : ", ");
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const tr = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  switch (reason.code) {
    case "mutual_interest":
      return tr("b2b.reason.mutual_interest", { yours: pct(reason.yours), theirs: pct(reason.theirs) });
    case "interest_received":
    case "interest_sent":
    case "no_shared_language":
      return tr(`b2b.reason.${reason.code}`);
    case "sector_match":
      return tr("b2b.reason.sector_match", { sectors: list(reason.sectors) });
    case "cluster_match":
      return tr("b2b.reason.cluster_match", { clusters: list(reason.clusters) });
    case "hs_match":
      return tr(reader === "buyer" ? "b2b.reason.hs_match.buyer" : "b2b.reason.hs_match.sme", { hs: reason.hs, depth: tr(`b2b.reason.hs.${HS_DEPTH[reason.digits]}`) });
    case "certifications_met":
    case "certifications_missing":
      return tr(`b2b.reason.${reason.code}.${reason.requiredBy}`, { certifications: list(reason.certifications) });
    case "export_ready":
      return tr(`b2b.reason.export_ready.${reason.exporter}.${reason.level}`);
    case "market_experience":
      return tr(`b2b.reason.market_experience.${reason.exporter}`, { markets: list(reason.markets) });
    case "shared_language":
      return tr("b2b.reason.shared_language", { languages: list(reason.languages.map((l) => languageName(locale, l))) });
    case "text_match":
      return tr("b2b.reason.text_match", { terms: list(reason.terms) });
    case "oversubscribed":
      return tr("b2b.reason.oversubscribed", { requests: reason.requests, capacity: reason.capacity });
  }
}

/**
 * The caller's recommendations: the other side's participants worth meeting, best first, each
 * with its card, score (0–1) and reasons (structured, and as sentences in the caller's language).
 */
export async function recommendationsFor(ctx: Ctx, raw: Input<typeof input>) {
  const { limit = 20, ...ref } = parseInput(input, raw);
  const me = await viewer(ctx.db, ctx, ref);
  const { me: self, counterparts, cards, noThanks, loads } = await recommendationInput(ctx.db, me);
  const excluded = new Set(noThanks);
  const mine = recommendOne(counterparts, self, { noThanks, loads, limit }).filter((r) => !excluded.has(r.counterpartId) && r.counterpartId !== me.id);
  // The cards as of the side's version (names and profiles as they are: their writes bump it).
  return {
    viewer: { id: me.id, side: me.side, kind: me.kind, editionId: me.editionId },
    recommendations: mine
      .filter((r) => cards.has(r.counterpartId))
      .map((r) => ({
        card: presentCard(cards.get(r.counterpartId)!),
        score: r.score,
        reasons: r.reasons.map((reason) => ({ ...reason, text: reasonText(ctx.locale, reason, me.side) })),
      })),
  };
}
