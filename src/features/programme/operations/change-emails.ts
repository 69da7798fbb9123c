import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import type { EmailMessage } from "../../../platform/mail/outbox";
import { editionDayDate } from "#features/editions";
import { registrations } from "#features/registration";
import type { ReleaseChange, SessionSnapshot } from "../engine/changes";
import { hhmm } from "../engine/warnings";
import { programmeInvitations, programmeRsvps } from "../tables";
import { localeOf } from "./seats";

// After a release (issue #13, agenda item 4, "a change or cancellation emails the people
// concerned"): everyone holding a seat, a place on the waitlist or an invitation for a session the
// release moved, changed or cancelled gets one email, in the language they registered in, listing
// those sessions with their new day, time and room (or that they are cancelled). Queued by the
// caller in the release's transaction. Speakers have their own email (release.ts).

type EditionLike = { slug: string; startsOn: string; nameEn: string; nameUr: string };

export async function attendeeChangeEmails(tx: Executor, ctx: Ctx, edition: EditionLike, changes: readonly ReleaseChange[], after: readonly SessionSnapshot[], releaseName: string): Promise<EmailMessage[]> {
  const concerned = new Map<string, ReleaseChange[]>();
  for (const c of changes) if (c.type !== "added") concerned.set(c.sessionId, [...(concerned.get(c.sessionId) ?? []), c]);
  if (concerned.size === 0) return [];
  const ids = [...concerned.keys()];
  const holders = await tx
    .select({ sessionId: programmeRsvps.sessionId, registrationId: programmeRsvps.registrationId })
    .from(programmeRsvps)
    .where(and(inArray(programmeRsvps.sessionId, ids), isNull(programmeRsvps.cancelledAt)));
  const invited = await tx
    .select({ sessionId: programmeInvitations.sessionId, registrationId: programmeInvitations.registrationId })
    .from(programmeInvitations)
    .where(inArray(programmeInvitations.sessionId, ids));
  const byPerson = new Map<string, Set<string>>();
  for (const h of [...holders, ...invited]) byPerson.set(h.registrationId, (byPerson.get(h.registrationId) ?? new Set()).add(h.sessionId));
  if (byPerson.size === 0) return [];
  const people = await tx
    .select({ id: registrations.id, email: registrations.email, name: registrations.name, nameUr: registrations.nameUr, locale: registrations.locale })
    .from(registrations)
    .where(and(inArray(registrations.id, [...byPerson.keys()]), eq(registrations.status, "approved")));
  const now = new Map(after.map((s) => [s.id, s]));
  const out: EmailMessage[] = [];
  for (const p of people) {
    const locale = localeOf(p.locale);
    const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
    const lines: string[] = [];
    for (const sessionId of [...byPerson.get(p.id)!].sort()) {
      const c = concerned.get(sessionId)!;
      const s = now.get(sessionId);
      const title = locale === "ur" ? c[0]!.titleUr : c[0]!.titleEn;
      if (!s) {
        lines.push(`- ${t("programme.changeMail.cancelled", { session: title })}`);
        continue;
      }
      const when = `${editionDayDate(edition.startsOn, s.day - 1)} ${hhmm(s.startMinute)}–${hhmm(s.endMinute)}, ${locale === "ur" ? s.roomUr : s.roomEn}`;
      lines.push(`- ${t(c.some((x) => x.type === "moved") ? "programme.changeMail.moved" : "programme.changeMail.changed", { session: title, when })}`);
    }
    const editionName = locale === "ur" ? edition.nameUr : edition.nameEn;
    out.push({
      kind: "programme.session_changed",
      to: p.email,
      subject: t("programme.changeMail.subject", { edition: editionName }),
      text: [
        t("programme.email.greeting", { name: locale === "ur" && p.nameUr ? p.nameUr : p.name }),
        "",
        t("programme.changeMail.intro", { edition: editionName, release: releaseName }),
        "",
        ...lines,
        "",
        t("programme.changeMail.agenda", { link: `${ctx.config.publicUrl}/editions/${edition.slug}/programme` }),
      ].join("\n"),
    });
  }
  return out;
}
