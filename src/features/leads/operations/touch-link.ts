import { eq } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, enterprises } from "#features/editions";
import { registrations } from "#features/registration";
import { touchLinkAnswerInput, touchLinkInput } from "../schemas";
import { leads } from "../tables";
import { decideTouch } from "./visitor";

// One stay-in-touch request by the link emailed for it (issue #14, item 7; operations/scan.ts):
// whoever holds the link sees which exhibitor asks, at which edition, and answers that request
// alone. It shows nothing of the visitor but their first name, and nothing of the other exhibitors
// (those are on the visitor's own registration page). An unknown link, or one whose lead has gone
// (retention, erasure), is `token_invalid`.

async function leadOfLink(db: Executor, token: string, lock = false) {
  const q = db.select().from(leads).where(eq(leads.touchTokenHash, hashSecret(token)));
  const [lead] = lock ? await q.for("update") : await q;
  if (!lead) throw new DomainError("token_invalid");
  const [reg] = await db.select().from(registrations).where(eq(registrations.id, lead.registrationId));
  const [firm] = await db.select({ en: enterprises.nameEn, ur: enterprises.nameUr }).from(enterprises).where(eq(enterprises.id, lead.enterpriseId));
  const [edition] = await db.select({ slug: editions.slug, nameEn: editions.nameEn, nameUr: editions.nameUr }).from(editions).where(eq(editions.id, lead.editionId));
  if (!reg || !firm || !edition) throw new DomainError("token_invalid");
  return { lead, reg, firm, edition };
}

const stateOf = (lead: typeof leads.$inferSelect) => (lead.withdrawnAt ? ("withdrawn" as const) : lead.touch === "none" ? ("shared" as const) : lead.touch);

/** The request the link is for: who asks, at which edition, and where it stands. */
export async function touchRequestByLink(ctx: Ctx, raw: Input<typeof touchLinkInput>) {
  const { token } = parseInput(touchLinkInput, raw);
  const { lead, reg, firm, edition } = await leadOfLink(ctx.db, token);
  return {
    exhibitor: firm,
    edition,
    firstName: reg.name.trim().split(/\s+/)[0] ?? "",
    /** pending: to answer; accepted, declined: answered; shared: the visitor consented to all since; withdrawn. */
    state: stateOf(lead),
    decidedAt: lead.touchDecidedAt?.toISOString() ?? null,
  };
}

/** The visitor's answer by the request's link: the same decision as on their registration page. */
export async function answerTouchByLink(ctx: Ctx, raw: Input<typeof touchLinkAnswerInput>) {
  const { token, accept } = parseInput(touchLinkAnswerInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { lead, reg } = await leadOfLink(tx, token, true);
    return decideTouch(tx, ctx, reg, lead, accept);
  });
}
