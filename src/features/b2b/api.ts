import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";

// B2B matchmaking over the API: what /back-office/editions/:id/b2b does, over the same operations
// (organiser staff only, `b2b.configure`; every change audited as `b2b.programme_set`).

const tags = ["b2b matchmaking"];
const uuid = z.string().openapi({ format: "uuid" });
const time = z.string().openapi({ description: "Time of day in the edition's timezone, HH:MM (24 h; 24:00 ends a day)", example: "14:30" });
const dayNo = z.number().int().openapi({ description: "Edition day, 1 = the first", example: 1 });
const programmeSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "Matchmaking on or off for this edition" }),
    windowOpensAt: z.string().nullable().openapi({ format: "date-time", description: "Profiles and requests from" }),
    windowClosesAt: z.string().nullable().openapi({ format: "date-time", description: "Profiles and requests until; before the first meeting" }),
    days: z.array(z.object({ day: dayNo, sessions: z.array(z.object({ start: time, end: time })) })),
    breaks: z.array(z.object({ day: dayNo, start: time, end: time })).openapi({ description: "Inside sessions; no meeting starts in a break" }),
    slotMinutes: z.number().int().openapi({ description: "Meeting length, 15–30 minutes", example: 20 }),
    loungeTables: z.number().int().openapi({ description: "Numbered tables in the B2B lounge, per slot", example: 40 }),
    stallMeetings: z.boolean().openapi({ description: "Exhibitors may host meetings at their own stall" }),
    interpreters: z.record(z.string(), z.number().int()).openapi({ description: "Interpreters per slot by language code", example: { ur: 4, en: 4, zh: 2 } }),
    maxMeetingsPerDay: z.number().int().openapi({ description: "Most meetings per participant per day" }),
    maxRequestsSent: z.number().int().openapi({ description: "Most requests one participant may send" }),
    requestDirection: z.enum(["buyer_to_sme", "sme_to_buyer", "both"]).openapi({ description: "Who may request whom" }),
    requestExpiryDays: z.number().int().openapi({ description: "Days a request waits for an answer before it expires" }),
  })
  .openapi("B2bProgramme");
const programmeAnswer = z
  .object({
    edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string(), startsOn: z.string(), endsOn: z.string(), timezone: z.string(), dayCount: z.number().int() }),
    exists: z.boolean().openapi({ description: "false: never set; `programme` is the default (off)" }),
    programme: programmeSchema,
    slots: z.number().int().openapi({ description: "Meeting slots over all days" }),
  })
  .openapi("B2bProgrammeState");
// The body's shape; the operation checks the rest (one set of field-level refusals for page and API).
const timeIn = z.string().max(5).openapi({ description: "HH:MM", example: "10:00" });
const programmeBody = z
  .strictObject({
    enabled: z.boolean(),
    windowOpensAt: z.string().max(40).nullable().openapi({ format: "date-time" }),
    windowClosesAt: z.string().max(40).nullable().openapi({ format: "date-time" }),
    days: z.array(z.strictObject({ day: z.number().int(), sessions: z.array(z.strictObject({ start: timeIn, end: timeIn })).max(8) })).max(16),
    breaks: z.array(z.strictObject({ day: z.number().int(), start: timeIn, end: timeIn })).max(64),
    slotMinutes: z.number().int(),
    loungeTables: z.number().int(),
    stallMeetings: z.boolean(),
    interpreters: z.record(z.string().max(3), z.number().int()),
    maxMeetingsPerDay: z.number().int(),
    maxRequestsSent: z.number().int(),
    requestDirection: z.enum(["buyer_to_sme", "sme_to_buyer", "both"]),
    requestExpiryDays: z.number().int(),
  })
  .openapi("B2bProgrammeInput", { description: "The whole programme at once." });

export function b2bApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getB2bProgramme",
      path: "/editions/{id}/b2b-programme",
      summary: "The edition's B2B programme",
      description: "Organiser staff. Days, sessions, breaks, slot length, places, interpreters, caps, who may request whom.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(programmeAnswer, "The programme"), ...errorResponses },
    }),
    async (c) => c.json(await getB2bProgramme(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "setB2bProgramme",
      path: "/editions/{id}/b2b-programme",
      summary: "Set the edition's B2B programme",
      description:
        "Organiser staff. Audited (`b2b.programme_set`). The whole programme at once. Refusals are `validation_failed` with the field: sessions that overlap (`b2b_sessions_overlap`), breaks outside sessions (`b2b_break_outside_sessions`), a window closing after the first meeting (`b2b_window_after_meetings`), and others. Fewer lounge tables or interpreters than scheduled meetings use is `b2b_no_such_table` or `b2b_interpreter_full`.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(programmeBody) },
      responses: {
        200: jsonResponse(z.object({ programme: programmeSchema, slots: z.number().int() }), "Set"),
        ...errorResponses,
        409: errorResponse("Scheduled meetings use tables or interpreters the new programme lacks (`b2b_no_such_table`, `b2b_interpreter_full`)"),
      },
    }),
    async (c) => c.json(await setB2bProgramme(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  return api;
}
