import { and, count, eq, gte, or, sql } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Executor } from "../db/types";
import { signInAttempts } from "./tables";

// Sign-in is limited per email and per address over a sliding window. Attempts
// live in the database, not in memory, so the limit holds across app processes.
export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function isSignInLimited(db: Executor, clock: Clock, email: string, ip: string): Promise<boolean> {
  const since = new Date(clock.now().getTime() - WINDOW_MS);
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.success, false), gte(signInAttempts.at, since)));
  const [[byEmail], [byIp]] = await Promise.all([
    failures(eq(signInAttempts.email, email)),
    failures(eq(signInAttempts.ip, ip)),
  ]);
  return (byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL || (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP;
}

export async function recordSignInAttempt(db: Executor, clock: Clock, email: string, ip: string, success: boolean) {
  await db.insert(signInAttempts).values({ at: clock.now(), email, ip, success });
}

// Emails anyone can make us send to an address (a new manage link, "you are already registered",
// "you already have an account") are limited per address and per requester, in the same table and
// window as sign-in. Their rows are keyed `<purpose>:<email>` and `<purpose>:<ip>`, so they never meet
// sign-in's own rows and cannot lock anyone out of signing in. Every request counts (there is no
// "success" to tell apart); the caller records the request first, then asks, so requests arriving
// together cannot all pass the check before any of them is counted.
export const MAX_EMAILS_PER_ADDRESS = MAX_FAILURES_PER_EMAIL;
export const MAX_EMAILS_PER_IP = MAX_FAILURES_PER_IP;

/** `ip` absent: the request is limited per address only (it has no requester to tell apart). */
export async function recordEmailing(db: Executor, clock: Clock, purpose: string, email: string, ip?: string) {
  await db.insert(signInAttempts).values({ at: clock.now(), email: `${purpose}:${email}`, ip: `${purpose}:${ip ?? "-"}`, success: false });
}

/** More than the limit of such requests (the caller's own included) within the window: send nothing more. */
export async function isEmailingLimited(db: Executor, clock: Clock, purpose: string, email: string, ip?: string): Promise<boolean> {
  const since = new Date(clock.now().getTime() - WINDOW_MS);
  const byEmail = eq(signInAttempts.email, `${purpose}:${email}`);
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${byEmail})`.mapWith(Number),
      byIp: ip === undefined ? sql<number>`0`.mapWith(Number) : sql<number>`count(*) filter (where ${signInAttempts.ip} = ${`${purpose}:${ip}`})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(and(gte(signInAttempts.at, since), ip === undefined ? byEmail : or(byEmail, eq(signInAttempts.ip, `${purpose}:${ip}`))));
  return (row?.byEmail ?? 0) > MAX_EMAILS_PER_ADDRESS || (row?.byIp ?? 0) > MAX_EMAILS_PER_IP;
}
