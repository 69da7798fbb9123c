import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { DomainError } from "../platform/errors";
import type { AppServices } from "../platform/context";
import { apiRouter } from "../platform/http/api-router";
import { handleError } from "../platform/http/errors";
import { accountsApi } from "../features/accounts/api";
import { editionsApi } from "../features/editions/api";
import { backofficeApi } from "../features/backoffice/api";
import { selectionApi } from "../features/selection/api";
import { registrationApi } from "../features/registration/api";
import { b2bApi } from "../features/b2b/api";
import { leadsApi } from "../features/leads/api";
import { analyticsApi } from "../features/analytics/api";
import { b2bDirectoryApi } from "../features/b2b/api-directory";
import { b2bRequestsApi } from "../features/b2b/api-requests";
import { b2bRunsApi } from "../features/b2b/api-runs";
import { b2bMeetingsApi } from "../features/b2b/api-meetings";
import { meetdayApi } from "../features/meetday/api";
import { checkinApi } from "../features/checkin/api";
import { floorApi } from "../features/floor/api";
import { floorAllocationApi } from "../features/floor/api-allocation";
import { programmeApi } from "../features/programme/api-programme";
import { awardsApi } from "../features/awards/api-awards";
import { exhibitorsApi } from "../features/exhibitors/api-exhibitors";
import { baselineApi } from "../features/baseline/api";
import { floorPlanApi } from "../features/floor/api-plan";
import { privacyApi } from "../features/privacy/api";
import { renderApiReference } from "./api-reference";

/**
 * Errors that come from the request rather than from our code: Hono's validator
 * throws HTTPException 400 on malformed JSON and 415 on a body that is not JSON,
 * and PostgreSQL refuses text it cannot store (a NUL byte, invalid UTF-8). They
 * are the caller's fault, so they answer 400 `bad_request`, never 500.
 */
function requestFault(err: unknown): DomainError | null {
  if (err instanceof HTTPException && err.status < 500) return new DomainError("bad_request");
  for (let cur: unknown = err, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (code === "22021" || code === "22P05" || code === "54000") return new DomainError("bad_request");
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

const MAX_BODY_BYTES = 256 * 1024;

const tags = [
  { name: "accounts", description: "Sign-up, sign-in, password reset, the own account, invitations." },
  { name: "api tokens", description: "Organiser staff create, scope and revoke tokens for other systems." },
  { name: "editions", description: "Public views of published editions." },
  { name: "editions (organiser)", description: "Editing an organiser's editions, sectors, clusters and trade bodies." },
  { name: "back office", description: "The audit log and the email outbox." },
  { name: "nominations and selection", description: "Trade bodies nominate, reviewers score, organisers run and publish the selection; the public transparency report." },
  { name: "registration", description: "Registering for an edition, alone or as a delegation; cancelling." },
  { name: "registration (organiser)", description: "Registrations: list, approve or refuse, walk-ins, exports." },
  { name: "check-in", description: "Gate scans online and offline, gate bundles, badge PDFs, revoking and reprinting badges." },
  { name: "b2b matchmaking", description: "The B2B programme of an edition: days, sessions, slots, lounge tables, interpreters, caps." },
  { name: "floor", description: "The public exhibition floor: halls, pavilions, stalls and their confirmed exhibitors, and its search." },
  { name: "floor allocation", description: "Stall allocation runs of an edition: run, review, move, lock, confirm (organiser staff)." },
  { name: "exhibitors", description: "The public Made in Pakistan catalogue, and the exhibitor's own profile." },
  { name: "programme", description: "The agenda: the released programme, rooms, speakers, releases and their change log; the draft (organiser staff); RSVPs." },
  { name: "baseline", description: "The SME baseline: the exhibitor's own survey, answers and readiness scores; the organiser's survey and dashboard figures." },
  { name: "awards", description: "The SME awards: published winners and transparency; categories, rounds, criteria, judges, entries, assignment and locking (organiser staff); a judge's own entries and scores." },
  { name: "floor (organiser)", description: "The plan editor: halls, stalls, rows and blocks, areas, undo, CSV/DXF import, SVG/PDF export." },
  { name: "meeting day", description: "B2B meeting check-in with badges, the lounge board, no-shows, outcomes and follow-ups, the outcome dashboard." },
  { name: "personal data", description: "A person's own data (signed in, or by a registration's manage link); erasure on request and the retention setting (organiser staff)." },
  { name: "leads", description: "Lead retrieval at the stalls: an exhibitor scans visitors' badges and reads only its own leads (details only with the visitor's consent); organisers read counts." },
  { name: "analytics", description: "An edition's figures: SMEs from nomination to meetings by a breakdown, visitors by category, edition against edition (organiser staff); a trade body's members in aggregate, small cells hidden." },
];

export function createApi(services: AppServices) {
  const api = apiRouter();
  api.onError((err, c) => handleError(requestFault(err) ?? err, c));
  // No API body is anywhere near this; refusing early keeps a huge upload out of memory. The rest
  // of the body is never read, so the answer closes the connection: a client must not send its
  // next request on it (it would be read as part of this body, or find the socket reset).
  const tooLarge = (c: Context) => {
    c.header("Connection", "close");
    throw new DomainError("payload_too_large", { params: { max: MAX_BODY_BYTES } });
  };
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  api.use("*", (c, next) => {
    // A body of a stated length is judged by its header alone, as bodyLimit would, without asking
    // for the request's body: that would make @hono/node-server build a full Web Request and a
    // stream for it, a tenth of the registration rush's CPU. Bodies without a length (chunked) are
    // counted by bodyLimit as they come.
    const length = c.req.header("content-length");
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (length !== undefined && /^\d+$/.test(length) && c.req.header("transfer-encoding") === undefined) return Number(length) > MAX_BODY_BYTES ? tooLarge(c) : next();
    return limit(c, next);
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An organiser's API token (`nmsh_…`), created by organiser staff with scopes: catalogue:read, catalogue:write, audit:read.",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "numaish_session",
    description:
      "The session cookie set by sign-in. State-changing requests with the cookie must carry an Origin header of this site (CSRF protection).",
  });
  api.route("/", accountsApi(services));
  api.route("/", editionsApi(services));
  api.route("/", backofficeApi(services));
  api.route("/", selectionApi(services));
  api.route("/", registrationApi(services));
  api.route("/", checkinApi(services));
  api.route("/", b2bApi(services));
  api.route("/", floorApi(services));
  api.route("/", floorAllocationApi(services));
  api.route("/", exhibitorsApi(services));
  api.route("/", floorPlanApi(services));
  api.route("/", b2bDirectoryApi(services));
  api.route("/", b2bRequestsApi(services));
  api.route("/", b2bRunsApi(services));
  api.route("/", b2bMeetingsApi(services));
  api.route("/", programmeApi(services));
  api.route("/", meetdayApi(services));
  api.route("/", baselineApi(services));
  api.route("/", awardsApi(services));
  api.route("/", privacyApi(services));
  api.route("/", leadsApi(services));
  api.route("/", analyticsApi(services));
  const document = {
    openapi: "3.1.0" as const,
    info: {
      title: "Numaish API",
      version: "1",
      description:
        "JSON API over the same operations as the web pages. Authenticate with an organiser's API token (`Authorization: Bearer nmsh_…`) or a session cookie. Errors carry a stable `code`; send `Accept-Language: ur` for Urdu messages.",
    },
    servers: [{ url: `${services.config.publicUrl}/api/v1` }],
    tags,
  };
  api.doc31("/openapi.json", document);
  let reference: string | undefined;
  api.get("/docs", (c) => {
    reference ??= renderApiReference(api.getOpenAPI31Document(document) as unknown as Record<string, unknown>);
    return c.html(reference);
  });
  // Last: any other path under /api/v1 is a JSON 404, not the web app's page.
  api.all("*", () => {
    throw new DomainError("not_found", { params: { what: "route" } });
  });
  return api;
}
