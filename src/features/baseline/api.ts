import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { ownBaseline, saveSection } from "./operations/answer";
import { surveyForOrganiser } from "./operations/builder";
import { baselineDashboard, breakdowns } from "./operations/dashboard";
import { ownScores } from "./operations/scores";

// The baseline over the API (issue #15, item 5), over the same operations as the pages: the
// exhibitor's own survey, answers and scores (its session; the enterprise is never named), the
// organiser's survey and the dashboard's figures (small cells suppressed).

const tags = ["baseline"];
const editionQuery = z.object({ editionId: z.uuid().optional() });
const editionParam = z.uuid().openapi({ param: { name: "editionId", in: "path" } });
const cell = z.number().nullable();
const groupRow = z
  .object({ group: z.string(), suppressed: z.boolean(), firms: cell, exportMedian: cell, investmentMedian: cell, exportingShare: cell, websiteShare: cell })
  .openapi("BaselineGroupRow");
const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable();
const contribution = z.object({ code: z.string(), dimension: z.string(), points: z.number(), gain: z.number() });
const score = z
  .object({
    kind: z.enum(["export", "investment"]),
    score: z.number().int().min(0).max(100),
    band: z.enum(["emerging", "developing", "ready", "advanced"]),
    dimensions: z.array(z.object({ key: z.string(), weight: z.number(), value: z.number(), points: z.number() })),
    drivers: z.array(contribution),
    raise: z.array(contribution),
    medians: z.object({ cluster: cell, size: cell }).openapi({ description: "Medians of the firm's cluster and size class; null for a group of fewer than 5 firms" }),
  })
  .openapi("BaselineScore");
const std = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };

export function baselineApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOwnBaseline",
      path: "/baseline/own",
      summary: "The signed-in exhibitor's baseline survey: sections, questions (with their indicator codes), its answers or suggestions, which sections are saved",
      tags,
      security: security.session,
      request: { query: editionQuery },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("OwnBaseline"), "The survey and the firm's answers"), ...std },
    }),
    async (c) => c.json((await ownBaseline(c.get("req").ctx, c.req.valid("query").editionId)) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "saveOwnBaselineSection",
      path: "/baseline/own/sections/{section}",
      summary: "Save one section's answers (idempotent; other sections are untouched). Refused answers come back as field errors named by indicator code",
      tags,
      security: security.session,
      request: {
        params: z.object({ section: z.string().max(40).openapi({ param: { name: "section", in: "path" }, example: "markets" }) }),
        body: jsonBody(z.object({ editionId: z.uuid().optional(), answers: z.record(z.string().max(80), answerValue).openapi({ example: { "markets.exports": "yes", "markets.export_share": 30 } }) })),
      },
      responses: { 200: jsonResponse(z.object({ responseId: z.string(), section: z.string(), next: z.string().nullable(), submitted: z.boolean() }), "Saved"), ...std, ...conflictResponse },
    }),
    async (c) => c.json(await saveSection(c.get("req").ctx, { ...c.req.valid("json"), section: c.req.valid("param").section }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOwnBaselineScores",
      path: "/baseline/own/scores",
      summary: "The signed-in exhibitor's export and investment readiness scores, drivers, what would raise them and its groups' medians (null until its answers are complete)",
      tags,
      security: security.session,
      request: { query: editionQuery },
      responses: { 200: jsonResponse(z.object({ edition: z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameUr: z.string() }), scores: z.array(score).nullable() }), "The scores"), ...std },
    }),
    async (c) => {
      const r = await ownScores(c.get("req").ctx, c.req.valid("query").editionId);
      return c.json({ edition: r.edition, scores: r.scores } as never, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getBaselineSurvey",
      path: "/editions/{editionId}/baseline/survey",
      summary: "The edition's baseline survey for its organiser: sections and current questions with version and answer counts",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("BaselineSurvey"), "The survey (null when none)"), ...std },
    }),
    async (c) => {
      const r = await surveyForOrganiser(c.get("req").ctx, c.req.valid("param").editionId);
      return c.json({ survey: r.survey, sections: r.sections } as never, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getBaselineFigures",
      path: "/editions/{editionId}/baseline/figures",
      summary: "The dashboard's figures: response progress and, by cluster, province, size class or women-led, firms, median scores and shares (groups under 5 firms suppressed)",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }), query: z.object({ by: z.enum(breakdowns).optional() }) },
      responses: {
        200: jsonResponse(
          z.object({
            by: z.enum(breakdowns),
            progress: z.object({ exhibitors: z.number().int(), submitted: z.number().int(), drafts: z.number().int(), notStarted: z.number().int() }),
            total: groupRow,
            rows: z.array(groupRow.extend({ label: z.object({ en: z.string(), ur: z.string() }) })),
          }),
          "The figures",
        ),
        ...std,
      },
    }),
    async (c) => {
      const r = await baselineDashboard(c.get("req").ctx, { editionId: c.req.valid("param").editionId, by: c.req.valid("query").by });
      return c.json({ by: r.by, progress: r.progress, total: r.total, rows: r.rows } as never, 200);
    },
  );
  return api;
}
