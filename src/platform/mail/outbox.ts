import { and, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Clock } from "../clock";
import { afterCommit } from "../db/after-commit";
import type { Executor } from "../db/types";
import { wakeOutbox } from "./wake";
import { outboxMessages } from "./tables";

export interface EmailMessage {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with it (e.g. an .ics calendar file), content as text. */
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** Queue an email in the caller's transaction; the worker sends it after commit. */
export async function queueEmail(db: Executor, clock: Clock, message: EmailMessage): Promise<string> {
  const [id] = await queueEmails(db, clock, [message]);
  return id!;
}

/** An address in the reserved `.invalid` domain (RFC 2606) can never receive mail: what an erased
 *  person's email becomes (privacy/operations/anonymise.ts). Queued as dead, never sent. */
const undeliverable = (to: string) => /[@.]invalid$/i.test(to.trim());

/** Queue several emails in one statement (ids in the same order). */
export async function queueEmails(db: Executor, clock: Clock, messages: readonly EmailMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const now = clock.now();
  const rows = await db
    .insert(outboxMessages)
    .values(
      messages.map((message) => ({
        createdAt: now,
        nextAttemptAt: now,
        kind: message.kind,
        toAddress: message.to,
        subject: message.subject,
        bodyText: message.text,
        bodyHtml: message.html ?? null,
        attachments: message.attachments ?? null,
        ...(undeliverable(message.to) ? { status: "dead" as const, lastError: "undeliverable address (.invalid)" } : {}),
      })),
    )
    .returning({ id: outboxMessages.id });
  // The worker wakes once the messages are there to claim: after the commit, not before.
  afterCommit(db, wakeOutbox);
  return rows.map((r) => r.id);
}

export const MAX_ATTEMPTS = 8;
/** 30 s, 1 min, 2 min, … capped at an hour: a flaky relay gets time to come back. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
const LEASE_MS = 60_000;

/**
 * Claim due messages. SKIP LOCKED lets several app processes run workers against
 * one PostgreSQL without sending a message twice; the lease returns a message to
 * the queue when a worker died mid-send.
 */
export async function claimDue(db: Executor, clock: Clock, limit = 10) {
  const now = clock.now();
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      or(
        and(eq(outboxMessages.status, "pending"), lte(outboxMessages.nextAttemptAt, now)),
        and(eq(outboxMessages.status, "sending"), lte(outboxMessages.lockedUntil, now)),
      ),
    )
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({
      status: "sending",
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${outboxMessages.attempts} + 1`,
    })
    .where(inArray(outboxMessages.id, due))
    .returning();
}

export async function markSent(db: Executor, clock: Clock, id: string) {
  await db
    .update(outboxMessages)
    .set({ status: "sent", sentAt: clock.now(), lockedUntil: null, lastError: null })
    .where(eq(outboxMessages.id, id));
}

export async function markFailed(db: Executor, clock: Clock, id: string, attempts: number, error: string) {
  const dead = attempts >= MAX_ATTEMPTS;
  await db
    .update(outboxMessages)
    .set({
      status: dead ? "dead" : "pending",
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      nextAttemptAt: new Date(clock.now().getTime() + backoffMs(attempts)),
    })
    .where(eq(outboxMessages.id, id));
}

export async function listOutbox(db: Executor, options: { status?: string; limit: number; offset: number }) {
  const where = options.status ? eq(outboxMessages.status, options.status as "pending") : undefined;
  return db
    .select()
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(options.limit)
    .offset(options.offset);
}
