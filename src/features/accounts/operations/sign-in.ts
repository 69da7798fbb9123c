import { sql } from "drizzle-orm";
import { z } from "zod";
import { verifyPassword } from "../../../platform/auth/password";
import { isSignInLimited, recordSignInAttempt, WINDOW_MS } from "../../../platform/auth/rate-limit";
import { createSession, deleteSession } from "../../../platform/auth/sessions";
import { users } from "../../../platform/auth/tables";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { emailField } from "../schemas";
import { presentUser } from "../presenters";

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
  ip: z.string().default("unknown"),
  userAgent: z.string().nullish(),
});

// Not one transaction: a failed attempt must stay recorded for the rate limit.
export async function signIn(ctx: Ctx, raw: Input<typeof signInInput>) {
  const input = parseInput(signInInput, raw);
  if (await isSignInLimited(ctx.db, ctx.clock, input.email, input.ip)) throw new DomainError("rate_limited", { params: { retryAfterSeconds: WINDOW_MS / 1000 } });
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`)
    .limit(1);
  const ok = (await verifyPassword(user?.passwordHash ?? null, input.password)) && !!user && !user.disabledAt;
  await recordSignInAttempt(ctx.db, ctx.clock, input.email, input.ip, ok);
  if (!ok || !user) throw new DomainError("invalid_credentials");
  const session = await createSession(ctx.db, ctx.clock, user.id, input.userAgent);
  return { user: presentUser(user), session };
}

export async function signOut(ctx: Ctx, sessionSecret: string | undefined) {
  if (sessionSecret) await deleteSession(ctx.db, sessionSecret);
}
