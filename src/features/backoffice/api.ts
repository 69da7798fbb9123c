import { createRoute, z } from "@hono/zod-openapi";
import { findAuditEntries } from "../../platform/audit/record";
import type { AppServices, Ctx } from "../../platform/context";
import { DomainError } from "../../platform/errors";
import { apiRouter } from "../../platform/http/api-router";
import { listOutbox } from "../../platform/mail/outbox";
import { authorize } from "../../platform/permissions/policy";
import { staffOrganiserId } from "../accounts/grants";
import { errorResponses, jsonResponse, security } from "../accounts/api";

const timestamp = z.iso.datetime();
const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: "limit", in: "query" } }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ param: { name: "offset", in: "query" } }),
};
/** A full timestamp, or a calendar day (UTC): `from` takes its start, `to` its end. */
const instant = (end: boolean) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((v) => new Date(v.length === 10 && end ? `${v}T23:59:59.999Z` : v));

const auditQuery = z.object({
  action: z.string().max(100).optional().openapi({ description: "Prefix, e.g. `cluster.` or `edition.updated`" }),
  entityType: z.string().max(50).optional().openapi({ example: "cluster" }),
  actor: z.string().max(200).optional().openapi({ description: "Part of the actor's email or token name" }),
  from: instant(false).optional().openapi({ description: "Entries at or after (ISO date or timestamp)" }),
  to: instant(true).optional().openapi({ description: "Entries at or before (ISO date or timestamp)" }),
  ...paging,
});

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: timestamp,
    organiserId: z.string().nullable(),
    editionId: z.string().nullable(),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

const outboxStatus = z.enum(["pending", "sending", "sent", "dead"]);
const outboxMessageSchema = z
  .object({
    id: z.string(),
    createdAt: timestamp,
    kind: z.string(),
    toAddress: z.string(),
    subject: z.string(),
    status: outboxStatus,
    attempts: z.number().int(),
    nextAttemptAt: timestamp,
    lastError: z.string().nullable(),
    sentAt: timestamp.nullable(),
  })
  .openapi("OutboxMessage", { description: "The body is not exposed: it may hold a sign-in or reset link." });

/** The organiser whose log the caller may read; callers bound to no organiser have none. */
async function readAuditLog(ctx: Ctx, filter: z.output<typeof auditQuery>) {
  const organiserId = staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "audit.read", { organiserId });
  if (!organiserId) throw new DomainError("forbidden");
  return findAuditEntries(ctx.db, { ...filter, organiserId });
}

async function readOutbox(ctx: Ctx, query: { status?: string; limit: number; offset: number }) {
  authorize(ctx.actor, "outbox.read");
  const rows = await listOutbox(ctx.db, query);
  return rows.map(({ bodyText: _t, bodyHtml: _h, lockedUntil: _l, ...row }) => row);
}

export function backofficeApi(_services: AppServices) {
  const api = apiRouter();
  const tags = ["back office"];

  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      summary: "The organiser's audit log, newest first, with filters",
      description: "Organiser staff, or an API token with `audit:read`.",
      tags,
      security: security.either,
      request: { query: auditQuery },
      responses: { 200: jsonResponse(z.array(auditEntrySchema), "Audit entries"), ...errorResponses },
    }),
    async (c) => c.json(await readAuditLog(c.get("req").ctx, c.req.valid("query")), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/outbox",
      summary: "Queued and sent email, newest first",
      description: "Platform admins, organiser staff, or an API token with `outbox:read`.",
      tags,
      security: security.either,
      request: { query: z.object({ status: outboxStatus.optional(), ...paging }) },
      responses: { 200: jsonResponse(z.array(outboxMessageSchema), "Messages"), ...errorResponses },
    }),
    async (c) => c.json(await readOutbox(c.get("req").ctx, c.req.valid("query")), 200),
  );

  return api;
}
