import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices, Ctx } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonResponse, security } from "../../platform/http/openapi";
import { breakdownNames, funnelMeasureNames } from "./client";
import { editionAnalytics } from "./operations/analytics";
import { tradeBodyFigures } from "./operations/trade-body";

// The analytics area's figures over the API (issue #15, item 8: "dashboards' figures"): the same
// operations as the pages, without the charts. Organiser staff (session) for an edition's figures;
// a trade body's representative (session) for its members' aggregates, small cells hidden.

const tags = ["analytics"];
const uuid = z.string().openapi({ format: "uuid" });
const counts = Object.fromEntries(funnelMeasureNames.map((m) => [m, z.number().int()])) as Record<(typeof funnelMeasureNames)[number], z.ZodNumber>;
const funnelRow = z.object({ group: z.string(), label: z.string(), ...counts }).openapi("AnalyticsFunnelRow");
const visitorRow = z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string(), registered: z.number().int(), approved: z.number().int(), attended: z.number().int() }).openapi("AnalyticsVisitorRow");
const editionRef = z.object({ id: uuid, nameEn: z.string(), nameUr: z.string(), startsOn: z.string() });
const compared = z.object({ group: z.string(), label: z.string(), values: z.array(z.number().int().nullable()).openapi({ description: "The older edition's figure, then the newer one's (null: no such group there)" }) });
const figures = z
  .object({
    edition: editionRef,
    by: z.enum(breakdownNames),
    funnel: z.array(funnelRow),
    funnelTotal: z.object(counts),
    visitors: z.array(visitorRow),
    comparison: z
      .object({ columns: z.array(editionRef), measure: z.enum(funnelMeasureNames), funnel: z.array(compared), visitors: z.array(compared) })
      .nullable(),
  })
  .openapi("EditionAnalytics");
const masked = z.object({ group: z.string(), label: z.string(), values: z.record(z.string(), z.number().int().nullable()) });
const ctx = (c: { get(k: "req"): { ctx: Ctx } }) => c.get("req").ctx;

export function analyticsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getEditionAnalytics",
      path: "/editions/{id}/analytics",
      summary: "An edition's figures: SMEs from nomination to meetings by a breakdown, visitors by category, another edition beside it",
      description: "Organiser staff of the edition (session). Counts only. `compare` names another edition of the organiser (default: the one before, else the one after); `measure` is the SME stage compared.",
      tags,
      security: security.session,
      request: {
        params: z.object({ id: uuid.openapi({ param: { name: "id", in: "path" } }) }),
        query: z.object({ by: z.enum(breakdownNames).optional(), compare: uuid.optional(), measure: z.enum(funnelMeasureNames).optional() }),
      },
      responses: { 200: jsonResponse(figures, "The figures"), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const d = await editionAnalytics(ctx(c), { editionId: c.req.valid("param").id, ...q });
      const cmp = d.comparison;
      return c.json(
        {
          edition: d.edition,
          by: d.by,
          funnel: d.funnel,
          funnelTotal: d.funnelTotal,
          visitors: d.visitors,
          comparison: cmp ? { columns: cmp.columns, measure: cmp.measure, funnel: cmp.funnel, visitors: cmp.visitors } : null,
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getTradeBodyFigures",
      path: "/trade-body/figures",
      summary: "A trade body's members in figures: its nominated firms of an edition, by a breakdown, small cells hidden",
      description: "A trade body's representative (session). A group of fewer than 5 firms is null, and a second where one alone would be hidden; with fewer than 5 firms in all, only `members`.",
      tags,
      security: security.session,
      request: { query: z.object({ editionId: uuid.optional(), by: z.enum(breakdownNames).optional() }) },
      responses: {
        200: jsonResponse(
          z.object({ edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }).nullable(), by: z.enum(breakdownNames), members: z.number().int(), rows: z.array(masked), total: z.object(counts).nullable(), readiness: z.object({ firms: z.number().int(), exportMedian: z.number().nullable(), investmentMedian: z.number().nullable() }).nullable() }).openapi("TradeBodyFigures"),
          "The figures",
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const d = await tradeBodyFigures(ctx(c), c.req.valid("query"));
      return c.json({ edition: d.edition, by: d.by, members: d.members, rows: d.rows, total: d.total, readiness: d.readiness }, 200);
    },
  );
  return api;
}
