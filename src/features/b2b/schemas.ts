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
  /** Interpreters per slot by language code (ISO 639-1 or -3), e.g. {"ur":4,"en":4,"zh":2}. */
  interpreters: z.record(z.string().regex(/^[a-z]{2,3}$/), z.number().int().min(0).max(100)).refine((r) => Object.keys(r).length <= 20, { params: { code: "too_big", max: 20 } }),
  maxMeetingsPerDay: z.number().int().min(1).max(50),
  maxRequestsSent: z.number().int().min(1).max(1000),
  requestDirection: z.enum(requestDirections),
  requestExpiryDays: z.number().int().min(1).max(60),
});

export const setB2bProgrammeInput = b2bProgrammeFields.extend({ editionId: id });
export type B2bProgrammeFields = z.output<typeof b2bProgrammeFields>;
