import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/http/request-context";
import { conflictResponse, errorResponse, errorResponses, jsonBody, jsonResponse, publicErrors, security } from "../../platform/http/openapi";
import { applicantBaseline, applicantScores, saveApplicantSection } from "./operations/applicant";
import { inviteApplicants, setAskApplicants } from "./operations/applicants";

// The baseline asked of every applicant over the API (issue #15; decision 0018), over the same
// operations as the pages: the organiser's setting and the applicants' emails (organiser staff);
// the applicant's survey, section saves and scores by its link's token, sent in the body (a POST
// or PUT, so that a token never sits in a URL of a log).

const tags = ["baseline"];
const editionParam = z.uuid().openapi({ param: { name: "editionId", in: "path" } });
const std = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };
const token = z.string().max(1000).openapi({ description: "The token of the applicant's baseline link (the last part of the emailed link's address)" });
const unknownLink = { 404: errorResponse("`baseline_link_unknown`: the link opens nothing (unknown, withdrawn, another edition, the survey a draft or not asking applicants); the same for every reason") };
const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).nullable();

export function baselineApplicantsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: "put",
      operationId: "setBaselineAskApplicants",
      path: "/editions/{editionId}/baseline/applicants",
      summary: "Ask every applicant too (each submitted nomination answers by its own link), or only the exhibitors",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }), body: jsonBody(z.object({ ask: z.boolean() })) },
      responses: { 200: jsonResponse(z.object({ askApplicants: z.boolean() }), "The setting"), ...std },
    }),
    async (c) => c.json(await setAskApplicants(c.get("req").ctx, { editionId: c.req.valid("param").editionId, ask: c.req.valid("json").ask }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "inviteBaselineApplicants",
      path: "/editions/{editionId}/baseline/applicants/invitations",
      summary: "Email every submitted applicant not yet sent one its baseline link, in its nomination's language (the survey open and asking applicants)",
      tags,
      security: security.session,
      request: { params: z.object({ editionId: editionParam }) },
      responses: {
        200: jsonResponse(z.object({ sent: z.number().int(), unreachable: z.number().int().openapi({ description: "Applicants without an email" }) }), "The emails queued"),
        ...std,
        409: errorResponse("`baseline_applicants_not_asked` or `baseline_not_open`"),
      },
    }),
    async (c) => c.json(await inviteApplicants(c.get("req").ctx, { editionId: c.req.valid("param").editionId }), 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getApplicantBaseline",
      path: "/baseline/applicant",
      summary: "An applicant's baseline survey by its link: sections, questions, its answers or suggestions from its application, which sections are saved",
      tags,
      security: security.none,
      request: { body: jsonBody(z.object({ token })) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("ApplicantBaseline"), "The survey and the applicant's answers"), ...publicErrors, ...unknownLink },
    }),
    async (c) => c.json((await applicantBaseline(c.get("req").ctx, c.req.valid("json"))) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      operationId: "saveApplicantBaselineSection",
      path: "/baseline/applicant/sections/{section}",
      summary: "Save one section of an applicant's answers by its link (idempotent); its firm's registry enterprise is found by NTN or made from the nomination",
      tags,
      security: security.none,
      request: {
        params: z.object({ section: z.string().max(40).openapi({ param: { name: "section", in: "path" }, example: "markets" }) }),
        body: jsonBody(z.object({ token, answers: z.record(z.string().max(80), answerValue) })),
      },
      responses: {
        200: jsonResponse(z.object({ responseId: z.string(), section: z.string(), round: z.literal("baseline"), next: z.string().nullable(), submitted: z.boolean() }), "Saved"),
        ...publicErrors,
        ...unknownLink,
        ...conflictResponse,
      },
    }),
    async (c) => c.json((await saveApplicantSection(c.get("req").ctx, { ...c.req.valid("json"), section: c.req.valid("param").section })) as never, 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      operationId: "getApplicantBaselineScores",
      path: "/baseline/applicant/scores",
      summary: "An applicant's export and investment readiness scores by its link (null until its answers are complete)",
      tags,
      security: security.none,
      request: { body: jsonBody(z.object({ token })) },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi("ApplicantBaselineScores"), "The scores"), ...publicErrors, ...unknownLink },
    }),
    async (c) => {
      const r = await applicantScores(c.get("req").ctx, c.req.valid("json"));
      return c.json({ edition: r.edition, scores: r.scores } as never, 200);
    },
  );
}
