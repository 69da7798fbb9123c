import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { getAllocationRun, listAllocationRuns, startAllocation } from "./operations/allocation";
import { confirmAllocation } from "./operations/allocation-confirm";
import { discardAllocation, lockPlacement, moveExhibitor } from "./operations/allocation-edit";

// Stall allocation runs over the API (issue #12, item 7): what /back-office/editions/:id/floor/allocation
// does, over the same operations (organiser staff, `floor.allocate`). Every change is audited.

const tags = ["floor allocation"];
const uuid = z.string().openapi({ format: "uuid" });
const reason = z.object({ code: z.string().openapi({ description: "A reason code (docs/floor.md); texts are `floor.reason.<code>`" }), params: z.record(z.string(), z.union([z.string(), z.number()])) });
const summary = z
  .object({
    exhibitors: z.number().int(),
    placed: z.number().int(),
    unplaced: z.number().int(),
    ownAreaShare: z.number().openapi({ description: "Placed in their own pavilion or enclave, of all exhibitors (0–1)" }),
    contiguity: z.number().openapi({ description: "Per cluster or enclave, the share in its largest block of touching stalls (0–1)" }),
    preferencesMet: z.number().openapi({ description: "Power, access, corner and size requests met, of those made (0–1)" }),
    locked: z.number().int(),
  })
  .openapi("FloorAllocationSummary");
const run = z
  .object({
    id: uuid,
    editionId: uuid,
    status: z.enum(["draft", "confirmed", "discarded"]),
    summary,
    baseRunId: uuid.nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("FloorAllocationRun");
const placement = z
  .object({
    exhibitorId: uuid,
    nameEn: z.string(),
    nameUr: z.string().nullable(),
    stallId: uuid,
    stallNumber: z.string(),
    hallId: uuid,
    areaId: uuid.nullable(),
    seq: z.number().int(),
    locked: z.boolean(),
    inOwnArea: z.boolean(),
    reasons: z.array(reason),
  })
  .openapi("FloorAllocationPlacement");
const named = z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() });
const editionRef = z.object({ id: uuid, slug: z.string(), nameEn: z.string(), nameUr: z.string() });
const draftRefusal = "`floor_run_not_draft`";
const moveRefusals = "`floor_run_not_draft`, `floor_stall_blocked`, `floor_stall_held`, `floor_stall_taken`";
const placementParams = z.object({ id: uuid, exhibitorId: uuid });

export function floorAllocationApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "startFloorAllocation",
      path: "/editions/{id}/floor-allocations",
      summary: "Run the stall allocation: a new draft",
      description:
        "Organiser staff (`floor.allocate`). Runs the published rule on the plan and the selected exhibitors; keeps confirmed stalls, running holds and, with `baseRunId`, that run's locked placements. Any other draft of the edition is discarded. Audited. 409: `floor_nothing_to_allocate`.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ baseRunId: uuid.optional() }).openapi("FloorAllocationStart")) },
      responses: { 200: jsonResponse(z.object({ run }), "The draft"), ...errorResponses, 409: errorResponse("`floor_nothing_to_allocate`") },
    }),
    async (c) => c.json(await startAllocation(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listFloorAllocations",
      path: "/editions/{id}/floor-allocations",
      summary: "The edition's allocation runs, newest first",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ edition: editionRef, runs: z.array(run) }), "Runs"), ...errorResponses },
    }),
    async (c) => c.json(await listAllocationRuns(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFloorAllocation",
      path: "/floor-allocations/{id}",
      summary: "An allocation run: summary, placements (by hall along the aisles) with reasons, the unplaced, free stalls",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: {
        200: jsonResponse(
          z.object({
            run,
            edition: editionRef,
            halls: z.array(named.extend({ code: z.string() })),
            areas: z.array(named.extend({ hallId: uuid })),
            placements: z.array(placement),
            unplaced: z.array(z.object({ exhibitorId: uuid, nameEn: z.string(), nameUr: z.string().nullable(), reasons: z.array(reason) })),
            freeStalls: z.array(z.object({ id: uuid, number: z.string(), hallId: uuid, areaId: uuid.nullable() })),
          }),
          "The run",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json((await getAllocationRun(c.get("req").ctx, { runId: c.req.valid("param").id })) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "moveFloorAllocationExhibitor",
      path: "/floor-allocations/{id}/placements/{exhibitorId}",
      summary: "Move an exhibitor of a draft to another stall (by its number); the placement is locked",
      description: `Organiser staff. Checked: the stall exists, is not blocked, not held for or given to another exhibitor, not taken in this draft. What the stall lacks comes back as warnings (power, accessible, corner, size, not_own_area). Audited. 409: ${moveRefusals}.`,
      tags,
      security: security.session,
      request: { params: placementParams, body: jsonBody(z.strictObject({ stallNumber: z.string().max(40) }).openapi("FloorAllocationMove")) },
      responses: {
        200: jsonResponse(z.object({ stallNumber: z.string(), warnings: z.array(z.enum(["power", "accessible", "corner", "size", "not_own_area"])), summary }), "Moved"),
        ...errorResponses,
        409: errorResponse(moveRefusals),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await moveExhibitor(c.get("req").ctx, { runId: p.id, exhibitorId: p.exhibitorId, stallNumber: c.req.valid("json").stallNumber }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "lockFloorAllocationPlacement",
      path: "/floor-allocations/{id}/placements/{exhibitorId}/lock",
      summary: "Lock or unlock a placement of a draft (a re-run keeps locked ones)",
      tags,
      security: security.session,
      request: { params: placementParams, body: jsonBody(z.strictObject({ locked: z.boolean() }).openapi("FloorAllocationLock")) },
      responses: { 200: jsonResponse(z.object({ locked: z.boolean(), summary }), "Locked or not"), ...errorResponses, 409: errorResponse(draftRefusal) },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await lockPlacement(c.get("req").ctx, { runId: p.id, exhibitorId: p.exhibitorId, locked: c.req.valid("json").locked }), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "confirmFloorAllocation",
      path: "/floor-allocations/{id}/confirm",
      summary: "Confirm a draft: its stalls are written to the plan (confirmed, public) in one transaction; exhibitors with a new or changed stall are emailed",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: {
        200: jsonResponse(z.object({ confirmed: z.number().int(), changed: z.number().int(), unplaced: z.number().int(), notified: z.number().int() }), "Confirmed"),
        ...errorResponses,
        409: errorResponse("`floor_run_not_draft`, `floor_stall_taken`"),
      },
    }),
    async (c) => c.json(await confirmAllocation(c.get("req").ctx, { runId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "discardFloorAllocation",
      path: "/floor-allocations/{id}/discard",
      summary: "Discard a draft",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ status: z.literal("discarded") }), "Discarded"), ...errorResponses, 409: errorResponse(draftRefusal) },
    }),
    async (c) => c.json(await discardAllocation(c.get("req").ctx, { runId: c.req.valid("param").id }), 200),
  );
  return api;
}
