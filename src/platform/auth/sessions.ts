import { and, eq, gt } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Executor } from "../db/types";
import { hashSecret, newSecret } from "../ids";
import { sessions, users } from "./tables";

export const SESSION_COOKIE = "numaish_session";
export const SESSION_DAYS = 30;

/** Create a session; returns the secret for the cookie (only its hash is stored). */
export async function createSession(db: Executor, clock: Clock, userId: string, userAgent?: string | null) {
  const secret = newSecret();
  const expiresAt = new Date(clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({
    id: hashSecret(secret),
    userId,
    createdAt: clock.now(),
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { secret, expiresAt };
}

export async function findSessionUser(db: Executor, clock: Clock, secret: string) {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashSecret(secret)), gt(sessions.expiresAt, clock.now())))
    .limit(1);
  if (!row || row.user.disabledAt) return null;
  return row.user;
}

export async function deleteSession(db: Executor, secret: string) {
  await db.delete(sessions).where(eq(sessions.id, hashSecret(secret)));
}

export async function deleteUserSessions(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
