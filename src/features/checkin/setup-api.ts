import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { rehearsalState, setRehearsal } from "./operations/rehearsal";
import { checkinSetup, createGate, createZone, updateGate, updateZone } from "./operations/setup";
import { grantZone, revokeZoneGrant, setZoneRules, zoneAccess } from "./operations/zone-access";

// The organisers' check-in set-up over the API: what /back-office/editions/:id/checkin-setup
// does, over the same operations (organiser staff only, `checkin.manage`; every change audited).
// Staff quotas are changed with PUT /editions/{id}/exhibitors/{enterpriseId}/staff-quota (api.ts).

const tags = ["check-in"];
const uuid = z.string().openapi({ format: "uuid" });
const code = z.string().max(40).openapi({ description: "Lower-case letters, digits, - and _; fixed once created (badges and registrations refer to it)", example: "media_enclave" });
const names = { nameEn: z.string().max(120), nameUr: z.string().max(120) };

const zoneSchema = z
  .object({ id: uuid, code: z.string(), ...names, bit: z.number().int().openapi({ description: "The zone's bit in signed badges: allocated by the server, never reused" }) })
  .openapi("CheckinZone");
const gateSchema = z
  .object({ id: uuid, code: z.string(), ...names, zoneId: uuid.nullable().openapi({ description: "null: a hall entrance" }), reentryAllowed: z.boolean() })
  .openapi("CheckinGate");
const quotaSchema = z.object({ enterpriseId: uuid, quota: z.number().int(), nameEn: z.string(), nameUr: z.string() }).openapi("StaffQuota");
const exhibitorSchema = z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() });
const setupSchema = z
  .object({
    edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }),
    zones: z.array(zoneSchema),
    gates: z.array(gateSchema),
    quotas: z.array(quotaSchema),
    exhibitors: z.array(exhibitorSchema).openapi({ description: "Enterprises with an exhibitor account: the ones a quota can be set for" }),
  })
  .openapi("CheckinSetup");
const zoneCreateBody = z.strictObject({ code, ...names }).openapi("CheckinZoneInput");
const zoneUpdateBody = z.strictObject(names).openapi("CheckinZoneChange", { description: "Names only: code and bit never change." });
const reentry = z.boolean().openapi({ description: "false: a second entry is refused as `already_inside`" });
const gateCreateBody = z
  .strictObject({ code, ...names, zoneId: uuid.nullable().optional(), reentryAllowed: reentry.optional() })
  .openapi("CheckinGateInput", { description: "Without zoneId a hall entrance; re-entry off unless given." });
const gateUpdateBody = z
  .strictObject({ ...names, zoneId: uuid.nullable(), reentryAllowed: reentry })
  .openapi("CheckinGateChange", { description: "The whole gate but its code (fixed once created)." });

const rehearsalSchema = z
  .object({
    active: z.object({ onDate: z.string().openapi({ format: "date" }), dayIndex: z.number().int() }).nullable().openapi({ description: "Today's rehearsal, if any" }),
    today: z.string().openapi({ format: "date", description: "Today at the venue" }),
    eventDay: z.boolean().openapi({ description: "Today is one of the show's days (no rehearsal possible)" }),
    dayCount: z.number().int(),
  })
  .openapi("CheckinRehearsal");
const rehearsalBody = z
  .strictObject({ dayIndex: z.number().int().min(0).max(15).nullable().openapi({ description: "The show day to rehearse (0 = first); null ends the rehearsal" }) })
  .openapi("CheckinRehearsalChange");

// Zone access: which categories enter which zone, and zones granted to one registration.
const ruleSchema = z.object({ categoryId: uuid, zoneId: uuid }).openapi("ZoneRule");
const zoneGrantSchema = z
  .object({
    id: uuid,
    registrationId: uuid,
    registrationNo: z.number().int(),
    name: z.string(),
    email: z.string(),
    zoneId: uuid,
    reason: z.string(),
    grantedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("ZoneGrant");
const zoneAccessSchema = z
  .object({
    edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }),
    zones: z.array(zoneSchema),
    categories: z.array(z.object({ id: uuid, code: z.string(), nameEn: z.string(), nameUr: z.string() })),
    rules: z.array(ruleSchema).openapi({ description: "The (category, zone) pairs allowed; every other pair is not" }),
    grants: z.array(zoneGrantSchema),
  })
  .openapi("ZoneAccess");
const zoneRulesBody = z
  .strictObject({ rules: z.array(z.strictObject({ categoryId: uuid, zoneId: uuid })).max(4096) })
  .openapi("ZoneRulesChange", { description: "The whole matrix: pairs left out are removed. Categories and zones of this edition only." });
const zoneGrantBody = z
  .strictObject({
    registration: z.string().max(254).openapi({ description: "The registration number, or the registrant's email", example: "1042" }),
    zoneId: uuid,
    reason: z.string().max(500),
  })
  .openapi("ZoneGrantInput");

export function checkinSetupApi(_services: AppServices) {
  const api = apiRouter();
  const get = (operationId: string, path: string, summary: string, schema: z.ZodType, description: string) =>
    createRoute({
      method: "get",
      operationId,
      path,
      summary,
      description: `Organiser staff. ${description}`,
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(schema, summary), ...errorResponses },
    });
  const create = <B extends z.ZodType, A extends z.ZodType>(operationId: string, path: string, summary: string, body: B, answer: A) =>
    createRoute({
      method: "post",
      operationId,
      path,
      summary,
      description: "Organiser staff. Audited. A repeated code is `validation_failed` on `code` (`checkin_code_taken`).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(body) },
      responses: { 201: jsonResponse(answer, "Created"), ...errorResponses },
    });
  const update = <B extends z.ZodType, A extends z.ZodType>(operationId: string, path: string, summary: string, body: B, answer: A) =>
    createRoute({
      method: "put",
      operationId,
      path,
      summary,
      description: "Organiser staff. Audited.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(body) },
      responses: { 200: jsonResponse(answer, "Changed"), ...errorResponses },
    });

  api.openapi(get("getCheckinSetup", "/editions/{id}/checkin-setup", "Zones, gates and staff quotas", setupSchema, "Everything the set-up page shows."), async (c) =>
    c.json(await checkinSetup(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(get("listZones", "/editions/{id}/zones", "The edition's zones, by bit", z.array(zoneSchema), ""), async (c) =>
    c.json((await checkinSetup(c.get("req").ctx, { editionId: c.req.valid("param").id })).zones, 200),
  );
  api.openapi(get("listGates", "/editions/{id}/gates", "The edition's gates, by code", z.array(gateSchema), ""), async (c) =>
    c.json((await checkinSetup(c.get("req").ctx, { editionId: c.req.valid("param").id })).gates, 200),
  );
  api.openapi(
    get("listStaffQuotas", "/editions/{id}/staff-quotas", "Exhibitors' staff-badge quotas", z.object({ quotas: z.array(quotaSchema), exhibitors: z.array(exhibitorSchema) }), "Change one with PUT …/exhibitors/{enterpriseId}/staff-quota."),
    async (c) => {
      const { quotas, exhibitors } = await checkinSetup(c.get("req").ctx, { editionId: c.req.valid("param").id });
      return c.json({ quotas, exhibitors }, 200);
    },
  );

  api.openapi(create("createZone", "/editions/{id}/zones", "Add a zone (the next free bit)", zoneCreateBody, zoneSchema.pick({ id: true, code: true, bit: true })), async (c) =>
    c.json(await createZone(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 201),
  );
  api.openapi(update("updateZone", "/zones/{id}", "Rename a zone", zoneUpdateBody, z.object({ id: uuid })), async (c) =>
    c.json(await updateZone(c.get("req").ctx, { ...c.req.valid("json"), zoneId: c.req.valid("param").id }), 200),
  );
  api.openapi(create("createGate", "/editions/{id}/gates", "Add a gate", gateCreateBody, z.object({ id: uuid, code: z.string() })), async (c) =>
    c.json(await createGate(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 201),
  );
  api.openapi(update("updateGate", "/gates/{id}", "Change a gate's names, zone or re-entry rule", gateUpdateBody, z.object({ id: uuid })), async (c) =>
    c.json(await updateGate(c.get("req").ctx, { ...c.req.valid("json"), gateId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getRehearsal",
      path: "/editions/{id}/rehearsal",
      summary: "Today's door rehearsal",
      description: "Gate and organiser staff. On a rehearsal date gates scan as the rehearsed show day; those scans are kept apart from the show's figures.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(rehearsalSchema, "Rehearsal"), ...errorResponses },
    }),
    async (c) => c.json(await rehearsalState(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    update("setRehearsal", "/editions/{id}/rehearsal", "Start, change or end today's door rehearsal", rehearsalBody, rehearsalSchema),
    async (c) => c.json(await setRehearsal(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    get("getZoneAccess", "/editions/{id}/zone-access", "Who enters which zone", zoneAccessSchema, "The category × zone rules and the zones granted to one registration."),
    async (c) => c.json(await zoneAccess(c.get("req").ctx, { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "setZoneRules",
      path: "/editions/{id}/zone-rules",
      summary: "Set which visitor categories enter which zones",
      description:
        "Organiser staff. Audited (`checkin.zone_rules_set`). Gates decide by the rules at once (offline gates at their next bundle sync); printed badges stay valid. An id of another edition is `validation_failed` on `rules`.",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(zoneRulesBody) },
      responses: { 200: jsonResponse(z.object({ added: z.number().int(), removed: z.number().int() }), "Changed"), ...errorResponses },
    }),
    async (c) => c.json(await setZoneRules(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "grantZone",
      path: "/editions/{id}/zone-grants",
      summary: "Grant a zone to one registration",
      description:
        "Organiser staff. Audited (`checkin.zone_granted`). An unknown number or email is `validation_failed` on `registration` (`checkin_registration_unknown`).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(zoneGrantBody) },
      responses: {
        201: jsonResponse(z.object({ id: uuid, registrationId: uuid, registrationNo: z.number().int(), zoneId: uuid }), "Granted"),
        ...errorResponses,
        409: errorResponse("The registration already has this zone (`zone_already_granted`)"),
      },
    }),
    async (c) => c.json(await grantZone(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 201),
  );
  api.openapi(
    createRoute({
      method: "delete",
      operationId: "revokeZoneGrant",
      path: "/zone-grants/{id}",
      summary: "Revoke a zone granted to one registration",
      description: "Organiser staff. Audited (`checkin.zone_grant_revoked`). The category's zones are untouched.",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(z.object({ id: uuid }), "Revoked"), ...errorResponses },
    }),
    async (c) => c.json(await revokeZoneGrant(c.get("req").ctx, { grantId: c.req.valid("param").id }), 200),
  );
  return api;
}
