import type { MiddlewareHandler } from "hono";
import { DomainError } from "../errors";
import type { AppEnv } from "./request-context";

/**
 * Security headers with a per-request nonce for React Router's inline scripts.
 * Everything else loads from our own origin only: fonts included.
 */
export function securityHeaders(options: { https?: boolean; framable?: (path: string) => boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const nonce = c.get("req")?.nonce ?? "";
    const h = c.res.headers;
    // Pages are never framed (clickjacking), except the few the composition root names: a widget
    // meant for an <iframe> on another site (the agenda's embed page).
    const framable = options.framable?.(c.req.path) ?? false;
    h.set(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        framable ? "frame-ancestors *" : "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ].join("; "),
    );
    h.set("X-Content-Type-Options", "nosniff");
    if (framable) h.delete("X-Frame-Options");
    else h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(self), geolocation=(), microphone=()");
    // Served over https (PUBLIC_URL): browsers keep to https for a year. Never over plain http,
    // where a development or test server would pin the name to a scheme it does not serve.
    if (options.https) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a state-changing request carried by the session cookie must come from
 * our own origin. Browsers send Origin on every cross-site POST (and on forms
 * posted without JavaScript), so comparing it with our host is enough; requests
 * with an API token, or from a non-browser client with neither Origin nor a
 * session cookie, carry no ambient credential and are exempt.
 */
export function originCheck(publicUrl: string): MiddlewareHandler<AppEnv> {
  const allowed = new URL(publicUrl).host;
  return async (c, next) => {
    const req = c.get("req");
    if (SAFE.has(c.req.method) || req.bearer) return next();
    const origin = c.req.header("origin") ?? c.req.header("referer");
    // No Origin and no session cookie: not a browser acting for a signed-in
    // person (browsers send Origin on every cross-site POST), so nothing to forge.
    if (!origin && !req.sessionSecret) return next();
    const host = c.req.header("host");
    let from: string | undefined;
    try {
      from = origin && origin !== "null" ? new URL(origin).host : undefined;
    } catch {
      from = undefined;
    }
    if (!from || (from !== host && from !== allowed)) throw new DomainError("csrf_failed");
    return next();
  };
}
