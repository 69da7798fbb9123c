import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices, Ctx } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponse, errorResponses, idParams, jsonBody, jsonResponse, publicErrors, security } from "../../platform/http/openapi";
import { anonymisePerson } from "./operations/anonymise";
import { exportLinkData, exportOwnData } from "./operations/export";
import { getRetention, setRetention } from "./operations/retention";

// Personal data over the API (issue #15, part 7): a person's own data (signed in, or a
// registration's manage-link token), an organiser's erasure on request and the retention setting.
// Same operations, same permissions as the pages.

const tags = ["personal data"];
const uuid = z.string().openapi({ format: "uuid" });
const personalData = z
  .object({
    generatedAt: z.string(),
    via: z.enum(["account", "link"]),
    parts: z.record(z.string(), z.unknown()).openapi({ description: "One entry per feature holding personal data (account, registration, checkin, b2b, programme, meetday, baseline, leads, nominations, selection, exhibitors, awards)" }),
  })
  .openapi("PersonalData");
const retention = z
  .object({
    editionId: uuid,
    endsOn: z.string().openapi({ description: "The edition's last day: the days count from the day after" }),
    scanDays: z.number().int().nullable().openapi({ description: "Badge scans (gates and meeting check-ins) are deleted this many days after the end; null = kept" }),
    leadDays: z.number().int().nullable().openapi({ description: "Stall leads are deleted this many days after the end; null = kept" }),
    sweptAt: z.string().nullable(),
  })
  .openapi("Retention");
const days = z.number().int().min(0).max(3650).nullable();
const ctx = (c: { get(k: "req"): { ctx: Ctx } }) => c.get("req").ctx;

export function privacyApi(_services: AppServices) {
  const api = apiRouter();
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getOwnPersonalData",
      path: "/me/personal-data",
      summary: "Everything Numaish holds about the signed-in person",
      description: "The account, every registration linked to it or made with its email, and what each feature holds about them. Only the caller's own data.",
      tags,
      security: security.session,
      responses: { 200: jsonResponse(personalData, "The person's data"), ...errorResponses },
    }),
    async (c) => c.json(await exportOwnData(ctx(c)), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getRegistrationPersonalData",
      path: "/registrations/personal-data",
      summary: "Everything Numaish holds about one registration, by its manage link's token",
      description: "The token of the \"manage your registration\" link is the credential (sent in the body, never in a URL).",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ token: z.string().max(100) })) },
      responses: { 200: jsonResponse(personalData, "The registration's data"), ...publicErrors, 410: errorResponse("Unknown or replaced link (`token_invalid`)") },
    }),
    async (c) => c.json(await exportLinkData(ctx(c), c.req.valid("json")), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "anonymisePerson",
      path: "/editions/{id}/anonymise",
      summary: "Erase a person on request (organiser staff)",
      description:
        "Named by `email` or by one of their `registrationId`s; covers their registrations in every edition of the edition's organiser. Figures stay (statuses, categories, outcomes, values); names, emails, phones, notes and typed text go; badges are revoked. `withAccount` (platform admins) also closes their account. `confirm` must be true. One transaction; audited (`privacy.anonymised`, without the person). By registration id a repeat changes nothing more.",
      tags,
      security: security.session,
      request: {
        params: idParams,
        body: jsonBody(z.strictObject({ email: z.string().max(254).optional(), registrationId: uuid.optional(), withAccount: z.boolean().optional(), confirm: z.boolean() })),
      },
      responses: {
        200: jsonResponse(z.object({ registrations: z.number().int(), account: z.boolean(), parts: z.record(z.string(), z.record(z.string(), z.number().int())) }), "Erased: rows touched per feature"),
        ...errorResponses,
        404: errorResponse("`not_found` (edition) or `privacy_person_not_found`"),
      },
    }),
    async (c) => c.json(await anonymisePerson(ctx(c), { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "get",
      operationId: "getRetention",
      path: "/editions/{id}/retention",
      summary: "How long the edition keeps personal data (organiser staff)",
      tags,
      security: security.session,
      request: { params: idParams },
      responses: { 200: jsonResponse(retention, "The setting"), ...errorResponses },
    }),
    async (c) => c.json(await getRetention(ctx(c), { editionId: c.req.valid("param").id }), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "setRetention",
      path: "/editions/{id}/retention",
      summary: "Set how long the edition keeps personal data (organiser staff)",
      description: "Copied with the edition. Applied by an hourly sweep; audited (`privacy.retention_set`, and `privacy.retention_swept` when something is deleted).",
      tags,
      security: security.session,
      request: { params: idParams, body: jsonBody(z.strictObject({ scanDays: days, leadDays: days })) },
      responses: { 200: jsonResponse(retention, "Saved"), ...errorResponses },
    }),
    async (c) => c.json(await setRetention(ctx(c), { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );
  return api;
}
