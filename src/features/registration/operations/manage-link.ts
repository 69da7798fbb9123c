import { and, desc, eq, ne, sql } from "drizzle-orm";
import { isEmailingLimited, recordEmailing, WINDOW_MS } from "../../../platform/auth/rate-limit";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { isLocale, type Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions } from "#features/editions";
import { manageLinkRequestInput } from "../schemas";
import { registrations } from "../tables";

// "Lost your link?": only the hash of a manage link is stored, so a lost link cannot be sent
// again; a new one is made instead (the old one stops working) and emailed to the address the
// registration was made with. The answer is the same whether or not that email registered, so
// the form tells nobody who is registered; the email itself is the proof of who asks.
//
// Limited per email and per address (platform/auth/rate-limit.ts: isEmailingLimited, sign-in's
// window and counts, in its table so the limit holds across app processes).

const PURPOSE = "manage-link";

type Registration = typeof registrations.$inferSelect;
type LinkEdition = { nameEn: string; nameUr: string };

/**
 * Make the registration a new manage link (older links stop working) and queue it to the
 * registrant, in their language, in the caller's transaction. `why`: they asked for it ("lost
 * your link?"), or someone registered their email again ("you are already registered").
 */
export async function emailNewManageLink(tx: Executor, ctx: Ctx, edition: LinkEdition, reg: Registration, why: "link" | "already"): Promise<void> {
  await emailWithFreshManageLink(tx, ctx, reg, (locale, token) => {
    const params = {
      name: reg.name,
      edition: locale === "ur" ? edition.nameUr : edition.nameEn,
      number: reg.number,
      link: `${ctx.config.publicUrl}/registration/${token}`,
    };
    return {
      kind: why === "link" ? "registration_link" : "registration_already",
      subject: translate(locale, `registration.email.${why}.subject`, params),
      text: translate(locale, `registration.email.${why}.body`, params),
    };
  });
}

/**
 * A message to the registrant that carries a fresh manage link (for other features: the link is
 * stored only as a hash, so a message that needs one makes a new one, and older links stop
 * working). `compose` writes the message in the registrant's language around the new token;
 * it is queued to the registration's email in the caller's transaction.
 */
export async function emailWithFreshManageLink(
  tx: Executor,
  ctx: Ctx,
  reg: Pick<Registration, "id" | "email" | "locale">,
  compose: (locale: Locale, token: string) => { kind: string; subject: string; text: string },
): Promise<void> {
  const token = newSecret(24);
  await tx.update(registrations).set({ manageTokenHash: hashSecret(token) }).where(eq(registrations.id, reg.id));
  const locale = isLocale(reg.locale) ? reg.locale : "en";
  await queueEmail(tx, ctx.clock, { ...compose(locale, token), to: reg.email });
}

/** Email a fresh manage link for the person's current registration in the edition, if they have one. */
export async function requestManageLink(ctx: Ctx, raw: Input<typeof manageLinkRequestInput>): Promise<void> {
  const input = parseInput(manageLinkRequestInput, raw);
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.slug, input.edition));
  // Only editions the public form offers: an unknown one is a field error (it says nothing about people).
  if (!edition || (edition.status !== "published" && !can(ctx.actor, "registration.configure", { organiserId: edition.organiserId }))) {
    throw new DomainError("validation_failed", { fields: [{ path: "edition", code: "invalid_value" }] });
  }
  // Recorded first, then counted (outside the transaction below: the attempt counts even if sending fails).
  await recordEmailing(ctx.db, ctx.clock, PURPOSE, input.email, input.ip);
  if (await isEmailingLimited(ctx.db, ctx.clock, PURPOSE, input.email, input.ip)) {
    throw new DomainError("rate_limited", { params: { retryAfterSeconds: WINDOW_MS / 1000 } });
  }

  await inTransaction(ctx, async (tx) => {
    // One live registration per email and edition (registrations_email_uq); a cancelled one has nothing to manage.
    const [reg] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.editionId, edition.id), sql`lower(${registrations.email}) = ${input.email}`, ne(registrations.status, "cancelled")))
      .for("update");
    if (reg) await emailNewManageLink(tx, ctx, edition, reg, "link");
  });
}

/** The editions the form offers: the published ones, newest first. */
export async function manageLinkEditions(ctx: Ctx) {
  return ctx.db
    .select({ slug: editions.slug, nameEn: editions.nameEn, nameUr: editions.nameUr })
    .from(editions)
    .where(eq(editions.status, "published"))
    .orderBy(desc(editions.startsOn));
}
