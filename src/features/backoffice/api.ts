import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonResponse, security } from "../../platform/http/openapi";
import { readAuditLog } from "./operations/audit-log";
import { outboxStatuses, readOutbox } from "./operations/outbox";

// Thin routes over the back office's own operations (the same ones its pages
// use): paging is by page number, days are read in the edition's timezone.

const timestamp = z.iso.datetime();
const page = z.coerce
  .number()
  .int()
  .min(1)
  .max(10_000)
  .optional()
  .openapi({ param: { name: "page", in: "query" }, description: "1 for the newest; default 1" });
const day = (description: string) => z.iso.date().optional().openapi({ description, example: "2026-01-24" });

const auditQuery = z.object({
  organiserId: z.uuid().optional().openapi({ description: "Platform admins only; staff and tokens read their own organiser" }),
  action: z.string().max(80).optional().openapi({ description: "Prefix of the action, e.g. `cluster.` or `edition.updated`" }),
  entityType: z.string().max(80).optional().openapi({ example: "cluster" }),
  actor: z.string().max(200).optional().openapi({ description: "Part of the actor's email or token name" }),
  from: day("First day, in the edition's timezone"),
  to: day("Last day (inclusive), in the edition's timezone"),
  page,
});

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: timestamp,
    organiserId: z.string().nullable(),
    editionId: z.string().nullable(),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    actorRegistrationId: z.string().nullable().openapi({ description: "A registration's holder who acted through its manage link" }),
    actorNominationId: z.string().nullable().openapi({ description: "A nomination's holder who acted through the application link" }),
    actorLabel: z.string(),
    action: z.string().openapi({ description: "One of the actions in `src/platform/audit/actions.ts`", example: "cluster.updated" }),
    entityType: z.string(),
    entityId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

const auditPageSchema = z
  .object({
    entries: z.array(auditEntrySchema),
    page: z.number().int(),
    hasNext: z.boolean(),
    timezone: z.string().openapi({ description: "The timezone the day filters were read in", example: "Asia/Karachi" }),
  })
  .openapi("AuditPage", { description: "50 entries a page, newest first" });

const outboxMessageSchema = z
  .object({
    id: z.string(),
    createdAt: timestamp,
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string().nullable().openapi({ description: "null when the body holds a password-reset link and the caller is not a platform admin" }),
    status: z.enum(outboxStatuses),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    sentAt: timestamp.nullable(),
  })
  .openapi("OutboxMessage");

const outboxPageSchema = z
  .object({
    messages: z.array(outboxMessageSchema),
    page: z.number().int(),
    hasNext: z.boolean(),
    smtpConfigured: z.boolean(),
  })
  .openapi("OutboxPage", { description: "25 messages a page, newest first" });

export function backofficeApi(_services: AppServices) {
  const api = apiRouter();
  const tags = ["back office"];

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listAuditEntries",
      path: "/audit",
      summary: "The organiser's audit log, newest first, with filters",
      description: "Organiser staff, platform admins, or an API token with `audit:read`.",
      tags,
      security: security.either,
      request: { query: auditQuery },
      responses: { 200: jsonResponse(auditPageSchema, "One page of entries"), ...errorResponses },
    }),
    async (c) => c.json(await readAuditLog(c.get("req").ctx, c.req.valid("query")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listOutbox",
      path: "/outbox",
      summary: "Queued and sent email, newest first",
      description: "Platform admins only: the outbox holds every organiser's mail.",
      tags,
      security: security.either,
      request: { query: z.object({ status: z.enum(outboxStatuses).optional(), page }) },
      responses: { 200: jsonResponse(outboxPageSchema, "One page of messages"), ...errorResponses },
    }),
    async (c) => c.json(await readOutbox(c.get("req").ctx, c.req.valid("query")), 200),
  );

  return api;
}
