import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { editRequest, listMyRequests, requestByAnswerToken, respondToRequest, sendRequest, withdrawRequest } from "./operations/requests";
import { bulkAcceptForDelegation, createMeetingDirect, requestStats } from "./operations/requests-organiser";

// Meeting requests over the API (issue #11, item 4): the same operations as the pages. A
// participant names itself in the BODY by its id (signed in) or its B2B link's token; the emailed
// answer token travels in the body too, never in a URL (where logs would keep it).

const tags = ["b2b matchmaking"];
const uuid = z.string().openapi({ format: "uuid" });
const refBody = {
  participantId: uuid.optional().openapi({ description: "Signed in: the participant the account acts for" }),
  token: z.string().max(128).optional().openapi({ description: "Without an account: the token of the participant's B2B link" }),
};
const priority = z.enum(["must", "would_like"]).openapi({ description: "Must meet, or would like to meet" });
const requestSchema = z
  .object({
    id: uuid,
    editionId: uuid,
    smeParticipantId: uuid,
    buyerParticipantId: uuid,
    requestedBy: z.enum(["sme", "buyer"]),
    message: z.string(),
    priority,
    preferredDays: z.array(z.number().int()),
    status: z.enum(["pending", "accepted", "declined", "withdrawn", "expired"]),
    declineReason: z.string().nullable(),
    expiresAt: z.string().nullable().openapi({ format: "date-time" }),
    decidedAt: z.string().nullable().openapi({ format: "date-time" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("B2bRequest");
const summarySchema = z
  .object({
    id: uuid,
    side: z.enum(["sme", "buyer"]),
    kind: z.string(),
    nameEn: z.string(),
    nameUr: z.string().nullable(),
    organisation: z.string().nullable(),
    cluster: z.string().nullable(),
  })
  .openapi("B2bPublicSummary", { description: "What the other side may see of a participant: never contact details" });
const listedSchema = requestSchema
  .extend({
    other: summarySchema,
    contact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable().openapi({ description: "Only for an accepted request" }),
  })
  .openapi("B2bMyRequest");
const refusals409 = "`b2b_matchmaking_off`, `b2b_window_closed`, `b2b_participant_withdrawn`, `b2b_same_side`, `b2b_direction_not_allowed`, `b2b_request_cap`, `b2b_request_duplicate`, `b2b_request_decided`, `b2b_request_expired`";

export function b2bRequestsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "sendB2bRequest",
      path: "/b2b/requests",
      summary: "Ask a participant of the other side for a meeting",
      description:
        "By account or B2B link. A short message (≤ 500), a priority, optional preferred days. The recipient is emailed a link to answer without signing in. Refusals: `b2b_no_such_participant` (404: missing, hidden, withdrawn or of another edition alike), and (409) " +
        refusals409 +
        ". Audited (`b2b.request_sent`).",
      tags,
      security: security.none,
      request: {
        body: jsonBody(
          z
            .strictObject({ ...refBody, to: uuid, message: z.string().max(500).optional(), priority: priority.optional(), preferredDays: z.array(z.number().int()).max(16).optional() })
            .openapi("B2bRequestInput"),
        ),
      },
      responses: { 200: jsonResponse(requestSchema, "Sent"), ...errorResponses, 409: errorResponse(refusals409), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await sendRequest(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "respondToB2bRequest",
      path: "/b2b/requests/respond",
      summary: "Accept or decline a meeting request",
      description:
        "The recipient only: by account or B2B link with `requestId`, or by the emailed `answerToken` alone. Idempotent (the same answer again returns the request unchanged); the other answer is `b2b_request_decided`, a late one `b2b_request_expired`. The sender is emailed. Audited.",
      tags,
      security: security.none,
      request: {
        body: jsonBody(
          z
            .strictObject({
              ...refBody,
              requestId: uuid.optional(),
              answerToken: z.string().max(128).optional().openapi({ description: "The token of the emailed answer link" }),
              decision: z.enum(["accept", "decline"]),
              reason: z.string().max(500).optional(),
            })
            .openapi("B2bRespondInput"),
        ),
      },
      responses: { 200: jsonResponse(requestSchema, "Answered"), ...errorResponses, 409: errorResponse(refusals409), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await respondToRequest(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getB2bRequestByAnswerToken",
      path: "/b2b/requests/by-answer-token",
      summary: "The request an emailed answer link stands for",
      description: "Without signing in: the request and the public summaries of its two participants.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ answerToken: z.string().max(128) })) },
      responses: {
        200: jsonResponse(z.object({ request: requestSchema, from: summarySchema, to: summarySchema }), "The request"),
        ...errorResponses,
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json(await requestByAnswerToken(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "patch",
      operationId: "editB2bRequest",
      path: "/b2b/requests/{id}",
      summary: "Change a pending request's message, priority or preferred days",
      description: "The sender only, while pending and the window open. Audited (`b2b.request_edited`).",
      tags,
      security: security.none,
      request: {
        params: idParams,
        body: jsonBody(z.strictObject({ ...refBody, message: z.string().max(500).optional(), priority: priority.optional(), preferredDays: z.array(z.number().int()).max(16).optional() })),
      },
      responses: { 200: jsonResponse(requestSchema, "Changed"), ...errorResponses, 409: errorResponse(refusals409), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await editRequest(c.get("req").ctx, { ...c.req.valid("json"), requestId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "withdrawB2bRequest",
      path: "/b2b/requests/{id}/withdraw",
      summary: "Withdraw a pending request",
      description: "The sender only. Idempotent; audited once (`b2b.request_withdrawn`).",
      tags,
      security: security.none,
      request: { params: idParams, body: jsonBody(z.strictObject(refBody)) },
      responses: { 200: jsonResponse(requestSchema, "Withdrawn"), ...errorResponses, 409: errorResponse(refusals409), 410: errorResponse("`token_invalid`") },
    }),
    async (c) => c.json(await withdrawRequest(c.get("req").ctx, { ...c.req.valid("json"), requestId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "listMyB2bRequests",
      path: "/b2b/my-requests",
      summary: "The caller's own meeting requests, incoming and outgoing",
      description: "By account or B2B link (a POST so a token never sits in a URL). The other party's contact details only for accepted requests.",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject(refBody)) },
      responses: {
        200: jsonResponse(
          z.object({
            participant: z.object({ id: uuid, side: z.enum(["sme", "buyer"]), kind: z.string(), editionId: uuid, withdrawnAt: z.string().nullable() }),
            incoming: z.array(listedSchema),
            outgoing: z.array(listedSchema),
          }),
          "The requests",
        ),
        ...errorResponses,
        410: errorResponse("`token_invalid`"),
      },
    }),
    async (c) => c.json(await listMyRequests(c.get("req").ctx, c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "createB2bMeetingDirect",
      path: "/editions/{id}/b2b-requests/direct",
      summary: "Join an exhibitor and a buyer with an accepted request (hosted buyers)",
      description: "Organiser staff (`b2b.manage`). Idempotent for an accepted pair; a declined pair is `b2b_request_decided`. Audited (`b2b.request_created_direct`).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ smeParticipantId: uuid, buyerParticipantId: uuid, message: z.string().max(500).optional() })) },
      responses: { 200: jsonResponse(z.object({ request: requestSchema, created: z.boolean() }), "Accepted"), ...errorResponses, 409: errorResponse("`b2b_request_decided`") },
    }),
    async (c) => c.json(await createMeetingDirect(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "bulkAcceptB2bDelegation",
      path: "/editions/{id}/b2b-requests/bulk-accept",
      summary: "Accept a delegation's pending requests on its leader's behalf",
      description: "Organiser staff (`b2b.manage`). Every pending, unexpired request addressed to the leader or a member of its delegation. Audited with the counts (`b2b.requests_bulk_accepted`).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ leaderParticipantId: uuid })) },
      responses: { 200: jsonResponse(z.object({ accepted: z.number().int(), members: z.number().int() }), "Accepted"), ...errorResponses },
    }),
    async (c) => c.json(await bulkAcceptForDelegation(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getB2bRequestStats",
      path: "/editions/{id}/b2b-requests/stats",
      summary: "The edition's meeting requests counted per status and priority",
      description: "Organiser staff (`b2b.manage`). A pending request past its expiry counts as expired.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: {
        200: jsonResponse(
          z.object({ editionId: uuid, total: z.number().int(), byStatus: z.record(z.string(), z.number().int()), byPriority: z.object({ must: z.number().int(), would_like: z.number().int() }) }),
          "The counts",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await requestStats(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  return api;
}
