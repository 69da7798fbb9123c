import { createRoute, z } from "@hono/zod-openapi";
import type { apiRouter } from "../../platform/http/api-router";
import { errorResponses, jsonBody, jsonResponse, security } from "../../platform/http/openapi";
import { decideAppeal, fileAppeal, listAppeals } from "./operations/appeals";

// Appeals as JSON: an applicant lodges one with its application link token (no
// account), organiser staff list and decide them. Same operations as the pages.

const uuid = () => z.uuid();
const conflict = { 409: jsonResponse(z.object({ code: z.string() }), "Not appealable, window closed, or already decided (`conflict`); already appealed (`already_exists`)") };

const appeal = z
  .object({
    id: z.uuid(),
    nominationId: z.uuid(),
    status: z.enum(["open", "upheld", "rejected"]),
    grounds: z.string(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("Appeal");

const lodgeBody = z
  .strictObject({
    // In the body, not the path: a link token in a URL ends up in logs.
    token: z.string().min(20).max(200).openapi({ description: "The token of the applicant's application link (the part after /apply/)" }),
    grounds: z.string().min(20).max(4000),
  })
  .openapi("AppealInput");

const decideBody = z
  .strictObject({
    outcome: z.enum(["upheld", "rejected"]),
    note: z.string().min(10).max(4000).openapi({ description: "The recorded reasons, sent to the applicant" }),
    status: z.enum(["selected", "waitlisted"]).optional().openapi({ description: "When upheld: the new decision (default selected)" }),
  })
  .openapi("AppealDecision");

type Row = { id: string; nominationId: string; status: string; grounds: string; decisionNote: string | null; createdAt: Date; decidedAt: Date | null };
const out = (a: Row) => ({
  id: a.id,
  nominationId: a.nominationId,
  status: a.status as "open" | "upheld" | "rejected",
  grounds: a.grounds,
  decisionNote: a.decisionNote,
  createdAt: a.createdAt.toISOString(),
  decidedAt: a.decidedAt?.toISOString() ?? null,
});

export function mountAppeals(api: ReturnType<typeof apiRouter>, tags: string[]) {
  api.openapi(
    createRoute({
      method: "post",
      operationId: "fileAppeal",
      path: "/appeals",
      summary: "Lodge an appeal against a published decision (the applicant, with its application link token)",
      description: "Only not-selected or waitlisted applicants, within the edition's appeal window, once.",
      tags,
      security: security.none,
      request: { body: jsonBody(lodgeBody) },
      responses: { 201: jsonResponse(appeal, "Lodged"), ...errorResponses, ...conflict, 410: jsonResponse(z.object({ code: z.string() }), "Unknown or expired link token (`token_invalid`)") },
    }),
    async (c) => c.json(out(await fileAppeal(c.get("req").ctx, c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      operationId: "listAppeals",
      path: "/editions/{id}/appeals",
      summary: "The appeals of an edition (organiser staff)",
      tags,
      security: security.session,
      request: { params: z.object({ id: uuid().openapi({ param: { name: "id", in: "path" } }) }) },
      responses: { 200: jsonResponse(z.object({ appeals: z.array(appeal.extend({ enterpriseName: z.string() })) }), "The appeals, oldest first"), ...errorResponses },
    }),
    async (c) => {
      const rows = await listAppeals(c.get("req").ctx, { editionId: c.req.valid("param").id });
      return c.json({ appeals: rows.map((r) => ({ ...out(r.appeal), enterpriseName: r.enterpriseName })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      operationId: "decideAppeal",
      path: "/appeals/{id}/decision",
      summary: "Decide an appeal (organiser staff who did not review the application); upheld changes the decision as a recorded override",
      tags,
      security: security.session,
      request: { params: z.object({ id: uuid().openapi({ param: { name: "id", in: "path" } }) }), body: jsonBody(decideBody) },
      responses: { 200: jsonResponse(appeal, "Decided"), ...errorResponses, ...conflict },
    }),
    async (c) => c.json(out(await decideAppeal(c.get("req").ctx, { ...c.req.valid("json"), appealId: c.req.valid("param").id })), 200),
  );
}
