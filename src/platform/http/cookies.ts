import { SESSION_COOKIE, SESSION_DAYS } from "../auth/sessions";

export const LOCALE_COOKIE = "numaish_lang";

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  secure?: boolean;
}

export function serializeCookie(name: string, value: string, o: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (o.maxAgeSeconds !== undefined) parts.push(`Max-Age=${o.maxAgeSeconds}`);
  if (o.httpOnly) parts.push("HttpOnly");
  if (o.secure) parts.push("Secure");
  return parts.join("; ");
}

/** HttpOnly so page scripts never see it; SameSite=Lax plus the Origin check stop cross-site posts. */
export const sessionCookie = (secret: string, secure: boolean) =>
  serializeCookie(SESSION_COOKIE, secret, { httpOnly: true, secure, maxAgeSeconds: SESSION_DAYS * 86_400 });

export const clearSessionCookie = (secure: boolean) =>
  serializeCookie(SESSION_COOKIE, "", { httpOnly: true, secure, maxAgeSeconds: 0 });

export const localeCookie = (locale: string, secure: boolean) =>
  serializeCookie(LOCALE_COOKIE, locale, { secure, maxAgeSeconds: 365 * 86_400 });
