import { and, count, eq, gte } from "drizzle-orm";
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
