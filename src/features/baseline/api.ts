import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { ownBaseline, saveSection } from "./operations/answer";
import { surveyForOrganiser } from "./operations/builder";
import { baselineDashboard, breakdowns } from "./operations/dashboard";
import { dashboardExport, exportTables } from "./operations/exports";
import { baselineOpenData } from "./operations/open-data";
import { baselineReport } from "./operations/report";
import { setFollowUp } from "./operations/follow-up";
import { enterpriseRecord, ownRecord } from "./operations/record";
import { ownScores } from "./operations/scores";
import { rounds } from "./tables";
import { baselineApplicantsApi } from "./api-applicants";

// The baseline over the API (issue #15, item 5), over the same operations as the pages: the
// exhibitor's own survey, answers and scores (its session; the enterprise is never named), the
// organiser's survey, the dashboard's figures and charts with the comparison between editions, each
// dashboard table as CSV or XLSX (small cells suppressed), and the public open data of an edition.

const tags = ["baseline"];
const editionQuery = z.object({ editionId: z.uuid().optional() });
const roundField = z.enum(rounds).optional().openapi({ description: "The round: the baseline (default) or the 6-month follow-up (while it is open)" });
const editionParam = z.uuid().openapi({ param: { name: "editionId", in: "path" } });
const cell = z.number().nullable();
const groupRow = z
  .object({ group: z.string(), suppressed: z.boolean(), firms: cell, exportMedian: cell, investmentMedian: cell, exportingShare: cell, websiteShare: cell })
  .openapi("BaselineGroupRow");
const openRow = groupRow.extend({ nameEn: z.string(), nameUr: z.string() }).openapi("BaselineOpenRow");
const figuresQuery = z.object({
  by: z.enum(breakdowns).optional(),
  compare: z.uuid().optional().openapi({ description: "The edition to compare with (default: the one before, else the one after)" }),
  indicator: z.string().max(80).optional().openapi({ description: "The indicator code to compare (default: score.export)", example: "markets.exports" }),
});
const compareCell = z.object({ edition: z.string(), firms: cell, value: cell, suppressed: z.boolean() });
const comparison = z
  .object({
    choices: z.array(z.object({ id: z.string(), nameEn: z.string(), nameUr: z.string() })),
    other: z.object({ id: z.string(), nameEn: z.string(), nameUr: z.string() }).nullable(),
    columns: z.array(z.object({ id: z.string(), key: z.string(), nameEn: z.string(), nameUr: z.string() })).optional(),
    indicators: z.array(z.object({ code: z.string(), label: z.string(), measure: z.enum(["share", "median"]) })).optional(),
    indicator: z.object({ code: z.string(), label: z.string(), measure: z.enum(["share", "median"]) }).optional(),
    rows: z.array(z.object({ group: z.string(), name: z.string(), cells: z.array(compareCell) })).optional(),
    total: z.object({ group: z.string(), name: z.string(), cells: z.array(compareCell) }).optional(),
    chart: z.string().optional(),
    summary: z.array(z.object({ code: z.string(), label: z.string(), measure: z.enum(["share", "median"]), cells: z.array(compareCell) })).optional(),
  })
  .openapi("BaselineComparison", { description: "The same indicator code in this edition and another, by group; absent fields when no other edition has a survey" });
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
      request: { query: editionQuery.extend({ round: roundField }) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("OwnBaseline"), "The survey and the firm's answers"), ...std, ...conflictResponse },
    }),
    async (c) => c.json((await ownBaseline(c.get("req").ctx, c.req.valid("query").editionId, c.req.valid("query").round)) as never, 200),
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
        body: jsonBody(z.object({ editionId: z.uuid().optional(), round: roundField, answers: z.record(z.string().max(80), answerValue).openapi({ example: { "markets.exports": "yes", "markets.export_share": 30 } }) })),
      },
      responses: { 200: jsonResponse(z.object({ responseId: z.string(), section: z.string(), round: z.enum(rounds), next: z.string().nullable(), submitted: z.boolean() }), "Saved"), ...std, ...conflictResponse },
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
      summary:
        "The dashboard's figures: response progress and, by cluster, province, size class, women-led or micro, firms, median scores and shares (small cells suppressed as in the transparency report), the same as SVG charts, and the comparison of one indicator code with another edition",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }), query: figuresQuery },
      responses: {
        200: jsonResponse(
          z.object({
            by: z.enum(breakdowns),
            progress: z.object({ exhibitors: z.number().int(), submitted: z.number().int(), drafts: z.number().int(), notStarted: z.number().int() }),
            total: groupRow,
            rows: z.array(groupRow.extend({ name: z.string().openapi({ description: "The group's name in the request's language" }) })),
            charts: z.object({ scores: z.string(), shares: z.string() }).openapi({ description: "aria-hidden SVG charts of the rows (median scores; exporting and website shares)" }),
            comparison: comparison,
            followUp: z
              .object({
                status: z.enum(["none", "open", "closed"]),
                openedAt: z.string().nullable(),
                due: z.string().openapi({ description: "The day it opens by itself (six months after the last day)" }),
                progress: z.object({ exhibitors: z.number().int(), submitted: z.number().int(), drafts: z.number().int(), notStarted: z.number().int() }),
                columns: z.array(z.object({ round: z.enum(rounds), key: z.string() })),
                summary: z.array(z.object({ code: z.string(), label: z.string(), measure: z.enum(["share", "median"]), cells: z.array(compareCell) })),
                chart: z.string().nullable(),
              })
              .openapi("BaselineFollowUp", { description: "The 6-month follow-up: its state, progress and every comparable indicator at the baseline and 6 months later" }),
          }),
          "The figures",
        ),
        ...std,
      },
    }),
    async (c) => {
      const r = await baselineDashboard(c.get("req").ctx, { editionId: c.req.valid("param").editionId, ...c.req.valid("query") });
      return c.json({ by: r.by, progress: r.progress, total: r.total, rows: r.rows, charts: r.charts, comparison: r.comparison, followUp: r.followUp } as never, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "exportBaselineTable",
      path: "/editions/{editionId}/baseline/export",
      summary: "One dashboard table as CSV or XLSX: the figures by the breakdown, the comparison of one indicator by it, every shared indicator's totals per edition (summary), or the baseline against the 6-month follow-up (follow_up)",
      tags,
      security: security.session,
      request: {
        params: z.object({ editionId: editionParam }),
        query: figuresQuery.extend({ table: z.enum(exportTables).default("figures"), format: z.enum(["csv", "xlsx"]).default("csv") }),
      },
      responses: { 200: { description: "The file", content: { "text/csv": { schema: z.string() }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() } } }, ...std },
    }),
    async (c) => {
      const file = await dashboardExport(c.get("req").ctx, { editionId: c.req.valid("param").editionId, ...c.req.valid("query") });
      return c.body(new Uint8Array(file.body), 200, { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" });
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getBaselineReportPdf",
      path: "/editions/{editionId}/baseline/report",
      summary: "The edition's baseline report for the ministry as PDF (key figures, a table with bars per breakdown, method notes), in English or Urdu",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }), query: z.object({ lang: z.enum(["en", "ur"]).optional() }) },
      responses: { 200: { description: "The PDF", content: { "application/pdf": { schema: z.string() } } }, ...std },
    }),
    async (c) => {
      const file = await baselineReport(c.get("req").ctx, { editionId: c.req.valid("param").editionId, lang: c.req.valid("query").lang });
      return c.body(new Uint8Array(file.body), 200, { "content-type": "application/pdf", "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" });
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getBaselineOpenData",
      path: "/editions/{slug}/baseline/open-data",
      summary: "The public open data of an edition's baseline: aggregates by cluster, province, size class, women-led and micro, small cells withheld as in the transparency report",
      tags,
      security: security.none,
      request: { params: z.object({ slug: z.string().max(100).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" }) }) },
      responses: {
        200: jsonResponse(
          z.object({
            edition: z.object({ slug: z.string(), year: z.number().int(), nameEn: z.string(), nameUr: z.string() }),
            threshold: z.number().int(),
            total: openRow,
            tables: z.array(z.object({ by: z.enum(breakdowns), rows: z.array(openRow), total: openRow })),
          }),
          "The open data",
        ),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) => c.json((await baselineOpenData(c.get("req").ctx, { slug: c.req.valid("param").slug })) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "setBaselineFollowUp",
      path: "/editions/{editionId}/baseline/follow-up",
      summary: "Open (the first time, emailing every exhibitor the link) or close the 6-month follow-up round",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }), body: jsonBody(z.object({ status: z.enum(["open", "closed"]) })) },
      responses: { 200: jsonResponse(z.object({ status: z.enum(["open", "closed"]), invited: z.number().int() }), "The follow-up's state and the emails queued"), ...std, ...conflictResponse },
    }),
    async (c) => c.json(await setFollowUp(c.get("req").ctx, { editionId: c.req.valid("param").editionId, ...c.req.valid("json") }), 200),
  );
  const record = z.record(z.string(), z.unknown()).openapi("EnterpriseRecord", { description: "Per edition: application, selection, stall, baseline rounds with scores and answers, B2B meetings with outcomes and follow-ups" });
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOwnRecord",
      path: "/baseline/own/record",
      summary: "The signed-in exhibitor's record across editions",
      tags,
      security: security.session,
      responses: { 200: jsonResponse(record, "The record"), ...std },
    }),
    async (c) => c.json((await ownRecord(c.get("req").ctx)) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getEnterpriseRecord",
      path: "/enterprises/{enterpriseId}/record",
      summary: "An enterprise's record across the organiser's editions (organiser staff; the enterprise's own account for its own; not found for anyone else)",
      tags,
      security: security.session,
      request: { params: z.object({ enterpriseId: z.uuid().openapi({ param: { name: "enterpriseId", in: "path" } }) }) },
      responses: { 200: jsonResponse(record, "The record"), ...std },
    }),
    async (c) => c.json((await enterpriseRecord(c.get("req").ctx, { enterpriseId: c.req.valid("param").enterpriseId })) as never, 200),
  );
  baselineApplicantsApi(api);
  return api;
}
