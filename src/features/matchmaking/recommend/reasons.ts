/**
 * Why a counterpart is recommended, as data. Each reason is a code plus the
 * parameters a sentence needs, so the UI can translate it into English or
 * Urdu later; `formatReasonEn` is the English rendering used by the CLI and
 * tests. Reasons are written from the viewer's side: "you" is the person
 * reading the list, "them" the counterpart.
 */
import { z } from "zod";

const Level = z.number().min(0).max(1);
const Names = z.array(z.string()).min(1);
const Who = z.enum(["you", "them"]);

export const ReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("mutual_interest"), yours: Level, theirs: Level }),
  z.object({ code: z.literal("interest_received"), level: Level }),
  z.object({ code: z.literal("interest_sent"), level: Level }),
  z.object({ code: z.literal("sector_match"), sectors: Names }),
  z.object({ code: z.literal("cluster_match"), clusters: Names }),
  z.object({ code: z.literal("hs_match"), digits: z.union([z.literal(2), z.literal(4), z.literal(6)]), hs: z.string() }),
  z.object({ code: z.literal("certifications_met"), requiredBy: Who, certifications: Names }),
  z.object({ code: z.literal("certifications_missing"), requiredBy: Who, certifications: Names }),
  z.object({ code: z.literal("export_ready"), exporter: Who, level: z.enum(["occasional", "regular"]) }),
  z.object({ code: z.literal("market_experience"), exporter: Who, markets: Names }),
  z.object({ code: z.literal("shared_language"), languages: Names }),
  z.object({ code: z.literal("no_shared_language") }),
  z.object({ code: z.literal("text_match"), terms: Names }),
  z.object({
    code: z.literal("oversubscribed"),
    requests: z.number().int().nonnegative(),
    capacity: z.number().int().positive(),
  }),
]);
export type Reason = z.infer<typeof ReasonSchema>;
export type ReasonCode = Reason["code"];

const HS_LEVEL = { 2: "chapter", 4: "heading", 6: "subheading" } as const;
const list = (xs: readonly string[]): string => xs.join(", ");
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** One English sentence per reason; the switch is exhaustive so a new code fails to compile until it is worded. */
export function formatReasonEn(reason: Reason): string {
  switch (reason.code) {
    case "mutual_interest":
      return `You both want to meet (your interest ${pct(reason.yours)}, theirs ${pct(reason.theirs)})`;
    case "interest_received":
      return "They asked to meet you";
    case "interest_sent":
      return "You asked to meet them; they have not answered yet";
    case "sector_match":
      return `Same sector: ${list(reason.sectors)}`;
    case "cluster_match":
      return `Same cluster: ${list(reason.clusters)}`;
    case "hs_match":
      return `Same product ${HS_LEVEL[reason.digits]} (HS ${reason.hs})`;
    case "certifications_met":
      return reason.requiredBy === "you"
        ? `Holds the certifications you require: ${list(reason.certifications)}`
        : `You hold the certifications they require: ${list(reason.certifications)}`;
    case "certifications_missing":
      return reason.requiredBy === "you"
        ? `Lacks certifications you require: ${list(reason.certifications)}`
        : `You lack certifications they require: ${list(reason.certifications)}`;
    case "export_ready": {
      const how = reason.level === "regular" ? "regularly" : "occasionally";
      return reason.exporter === "them"
        ? `Export-ready: already exports ${how}`
        : `They buy for export markets and you export ${how}`;
    }
    case "market_experience":
      return reason.exporter === "them"
        ? `Already exports to their markets: ${list(reason.markets)}`
        : `You already export to their markets: ${list(reason.markets)}`;
    case "shared_language":
      return `You share a language: ${list(reason.languages)}`;
    case "no_shared_language":
      return "No shared language: an interpreter may be needed";
    case "text_match":
      return `Descriptions match on: ${list(reason.terms)}`;
    case "oversubscribed":
      return `In high demand (${reason.requests} requests for ${reason.capacity} meetings), so ranked lower`;
  }
}
