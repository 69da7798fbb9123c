import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { parseInput } from "../../platform/validation";
import { registrationStatuses } from "#features/registration";
import { SCAN_REASONS } from "./core/decide";
import { badgePdf, reprintBadge, revokeBadge } from "./operations/manage-badges";
import { gateBundle, uploadOfflineScans } from "./operations/offline";
import { admitFound, findBadges } from "./operations/lookup";
import { recordScan } from "./operations/scan";
import { issueStaffBadge, listStaffBadges, setStaffQuota } from "./operations/staff-badges";
import { footfall } from "./operations/footfall";
import { checkinSetupApi } from "./setup-api";

// Gate scans, offline uploads, the gate bundle, badge PDFs, revoke and reprint. Thin: every rule
// (who may call, what is valid) lives in the operations.

const tags = ["check-in"];
const conflict = { 409: errorResponse("Not possible in the current state: `registration_not_approved`, `badge_revoked`, `too_many_reprints`, `quota_exceeded`, `key_rotation_conflict`") } as const;

const scanBody = z
  .object({
    code: z.string().openapi({ description: "The text read from the QR code or typed by a keyboard-wedge scanner (200 digits for a badge)" }),
    nonce: z.string().optional().openapi({ description: "22-character base64url nonce; a retry with the same nonce returns the first answer" }),
    deviceId: z.string().optional(),
  })
  .strict();
const scanAnswer = z
  .object({
    result: z.enum(["admit", "refuse"]),
    reason: z.enum(SCAN_REASONS),
    message: z.string().openapi({ description: "The reason in the caller's language (Accept-Language or the account's)" }),
    nonce: z.string(),
    person: z.object({ registrationNo: z.number().int(), name: z.string(), category: z.string() }).nullable(),
  })
  .openapi("ScanAnswer");
const uploadBody = z.object({ scans: z.array(z.unknown()).openapi({ description: "Queued scans (see UploadedScan in docs/badges.md), at most 500 per request" }) }).strict();
const uploadAnswer = z
  .object({
    recorded: z.number().int(),
    duplicates: z.number().int(),
    conflicts: z.array(z.string()),
    invalid: z.array(z.object({ index: z.number().int(), issues: z.array(z.string()) })),
    flagged: z.number().int(),
    incidents: z.number().int().openapi({ description: "Admits the server refused on checking the code itself: recorded as refusals with the server's reason, never as entries." }),
  })
  .openapi("OfflineUploadAnswer");
const findBody = z.object({ query: z.string().openapi({ description: "A short badge code as printed (`2026-04817-K`; the year may be left out) or part of a name (3 characters or more)" }) }).strict();
const foundBadge = z.object({
  registrationNo: z.number().int(),
  shortCode: z.string(),
  name: z.string(),
  nameUr: z.string().nullable(),
  category: z.string(),
  status: z.enum(registrationStatuses),
  badge: z.enum(["valid", "revoked", "none"]),
});
const findAnswer = z.object({ via: z.enum(["code", "name"]), found: z.array(foundBadge) }).openapi("FoundBadges");
const admitBody = z
  .object({
    registrationNo: z.number().int().openapi({ description: "The number of a person found by short code or name" }),
    via: z.enum(["code", "name"]),
    nonce: z.string().optional(),
    deviceId: z.string().optional(),
  })
  .strict();
// The bundle's exact shape is core/gate-bundle.ts (plain zod, shared with the browser); documented loosely here.
const gateBundleDoc = z
  .record(z.string(), z.unknown())
  .openapi("GateBundle", { description: "edition, startsOn, days, timezone, publicKeys, gates, revokedRegistrations, revokedBadges, replacedBadges, manual (current badges by number for short codes, no names), generatedAt (docs/badges.md)" });
const footfallSchema = z.record(z.string(), z.unknown()).openapi("Footfall");

export function checkinApi(services: AppServices) {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: "post",
      operationId: "recordScan",
      path: "/gates/{id}/scans",
      summary: "Check a badge at a gate and record the scan",
      description: "Gate staff or organiser staff. Any text is accepted: junk is refused with `unknown_code`, never an error.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(scanBody) },
      responses: { 200: jsonResponse(scanAnswer, "Admit or refuse, with the reason"), ...errorResponses },
    }),
    async (c) => c.json(await recordScan(c.get("req").ctx, { ...c.req.valid("json"), gateId: c.req.valid("param").id }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "findBadgesAtGate",
      path: "/gates/{id}/badge-search",
      summary: "Find a badge of the gate's edition by its short code or the holder's name",
      description:
        "When the camera fails. Gate staff or organiser staff signed in (no API tokens). A short code with a wrong check letter is refused (`short_code_check_failed`, 400), one of another edition too (`short_code_other_edition`, 404). Name searches return at most 10 people of this edition, are audited and limited per person (`rate_limited`, 429).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(findBody) },
      responses: { 200: jsonResponse(findAnswer, "The people found (none, one, or a few)"), ...errorResponses },
    }),
    async (c) => c.json(await findBadges(c.get("req").ctx, { ...c.req.valid("json"), gateId: c.req.valid("param").id }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "admitFoundBadge",
      path: "/gates/{id}/manual-scans",
      summary: "Check the current badge of a person found by short code or name, and record it as a manual entry",
      description: "The same decision and reasons as a scan of the badge's QR code (a repeat is `already_inside`); recorded as a manual entry. `registration_not_approved` (409) when no badge was ever issued.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(admitBody) },
      responses: { 200: jsonResponse(scanAnswer, "Admit or refuse, with the reason"), ...conflict, ...errorResponses },
    }),
    async (c) => c.json(await admitFound(c.get("req").ctx, { ...c.req.valid("json"), gateId: c.req.valid("param").id }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "uploadOfflineScans",
      path: "/editions/{id}/offline-scans",
      summary: "Upload scans queued on a gate phone while offline",
      description: "Idempotent by nonce: uploading the same queue twice records each scan once. Badges admitted at two gates of a zone while offline are flagged. The server verifies every admitted code itself: a device's admit of a code that is not a genuine badge of this edition (or not the badge it names) is recorded as a refusal and counted in incidents.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(uploadBody) },
      responses: { 200: jsonResponse(uploadAnswer, "What was recorded"), ...errorResponses },
    }),
    async (c) => c.json(await uploadOfflineScans(c.get("req").ctx, { editionId: c.req.valid("param").id, scans: c.req.valid("json").scans }), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getGateBundle",
      path: "/editions/{id}/gate-bundle",
      summary: "Public keys, gates and revocation lists for offline checking",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(gateBundleDoc, "The bundle"), ...errorResponses },
    }),
    async (c) => c.json(await gateBundle(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getFootfall",
      path: "/editions/{id}/footfall",
      summary: "Admissions per day, hour, gate and category; unique visitors; double-admission flags",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(footfallSchema, "Footfall figures"), ...errorResponses },
    }),
    async (c) => c.json((await footfall(c.get("req").ctx, { editionId: c.req.valid("param").id })) as unknown as Record<string, unknown>, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "getBadgePdf",
      path: "/registrations/{id}/badge.pdf",
      summary: "The printable A6 badge",
      description: "The registrant or organiser staff; or anyone holding the badge link's key (from the badge email or the manage page), without an account.",
      tags,
      security: security.session,
      request: { params: idParams, query: z.object({ key: z.string().max(100).optional().openapi({ description: "The badge link's key" }) }) },
      responses: {
        200: { description: "PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } },
        ...errorResponses,
        ...conflict,
        410: errorResponse("The badge link's key is out of date: a newer link was sent (`token_invalid`)"),
      },
    }),
    async (c) => {
      const { pdf, filename } = await badgePdf(c.get("req").ctx, { registrationId: c.req.valid("param").id, ...(c.req.valid("query").key ? { key: c.req.valid("query").key } : {}) });
      return c.body(new Uint8Array(pdf), 200, { "content-type": "application/pdf", "content-disposition": `inline; filename="${filename}"`, "cache-control": "private, no-store" });
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "revokeBadges",
      path: "/registrations/{id}/badge/revoke",
      summary: "Revoke every badge of a registration (audited)",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.object({ reason: z.string() }).strict()) },
      responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), "Revoked"), ...errorResponses },
    }),
    async (c) => c.json(await revokeBadge(c.get("req").ctx, { registrationId: c.req.valid("param").id, reason: c.req.valid("json").reason }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "reprintBadge",
      path: "/registrations/{id}/badge/reprint",
      summary: "Reprint: a new serial; the old badge is refused as replaced (audited)",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ serial: z.number().int() }), "The new serial"), ...errorResponses, ...conflict },
    }),
    async (c) => {
      const answer = await reprintBadge(c.get("req").ctx, { registrationId: c.req.valid("param").id });
      return c.json(answer, 200);
    },
  );

  const staffParams = z.object({
    id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
    enterpriseId: z.uuid().openapi({ param: { name: "enterpriseId", in: "path" } }),
  });
  const staffList = z
    .object({
      quota: z.number().int(),
      used: z.number().int(),
      staff: z.array(z.object({ registrationId: z.string(), number: z.number().int(), name: z.string(), email: z.string(), status: z.string() })),
    })
    .openapi("StaffBadges");

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listStaffBadges",
      path: "/editions/{id}/exhibitors/{enterpriseId}/staff-badges",
      summary: "An exhibitor's staff badges and quota",
      description: "The exhibitor itself (its own enterprise only).",
      tags,
      security: security.session,
      request: { params: staffParams },
      responses: { 200: jsonResponse(staffList, "Staff badges"), ...errorResponses },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await listStaffBadges(c.get("req").ctx, { editionId: p.id, enterpriseId: p.enterpriseId }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "issueStaffBadge",
      path: "/editions/{id}/exhibitors/{enterpriseId}/staff-badges",
      summary: "Issue a staff badge within the exhibitor's quota",
      description: "The exhibitor itself. `quota_exceeded` when the quota is used up.",
      tags,
      security: security.session,
      request: { params: staffParams, body: jsonBody(z.object({ name: z.string(), nameUr: z.string().optional(), email: z.string() }).strict()) },
      responses: { 201: jsonResponse(z.object({ registrationId: z.string(), number: z.number().int() }), "Issued"), ...errorResponses, ...conflict },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const answer = await issueStaffBadge(c.get("req").ctx, { ...c.req.valid("json"), editionId: p.id, enterpriseId: p.enterpriseId });
      return c.json(answer, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      operationId: "setStaffQuota",
      path: "/editions/{id}/exhibitors/{enterpriseId}/staff-quota",
      summary: "Set how many staff badges an exhibitor may issue (audited)",
      description: "Organiser staff.",
      tags,
      security: security.session,
      request: { params: staffParams, body: jsonBody(z.object({ quota: z.number().int() }).strict()) },
      responses: { 200: jsonResponse(z.object({ quota: z.number().int() }), "The quota"), ...errorResponses },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await setStaffQuota(c.get("req").ctx, { editionId: p.id, enterpriseId: p.enterpriseId, quota: c.req.valid("json").quota }), 200);
    },
  );

  // Server-Sent Events for the live footfall page. Each message is the whole Footfall object;
  // permission is checked on every tick, so a revoked grant ends the stream. Documented by hand:
  // zod-openapi routes answer JSON, this one answers an event stream.
  api.openAPIRegistry.registerPath({
    method: "get",
    operationId: "streamFootfall",
    path: "/editions/{id}/footfall/stream",
    summary: "Live footfall: a Server-Sent Events stream",
    description:
      "Organiser or gate staff of the edition. `text/event-stream`: the first event at once, then one every 3 seconds; each event's `data` is the whole Footfall object (as `GET …/footfall` answers). The permission is checked again on every event, so a revoked grant ends the stream. Reconnect with an EventSource as usual.",
    tags,
    security: security.session,
    request: { params: idParams },
    responses: {
      200: { description: "The stream", content: { "text/event-stream": { schema: z.string().openapi({ description: "`data: {Footfall JSON}` events" }) } } },
      ...errorResponses,
    },
  });
  api.get("/editions/:id/footfall/stream", async (c) => {
    const ctx = c.get("req").ctx;
    // A malformed id is refused like every other route's (400 on field id) before the operation runs.
    const { id: editionId } = parseInput(idParams, { id: c.req.param("id") });
    const first = await footfall(ctx, { editionId });
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      await stream.writeSSE({ data: JSON.stringify(first) });
      while (open) {
        await stream.sleep(3000);
        if (!open) break;
        try {
          await stream.writeSSE({ data: JSON.stringify(await footfall(ctx, { editionId })) });
        } catch {
          break;
        }
      }
    });
  });

  api.route("/", checkinSetupApi(services));
  return api;
}
