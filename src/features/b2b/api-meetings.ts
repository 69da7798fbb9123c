import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { addStaff, assignStaff, calendarLink, cancelMeeting, meetingIcs, myMeetings, removeStaff } from "./operations/meetings";
import { listRepairs, removeTableOrSlot } from "./operations/repair";
import { repairKinds } from "./tables";

// A participant's published meetings over the API (by account `participantId` or B2B link
// `token`, always in the body so a token never sits in a URL), and the organiser's changes to the
// published schedule (`b2b.manage`).

const tags = ["b2b matchmaking"];
const uuid = z.string().openapi({ format: "uuid" });
const refBody = {
  participantId: uuid.optional().openapi({ description: "Signed in: the participant the account acts for" }),
  token: z.string().max(128).optional().openapi({ description: "Without an account: the token of the participant's B2B link" }),
};
const party = z.object({
  id: uuid,
  side: z.enum(["sme", "buyer"]),
  kind: z.string(),
  name: z.string(),
  nameUr: z.string().nullable(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  contactName: z.string().nullable(),
  locale: z.enum(["en", "ur"]),
});
const meeting = z
  .object({
    id: uuid,
    uid: z.string().openapi({ description: "Stable for the meeting's life: the calendar UID" }),
    sequence: z.number().int().openapi({ description: "Grows with every change (calendar SEQUENCE)" }),
    status: z.enum(["scheduled", "cancelled"]),
    day: z.number().int(),
    date: z.string(),
    start: z.string().openapi({ description: "HH:MM, the edition's local time" }),
    end: z.string(),
    startsAt: z.string().openapi({ format: "date-time" }),
    endsAt: z.string().openapi({ format: "date-time" }),
    place: z.enum(["table", "stall"]),
    tableNo: z.number().int().nullable(),
    stall: z.object({ number: z.string(), hallEn: z.string(), hallUr: z.string(), path: z.string().openapi({ description: "The stall's page on the public floor plan" }) }).nullable().openapi({ description: "A meeting at the exhibitor's stall: its confirmed stall (null when none is confirmed or at a table)" }),
    interpreterLanguage: z.string().nullable(),
    partner: party.openapi({ description: "The other side, with contact details (a meeting is an accepted request)" }),
    staff: z.object({ id: uuid, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    updatedAt: z.string(),
  })
  .openapi("B2bMeeting");
const myMeetingsAnswer = z
  .object({
    participant: z.record(z.string(), z.unknown()),
    edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string(), timezone: z.string(), slotMinutes: z.number().int() }),
    days: z.array(z.object({ day: z.number().int(), date: z.string(), meetings: z.array(meeting) })),
    staff: z.array(z.object({ id: uuid, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })),
    calendarIssued: z.boolean(),
  })
  .openapi("B2bMyMeetings");
const repair = z
  .object({
    id: uuid,
    at: z.string().openapi({ format: "date-time" }),
    kind: z.enum(repairKinds),
    change: z.record(z.string(), z.unknown()),
    moved: z.array(z.object({ meetingId: uuid, from: z.string(), to: z.string() })),
    cancelled: z.array(z.object({ meetingId: uuid, reason: z.string() })).openapi({ description: "Meetings that could not be kept, with the reason" }),
    added: z.array(z.object({ meetingId: uuid, at: z.string() })),
    notified: z.number().int().openapi({ description: "Emails queued, one per affected participant" }),
    by: z.string().nullable(),
  })
  .openapi("B2bRepair");
const notFound = { 404: errorResponse("`b2b_meeting_not_found` (another's meeting is refused the same way)"), 410: errorResponse("`token_invalid`") };

export function b2bMeetingsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getMyB2bMeetings",
      path: "/b2b/my-meetings",
      summary: "The caller's own B2B meetings, day by day",
      description: "By account or B2B link. Scheduled and cancelled meetings, the partner's contact details, the place, the interpreter; for an exhibitor, its staff.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject(refBody)) },
      responses: { 200: jsonResponse(myMeetingsAnswer, "The meetings"), ...errorResponses, 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await myMeetings(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "cancelMyB2bMeeting",
      path: "/b2b/my-meetings/{id}/cancel",
      summary: "Cancel one of the caller's meetings",
      description: "Status cancelled, sequence + 1, the uid kept (calendars update, never duplicate); the slot stays free and nobody else moves; both are emailed. `decline: true` also declines the request. Idempotent. Audited (`b2b.meeting_cancelled`, `b2b.meetings_repaired`).",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject({ ...refBody, decline: z.boolean().optional() })) },
      responses: { 200: jsonResponse(z.object({ meetingId: uuid, sequence: z.number().int(), status: z.enum(["scheduled", "cancelled"]), notified: z.number().int() }), "Cancelled"), ...errorResponses, ...notFound },
    }),
    async (c) => c.json(await cancelMeeting(c.get("req").ctx, { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "assignB2bMeetingStaff",
      path: "/b2b/my-meetings/{id}/staff",
      summary: "An exhibitor gives a meeting to one of its staff",
      description: "`staffId: null` unassigns. `b2b_not_exhibitor` (409) for the buyer side; `b2b_staff_not_found` (404) for another's staff. Audited (`b2b.staff_changed`).",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject({ ...refBody, staffId: uuid.nullable() })) },
      responses: { 200: jsonResponse(z.object({ meetingId: uuid, staffId: uuid.nullable() }), "Assigned"), ...errorResponses, ...notFound, 409: errorResponse("`b2b_not_exhibitor`") },
    }),
    async (c) => c.json(await assignStaff(c.get("req").ctx, { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "addB2bStaff",
      path: "/b2b/my-staff",
      summary: "An exhibitor adds a person who holds its meetings",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ ...refBody, name: z.string().max(120), email: z.string().max(200).optional(), phone: z.string().max(40).optional() })) },
      responses: { 200: jsonResponse(z.object({ id: uuid, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }), "Added"), ...errorResponses, 409: errorResponse("`b2b_not_exhibitor`"), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await addStaff(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "removeB2bStaff",
      path: "/b2b/my-staff/{id}/remove",
      summary: "An exhibitor removes a person; its meetings become unassigned",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject(refBody)) },
      responses: { 200: jsonResponse(z.object({ removed: uuid }), "Removed"), ...errorResponses, 404: errorResponse("`b2b_staff_not_found`"), 409: errorResponse("`b2b_not_exhibitor`") },
    }),
    async (c) => c.json(await removeStaff(c.get("req").ctx, { ...c.req.valid("json"), staffId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "issueB2bCalendarLink",
      path: "/b2b/calendar-link",
      summary: "A new private calendar subscription address",
      description: "https and webcal forms of `/b2b/calendar/{secret}` (text/calendar). The older address stops working; the secret is shown only here. Audited (`b2b.calendar_link_issued`).",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject(refBody)) },
      responses: { 200: jsonResponse(z.object({ https: z.string(), webcal: z.string() }), "Issued"), ...errorResponses, 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await calendarLink(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getMyB2bMeetingIcs",
      path: "/b2b/my-meetings/{id}/ics",
      summary: "One meeting as an iCalendar file",
      description: "Its stable UID and SEQUENCE; a cancelled meeting is METHOD:CANCEL with STATUS:CANCELLED.",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject(refBody)) },
      responses: { 200: { description: "iCalendar", content: { "text/calendar": { schema: z.string() } } }, ...errorResponses, ...notFound },
    }),
    async (c) => {
      const { text, filename } = await meetingIcs(c.get("req").ctx, { ...c.req.valid("json"), meetingId: c.req.valid("param").id });
      return c.body(text, 200, { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" });
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listB2bChanges",
      path: "/editions/{id}/b2b-changes",
      summary: "Changes made to the published B2B schedule",
      description: "Organiser staff (`b2b.manage`). Newest first: what changed, the meetings moved, those that could not be kept with their reason, how many people were emailed.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ edition: z.record(z.string(), z.unknown()), repairs: z.array(repair) }), "The changes"), ...errorResponses },
    }),
    async (c) => c.json(await listRepairs(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "removeB2bTableOrSlot",
      path: "/editions/{id}/b2b-changes/remove",
      summary: "Remove a lounge table (from a slot on) or one slot, and repair the schedule",
      description:
        "Organiser staff (`b2b.manage`). With `tableNo`, the table is out of use from that slot to the end of the show; without, the slot becomes a break. The scheduler's repair moves the meetings there with as few changes as possible; what cannot be kept is cancelled and listed. Only those affected are emailed. Audited (`b2b.meetings_repaired`). `b2b_no_such_slot`, `b2b_no_such_table` (409).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ day: z.number().int(), start: z.string().max(5).openapi({ example: "10:20" }), tableNo: z.number().int().optional() })) },
      responses: {
        200: jsonResponse(
          z.object({
            repairId: uuid.nullable(),
            moved: z.array(z.object({ meetingId: uuid, requestId: uuid })),
            cancelled: z.array(z.object({ meetingId: uuid, requestId: uuid, reason: z.string() })),
            notified: z.number().int(),
          }),
          "Repaired",
        ),
        ...errorResponses,
        409: errorResponse("`b2b_no_such_slot`, `b2b_no_such_table`"),
      },
    }),
    async (c) => c.json(await removeTableOrSlot(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  return api;
}
