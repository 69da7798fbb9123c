import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { DomainError } from "../../platform/errors";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { acceptRows, checkUpload, listNominations, nominateOne } from "#features/nominations";
import { mountAppeals } from "./api-appeals";
import { mountCall } from "./api-call";
import { scoreReview } from "./operations/review";
import { getSelection, publishSelection, runSelectionProposal } from "./operations/selection";
import { getTransparencyReport } from "./operations/transparency";

// The main actions of issue 4 as JSON, over the same operations as the pages:
// nominate (one, or a spreadsheet in base64), list own nominations, score a
// review, run / read / publish the selection, the public transparency report,
// appeals (api-appeals.ts) and the call itself (api-call.ts).

// A fresh schema per use: openapi() metadata (the parameter name) must not leak between fields.
const uuid = () => z.uuid();
const editionParams = z.object({ id: uuid().openapi({ param: { name: "id", in: "path" } }) });
const conflict = { 409: jsonResponse(z.object({ code: z.string() }), "Call closed, quota exceeded, or the selection is already published (`conflict`)") };
const object = (name: string, description: string) => z.object({}).catchall(z.unknown()).openapi(name, { description });

const nominationBody = z
  .strictObject({
    enterpriseName: z.string().max(300),
    ntn: z.string().max(40),
    cluster: z.string().max(200).openapi({ description: "Cluster id, code, or English or Urdu name" }),
    sizeClass: z.string().max(40).openapi({ example: "micro" }),
    annualTurnoverPkr: z.union([z.string().max(40), z.number()]),
    employees: z.union([z.string().max(20), z.number()]),
    womenLed: z.union([z.string().max(20), z.boolean()]),
    contactName: z.string().max(200),
    email: z.string().max(300).optional(),
    phone: z.string().max(60).optional(),
    district: z.string().max(120).optional(),
    tradeBodyId: uuid().optional(),
  })
  .openapi("NominationInput");

const uploadBody = z
  .strictObject({
    file: z.base64().max(240_000).openapi({ description: "The XLSX or CSV file, base64 (at most about 180 kB)" }),
    accept: z.boolean().default(false).openapi({ description: "Also nominate the valid rows (all or nothing within the quota)" }),
    tradeBodyId: uuid().optional(),
  })
  .openapi("NominationUpload");

const scoreBody = z
  .strictObject({
    scores: z.record(z.string(), z.number().int().min(1).max(5)).openapi({ example: { quality: 4, innovation: 3, market_readiness: 5 } }),
    comments: z.record(z.string(), z.string().max(2000)).default({}),
  })
  .openapi("ReviewScores");

export function selectionApi(_services: AppServices) {
  const api = apiRouter();
  const tags = ["nominations and selection"];

  api.openapi(
    createRoute({
      method: "post",
      operationId: "nominate",
      path: "/editions/{id}/nominations",
      summary: "Nominate one enterprise (trade-body representative)",
      description: "The row is checked like a spreadsheet row; field issues carry the engine's problem codes (e.g. `ntn_format`). Returns the application link to pass on.",
      tags,
      security: security.session,
      request: { params: editionParams, body: jsonBody(nominationBody) },
      responses: { 201: jsonResponse(object("NominationCreated", "id, enterpriseName and the application link"), "Nominated"), ...errorResponses, ...conflict },
    }),
    async (c) => {
      const created = await nominateOne(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id });
      return c.json(created as never, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "uploadNominations",
      path: "/editions/{id}/nominations/upload",
      summary: "Check a nomination spreadsheet, and optionally nominate its valid rows",
      description: "Returns every problem by row and column (`problems`), the valid rows and the quota. With `accept`, the valid rows are nominated if they fit the quota.",
      tags,
      security: security.session,
      request: { params: editionParams, body: jsonBody(uploadBody) },
      responses: { 200: jsonResponse(object("UploadReport", "problems, valid rows, quota, and created nominations when accepted"), "The report"), ...errorResponses, ...conflict },
    }),
    async (c) => {
      const { ctx } = c.get("req");
      const { file, accept, tradeBodyId } = c.req.valid("json");
      const editionId = c.req.valid("param").id;
      const report = await checkUpload(ctx, { editionId, tradeBodyId, file: new Uint8Array(Buffer.from(file, "base64")) });
      if (!accept || report.valid.length === 0) return c.json({ ...report, created: [] } as never, 200);
      const rows = report.rows.filter((r) => report.valid.some((v) => v.row === r.row));
      const { created } = await acceptRows(ctx, { editionId, tradeBodyId, rows });
      return c.json({ ...report, created } as never, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listNominations",
      path: "/editions/{id}/nominations",
      summary: "The caller's trade body's nominations with their status and quota",
      tags,
      security: security.session,
      request: { params: editionParams, query: z.object({ tradeBodyId: uuid().optional() }) },
      responses: { 200: jsonResponse(object("NominationList", "nominations, quota, remaining, callOpen"), "Own nominations"), ...errorResponses },
    }),
    async (c) => {
      const list = await listNominations(c.get("req").ctx, { editionId: c.req.valid("param").id, tradeBodyId: c.req.valid("query").tradeBodyId });
      return c.json({ nominations: list.nominations, quota: list.quota, remaining: list.remaining, callOpen: list.callOpen } as never, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      operationId: "scoreReview",
      path: "/reviews/{id}",
      summary: "Score an assigned application (reviewer): every criterion 1–5, a comment each",
      tags,
      security: security.session,
      request: { params: editionParams, body: jsonBody(scoreBody) },
      responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), "Saved"), ...errorResponses },
    }),
    async (c) => c.json(await scoreReview(c.get("req").ctx, { ...c.req.valid("json"), nominationId: c.req.valid("param").id }), 200),
  );

  const selectionRoute = (operationId: string, method: "get" | "post", path: string, summary: string) =>
    createRoute({
      method,
      operationId,
      path,
      summary,
      tags,
      security: security.session,
      request: { params: editionParams },
      responses: { 200: jsonResponse(object("Selection", "The selection result: decisions with reasons, clusters, totals, flags"), "The selection"), ...errorResponses, ...conflict },
    });

  api.openapi(selectionRoute("runSelection", "post", "/editions/{id}/selection/run", "Run the selection on the normalised scores and the published rule (organiser)"), async (c) =>
    c.json((await runSelectionProposal(c.get("req").ctx, { editionId: c.req.valid("param").id })) as never, 200),
  );
  api.openapi(selectionRoute("getSelection", "get", "/editions/{id}/selection", "The current proposal or published selection (organiser)"), async (c) => {
    const s = await getSelection(c.get("req").ctx, { editionId: c.req.valid("param").id });
    if (!s.selection) throw new DomainError("not_found", { params: { what: "selection" } });
    return c.json(s.selection as never, 200);
  });
  api.openapi(selectionRoute("publishSelection", "post", "/editions/{id}/selection/publish", "Publish the decisions: applicants and trade bodies are told (organiser)"), async (c) =>
    c.json((await publishSelection(c.get("req").ctx, { editionId: c.req.valid("param").id })) as never, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getTransparencyReport",
      path: "/editions/{slug}/transparency",
      summary: "The public transparency report of a published selection: aggregates only, small cells withheld",
      tags,
      security: security.none,
      request: { params: z.object({ slug: z.string().max(60).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" }) }) },
      responses: { 200: jsonResponse(object("TransparencyReport", "rule, criteria, tables by cluster, province, size class, women-led and score band"), "The report"), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const r = await getTransparencyReport(c.get("req").ctx, { slug: c.req.valid("param").slug });
      return c.json({ edition: { slug: r.edition.slug, nameEn: r.edition.nameEn, nameUr: r.edition.nameUr }, rule: r.rule, criteria: r.criteria, totalStalls: r.totalStalls, report: r.report, clusterNames: r.clusterNames } as never, 200);
    },
  );
  mountAppeals(api, tags);
  mountCall(api, tags);
  return api;
}
