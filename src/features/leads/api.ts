import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices, Ctx } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { LEAD_SCAN_REASONS } from "./core/lead-scan";
import { leadCounts } from "./operations/organiser";
import { exportOwnLeads, ownLeads, updateLead } from "./operations/own-leads";
import { scanLead, uploadLeadScans } from "./operations/scan";
import type { LeadView } from "./operations/view";

// Leads at the stalls over the API (issue #14, items 7 and 8): an exhibitor's own accounts scan
// and read only their enterprise's leads (session); organisers read counts per exhibitor only
// (session or an API token with catalogue:read). The visitor's details are in a lead only while
// they are shared (operations/view.ts), exactly as on the pages and in the exports.

const tags = ["leads"];
const uuid = z.string().openapi({ format: "uuid" });
const nonce = z.string().optional().openapi({ description: "22 characters [A-Za-z0-9_-]: a retry with the same nonce is recorded once and answered the same" });
const editionId = uuid.optional().openapi({ description: "The edition (default: the show that is on, else the latest that began)" });
const lead = z
  .object({
    id: uuid,
    firstScannedAt: z.string(),
    lastScannedAt: z.string(),
    scanCount: z.number().int(),
    note: z.string(),
    rating: z.number().int().nullable(),
    tags: z.array(z.string()),
    touch: z.enum(["none", "pending", "accepted", "declined"]).openapi({ description: "The stay-in-touch request to a visitor who had not consented" }),
    withdrawn: z.boolean(),
    shared: z.boolean().openapi({ description: "The visitor shares their details with this exhibitor now" }),
    contact: z.object({ name: z.string(), organisation: z.string().nullable(), email: z.string() }).nullable().openapi({ description: "Only when shared" }),
  })
  .openapi("Lead");
const scanAnswer = z
  .object({
    result: z.enum(["counted", "refuse"]),
    reason: z.enum(LEAD_SCAN_REASONS),
    message: z.string().openapi({ description: "The answer in the caller's language" }),
    nonce: z.string(),
    repeat: z.boolean(),
    lead: lead.nullable(),
  })
  .openapi("LeadScanAnswer");
const json = (l: LeadView) => ({ ...l, firstScannedAt: l.firstScannedAt.toISOString(), lastScannedAt: l.lastScannedAt.toISOString() });
const ctx = (c: { get(k: "req"): { ctx: Ctx } }) => c.get("req").ctx;

export function leadsApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "post",
      operationId: "scanLead",
      path: "/leads/scan",
      summary: "Scan a visitor's badge at the exhibitor's stall",
      description:
        "An exhibitor's own account (session). `code` is the badge's QR text or its printed short code. The visit counts once per visitor on one lead; the lead carries the visitor's details only if they consent (or accepted this exhibitor's stay-in-touch request). Refusals (`unknown_code`, `bad_signature`, `revoked`…) are answers (200), not errors.",
      tags,
      security: security.session,
      request: { body: jsonBody(z.strictObject({ editionId, code: z.string(), nonce, deviceId: z.string().max(64).optional() })) },
      responses: { 200: jsonResponse(scanAnswer, "Decided and recorded"), ...errorResponses, 404: errorResponse("`exhibitor_not_found` or `not_found` (edition)") },
    }),
    async (c) => {
      const a = await scanLead(ctx(c), c.req.valid("json"));
      return c.json({ ...a, lead: a.lead ? json(a.lead) : null }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "uploadLeadScans",
      path: "/leads/scans",
      summary: "Upload a stall phone's offline scans",
      description: "An exhibitor's own account. Each item `{nonce, code, at, deviceId, offline}` is decided again by the server; a nonce already recorded counts as a duplicate and counts no visit again. `offline` says whether the phone was offline when it scanned (stored with the scan; true when left out).",
      tags,
      security: security.session,
      request: { body: jsonBody(z.strictObject({ editionId, scans: z.array(z.unknown()).max(500) })) },
      responses: {
        200: jsonResponse(
          z.object({
            recorded: z.number().int(),
            duplicates: z.number().int(),
            invalid: z.array(z.object({ index: z.number().int(), issues: z.array(z.string()) })),
            answers: z.array(z.object({ nonce: z.string(), result: z.enum(["counted", "refuse"]), reason: z.enum(LEAD_SCAN_REASONS), message: z.string(), leadId: uuid.nullable(), shared: z.boolean() })),
          }),
          "Merged",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await uploadLeadScans(ctx(c), c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "listOwnLeads",
      path: "/leads",
      summary: "The exhibitor's own leads",
      description: "An exhibitor's own account: its enterprise's leads of the edition, never another's. Contact details only where shared at the moment of reading.",
      tags,
      security: security.session,
      request: { query: z.object({ editionId }) },
      responses: {
        200: jsonResponse(z.object({ editionId: uuid, leads: z.array(lead), counts: z.object({ leads: z.number().int(), shared: z.number().int(), notShared: z.number().int(), pending: z.number().int() }) }), "The leads"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const r = await ownLeads(ctx(c), { editionId: c.req.valid("query").editionId });
      return c.json({ editionId: r.edition.id, leads: r.leads.map(json), counts: r.counts }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      operationId: "updateLead",
      path: "/leads/{id}",
      summary: "Note, rating (1–5) and tags of one of the exhibitor's leads",
      description: "An exhibitor's own account; another exhibitor's lead is `not_found`.",
      tags,
      security: security.session,
      request: {
        params: idParams,
        body: jsonBody(z.strictObject({ note: z.string().max(2000).optional(), rating: z.number().int().nullable().optional(), tags: z.array(z.string().max(40)).max(10).optional() })),
      },
      responses: { 200: jsonResponse(lead, "Saved"), ...errorResponses },
    }),
    async (c) => c.json(json(await updateLead(ctx(c), { ...c.req.valid("json"), leadId: c.req.valid("param").id })), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "exportOwnLeads",
      path: "/leads/export",
      summary: "The exhibitor's leads as CSV or XLSX",
      description: "Same rows as the list: details only where shared now. Audited (`leads.exported`).",
      tags,
      security: security.session,
      request: { query: z.object({ editionId, format: z.enum(["csv", "xlsx"]).default("csv") }) },
      responses: { 200: { description: "The file (text/csv or XLSX)" }, ...errorResponses },
    }),
    async (c) => {
      const file = await exportOwnLeads(ctx(c), c.req.valid("query"));
      return new Response(new Uint8Array(file.body), { status: 200, headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" } });
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "leadCounts",
      path: "/editions/{id}/lead-counts",
      summary: "Leads per exhibitor: counts only",
      description: "Organiser staff (session) or an API token with `catalogue:read`. Leads, scans, with and without the visitor's details, requests waiting, withdrawals; never a visitor.",
      tags,
      security: security.either,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), "The counts"), ...errorResponses },
    }),
    async (c) => c.json(await leadCounts(ctx(c), { editionId: c.req.valid("param").id }), 200),
  );
  return api;
}
