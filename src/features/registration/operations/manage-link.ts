import { and, desc, eq, gte, ne, or, sql } from "drizzle-orm";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, WINDOW_MS } from "../../../platform/auth/rate-limit";
import { signInAttempts } from "../../../platform/auth/tables";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { can } from "../../../platform/permissions/policy";
import { parseInput } from "../../../platform/validation";
import { editions } from "../../editions/tables";
import { manageLinkRequestInput } from "../schemas";
import { registrations } from "../tables";

// "Lost your link?": only the hash of a manage link is stored, so a lost link cannot be sent
// again; a new one is made instead (the old one stops working) and emailed to the address the
// registration was made with. The answer is the same whether or not that email registered, so
// the form tells nobody who is registered; the email itself is the proof of who asks.
//
// Limited like sign-in (src/platform/auth/rate-limit.ts: the same window and counts) and in the
// same table, so the limit holds across app processes. These rows are keyed `manage-link:<email>`
// and `manage-link:<ip>` and every request counts (there is no "success" to tell apart), so they
// never meet sign-in's own rows and cannot lock anyone out of signing in.

const KEY = "manage-link:";

async function isLimited(ctx: Ctx, email: string, ip: string) {
  const since = new Date(ctx.clock.now().getTime() - WINDOW_MS);
  const [row] = await ctx.db
    .select({
      byEmail: sql<number>`count(*) filter (where ${signInAttempts.email} = ${KEY + email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${KEY + ip})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(and(gte(signInAttempts.at, since), or(eq(signInAttempts.email, KEY + email), eq(signInAttempts.ip, KEY + ip))));
  // The count includes the caller's own request (recorded before the check): more than the limit is refused.
  return (row?.byEmail ?? 0) > MAX_FAILURES_PER_EMAIL || (row?.byIp ?? 0) > MAX_FAILURES_PER_IP;
}

/** Email a fresh manage link for the person's current registration in the edition, if they have one. */
export async function requestManageLink(ctx: Ctx, raw: unknown): Promise<void> {
  const input = parseInput(manageLinkRequestInput, raw);
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.slug, input.edition));
  // Only editions the public form offers: an unknown one is a field error (it says nothing about people).
  if (!edition || (edition.status !== "published" && !can(ctx.actor, "registration.configure", { organiserId: edition.organiserId }))) {
    throw new DomainError("validation_failed", { fields: [{ path: "edition", code: "invalid_value" }] });
  }
  // Recorded first, then counted (outside the transaction below: the attempt counts even if sending
  // fails): requests arriving together cannot all pass the check before any of them is counted.
  await ctx.db.insert(signInAttempts).values({ at: ctx.clock.now(), email: KEY + input.email, ip: KEY + input.ip, success: false });
  if (await isLimited(ctx, input.email, input.ip)) throw new DomainError("rate_limited", { params: { retryAfterSeconds: WINDOW_MS / 1000 } });

  await inTransaction(ctx, async (tx) => {
    // One live registration per email and edition (registrations_email_uq); a cancelled one has nothing to manage.
    const [reg] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.editionId, edition.id), sql`lower(${registrations.email}) = ${input.email}`, ne(registrations.status, "cancelled")))
      .for("update");
    if (!reg) return;
    const token = newSecret(24);
    await tx.update(registrations).set({ manageTokenHash: hashSecret(token) }).where(eq(registrations.id, reg.id));
    const locale = isLocale(reg.locale) ? reg.locale : "en";
    const params = {
      name: reg.name,
      edition: locale === "ur" ? edition.nameUr : edition.nameEn,
      number: reg.number,
      link: `${ctx.config.publicUrl}/registration/${token}`,
    };
    await queueEmail(tx, ctx.clock, {
      kind: "registration_link",
      to: reg.email,
      subject: translate(locale, "registration.email.link.subject", params),
      text: translate(locale, "registration.email.link.body", params),
    });
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
