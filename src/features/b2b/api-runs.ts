import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { compareRuns, movePlacement, pinPlacement, removePlacement } from "./operations/runs-edit";
import { publishRun } from "./operations/runs-publish";
import { BUDGET_SECONDS, getRun, listRuns, runModes, startRun } from "./operations/runs";

// B2B scheduling runs over the API: what /back-office/editions/:id/b2b/runs does, over the same
// operations (organiser staff, `b2b.manage`). Starting, changing a draft and publishing are audited.

const tags = ["b2b matchmaking"];
const uuid = z.string().openapi({ format: "uuid" });
const reasonText =
  "`no_common_slot`, `participant_full`, `no_table`, `no_interpreter`, `precedence` (the engine's), `removed` (by the organiser)";
const summarySchema = z
  .object({
    requests: z.number().int().openapi({ description: "Accepted requests between live participants" }),
    placed: z.number().int(),
    unplaced: z.array(z.object({ requestId: uuid, reason: z.string().openapi({ description: reasonText }) })),
    unplacedByReason: z.record(z.string(), z.number().int()),
    noMeeting: z.array(uuid).openapi({ description: "Participants with an accepted request and no meeting" }),
    perParticipant: z.object({ min: z.number(), median: z.number(), max: z.number() }),
    slots: z.array(
      z.object({
        day: z.number().int(),
        start: z.number().int().openapi({ description: "Minutes since local midnight" }),
        meetings: z.number().int(),
        tablesUsed: z.number().int(),
        tables: z.number().int(),
        stall: z.number().int(),
        interpreters: z.record(z.string(), z.array(z.number().int())).openapi({ description: "language → [used, available]" }),
      }),
    ),
    noCommonLanguage: z.number().int(),
    weight: z.number().openapi({ description: "must meet = 2, would like = 1, summed over placed requests" }),
    bound: z.number().nullable().openapi({ description: "Upper bound on the weight of any schedule of this run (LP relaxation)" }),
    ratio: z.number().nullable().openapi({ description: "weight / bound in %, ≤ 100" }),
  })
  .openapi("B2bRunSummary");
const runSchema = z
  .object({
    id: uuid,
    editionId: uuid,
    status: z.enum(["queued", "running", "done", "failed"]),
    progress: z.string().nullable().openapi({ description: "While running: load, compile, construct, improve, cover, compact, output, bound (best runs), write" }),
    error: z.string().nullable(),
    weight: z.number().nullable(),
    upperBound: z.number().nullable(),
    mode: z.enum(runModes),
    budgetSeconds: z.number().int().nullable(),
    boundKind: z.enum(["lp", "time_indexed"]).nullable().openapi({ description: "Which bound `upperBound` is: the LP relaxation, or (best runs) the tighter time-indexed LP relaxation" }),
    summary: summarySchema.nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    baseRunId: uuid.nullable(),
    claimedBy: z.string().nullable().openapi({ description: "The app process that ran it (host:pid)" }),
    heartbeatAt: z.string().nullable().openapi({ description: "The running process's last heartbeat; a running run silent for 60 s is taken over by another process" }),
  })
  .openapi("B2bRun");
const placementSchema = z
  .object({
    requestId: uuid,
    smeId: uuid,
    smeName: z.string(),
    buyerId: uuid,
    buyerName: z.string(),
    day: z.number().int(),
    startMinute: z.number().int(),
    place: z.enum(["table", "stall"]),
    tableNo: z.number().int().nullable(),
    interpreterLanguage: z.string().nullable(),
    pinned: z.boolean(),
  })
  .openapi("B2bRunPlacement");
const moveRefusals = "`b2b_no_such_slot`, `b2b_double_booked`, `b2b_table_taken`, `b2b_no_such_table`, `b2b_interpreter_full`, `b2b_run_not_done`, `b2b_run_published`";
const runParams = z.object({ id: uuid, requestId: uuid });
const summaryAnswer = z.object({ summary: summarySchema.optional() });

export function b2bRunsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "startB2bRun",
      path: "/editions/{id}/b2b-runs",
      summary: "Start a scheduling run",
      description:
        "Organiser staff (`b2b.manage`). Queues a run of every accepted request; a runner of any app process picks it up (never two). Published and pinned meetings stay where they are; `baseRunId` also keeps that run's pinned placements. Audited (`b2b.run_started`). 409: `b2b_run_in_progress`, `b2b_matchmaking_off`.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(
          z
            .strictObject({
              baseRunId: uuid.optional(),
              mode: z.enum(runModes).optional().openapi({ description: "`fast` (default): about a second, reproducible. `best`: searches up to `budgetSeconds` and proves a tighter bound (docs/matchmaking.md)" }),
              budgetSeconds: z.number().int().min(BUDGET_SECONDS.min).max(BUDGET_SECONDS.max).optional().openapi({ description: "`best` only: the search's time budget in seconds (default 30)" }),
            })
            .openapi("B2bRunStart"),
        ) },
      responses: { 200: jsonResponse(z.object({ run: runSchema }), "Queued"), ...errorResponses, 409: errorResponse("`b2b_run_in_progress`, `b2b_matchmaking_off`") },
    }),
    async (c) => c.json(await startRun(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listB2bRuns",
      path: "/editions/{id}/b2b-runs",
      summary: "The edition's scheduling runs",
      description: "Organiser staff. Newest first, at most 50.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }), runs: z.array(runSchema) }), "Runs"), ...errorResponses },
    }),
    async (c) => c.json(await listRuns(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getB2bRun",
      path: "/b2b-runs/{id}",
      summary: "A scheduling run: status, progress, summary and placements",
      description: "Organiser staff. `placements` once the run is done.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: {
        200: jsonResponse(z.object({ run: runSchema, edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }), placements: z.array(placementSchema).optional() }), "The run"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getRun(c.get("req").ctx, { runId: c.req.valid("param").id, placements: true }), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "moveB2bRunPlacement",
      path: "/b2b-runs/{id}/placements/{requestId}",
      summary: "Move a meeting of a draft run",
      description: `Organiser staff. To another slot (day, HH:MM) and table (null: the exhibitor's stall). Checked: the slot exists, neither participant nor the table is taken, an interpreter is free. Audited. 409: ${moveRefusals}.`,
      tags,
      security: security.session,
      request: { params: runParams, body: jsonBody(z.strictObject({ day: z.number().int(), start: z.string().max(5), table: z.number().int().nullable() }).openapi("B2bRunMove")) },
      responses: { 200: jsonResponse(summaryAnswer.extend({ moved: z.boolean() }), "Moved"), ...errorResponses, 409: errorResponse(moveRefusals) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await movePlacement(c.get("req").ctx, { ...c.req.valid("json"), runId: p.id, requestId: p.requestId }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "pinB2bRunPlacement",
      path: "/b2b-runs/{id}/placements/{requestId}/pin",
      summary: "Pin or unpin a meeting of a draft run",
      description: "Organiser staff. A re-run from this run keeps a pinned meeting where it is; publishing pins the meeting. Audited.",
      tags,
      security: security.session,
      request: { params: runParams, body: jsonBody(z.strictObject({ pinned: z.boolean() }).openapi("B2bRunPin")) },
      responses: { 200: jsonResponse(z.object({ pinned: z.boolean() }), "Pinned or not"), ...errorResponses, 409: errorResponse("`b2b_run_not_done`, `b2b_run_published`") },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await pinPlacement(c.get("req").ctx, { ...c.req.valid("json"), runId: p.id, requestId: p.requestId }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      operationId: "removeB2bRunPlacement",
      path: "/b2b-runs/{id}/placements/{requestId}",
      summary: "Remove a meeting from a draft run",
      description: "Organiser staff. The request stays accepted; publishing gives it no meeting. Audited.",
      tags,
      security: security.session,
      request: { params: runParams },
      responses: { 200: jsonResponse(summaryAnswer.extend({ removed: z.boolean() }), "Removed"), ...errorResponses, 409: errorResponse("`b2b_run_not_done`, `b2b_run_published`") },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await removePlacement(c.get("req").ctx, { runId: p.id, requestId: p.requestId }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "compareB2bRuns",
      path: "/b2b-runs/{id}/compare/{other}",
      summary: "Compare two runs of an edition",
      description: "Organiser staff. Their figures and the requests placed differently.",
      tags,
      security: security.session,
      request: { params: z.object({ id: uuid, other: uuid }) },
      responses: {
        200: jsonResponse(
          z.object({
            a: z.record(z.string(), z.unknown()),
            b: z.record(z.string(), z.unknown()),
            onlyInA: z.array(uuid),
            onlyInB: z.array(uuid),
            moved: z.array(z.object({ requestId: uuid, a: z.record(z.string(), z.unknown()), b: z.record(z.string(), z.unknown()) })),
            same: z.number().int(),
          }),
          "The comparison",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await compareRuns(c.get("req").ctx, { a: c.req.valid("param").id, b: c.req.valid("param").other }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "publishB2bRun",
      path: "/b2b-runs/{id}/publish",
      summary: "Publish a run",
      description:
        "Organiser staff. In one transaction: meetings written from the placements (a meeting keeps its uid; a changed one gets sequence + 1; one the run drops is cancelled), one email per affected participant in its language. Publishing again changes nothing. Audited (`b2b.run_published`). 409: `b2b_run_not_done`, or the database's refusals (`b2b_double_booked`, `b2b_table_taken`, `b2b_interpreter_full`).",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: {
        200: jsonResponse(z.object({ added: z.number().int(), moved: z.number().int(), cancelled: z.number().int(), unchanged: z.number().int(), notified: z.number().int() }), "Published"),
        ...errorResponses,
        409: errorResponse("`b2b_run_not_done`, `b2b_double_booked`, `b2b_table_taken`, `b2b_interpreter_full`"),
      },
    }),
    async (c) => c.json(await publishRun(c.get("req").ctx, { runId: c.req.valid("param").id }), 200),
  );
  return api;
}
