import { createRoute, z } from "@hono/zod-openapi";
import type { AppServices } from "../../platform/context";
import { apiRouter } from "../../platform/http/api-router";
import { conflictResponse, errorResponses, idParams, jsonBody, jsonResponse, publicErrors, security } from "../../platform/http/openapi";
import { roundBoard } from "./operations/board";
import { addEntry, applyForAward, enterEligible, listEntries, withdrawEntry } from "./operations/entries";
import { addEvidence, evidenceFile, myAwardApplications, removeEvidence } from "./operations/evidence";
import { assignRound, declareConflict, myJudging, reassignEntry, scoreEntry } from "./operations/judging";
import { awardsTransparency, lockResults, publicWinners } from "./operations/results";
import { getAwardsSetup, saveCategory, saveCriterion, setJudge, setRound } from "./operations/setup";
import { saveCategoryInput, saveCriterionInput, setJudgeInput, setRoundInput } from "./schemas";

// The awards over the API (issue #13): published winners and the transparency figures for anyone;
// categories, criteria, rounds, judges, entries, assignment and locking for organiser staff
// (`awards.manage`: a session or a catalogue:write token); a judge's own assignments, scores and
// conflicts (`awards.judge`, signed in); an exhibitor's application. The same operations and
// permissions as the pages: a judge sees only assigned entries and its own scores, the leaderboard
// only once the round is closed, and nobody sees sealed results.

const tags = ["awards"];
const slugParam = z.object({ slug: z.string().max(100).openapi({ param: { name: "slug", in: "path" }, example: "showcase-2026" }) });
const any = z.record(z.string(), z.unknown());
const notFound = { ...publicErrors, 404: errorResponses[404] };

export function awardsApi(_services: AppServices) {
  const api = apiRouter();
  for (const [operationId, path, summary, run] of [
    ["listAwardWinners", "/editions/{slug}/awards/winners", "Published winners and runners-up per category, with stall and catalogue profile", publicWinners],
    ["getAwardsTransparency", "/editions/{slug}/awards/transparency", "Criteria and weights per round, and aggregate figures per category (small counts withheld)", awardsTransparency],
  ] as const)
    api.openapi(
      createRoute({ method: "get", operationId, path, summary, tags, security: security.none, request: { params: slugParam }, responses: { 200: jsonResponse(any, summary), ...notFound } }),
      async (c) => c.json((await run(c.get("req").ctx, { slug: c.req.valid("param").slug })) as never, 200),
    );

  const call = <B extends z.ZodType>(operationId: string, path: string, summary: string, who: string, body: B | null, run: (ctx: never, id: string, b: z.infer<B>) => Promise<unknown>, method: "get" | "post" = "post") =>
    api.openapi(
      createRoute({
        method,
        operationId,
        path,
        summary,
        description: who,
        tags,
        security: security.either,
        request: body ? { params: idParams, body: jsonBody(body) } : { params: idParams },
        responses: { 200: jsonResponse(any, summary), ...errorResponses, ...conflictResponse },
      }),
      async (c) => c.json((await run(c.get("req").ctx as never, (c.req.valid("param" as never) as { id: string }).id, (body ? c.req.valid("json" as never) : undefined) as z.infer<B>)) as never, 200),
    );
  const staff = "Organiser staff (`awards.manage`). Audited.";
  call("getAwardsSetup", "/editions/{id}/awards", "Categories with rounds, criteria, judges and entry counts", staff, null, (ctx, id) => getAwardsSetup(ctx, { editionId: id }), "get");
  call("saveAwardCategory", "/editions/{id}/awards/categories", "Add a category (or change one, with its id); its two rounds come with it", staff, saveCategoryInput.omit({ editionId: true }), (ctx, id, b) => saveCategory(ctx, { ...b, editionId: id }));
  call("saveAwardCriterion", "/awards/categories/{id}/criteria", "Add a criterion to a round still in draft (or change one)", staff, saveCriterionInput.omit({ categoryId: true }), (ctx, id, b) => saveCriterion(ctx, { ...b, categoryId: id }));
  call("setAwardRound", "/awards/categories/{id}/rounds", "Open or close a round, or change its judges per entry and shortlist size. Closing the shortlist round shortlists its best entries.", staff, setRoundInput.omit({ categoryId: true }), (ctx, id, b) => setRound(ctx, { ...b, categoryId: id }));
  call("setAwardJudge", "/awards/categories/{id}/judges", "Add a judge to a round (an account with the reviewer role), with the clusters it is affiliated with", staff, setJudgeInput.omit({ categoryId: true }), (ctx, id, b) => setJudge(ctx, { ...b, categoryId: id }));
  call("enterEligibleForAward", "/awards/categories/{id}/entries/eligible", "Enter every eligible exhibitor not yet entered", staff, null, (ctx, id) => enterEligible(ctx, { categoryId: id }));
  call("listAwardEntries", "/awards/categories/{id}/entries", "The category's entries", staff, null, (ctx, id) => listEntries(ctx, { categoryId: id }), "get");
  call("addAwardEntry", "/awards/categories/{id}/entries", "Enter an enterprise of the registry", staff, z.object({ enterpriseId: z.uuid(), statement: z.string().max(2000).optional() }), (ctx, id, b) => addEntry(ctx, { ...b, categoryId: id }));
  call("withdrawAwardEntry", "/awards/entries/{id}/withdraw", "Withdraw an entry", staff, null, (ctx, id) => withdrawEntry(ctx, { entryId: id }));
  call("assignAwardRound", "/awards/categories/{id}/assign", "Assign the round's entries to its judges, balanced, with recusals applied", staff, z.object({ round: z.enum(["shortlist", "final"]), seed: z.number().int().optional() }), (ctx, id, b) => assignRound(ctx, { ...b, categoryId: id }));
  call("reassignAwardEntry", "/awards/categories/{id}/reassign", "Move one entry's judging in a round from one judge to another (moderation): not to a recused judge, one already on it, nor once scored", "Organiser staff (`awards.manage`) or the round's lead judge. Audited.", z.object({ round: z.enum(["shortlist", "final"]), entryId: z.uuid(), fromUserId: z.uuid(), toUserId: z.uuid() }), (ctx, id, b) => reassignEntry(ctx, { ...b, categoryId: id }));
  call("lockAwardResults", "/awards/categories/{id}/lock", "Lock the results (final round closed) and set when they are published. Refusals: award_rounds_not_closed, award_results_locked", staff, z.object({ publishAt: z.iso.datetime({ offset: true }) }), (ctx, id, b) => lockResults(ctx, { ...b, categoryId: id }));
  call("getAwardRoundBoard", "/awards/rounds/{id}/board", "Progress and leaderboard (normalised means, disagreement). Organisers until locked; a judge of the round once it is closed. Refusals: award_round_not_closed, award_results_sealed", "Organiser staff, or a judge of the round.", null, (ctx, id) => roundBoard(ctx, { roundId: id }), "get");
  call("scoreAwardEntry", "/awards/rounds/{id}/scores", "Score an assigned entry on every criterion (1–5, comment); again to change. Refusals: award_not_assigned, award_judge_recused, award_round_not_open, award_results_locked", "A judge of the round (`awards.judge`).", z.object({ entryId: z.uuid(), scores: z.array(z.object({ criterionId: z.uuid(), score: z.number().int(), comment: z.string().max(2000).optional() })) }), (ctx, id, b) => scoreEntry(ctx, { ...b, roundId: id }));
  call("declareAwardConflict", "/awards/entries/{id}/conflict", "Declare a conflict with an entry: recused from it", "A judge of the category (`awards.judge`).", z.object({ reason: z.string().max(500).optional() }), (ctx, id, b) => declareConflict(ctx, { ...b, entryId: id }));
  call("applyForAward", "/awards/categories/{id}/apply", "Apply to an application category with a short statement. Refusals: award_not_eligible, award_not_open_for_applications", "The exhibitor of the enterprise (`awards.enter`).", z.object({ enterpriseId: z.uuid(), statement: z.string().min(20).max(2000) }), (ctx, id, b) => applyForAward(ctx, { ...b, categoryId: id }));

  const exhibitor = "The exhibitor of the entry's enterprise (`awards.enter`, signed in). Audited.";
  call("addAwardEvidence", "/awards/entries/{id}/evidence", "Attach an evidence file (PDF, PNG or JPEG by its first bytes; at most 5 MB, 3 per entry) to the exhibitor's own entry while applications are open. Refusals: validation_failed on `file` (award_evidence_type, award_evidence_too_large, award_evidence_too_many), award_not_open_for_applications", exhibitor, z.object({ fileName: z.string().min(1).max(200), contentBase64: z.string().max(8_000_000).openapi({ description: "The file's bytes, base64" }) }), (ctx, id, b) => addEvidence(ctx, { entryId: id, fileName: b.fileName, bytes: new Uint8Array(Buffer.from(b.contentBase64, "base64")) }));
  call("removeAwardEvidence", "/awards/evidence/{id}/remove", "Remove an evidence file from the exhibitor's own entry while applications are open", exhibitor, null, (ctx, id) => removeEvidence(ctx, { evidenceId: id }));
  api.openapi(
    createRoute({ method: "get", operationId: "getAwardEvidence", path: "/awards/evidence/{id}", summary: "An evidence file, for its exhibitor, the organiser's staff and the judges the entry is assigned to (anyone else: not_found)", tags, security: security.either, request: { params: idParams }, responses: { 200: { description: "The file", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } }, ...errorResponses } }),
    async (c) => {
      const f = await evidenceFile(c.get("req").ctx, { evidenceId: c.req.valid("param").id });
      return new Response(new Uint8Array(f.bytes), { status: 200, headers: { "Content-Type": f.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" } }) as never;
    },
  );
  api.openapi(
    createRoute({ method: "get", operationId: "myAwardApplications", path: "/awards/applications", summary: "The signed-in exhibitor's application categories: open or not, eligible or why not, its entry and evidence", tags, security: security.session, responses: { 200: jsonResponse(any, "Categories"), ...errorResponses } }),
    async (c) => c.json((await myAwardApplications(c.get("req").ctx)) as never, 200),
  );
  api.openapi(
    createRoute({ method: "get", operationId: "myAwardJudging", path: "/awards/judging", summary: "The signed-in judge's rounds, assigned entries and own scores", tags, security: security.session, responses: { 200: jsonResponse(z.array(any), "Rounds"), ...errorResponses } }),
    async (c) => c.json((await myJudging(c.get("req").ctx)) as never, 200),
  );
  return api;
}
