import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, idParams, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { decideRegistrations } from "./operations/decide";
import { exportRegistrations } from "./operations/export";
import { listRegistrations } from "./operations/list";
import { requestManageLink } from "./operations/manage-link";
import { cancelOwnRegistration } from "./operations/own";
import { updateOwnDetails } from "./operations/own-details";
import { register, registerGroup, registerWalkIn } from "./operations/register";
import { exportColumns } from "./schemas";
import { registrationStatuses } from "./tables";
import { asOneOf } from "../../web/form-fields";

// Thin routes over the operations, which parse again with their own schemas and check permission.

const uuid = z.string().openapi({ format: "uuid" });
const answer = z.union([z.string(), z.array(z.string()), z.boolean()]);
const personFields = {
  name: z.string().max(120),
  nameUr: z.string().max(120).nullable().optional(),
  email: z.string().max(254).openapi({ example: "buyer@example.com" }),
  phone: z.string().max(30).nullable().optional(),
  organisation: z.string().max(200).nullable().optional(),
  designation: z.string().max(120).nullable().optional(),
  days: z.array(z.number().int()).openapi({ description: "Edition day indexes, 0 = first day", example: [0, 1] }),
  answers: z.record(z.string(), answer).optional().openapi({ description: "Answers keyed by question id" }),
  consentData: z.boolean().openapi({ description: "Must be true: consent to the use of the data" }),
  consentScan: z.boolean().optional().openapi({ description: "Consent to exhibitors scanning the badge" }),
};
function pick<T extends Record<string, z.ZodType>, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}
const registerBody = z
  .strictObject({ categoryId: uuid, locale: z.enum(["en", "ur"]).optional(), ...personFields })
  .openapi("RegistrationInput");
const groupBody = z
  .strictObject({ categoryId: uuid, locale: z.enum(["en", "ur"]).optional(), members: z.array(z.strictObject(personFields)).max(50) })
  .openapi("GroupRegistrationInput");
const registrationSchema = z
  .object({
    id: uuid,
    editionId: uuid,
    number: z.number().int(),
    categoryId: uuid,
    name: z.string(),
    email: z.string(),
    status: z.enum(registrationStatuses),
    days: z.array(z.number().int()),
    groupId: uuid.nullable(),
    createdAt: z.string(),
  })
  .openapi("Registration");
const registerResult = z
  .object({ registrations: z.array(registrationSchema), created: z.boolean(), manageTokens: z.array(z.string()).optional() })
  .openapi("RegistrationResult");
const acceptedResult = z
  .object({ accepted: z.literal(true), count: z.number().int().openapi({ description: "How many people the request named" }) })
  .openapi("RegistrationAccepted");
const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({ param: { name: "idempotency-key", in: "header" }, description: "Idempotency-Key: 8–128 of A-Z a-z 0-9 . _ : -; a retry with the same key and body answers the same, once more" }),
});
const listItem = z.object({
  id: uuid,
  number: z.number().int(),
  name: z.string(),
  nameUr: z.string().nullable(),
  organisation: z.string().nullable(),
  designation: z.string().nullable(),
  category: z.object({ id: uuid, code: z.string(), nameEn: z.string(), nameUr: z.string() }),
  status: z.enum(registrationStatuses),
  days: z.array(z.number().int()),
  source: z.string(),
  refusalReason: z.string().nullable(),
  createdAt: z.string(),
  email: z.string().nullable().openapi({ description: "null unless the caller may see personal data" }),
  phone: z.string().nullable(),
});
const listResult = z
  .object({
    edition: z.object({ id: uuid, nameEn: z.string(), nameUr: z.string() }),
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    personal: z.boolean(),
    items: z.array(listItem),
  })
  .openapi("RegistrationList");
const decisionBody = z
  .strictObject({ ids: z.array(uuid).max(500), decision: z.enum(["approve", "refuse"]), reason: z.string().max(500).optional() })
  .openapi("RegistrationDecision", { description: "A reason is required to refuse; it is emailed in the registrant's language." });
const decisionResult = z.object({
  changed: z.array(uuid),
  skipped: z.array(z.object({ id: uuid, status: z.string() })),
  promoted: z.array(uuid),
});
const cancelBody = z
  .union([z.strictObject({ registrationId: uuid }), z.strictObject({ token: z.string().max(100) })])
  .openapi("RegistrationCancel", { description: "Your own registration (signed in) or the token from the manage link." });

const detailsBody = z
  .union([
    z.strictObject({ registrationId: uuid, ...pick(personFields, ["name", "nameUr", "phone", "organisation", "designation"]) }),
    z.strictObject({ token: z.string().max(100), ...pick(personFields, ["name", "nameUr", "phone", "organisation", "designation"]) }),
  ])
  .openapi("RegistrationDetails");
const detailsResult = z.object({
  id: uuid,
  changed: z.array(z.string()),
  reissuedSerial: z.number().int().nullable().openapi({ description: "The new badge serial when the badge was reissued" }),
});

export function registrationApi(_services: AppServices) {
  const api = apiRouter();
  const tags = ["registration"];
  const staffTags = ["registration (organiser)"];

  const request = <B extends z.ZodType>(body: B) => ({ params: idParams, headers: idempotencyHeader, body: jsonBody(body) });
  // The public answer: the same for new people and for people already registered (they are
  // emailed instead), so registering someone tells nothing about them.
  const publicRoute = <B extends z.ZodType>(operationId: string, path: string, summary: string, body: B, description: string) =>
    createRoute({
      method: "post",
      operationId,
      path,
      summary,
      description,
      tags,
      security: security.none,
      request: request(body),
      responses: {
        202: jsonResponse(acceptedResult, "Accepted: each person is emailed (a new registration its confirmation and link; one already registered a new link)"),
        ...errorResponses,
        ...conflictResponse,
      },
    });
  const publicRegistration =
    "\n\nThe answer is the same whether or not a person was already registered for the edition: nobody learns from it who is registered. " +
    "A new registration is emailed its confirmation with the link to see, change or cancel it; a person already registered is left as they are and emailed a new link " +
    "(the older one stops working; at most a few such emails per address in 15 minutes). " +
    "A retry with the same `Idempotency-Key` and body answers the same and sends nothing again; the same key with another body is refused (`idempotency_key_reused`, 409).";

  api.openapi(
    publicRoute(
      "register",
      "/editions/{id}/registrations",
      "Register for an edition",
      registerBody,
      "Anyone. Trade categories start `pending`; others are `approved` when there is room, else `waitlisted`; the registrant learns which by email." + publicRegistration,
    ),
    async (c) => {
      const { ctx } = c.get("req");
      const key = c.req.valid("header")["idempotency-key"];
      const r = await register(ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id, idempotencyKey: key });
      return c.json(r.answer, 202);
    },
  );
  api.openapi(
    publicRoute(
      "registerGroup",
      "/editions/{id}/registrations/group",
      "Register a delegation together",
      groupBody,
      "All new members are admitted together or waitlisted together; members already registered are left as they are." + publicRegistration,
    ),
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      const r = await registerGroup(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id, idempotencyKey: key });
      return c.json(r.answer, 202);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "registerWalkIn",
      path: "/editions/{id}/registrations/walk-in",
      summary: "Register a walk-in at the desk",
      description: "Gate or organiser staff. Approved at once when there is room. Audited. A person already registered is answered with their registration (200).",
      tags: staffTags,
      security: security.session,
      request: request(registerBody),
      responses: {
        201: jsonResponse(registerResult, "Registered (status approved, or waitlisted when full)"),
        200: jsonResponse(registerResult, "Already registered: the same key, or the same email"),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      const { registrations, created, manageTokens } = await registerWalkIn(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id, idempotencyKey: key });
      return c.json({ registrations, created, manageTokens }, created ? 201 : 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listRegistrations",
      path: "/editions/{id}/registrations",
      summary: "List registrations",
      description: "Organiser staff, or a token with `catalogue:read` (no email or phone).",
      tags: staffTags,
      security: security.either,
      request: {
        params: idParams,
        query: z.object({
          categoryId: uuid.optional(),
          status: z.enum(registrationStatuses).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().optional(),
          offset: z.coerce.number().int().optional(),
        }),
      },
      responses: { 200: jsonResponse(listResult, "Registrations by number"), ...errorResponses },
    }),
    async (c) => c.json(await listRegistrations(c.get("req").ctx, { ...c.req.valid("query"), editionId: c.req.valid("param").id }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "decideRegistrations",
      path: "/editions/{id}/registrations/decisions",
      summary: "Approve or refuse registrations in bulk",
      description: "Organiser staff. Refusal frees places and promotes the waitlist. Audited.",
      tags: staffTags,
      security: security.session,
      request: { params: idParams, body: jsonBody(decisionBody) },
      responses: { 200: jsonResponse(decisionResult, "What changed"), ...errorResponses },
    }),
    async (c) => c.json(await decideRegistrations(c.get("req").ctx, { ...c.req.valid("json"), editionId: c.req.valid("param").id }), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "cancelRegistration",
      path: "/registrations/cancel",
      summary: "Cancel a registration",
      description: "Your own (signed in) or with the manage link's token. Frees the places and promotes the waitlist.",
      tags,
      security: security.none,
      request: { body: jsonBody(cancelBody) },
      responses: { 200: jsonResponse(z.object({ status: z.string(), promoted: z.array(uuid) }), "Cancelled"), ...errorResponses },
    }),
    async (c) => c.json(await cancelOwnRegistration(c.get("req").ctx, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "put",
      operationId: "updateOwnDetails",
      path: "/registrations/details",
      summary: "Change your name and contact details",
      description:
        "Your own (signed in, `registrationId`) or with the manage link's `token`. The email does not change. When an approved registration's printed name or organisation changes, a new badge is signed and emailed; the old one is refused as replaced.",
      tags,
      security: security.none,
      request: { body: jsonBody(detailsBody) },
      responses: { 200: jsonResponse(detailsResult, "Saved"), ...errorResponses, 409: { description: "Cancelled or refused (`conflict`)" }, 410: { description: "Unknown or replaced link (`token_invalid`)" } },
    }),
    async (c) => c.json(await updateOwnDetails(c.get("req").ctx, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "resendManageLink",
      path: "/registrations/manage-link",
      summary: "Email a new manage link (lost link)",
      description:
        "Anyone. If the email has a registration for the edition, a new link is emailed to it and older links stop working. The answer is the same either way. Limited per email and per address like sign-in (`rate_limited`, 429).",
      tags,
      security: security.none,
      request: { body: jsonBody(z.strictObject({ edition: z.string().max(60).openapi({ description: "The edition's slug", example: "showcase-2026" }), email: z.string().max(254) })) },
      responses: { 202: jsonResponse(z.object({ ok: z.literal(true) }), "Accepted (whether or not the email is registered)"), ...errorResponses, 429: { description: "Too many requests (`rate_limited`)" } },
    }),
    async (c) => {
      const { ctx, ip } = c.get("req");
      await requestManageLink(ctx, { ...c.req.valid("json"), ip });
      return c.json({ ok: true as const }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "exportRegistrations",
      path: "/editions/{id}/registrations/export",
      summary: "Export registrations as CSV or XLSX",
      description:
        "Organiser staff, or a token with `catalogue:read`. Columns `email`, `phone` and `answers` need the `registration.exportPersonal` permission (organiser staff); tokens never get them. Audited.",
      tags: staffTags,
      security: security.either,
      request: {
        params: idParams,
        query: z.object({
          format: z.enum(["csv", "xlsx"]).default("csv"),
          columns: z.string().max(400).openapi({ example: "number,name,organisation,category,status", description: `Comma-separated: ${exportColumns.join(", ")}` }),
          categoryId: uuid.optional(),
          status: z.enum(registrationStatuses).optional(),
        }),
      },
      responses: {
        200: { description: "The file", content: { "text/csv": { schema: z.string() }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const file = await exportRegistrations(c.get("req").ctx, {
        ...q,
        columns: q.columns.split(",").map((s) => s.trim()).filter(Boolean).map((s) => asOneOf(s, exportColumns)),
        editionId: c.req.valid("param").id,
      });
      return c.body(new Uint8Array(file.body), 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      });
    },
  );

  return api;
}
