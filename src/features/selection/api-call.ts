import { createRoute, z } from "@hono/zod-openapi";
import type { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { criterionInput, getCallForStaff, PreferenceRule, publishCall, saveCall, type CallRow } from "#features/nominations";

// The nomination call as JSON (organiser staff): read it with its clusters,
// sectors and quotas, save it (window, criteria, targets per cluster and per
// sector, stalls, quotas, rule), publish it. Same operations as the call page.

const editionParams = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const places = z.number().int().min(0);
const anyObject = (name: string, description: string) => z.object({}).catchall(z.unknown()).openapi(name, { description });

const call = z
  .object({
    editionId: z.uuid(),
    opensAt: z.string(),
    closesAt: z.string(),
    criteria: z.array(anyObject("CallCriterion", "id, weight, nameEn, nameUr, guidanceEn[5], guidanceUr[5]")),
    clusterTargets: z.array(z.object({ clusterId: z.uuid(), places })),
    sectorTargets: z.array(z.object({ sectorId: z.uuid(), places })).openapi({ description: "Places per sector: a cap on all the sector's clusters together" }),
    totalStalls: z.number().int(),
    rule: anyObject("PreferenceRule", "bonus, reservedShare, minimumScore, waitlistPerCluster"),
    reviewsPerApplication: z.number().int(),
    appealDays: z.number().int(),
    publishedAt: z.string().nullable(),
  })
  .openapi("NominationCall");

const callBody = z
  .strictObject({
    opensAt: z.string().max(40).openapi({ example: "2026-09-01T09:00:00+05:00" }),
    closesAt: z.string().max(40),
    // The operation's own schemas, so the body is typed as the operation's input (and documented as it checks it).
    criteria: z.array(criterionInput).max(8),
    clusterTargets: z.array(z.object({ clusterId: z.uuid(), places })).max(1000).optional(),
    sectorTargets: z.array(z.object({ sectorId: z.uuid(), places })).max(200).optional().openapi({ description: "Places per sector; clusters of a sector without their own target share them" }),
    totalStalls: places,
    quotas: z.array(z.object({ tradeBodyId: z.uuid(), quota: places })).max(1000).optional(),
    rule: PreferenceRule, // fixed once the call is published
    reviewsPerApplication: z.number().int().optional(),
    appealDays: z.number().int().optional(),
  })
  .openapi("NominationCallInput");

const out = (c: CallRow) => ({
  editionId: c.editionId,
  opensAt: c.opensAt.toISOString(),
  closesAt: c.closesAt.toISOString(),
  criteria: c.criteria as unknown as Record<string, unknown>[],
  clusterTargets: c.clusterTargets,
  sectorTargets: c.sectorTargets,
  totalStalls: c.totalStalls,
  rule: c.rule,
  reviewsPerApplication: c.reviewsPerApplication,
  appealDays: c.appealDays,
  publishedAt: c.publishedAt?.toISOString() ?? null,
});

export function mountCall(api: ReturnType<typeof apiRouter>, tags: string[]) {
  const conflict = { 409: jsonResponse(z.object({ code: z.string() }), "The preference rule of a published call cannot change (`conflict`)") };
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getCall",
      path: "/editions/{id}/call",
      summary: "The edition's nomination call, or the defaults when none is saved (organiser)",
      tags,
      security: security.session,
      request: { params: editionParams },
      responses: { 200: jsonResponse(z.object({ call, saved: z.boolean() }), "The call"), ...errorResponses },
    }),
    async (c) => {
      const page = await getCallForStaff(c.get("req").ctx, { editionId: c.req.valid("param").id });
      return c.json({ call: out(page.call), saved: page.saved }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "saveCall",
      path: "/editions/{id}/call",
      summary: "Save the nomination call: window, criteria, targets per cluster and per sector, stalls, quotas, rule (organiser)",
      tags,
      security: security.session,
      request: { params: editionParams, body: jsonBody(callBody) },
      responses: { 200: jsonResponse(call, "Saved"), ...errorResponses, ...conflict },
    }),
    async (c) => c.json(out(await saveCall(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id })), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "publishCall",
      path: "/editions/{id}/call/publish",
      summary: "Publish the call: its preference rule is public and fixed from now on (organiser)",
      tags,
      security: security.session,
      request: { params: editionParams },
      responses: { 200: jsonResponse(call, "Published"), ...errorResponses },
    }),
    async (c) => c.json(out(await publishCall(c.get("req").ctx, { editionId: c.req.valid("param").id })), 200),
  );
}
