import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { listOutbox } from "../../../platform/mail/outbox";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { staffOrganiserId } from "../../../platform/permissions/actor";

export const OUTBOX_PAGE_SIZE = 25;
export const outboxStatuses = ["pending", "sending", "sent", "dead"] as const;

export const outboxFilterInput = z.object({
  status: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(outboxStatuses).optional()),
  page: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1).max(10_000).default(1)),
});

/** Kinds whose body carries a link that signs someone into an existing account. */
const SECRET_KINDS = new Set(["password_reset"]);

/**
 * The outbox, newest first. A password-reset link would let whoever reads it
 * take over that account, so only platform admins see those bodies; staff see
 * that the message exists and whether it went out.
 */
export async function readOutbox(ctx: Ctx, raw: Input<typeof outboxFilterInput> = {}) {
  const f = parseInput(outboxFilterInput, raw ?? {});
  authorize(ctx.actor, "outbox.read", { organiserId: staffOrganiserId(ctx.actor) });
  const seeSecrets = can(ctx.actor, "outbox.readSecrets");
  const rows = await listOutbox(ctx.db, {
    status: f.status,
    limit: OUTBOX_PAGE_SIZE + 1,
    offset: (f.page - 1) * OUTBOX_PAGE_SIZE,
  });
  const messages = rows.slice(0, OUTBOX_PAGE_SIZE).map((m) => {
    const hidden = SECRET_KINDS.has(m.kind) && !seeSecrets;
    return {
      id: m.id,
      createdAt: m.createdAt,
      kind: m.kind,
      to: m.toAddress,
      subject: m.subject,
      text: hidden ? null : m.bodyText,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      sentAt: m.sentAt,
    };
  });
  return {
    messages,
    page: f.page,
    hasNext: rows.length > OUTBOX_PAGE_SIZE,
    smtpConfigured: !!ctx.config.smtp,
  };
}
