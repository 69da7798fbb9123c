// Input and output format of the meeting scheduler, as zod schemas.
// The JSON files read by the CLI and written back are exactly these shapes;
// docs/schedule-format.md documents them field by field.
import { z } from "zod";

const id = z.string().min(1).max(200);
const slotId = id;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24 h)");

export const slotSchema = z.strictObject({
  id: slotId,
  /** Event day, 1-based. Day caps and gaps are counted per day. */
  day: z.number().int().min(1),
  start: hhmm,
  /** Minutes. */
  length: z.number().int().positive(),
  /** Pooled tables available in this slot (meetings at an SME stall do not use one). */
  tables: z.number().int().min(0),
  /** Interpreters available in this slot, by language code. */
  interpreters: z.record(z.string().min(1), z.number().int().min(0)).optional(),
});

export const participantSchema = z.strictObject({
  id,
  side: z.enum(["sme", "buyer"]),
  /** Slots the participant can attend; omitted means every slot. */
  availability: z.array(slotId).optional(),
  /** Most meetings per day: one number for every day, or per day ("1", "2", ...). */
  dayCap: z.union([z.number().int().min(0), z.record(z.string(), z.number().int().min(0))]).optional(),
  languages: z.array(z.string().min(1)).default([]),
  /** An SME that hosts meetings at its own stall needs no pooled table. */
  hostsAtStall: z.boolean().default(false),
});

export const requestSchema = z.strictObject({
  id,
  a: id,
  b: id,
  /** Priority; higher is more valuable. */
  weight: z.number().positive().finite().default(1),
  /** Language an interpreter is needed for, if any. */
  interpreter: z.string().min(1).nullable().optional(),
  /** The meeting may only take place in this slot. */
  pinnedSlot: slotId.optional(),
  forbiddenSlots: z.array(slotId).optional(),
  /** "Not before meeting X": must be strictly later than each listed request when both are scheduled. */
  after: z.array(id).optional(),
});

export const placementSchema = z.strictObject({
  request: id,
  slot: slotId,
  /** "stall" or a 1-based pooled table number within the slot. */
  table: z.union([z.literal("stall"), z.number().int().min(1)]),
});

export const scheduleInputSchema = z.strictObject({
  version: z.literal(1).default(1),
  seed: z.number().int().optional(),
  slots: z.array(slotSchema).min(1),
  participants: z.array(participantSchema),
  requests: z.array(requestSchema),
  /** Meetings already placed that must not move (their table may be "stall" or a number). */
  fixed: z.array(placementSchema).default([]),
});

export const reasonCodes = [
  "no_common_slot",
  "participant_full",
  "no_table",
  "no_interpreter",
  "precedence",
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export const scheduleOutputSchema = z.strictObject({
  version: z.literal(1),
  seed: z.number().int(),
  meetings: z.array(placementSchema),
  unscheduled: z.array(z.strictObject({ request: id, reason: z.enum(reasonCodes) })),
  stats: z.strictObject({
    requests: z.number().int(),
    scheduled: z.number().int(),
    weight: z.number(),
    /** Participants with at least one feasible request but no meeting. */
    zeroMeeting: z.number().int(),
    /** Maximal idle runs between two meetings of one participant on one day, summed. */
    gaps: z.number().int(),
  }),
});

export type ScheduleInput = z.output<typeof scheduleInputSchema>;
export type ScheduleInputRaw = z.input<typeof scheduleInputSchema>;
export type Slot = z.output<typeof slotSchema>;
export type Participant = z.output<typeof participantSchema>;
export type MeetingRequest = z.output<typeof requestSchema>;
export type Placement = z.output<typeof placementSchema>;
export type ScheduleOutput = z.output<typeof scheduleOutputSchema>;
