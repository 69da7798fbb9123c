import "../wiring";
import path from "node:path";
import { createHash, timingSafeEqual } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { serveStatic } from "@hono/node-server/serve-static";
import { createRequestHandler, type ServerBuild } from "react-router";
import { sql } from "drizzle-orm";
import type { AppServices } from "../platform/context";
import { handleError } from "../platform/http/errors";
import { requestContext, type AppEnv } from "../platform/http/request-context";
import { originCheck, securityHeaders } from "../platform/http/security";
import { actorForUser } from "../features/accounts/grants";
import { actorForApiToken } from "../features/accounts/operations/api-tokens";
import { createLogger, type Logger } from "../platform/log";
import { createApi } from "./api";
import { createMetrics, observe, readiness } from "./observability";
import type { LoadContext } from "./load-context";

export interface AppOptions {
  services: AppServices;
  /** The React Router server build; omitted in API-only tests. */
  build?: ServerBuild;
  /** Folder of the built client assets (build/client). */
  clientDir?: string;
  /** JSON logs (src/server/main.ts passes one at LOG_LEVEL); none: silent. */
  logger?: Logger;
}

export function createApp({ services, build, clientDir, logger = createLogger("silent") }: AppOptions) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  const metrics = createMetrics(services);
  app.use("*", observe(logger, metrics));
  // Pages and JSON gzipped on the fly (slow phone networks); assets come precompressed (brotli or
  // gzip, scripts/precompress.mjs), and the live footfall stream (text/event-stream) is left alone.
  app.use("*", compress());
  app.use("*", jsonLength);

  // Readiness: the database answers and every migration this code knows of is applied.
  app.get("/readyz", async (c) => {
    const r = await readiness(services);
    return c.json(r, r.ok ? 200 : 503);
  });

  // Prometheus, behind a bearer token (METRICS_TOKEN); without one configured there is no endpoint.
  app.get("/metrics", async (c) => {
    const token = services.config.metricsToken;
    if (!token) return c.json({ error: { code: "not_found" } }, 404);
    const given = c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    if (!safeEqual(given, token)) return c.json({ error: { code: "unauthenticated" } }, 401);
    return c.text(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });

  app.get("/healthz", async (c) => {
    try {
      await services.db.execute(sql`select 1`);
      return c.json({ status: "ok" });
    } catch {
      return c.json({ status: "database_unavailable" }, 503);
    }
  });

  if (clientDir) {
    const root = path.relative(process.cwd(), clientDir);
    // Fingerprinted files: cache for a year.
    app.use(
      "/assets/*",
      serveStatic({
        root,
        precompressed: true,
        onFound: (_p, c) => {
          c.header("Cache-Control", "public, max-age=31536000, immutable");
        },
      }),
    );
    app.use("/favicon.svg", serveStatic({ root }));
  }

  app.use("*", requestContext(services, {
    forUser: (user) => actorForUser(services.db, user),
    forToken: (bearer) => actorForApiToken(services.db, services.clock, bearer),
  }));
  app.use("*", securityHeaders({ https: services.config.publicUrl.startsWith("https:"), framable: (p) => FRAMABLE.test(p) }));
  app.use("*", originCheck(services.config.publicUrl));

  app.route("/api/v1", createApi(services));

  if (build) {
    const handle = createRequestHandler(build, process.env.NODE_ENV === "development" ? "development" : "production");
    app.all("*", (c) => {
      const r = c.get("req");
      const context: LoadContext = {
        services,
        ctx: r.ctx,
        nonce: r.nonce,
        sessionSecret: r.sessionSecret,
        ip: r.ip,
        userAgent: r.userAgent,
      };
      return handle(c.req.raw, context);
    });
  }
  return app;
}

/** Pages other sites may show in an <iframe>: the agenda widget only (issue #13). */
export const FRAMABLE = /^\/editions\/[^/]+\/programme\/embed\/?$/;

/** compress() skips bodies under its 1 KB threshold only when it knows their length, and c.json()
 *  gives none: every small JSON answer (a registration's 202 is 27 bytes) went through a gzip
 *  stream, on the server and again in the client. So c.json() here gives the length it knows (the
 *  text is in hand), which also keeps @hono/node-server's fast path: a string body written as is,
 *  no Web stream. Registered after compress() so this runs first on the way out: a JSON answer made
 *  some other way gets its length by reading it, and only large ones are compressed. */
const jsonLength: MiddlewareHandler = async (c, next) => {
  c.json = ((object: unknown, arg?: number | ResponseInit, headers?: Record<string, string>) => {
    const text = JSON.stringify(object);
    const body = c.body as (data: string, arg?: number | ResponseInit, headers?: Record<string, string>) => Response;
    return body(text, arg, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), ...headers });
  }) as unknown as typeof c.json;
  await next();
  const res = c.res;
  if (res.headers.has("content-length") || !res.headers.get("content-type")?.startsWith("application/json") || !res.body) return;
  const body = await res.arrayBuffer();
  const headers = new Headers(res.headers);
  headers.set("content-length", String(body.byteLength));
  c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
};

const digest = (s: string) => createHash("sha256").update(s).digest();
const safeEqual = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
