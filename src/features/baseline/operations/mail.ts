import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { users } from "../../../platform/auth/tables";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { roleGrants } from "#features/accounts";
import { enterprises } from "#features/editions";
import type { editions } from "#features/editions";
import { exhibitorProfiles } from "#features/exhibitors";
import { editionExhibitorIds } from "#features/exhibitors";
import { baselineResponses, type Round } from "../tables";

// The survey's emails (issue #15, item 2): to each exhibitor that has not submitted a round, in the
// language of its account (else English, to the profile's address), with the link to that round's
// form; queued in the caller's transaction (the outbox sends them after the commit).

type Edition = typeof editions.$inferSelect;

/** Queues the round's mail (`<kind>.subject` / `<kind>.body` texts) to every exhibitor not yet done. */
export async function emailPending(tx: Executor, c: Ctx, edition: Edition, surveyId: string, round: Round, texts: "baseline.remind" | "baseline.followUp.invite" | "baseline.followUp.remind") {
  const done = new Set(
    (
      await tx
        .select({ id: baselineResponses.enterpriseId })
        .from(baselineResponses)
        .where(and(eq(baselineResponses.surveyId, surveyId), eq(baselineResponses.round, round), eq(baselineResponses.status, "submitted")))
    ).map((r) => r.id),
  );
  const pending = (await editionExhibitorIds(tx, edition.id)).filter((id) => !done.has(id));
  if (!pending.length) return { reminded: 0, unreachable: 0 };
  const accounts = await tx
    .select({ enterpriseId: roleGrants.enterpriseId, email: users.email, locale: users.locale })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, "exhibitor"), inArray(roleGrants.enterpriseId, pending), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  const profiles = await tx.select({ enterpriseId: exhibitorProfiles.enterpriseId, email: exhibitorProfiles.email }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, edition.id));
  const firms = await tx.select({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr }).from(enterprises).where(inArray(enterprises.id, pending));
  const link = `${c.config.publicUrl}/account/exhibitor/baseline?edition=${edition.id}${round === "follow_up" ? "&round=follow_up" : ""}`;
  const mails: EmailMessage[] = [];
  let unreachable = 0;
  for (const id of pending) {
    const account = accounts.find((a) => a.enterpriseId === id);
    const to = account?.email ?? profiles.find((p) => p.enterpriseId === id)?.email ?? null;
    if (!to) {
      unreachable++;
      continue;
    }
    const locale = account?.locale ?? "en";
    const firm = firms.find((f) => f.id === id);
    const params = { edition: locale === "ur" ? edition.nameUr : edition.nameEn, name: locale === "ur" ? (firm?.nameUr ?? firm?.nameEn ?? "") : (firm?.nameEn ?? "") };
    mails.push({
      kind: texts === "baseline.remind" ? "baseline.reminder" : texts,
      to,
      subject: translate(locale, `${texts}.subject`, params),
      text: `${translate(locale, `${texts}.body`, params)}\n\n${link}`,
    });
  }
  await queueEmails(tx, c.clock, mails);
  return { reminded: mails.length, unreachable };
}
