import type { Logger } from "../log";
import { randomBytes } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { SESSION_COOKIE, findSessionUser } from "../auth/sessions";
import type { AppServices, Ctx } from "../context";
import { negotiateLocale, isLocale } from "../i18n/locales";
import { anonymous, type Actor } from "../permissions/actor";
import { LOCALE_COOKIE, readCookie } from "./cookies";

export interface RequestInfo {
  ctx: Ctx;
  nonce: string;
  sessionSecret?: string;
  ip: string;
  userAgent: string | null;
  /** true when the caller authenticated with an API token rather than a cookie. */
  bearer: boolean;
}

export type AppEnv = { Variables: { req: RequestInfo; log?: Logger } };

/** Grants and tokens are resolved by the feature that owns them, injected here. */
export interface ActorResolvers {
  forUser(user: { id: string; email: string; name: string }): Promise<Actor>;
  forToken(bearer: string): Promise<Actor | null>;
}

/** Per request: who is calling, in which language, with which CSP nonce. */
export function requestContext(services: AppServices, resolvers: ActorResolvers): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookieHeader = c.req.header("cookie");
    const sessionSecret = readCookie(cookieHeader, SESSION_COOKIE);
    const auth = c.req.header("authorization");
    let actor: Actor = anonymous;
    let userLocale: string | undefined;
    let bearer = false;
    if (auth?.startsWith("Bearer ")) {
      bearer = true;
      actor = (await resolvers.forToken(auth.slice(7).trim())) ?? anonymous;
    } else if (sessionSecret) {
      const user = await findSessionUser(services.db, services.clock, sessionSecret);
      if (user) {
        actor = await resolvers.forUser(user);
        userLocale = user.locale;
      }
    }
    const cookieLocale = readCookie(cookieHeader, LOCALE_COOKIE);
    const locale = negotiateLocale(isLocale(cookieLocale) ? cookieLocale : userLocale, c.req.header("accept-language"));
    let ip = services.config.trustProxy ? (c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "") : "";
    if (!ip) {
      try {
        ip = getConnInfo(c).remote.address ?? "unknown";
      } catch {
        ip = "unknown";
      }
    }
    c.set("req", {
      ctx: { db: services.db, actor, clock: services.clock, config: services.config, locale },
      nonce: randomBytes(16).toString("base64"),
      sessionSecret,
      ip,
      userAgent: c.req.header("user-agent") ?? null,
      bearer,
    });
    await next();
  };
}
