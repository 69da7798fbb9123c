/**
 * Input and output of the recommendation engine, as zod schemas; the types
 * are inferred from them so the runtime check and the compiler agree.
 */
import { z } from "zod";
import { ReasonSchema } from "./reasons";

const Id = z.string().min(1);
const Label = z.string().trim().min(1);
/** "9018.90", "9018 90" and "901890" are the same code; only the digits matter for prefix matching. */
const HsCode = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ""))
  .pipe(z.string().regex(/^\d{2,10}$/, "HS code must have 2 to 10 digits"));
const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "country must be an ISO 3166 alpha-2 code such as PK")
  .transform((s) => s.toUpperCase());
const Language = z
  .string()
  .trim()
  .min(2, "language must be a code such as en or ur")
  .transform((s) => s.toLowerCase());

export const ExportReadinessSchema = z.enum(["none", "exploring", "occasional", "regular"]);

/**
 * One participant. Fields mean the same on both sides but are read from the
 * side's point of view: for an SME `hsCodes` are the products it makes, for
 * a buyer the products it sources; `offers` and `needs` are free text in
 * English and/or Urdu (a bank offers "SME finance", an SME may need one).
 */
export const ParticipantSchema = z.object({
  id: Id,
  side: z.enum(["sme", "buyer"]),
  /** Two people from one enterprise are never recommended to each other. */
  enterpriseId: Id.optional(),
  sectors: z.array(Label).default([]),
  clusters: z.array(Label).default([]),
  hsCodes: z.array(HsCode).default([]),
  certifications: z.array(Label).default([]),
  /** Certifications this participant requires of its counterpart (typically a buyer's). */
  requiredCertifications: z.array(Label).default([]),
  /** SME side: how established its exporting is. */
  exportReadiness: ExportReadinessSchema.default("none"),
  /** SME side: countries it already exports to. */
  exportMarkets: z.array(Country).default([]),
  /** Buyer side: where the buyer is based, and the markets it sources for. */
  country: Country.optional(),
  markets: z.array(Country).default([]),
  languages: z.array(Language).default([]),
  offers: z.string().default(""),
  needs: z.string().default(""),
  /** Meetings this participant can take over the event; options.defaultCapacity when absent. */
  capacity: z.number().int().positive().optional(),
  /** Meeting requests already received: with capacity, how oversubscribed the participant is. */
  requestsReceived: z.number().int().nonnegative().default(0),
});
export type Participant = z.infer<typeof ParticipantSchema>;
export type ParticipantInput = z.input<typeof ParticipantSchema>;

const nonNeg = (value: number) => z.number().min(0).default(value);

/** Default weights, and why: see docs/matchmaking-recommendations.md. */
export const WeightsSchema = z.object({
  interest: nonNeg(3),
  sector: nonNeg(0.5),
  cluster: nonNeg(0.75),
  hs: nonNeg(1.5),
  text: nonNeg(1.5),
  certificationsMet: nonNeg(0.75),
  certificationsMissing: nonNeg(1),
  exportReadiness: nonNeg(0.5),
  marketExperience: nonNeg(0.5),
  language: nonNeg(0.5),
  noSharedLanguage: nonNeg(0.25),
});
export type Weights = z.infer<typeof WeightsSchema>;

export const RecommendOptionsSchema = z.object({
  weights: WeightsSchema.prefault({}),
  /** Credit for an HS match by depth: chapter (2 digits), heading (4), subheading (6). */
  hsCredit: z.object({ chapter: nonNeg(0.4), heading: nonNeg(0.7), subheading: nonNeg(1) }).prefault({}),
  /** Share of the stronger side's interest kept when interest is one-sided (0 = ignore one-sided interest). */
  oneSidedInterest: z.number().min(0).max(1).default(0.25),
  /** Normalised text relevance below this counts as none (see candidates.ts). */
  minTextRelevance: z.number().min(0).default(0.1),
  /** Check the output against RecommendOutputSchema before returning it. */
  validateOutput: z.boolean().default(true),
  /** Recommendations returned per participant. */
  limit: z.number().int().positive().default(20),
  /** Scores at or below this are dropped. */
  minScore: z.number().min(0).default(0),
  /** The host country: markets equal to it are not export markets. */
  homeCountry: Country.default("PK"),
  defaultCapacity: z.number().int().positive().default(12),
  oversubscription: z
    .object({
      /** Load (requests / capacity) above which ranking drops. */
      threshold: z.number().min(0).default(1),
      /** How fast it drops: the score is divided by 1 + strength x (load - threshold). */
      strength: z.number().min(0).default(1),
    })
    .prefault({}),
  bm25: z.object({ k1: z.number().positive().default(1.2), b: z.number().min(0).max(1).default(0.75) }).prefault({}),
});
export type RecommendOptions = z.infer<typeof RecommendOptionsSchema>;

export const InterestSchema = z.object({ from: Id, to: Id, level: z.number().min(0).max(1).default(1) });
export const NoThanksSchema = z.object({ from: Id, to: Id });
export const MetBeforeSchema = z.object({
  a: Id,
  b: Id,
  when: z.enum(["earlier_edition", "scheduled"]).default("earlier_edition"),
});

export const RecommendInputSchema = z
  .object({
    participants: z.array(ParticipantSchema),
    /** "I would like to meet them", with a strength in 0..1 (a star rating scaled, or 1 for a request). */
    interests: z.array(InterestSchema).default([]),
    /** Either side saying no excludes the pair both ways. */
    noThanks: z.array(NoThanksSchema).default([]),
    /** Pairs that met at an earlier edition or are already scheduled: excluded. */
    metBefore: z.array(MetBeforeSchema).default([]),
    options: RecommendOptionsSchema.prefault({}),
  })
  .superRefine((input, ctx) => {
    // Cross-references are checked here so a bad file names the exact entry.
    const ids = new Set<string>();
    input.participants.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: "custom", path: ["participants", i, "id"], message: `duplicate participant id "${p.id}"` });
      ids.add(p.id);
    });
    const check = (list: "interests" | "noThanks" | "metBefore", i: number, field: string, id: string) => {
      if (!ids.has(id)) ctx.addIssue({ code: "custom", path: [list, i, field], message: `unknown participant id "${id}"` });
    };
    input.interests.forEach((x, i) => (check("interests", i, "from", x.from), check("interests", i, "to", x.to)));
    input.noThanks.forEach((x, i) => (check("noThanks", i, "from", x.from), check("noThanks", i, "to", x.to)));
    input.metBefore.forEach((x, i) => (check("metBefore", i, "a", x.a), check("metBefore", i, "b", x.b)));
  });
export type RecommendInput = z.input<typeof RecommendInputSchema>;
export type ParsedRecommendInput = z.output<typeof RecommendInputSchema>;

/** Weighted contribution of each signal to the score (before normalisation), and the availability factor. */
export const BreakdownSchema = z.object({
  interest: z.number(),
  sector: z.number(),
  cluster: z.number(),
  hs: z.number(),
  text: z.number(),
  certifications: z.number(),
  exportReadiness: z.number(),
  marketExperience: z.number(),
  language: z.number(),
  /** Multiplier in (0, 1]: below 1 when the counterpart is oversubscribed. */
  availability: z.number().gt(0).max(1),
});
export type Breakdown = z.infer<typeof BreakdownSchema>;

export const RecommendationSchema = z.object({
  counterpartId: Id,
  /** 0..1: 1 would be every signal at its best with the default normalisation. */
  score: z.number().min(0).max(1),
  reasons: z.array(ReasonSchema),
  breakdown: BreakdownSchema,
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendOutputSchema = z.object({
  participants: z.array(z.object({ participantId: Id, recommendations: z.array(RecommendationSchema) })),
  stats: z.object({
    participants: z.number().int().nonnegative(),
    /** Pairs that shared at least one relevance signal and were scored. */
    candidatePairs: z.number().int().nonnegative(),
    /** Candidate pairs removed by an exclusion rule. */
    excludedPairs: z.number().int().nonnegative(),
  }),
});
export type RecommendOutput = z.infer<typeof RecommendOutputSchema>;
