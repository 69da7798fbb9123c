import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { enrolExhibitors, joinAsBuyer, sendAccessLink, withdrawParticipant } from "./operations/participants";
import { getMyProfile, updateMyProfile } from "./operations/profiles";
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
    allowRegulators: z.boolean().openapi({ description: "Registrations in the regulator category may opt into matchmaking (as development partners)" }),
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
    allowRegulators: z.boolean().optional().openapi({ description: "Regulators may opt in; false when absent" }),
    interpreters: z.record(z.string().max(3), z.number().int()),
    maxMeetingsPerDay: z.number().int(),
    maxRequestsSent: z.number().int(),
    requestDirection: z.enum(["buyer_to_sme", "sme_to_buyer", "both"]),
    requestExpiryDays: z.number().int(),
  })
  .openapi("B2bProgrammeInput", { description: "The whole programme at once." });

// Participants and profiles. A participant names itself by its id (signed in: its own account)
// or by its signed link's token, in the body (never in a URL, where logs would keep it).
const refBody = {
  participantId: uuid.optional().openapi({ description: "Signed in: the participant the account acts for" }),
  token: z.string().max(128).optional().openapi({ description: "Without an account: the token of the participant's B2B link" }),
};
const participantSchema = z
  .object({
    id: uuid,
    editionId: uuid,
    side: z.enum(["sme", "buyer"]),
    kind: z.enum(["sme", "buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"]),
    enterpriseId: uuid.nullable(),
    registrationId: uuid.nullable(),
    optedIn: z.boolean().openapi({ description: "Consent: visible to the other side only when true" }),
    locale: z.enum(["en", "ur"]),
    withdrawnAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("B2bParticipant");
const profileAnswer = z
  .object({
    participant: participantSchema,
    about: z.record(z.string(), z.unknown()).openapi({ description: "Who the participant is: the enterprise (women-led, size, cluster, district) or the registration" }),
    saved: z.boolean().openapi({ description: "false: never saved; an exhibitor's profile is pre-filled from the enterprise registry" }),
    profile: z.record(z.string(), z.unknown()),
    completeness: z.number().int().openapi({ description: "0–100: the share of what the kind is asked for that is filled in" }),
    missing: z.array(z.string()),
  })
  .openapi("B2bProfile");
const kindIn = z.enum(["buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"]);

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
  api.openapi(
    createRoute({
      method: "post",
      operationId: "enrolB2bExhibitors",
      path: "/editions/{id}/b2b-participants/exhibitors",
      summary: "Enrol the edition's selected exhibitors",
      description: "Organiser staff (`b2b.manage`). Every enterprise selected in the published selection becomes an exhibitor-side participant; idempotent. Audited (`b2b.exhibitors_enrolled`). `b2b_selection_unpublished` (409) before the selection is published.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: {
        200: jsonResponse(z.object({ enrolled: z.number().int(), already: z.number().int(), withoutEnterprise: z.number().int() }), "Enrolled"),
        ...errorResponses,
        409: errorResponse("`b2b_selection_unpublished`"),
      },
    }),
    async (c) => c.json(await enrolExhibitors(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "joinB2bAsBuyer",
      path: "/b2b/join",
      summary: "Join B2B matchmaking on the buyer side",
      description:
        "An approved registration in a trade category opts in with its kind: by the account it belongs to (`registrationId`) or by its manage link (`registrationToken`; the answer then carries the B2B link's token, shown once). Idempotent. Refusals (409): `b2b_matchmaking_off`, `b2b_window_closed`, `b2b_registration_not_approved`, `b2b_not_trade_category`, `b2b_regulators_not_allowed`, `b2b_kind_not_for_category`; an unknown link is `token_invalid` (410).",
      tags,
      security: security.none,
      request: {
        body: jsonBody(
          z.strictObject({ registrationId: uuid.optional(), registrationToken: z.string().max(128).optional(), kind: kindIn, locale: z.enum(["en", "ur"]).optional() }).openapi("B2bJoinInput"),
        ),
      },
      responses: {
        200: jsonResponse(z.object({ participant: participantSchema, created: z.boolean(), accessToken: z.string().optional() }), "Joined"),
        ...errorResponses,
        409: errorResponse("`b2b_matchmaking_off`, `b2b_window_closed`, `b2b_registration_not_approved`, `b2b_not_trade_category`, `b2b_regulators_not_allowed`, `b2b_kind_not_for_category`"),
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json(await joinAsBuyer(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "sendB2bAccessLink",
      path: "/b2b-participants/{id}/access-link",
      summary: "Email a participant a new B2B link",
      description: "Organiser staff (`b2b.manage`). The older link stops working; the token is only in the queued email. `sent: false` when there is no address. Audited (`b2b.access_link_issued`).",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ sent: z.boolean() }), "Queued or not"), ...errorResponses },
    }),
    async (c) => c.json(await sendAccessLink(c.get("req").ctx, { participantId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getMyB2bProfile",
      path: "/b2b/my-profile",
      summary: "The caller's own B2B profile",
      description: "By account (`participantId`) or B2B link (`token`). Pre-filled for an exhibitor that never saved it; with its completeness and what is missing. A POST so that a token never sits in a URL.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject(refBody).openapi("B2bParticipantRef")) },
      responses: { 200: jsonResponse(profileAnswer, "The profile"), ...errorResponses, 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await getMyProfile(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "updateMyB2bProfile",
      path: "/b2b/my-profile",
      summary: "Complete or change the caller's own B2B profile",
      description:
        "The fields of the participant's kind (others are `unrecognized_key`); `optedIn` gives or withdraws consent to be seen. Audited (`b2b.profile_updated`). Refusals (409): `b2b_matchmaking_off`, `b2b_window_closed`, `b2b_participant_withdrawn`.",
      tags,
      security: security.none,
      request: {
        body: jsonBody(
          z
            .strictObject({ ...refBody, optedIn: z.boolean().optional(), profile: z.record(z.string(), z.unknown()).openapi({ description: "Fields of the kind: offersEn/Ur, needsEn/Ur, languages, productsEn/Ur, hsCodes, …" }) })
            .openapi("B2bProfileInput"),
        ),
      },
      responses: {
        200: jsonResponse(profileAnswer, "Saved"),
        ...errorResponses,
        409: errorResponse("`b2b_matchmaking_off`, `b2b_window_closed`, `b2b_participant_withdrawn`"),
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json(await updateMyProfile(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "withdrawFromB2b",
      path: "/b2b/withdraw",
      summary: "Withdraw from B2B matchmaking",
      description: "By account or B2B link. Idempotent; audited once (`b2b.participant_withdrawn`).",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject(refBody)) },
      responses: { 200: jsonResponse(participantSchema, "Withdrawn"), ...errorResponses, 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await withdrawParticipant(c.get("req").ctx, c.req.valid("json")), 200),
  );
  return api;
}
