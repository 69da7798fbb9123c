import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { loungeBoard } from "./operations/board";
import { bothHere, scanAtMeeting, uploadMeetingScans } from "./operations/checkin";
import { markNoShows, meetdaySettingsOf, noShowCounts, setMeetdaySettings } from "./operations/no-shows";
import { outcomeDashboard, outcomeDashboardCsv, outcomeDashboardXlsx, outcomesSideBySide } from "./operations/organiser";
import { outcomeForm, recordOutcome } from "./operations/outcomes";
import { MEETING_SCAN_REASONS } from "./core/meeting-scan";
import { currencies, followUpStates, outcomeKinds, timelines } from "./core/outcomes";
import { answerWalkUp, proposeWalkUp, walkUpPage, withdrawWalkUp } from "./operations/walkups";

// The meeting day over the API (issue #14): meeting check-in (lounge staff by session; the
// meeting's own participants by account or B2B link in the body), the lounge board, no-show
// settings and counts, outcomes (a participant answers and reads only its own side; organisers
// read both, the dashboard and its CSV). Same operations, same permissions as the pages.

const tags = ["meeting day"];
const uuid = z.string().openapi({ format: "uuid" });
const ref = {
  participantId: uuid.optional().openapi({ description: "A participant acting for itself with its account" }),
  token: z.string().max(128).optional().openapi({ description: "A participant acting by its B2B link's token; omit both for lounge staff (session)" }),
};
const nonce = z.string().optional().openapi({ description: "22 characters [A-Za-z0-9_-]: a retry with the same nonce is recorded once and answered the same" });
const scanAnswer = z
  .object({
    result: z.enum(["arrived", "refuse"]),
    reason: z.enum(MEETING_SCAN_REASONS),
    message: z.string().openapi({ description: "The reason in the caller's language" }),
    nonce: z.string(),
    side: z.enum(["sme", "buyer"]).nullable(),
    started: z.boolean().openapi({ description: "Both sides have arrived" }),
  })
  .openapi("MeetingScanAnswer");
const outcomeEntry = z.object({
  id: uuid,
  stage: z.enum(["meeting", "d30", "m6"]),
  happened: z.boolean(),
  kind: z.string().nullable(),
  valueAmount: z.number().nullable(),
  currency: z.string().nullable(),
  timeline: z.string().nullable(),
  followUpConsent: z.boolean(),
  note: z.string(),
  at: z.string(),
});
const answerBody = z.strictObject({
  ...ref,
  link: z.string().max(128).optional().openapi({ description: "The token of the outcome email's link (no sign-in)" }),
  meetingId: uuid.optional().openapi({ description: "With participantId or token: which of its meetings" }),
  happened: z.union([z.boolean(), z.string()]),
  kind: z.string().optional().openapi({ description: `After the meeting: ${outcomeKinds.join(", ")}. At a follow-up: ${followUpStates.join(", ")}` }),
  valueAmount: z.union([z.number(), z.string()]).optional().openapi({ description: "Whole units of the currency" }),
  currency: z.string().optional().openapi({ description: currencies.join(", ") }),
  timeline: z.string().optional().openapi({ description: timelines.join(", ") }),
  followUpConsent: z.union([z.boolean(), z.string()]).optional(),
  note: z.string().max(1000).optional(),
});
const ctx = (c: { get(k: "req"): { ctx: import("../../platform/context").Ctx } }) => c.get("req").ctx;

export function meetdayApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "scanAtMeeting",
      path: "/meetings/{id}/scan",
      summary: "Check a side of a B2B meeting in by its badge",
      description:
        "Lounge staff (gate staff or organiser staff of the edition's organiser, session) or one of the meeting's two participants (`participantId` or `token`). A badge that is not one of the meeting's participants is refused with `not_in_meeting`; refusals are answers (200), not errors.",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject({ ...ref, code: z.string(), nonce, deviceId: z.string().max(64).optional() })) },
      responses: { 200: jsonResponse(scanAnswer, "Decided and recorded"), ...errorResponses, 404: errorResponse("`not_found` or `b2b_meeting_not_found`") },
    }),
    async (c) => c.json(await scanAtMeeting(ctx(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "meetingBothHere",
      path: "/meetings/{id}/both-here",
      summary: "Both sides of a B2B meeting are here",
      description: "Same callers as the scan. Idempotent. Audited (`meetday.both_here`).",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject({ ...ref, nonce, deviceId: z.string().max(64).optional() })) },
      responses: { 200: jsonResponse(scanAnswer, "Recorded"), ...errorResponses },
    }),
    async (c) => c.json(await bothHere(ctx(c), { ...c.req.valid("json"), meetingId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "uploadMeetingScans",
      path: "/editions/{id}/meeting-scans",
      summary: "Upload a lounge phone's offline meeting scans",
      description: "Lounge staff. Each item `{nonce, meetingId, code, at, deviceId, offline}` is decided again by the server; a nonce already recorded counts as a duplicate and records nothing. `offline` says whether the phone was offline when it scanned (stored with the scan; true when left out).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ scans: z.array(z.unknown()).max(500) })) },
      responses: {
        200: jsonResponse(
          z.object({ recorded: z.number().int(), duplicates: z.number().int(), invalid: z.array(z.object({ index: z.number().int(), issues: z.array(z.string()) })), answers: z.array(z.object({ nonce: z.string(), result: z.enum(["arrived", "refuse"]), reason: z.enum(MEETING_SCAN_REASONS), message: z.string() })) }),
          "Merged",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await uploadMeetingScans(ctx(c), { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getLoungeBoard",
      path: "/editions/{id}/lounge-board",
      summary: "The B2B lounge board: each table's current and next meeting, arrivals, late sides",
      tags,
      security: security.session,
      request: { params: idParams, query: z.object({ day: z.string().optional() }) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), "The board"), ...errorResponses },
    }),
    async (c) => c.json(await loungeBoard(ctx(c), { editionId: c.req.valid("param").id, ...(c.req.valid("query").day ? { day: c.req.valid("query").day } : {}) }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getMeetdaySettings",
      path: "/editions/{id}/meetday-settings",
      summary: "The no-show rule (organiser staff)",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ editionId: uuid, noShowMinutes: z.number().int().nullable(), noShowLimit: z.number().int().nullable() }), "Settings (null: off)"), ...errorResponses },
    }),
    async (c) => c.json(await meetdaySettingsOf(ctx(c), { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "setMeetdaySettings",
      path: "/editions/{id}/meetday-settings",
      summary: "Set the no-show rule: minutes after a meeting's start (1–120), and the repeat no-show limit (1–20, null: none)",
      description:
        "Organiser staff. Audited (`meetday.settings_set`). Switches on no-show marking and outcome emails for the edition. Without `noShowLimit` the limit stays as it was; with it, a participant that reaches the limit has its meetings on later days cancelled (their partners emailed).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ noShowMinutes: z.number().int(), noShowLimit: z.number().int().nullable().optional() })) },
      responses: { 200: jsonResponse(z.object({ editionId: uuid, noShowMinutes: z.number().int(), noShowLimit: z.number().int().nullable() }), "Set"), ...errorResponses },
    }),
    async (c) => c.json(await setMeetdaySettings(ctx(c), { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "markNoShowsNow",
      path: "/editions/{id}/no-shows/mark",
      summary: "Mark due no-shows now (the runner does it every minute)",
      description: "Organiser staff. Idempotent: a side is marked once.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ marked: z.number().int(), told: z.number().int(), limited: z.number().int() }), "Marked (limited: participants whose later days were cancelled)"), ...errorResponses },
    }),
    async (c) => {
      const editionId = c.req.valid("param").id;
      await meetdaySettingsOf(ctx(c), { editionId }); // authorises: organiser staff of this edition
      return c.json(await markNoShows(ctx(c), editionId), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getNoShowCounts",
      path: "/editions/{id}/no-shows",
      summary: "No-shows per participant, most first (organiser staff)",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.array(z.object({ participantId: uuid, side: z.enum(["sme", "buyer"]), name: z.string(), noShows: z.number().int() })), "Counts"), ...errorResponses },
    }),
    async (c) => c.json(await noShowCounts(ctx(c), { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "recordMeetingOutcome",
      path: "/meeting-outcomes",
      summary: "Answer the outcome form or a follow-up for one's own side of a meeting",
      description:
        "By the email link's token (`link`), or by account/B2B link with `meetingId`. Every answer is a new entry (nothing overwritten). A positive outcome schedules the 30-day and 6-month follow-ups. Field errors are `validation_failed` with translated messages.",
      tags,
      security: security.none,
      request: { body: jsonBody(answerBody) },
      responses: { 200: jsonResponse(z.object({ id: uuid, meetingId: uuid, side: z.enum(["sme", "buyer"]), stage: z.enum(["meeting", "d30", "m6"]), followUpsScheduled: z.boolean() }), "Recorded"), ...errorResponses, 409: errorResponse("`meetday_outcome_too_early`"), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await recordOutcome(ctx(c), c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getMyMeetingOutcome",
      path: "/meeting-outcomes/mine",
      summary: "One's own side's answers about one meeting (never the other side's)",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ ...ref, link: z.string().max(128).optional(), meetingId: uuid.optional() })) },
      responses: { 200: jsonResponse(z.object({ side: z.enum(["sme", "buyer"]), stage: z.enum(["meeting", "d30", "m6"]), history: z.array(outcomeEntry) }).passthrough(), "The form"), ...errorResponses, 410: errorResponse("`token_invalid`") },
    }),
    async (c) => {
      const b = c.req.valid("json");
      return c.json(await outcomeForm(ctx(c), b.link !== undefined ? { link: b.link } : { participantId: b.participantId, token: b.token, meetingId: b.meetingId ?? "" }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listMeetingOutcomes",
      path: "/editions/{id}/meeting-outcomes",
      summary: "Both sides' answers, side by side (organiser staff)",
      tags,
      security: security.session,
      request: { params: idParams, query: z.object({ limit: z.string().optional(), offset: z.string().optional() }) },
      responses: {
        200: jsonResponse(z.array(z.object({ meetingId: uuid, day: z.number().int(), start: z.string(), sme: z.object({ name: z.string(), answers: z.array(outcomeEntry) }), buyer: z.object({ name: z.string(), answers: z.array(outcomeEntry) }) })), "Meetings with answers"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await outcomesSideBySide(ctx(c), { editionId: c.req.valid("param").id, ...c.req.valid("query") }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOutcomeDashboard",
      path: "/editions/{id}/outcome-dashboard",
      summary: "Funnel, follow-ups and outcome figures by group (organiser staff)",
      description:
        "`published=true` hides counts under 5 and their complements (docs/outcomes.md). `kind=walk_up` (or `planned`) counts only walk-up meetings (or only those the schedule placed). `format=csv` or `format=xlsx` answers the figures as a file.",
      tags,
      security: security.session,
      request: { params: idParams, query: z.object({ published: z.string().optional(), kind: z.enum(["all", "planned", "walk_up"]).optional(), format: z.enum(["json", "csv", "xlsx"]).optional() }) },
      responses: {
        200: {
          description: "The dashboard",
          content: {
            "application/json": { schema: z.record(z.string(), z.unknown()) },
            "text/csv": { schema: z.string() },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const input = { editionId: c.req.valid("param").id, ...(q.published ? { published: q.published } : {}), ...(q.kind ? { kind: q.kind } : {}) };
      if (q.format === "xlsx")
        return c.body(new Uint8Array(await outcomeDashboardXlsx(ctx(c), input)), 200, {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": 'attachment; filename="meeting-outcomes.xlsx"',
          "cache-control": "no-store",
        });
      if (q.format === "csv") return c.body(await outcomeDashboardCsv(ctx(c), input), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="meeting-outcomes.csv"', "cache-control": "no-store" });
      return c.json(await outcomeDashboard(ctx(c), input), 200);
    },
  );
  const walkUp = z.object({ id: uuid, status: z.enum(["proposed", "confirmed", "declined", "withdrawn"]) }).passthrough();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getMyWalkUps",
      path: "/walk-ups/mine",
      summary: "A participant's walk-up meetings: proposals both ways, participants to propose to, and the free common times with one",
      description: "By account (`participantId`) or B2B link (`token`). `q` finds participants of the other side; `with` gives the times both are free with a place free (the scheduler's free slots).",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ ...ref, q: z.string().max(100).optional(), with: uuid.optional() })) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), "The walk-up page"), ...errorResponses, 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await walkUpPage(ctx(c), c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "proposeWalkUp",
      path: "/walk-ups",
      summary: "Propose a walk-up meeting to a participant of the other side, at a free common time",
      description: "During the event, once the schedule is published. Refusals: `meetday_walkup_closed`, `meetday_walkup_slot_taken`, `meetday_walkup_already_meeting`, `meetday_walkup_pending`, `meetday_walkup_cap`. Audited.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ ...ref, to: uuid, day: z.union([z.number().int(), z.string()]), start: z.string().max(5).openapi({ example: "11:20" }), message: z.string().max(300).optional() })) },
      responses: { 200: jsonResponse(walkUp, "Proposed"), ...errorResponses, 409: errorResponse("A refusal code above") },
    }),
    async (c) => c.json(await proposeWalkUp(ctx(c), c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "answerWalkUp",
      path: "/walk-ups/answer",
      summary: "Confirm or decline a walk-up meeting proposed to you",
      description:
        "By the email link's token (`link`), or by account/B2B link with `walkUpId`. Only the participant it was proposed to (`meetday_walkup_not_found` for anyone else). Confirming writes the meeting in both schedules; a time no longer free is `meetday_walkup_slot_taken`. Idempotent.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ ...ref, walkUpId: uuid.optional(), link: z.string().max(128).optional(), decision: z.enum(["confirm", "decline"]) })) },
      responses: { 200: jsonResponse(z.object({ id: uuid, status: z.string(), meetingId: uuid.nullable() }), "Answered"), ...errorResponses, 409: errorResponse("`meetday_walkup_slot_taken`, `meetday_walkup_decided`, `meetday_walkup_lapsed`"), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await answerWalkUp(ctx(c), c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "withdrawWalkUp",
      path: "/walk-ups/{id}/withdraw",
      summary: "Withdraw one's own waiting walk-up proposal",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject(ref)) },
      responses: { 200: jsonResponse(walkUp, "Withdrawn"), ...errorResponses },
    }),
    async (c) => c.json(await withdrawWalkUp(ctx(c), { ...c.req.valid("json"), walkUpId: c.req.valid("param").id }), 200),
  );
  return api;
}
