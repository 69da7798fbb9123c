import { z } from "zod";
import { requestDirections } from "./tables";

// Inputs of the B2B operations. Times of day travel as "HH:MM" (Pakistan time for the show: the
// edition's timezone) and are stored as minutes since local midnight (core/slots.ts).

const id = z.uuid();
const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const hhmm = z
  .string()
  .max(5)
  .refine((s) => HHMM.test(s), { params: { code: "b2b_time_format" } });
const session = z.strictObject({ start: hhmm, end: hhmm });
const day = z.number().int().min(1).max(16);
const instant = z.iso.datetime({ offset: true }).nullable();

export const b2bEditionInput = z.strictObject({ editionId: id });

export const b2bProgrammeFields = z.strictObject({
  enabled: z.boolean(),
  windowOpensAt: instant,
  windowClosesAt: instant,
  days: z.array(z.strictObject({ day, sessions: z.array(session).max(8) })).max(16),
  breaks: z.array(z.strictObject({ day, start: hhmm, end: hhmm })).max(64),
  slotMinutes: z.number().int().min(15).max(30),
  loungeTables: z.number().int().min(0).max(1000),
  stallMeetings: z.boolean(),
  /** Regulators (the regulatory stakeholder category) may opt in; off when absent. */
  allowRegulators: z.boolean().default(false),
  /** Interpreters per slot by language code (ISO 639-1 or -3), e.g. {"ur":4,"en":4,"zh":2}. */
  interpreters: z.record(z.string().regex(/^[a-z]{2,3}$/), z.number().int().min(0).max(100)).refine((r) => Object.keys(r).length <= 20, { params: { code: "too_big", max: 20 } }),
  maxMeetingsPerDay: z.number().int().min(1).max(50),
  maxRequestsSent: z.number().int().min(1).max(1000),
  requestDirection: z.enum(requestDirections),
  requestExpiryDays: z.number().int().min(1).max(60),
});

export const setB2bProgrammeInput = b2bProgrammeFields.extend({ editionId: id });
export type B2bProgrammeFields = z.output<typeof b2bProgrammeFields>;

// Profiles (issue #11, item 2): one schema per kind of participant. Text in English and/or Urdu;
// lists short and bounded. HS codes as the catalogue keeps them (NNNN.NNNN) or a prefix (2 or 4
// digits, 4 and 2 to 4 more); languages as ISO 639 codes; a country as ISO 3166 alpha-2.

export const lookingForOptions = ["distributor", "bulk_buyer", "subcontracting", "finance", "investor", "export_partner", "raw_material_supplier"] as const;

const text = (max: number) => z.string().trim().max(max).optional();
const words = (maxItems: number) => z.array(z.string().trim().min(1).max(80)).max(maxItems).optional();
const hsCode = z
  .string()
  .trim()
  .refine((s) => /^\d{2}(\d{2}(\.\d{2,4})?)?$/.test(s), { params: { code: "b2b_hs_code" } });
const money = z.number().int().min(0).max(1e15).nullable().optional();
const common = {
  offersEn: text(2000),
  offersUr: text(2000),
  needsEn: text(2000),
  needsUr: text(2000),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10).optional(),
};
const ticket = { ticketMin: money, ticketMax: money };
const orderedTicket = (p: { ticketMin?: number | null; ticketMax?: number | null }) => p.ticketMin == null || p.ticketMax == null || p.ticketMin <= p.ticketMax;
const ticketIssue = { path: ["ticketMax"], params: { code: "b2b_ticket_order" } };

export const profileSchemas = {
  sme: z.strictObject({
    ...common,
    productsEn: text(2000),
    productsUr: text(2000),
    hsCodes: z.array(hsCode).max(30).optional(),
    certifications: words(20),
    markets: words(30),
    lookingFor: z.array(z.enum(lookingForOptions)).max(lookingForOptions.length).optional(),
    exportReadiness: z.enum(["none", "starting", "occasional", "regular"]).nullable().optional(),
  }),
  buyer_procurement: z.strictObject({
    ...common,
    productsEn: text(2000),
    productsUr: text(2000),
    hsCodes: z.array(hsCode).max(30).optional(),
    volumes: text(500),
    requiredCertifications: words(20),
    markets: words(30),
  }),
  investor: z.strictObject({ ...common, sectors: words(20), ...ticket }).refine(orderedTicket, ticketIssue),
  bank: z.strictObject({ ...common, financingProducts: words(20), sectors: words(20), ...ticket }).refine(orderedTicket, ticketIssue),
  development_partner: z.strictObject({ ...common, sectors: words(20) }),
  foreign_mission: z.strictObject({
    ...common,
    country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
    sectors: words(20),
    hsCodes: z.array(hsCode).max(30).optional(),
  }),
} as const;

export const updateProfileInput = z
  .strictObject({
    participantId: id.optional(),
    token: z.string().min(16).max(128).optional(),
    /** Consent: others see this participant (directory, recommendations) only once it opts in. */
    optedIn: z.boolean().optional(),
    profile: z.record(z.string(), z.unknown()),
  })
  .refine((r) => (r.participantId === undefined) !== (r.token === undefined), { params: { code: "b2b_participant_ref" } });
