import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { editionDayDate } from "#features/editions";
import { editionForChange } from "#features/editions";
import { changedSessionIds, diffReleases, type SessionSnapshot } from "../engine/changes";
import { hhmm } from "../engine/warnings";
import { publishReleaseInput } from "../schemas";
import { programmeReleases, programmeRooms, programmeSpeakers } from "../tables";
import { sessionsCalendar } from "./calendar";
import { attendeeChangeEmails } from "./change-emails";
import { draftSessions } from "./draft";

// Releases (pretalx's model): the organiser publishes the draft as a named, numbered version; the
// public agenda shows the last one, with a change log against the one before. Every speaker with an
// email whose sessions are new or changed (or cancelled) in this release is sent their sessions,
// with an .ics file, in their language, through the outbox (sent after the commit); so is everyone
// with a seat, a waitlist place or an invitation for a session moved, changed or cancelled
// (change-emails.ts).

/** The draft as a release would freeze it: live sessions, with room and speaker names. */
export async function snapshotDraft(db: Executor, editionId: string): Promise<SessionSnapshot[]> {
  const sessions = (await draftSessions(db, editionId)).filter((s) => !s.cancelled);
  const rooms = new Map((await db.select().from(programmeRooms).where(eq(programmeRooms.editionId, editionId))).map((r) => [r.id, r]));
  const speakers = new Map((await db.select().from(programmeSpeakers).where(eq(programmeSpeakers.editionId, editionId))).map((p) => [p.id, p]));
  return sessions.map((s) => {
    const room = rooms.get(s.roomId)!;
    return {
      id: s.id,
      kind: s.kind,
      track: s.track,
      titleEn: s.titleEn,
      titleUr: s.titleUr,
      descriptionEn: s.descriptionEn,
      descriptionUr: s.descriptionUr,
      day: s.day,
      startMinute: s.startMinute,
      endMinute: s.endMinute,
      roomId: s.roomId,
      roomEn: room.nameEn,
      roomUr: room.nameUr,
      language: s.language,
      interpretation: s.interpretation,
      access: s.access,
      speakers: s.speakers.map(({ speakerId, role }) => {
        const p = speakers.get(speakerId)!;
        return { id: p.id, slug: p.slug, name: p.name, nameUr: p.nameUr, organisation: p.organisation, role };
      }),
    };
  });
}

/** The last release of an edition, or null. */
export async function lastRelease(db: Executor, editionId: string) {
  const [row] = await db.select().from(programmeReleases).where(eq(programmeReleases.editionId, editionId)).orderBy(desc(programmeReleases.number)).limit(1);
  return row ?? null;
}

/** For each session of the release list (oldest first), the number of the release that last changed it. */
export function sequencesOf(releases: readonly { number: number; sessions: SessionSnapshot[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  let before: SessionSnapshot[] | null = null;
  for (const r of releases) {
    for (const id of changedSessionIds(before, r.sessions)) out.set(id, r.number);
    before = r.sessions;
  }
  return out;
}

export async function releaseSequences(db: Executor, editionId: string) {
  const rows = await db
    .select({ number: programmeReleases.number, sessions: programmeReleases.sessions })
    .from(programmeReleases)
    .where(eq(programmeReleases.editionId, editionId))
    .orderBy(asc(programmeReleases.number));
  return sequencesOf(rows);
}

/** Publish the draft as a new release named `name`. */
export async function publishRelease(ctx: Ctx, raw: Input<typeof publishReleaseInput>) {
  const { editionId, name } = parseInput(publishReleaseInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    const previous = await lastRelease(tx, edition.id);
    const [taken] = await tx.select({ id: programmeReleases.id }).from(programmeReleases).where(and(eq(programmeReleases.editionId, edition.id), eq(programmeReleases.name, name)));
    if (taken) throw new DomainError("programme_release_name_taken", { fields: [{ path: "name", code: "programme_release_name_taken" }] });
    const sessions = await snapshotDraft(tx, edition.id);
    const changes = diffReleases(previous?.sessions ?? null, sessions);
    const number = (previous?.number ?? 0) + 1;
    const [release] = await tx
      .insert(programmeReleases)
      .values({ editionId: edition.id, number, name, sessions, changes, releasedAt: ctx.clock.now(), releasedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .returning();
    const emails = [
      ...(await speakerEmails(tx, ctx, edition, previous?.sessions ?? null, sessions, number, name)),
      ...(await attendeeChangeEmails(tx, ctx, edition, changes, sessions, name)),
    ];
    await queueEmails(tx, ctx.clock, emails);
    await recordAudit(tx, ctx, {
      action: "programme.released",
      entityType: "programme_release",
      entityId: release!.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { number, name, sessions: sessions.length, changes: changes.length, emails: emails.length },
    });
    return { release: { id: release!.id, number, name, releasedAt: release!.releasedAt, sessions: sessions.length }, changes, emails: emails.length };
  });
}

/** One email per speaker whose sessions this release adds, changes or cancels. */
async function speakerEmails(
  tx: Executor,
  ctx: Ctx,
  edition: { id: string; slug: string; startsOn: string; timezone: string; nameEn: string; nameUr: string },
  before: SessionSnapshot[] | null,
  after: SessionSnapshot[],
  number: number,
  releaseName: string,
): Promise<EmailMessage[]> {
  const touched = changedSessionIds(before, after);
  const gone = (before ?? []).filter((o) => !after.some((s) => s.id === o.id));
  const concerned = new Set<string>();
  for (const s of after) if (touched.has(s.id)) for (const p of s.speakers) concerned.add(p.id);
  for (const s of gone) for (const p of s.speakers) concerned.add(p.id);
  if (concerned.size === 0) return [];
  const people = await tx.select().from(programmeSpeakers).where(and(eq(programmeSpeakers.editionId, edition.id), inArray(programmeSpeakers.id, [...concerned])));
  const base = ctx.config.publicUrl;
  const out: EmailMessage[] = [];
  for (const p of people) {
    if (!p.email) continue;
    const locale = p.locale;
    const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
    const mine = after.filter((s) => s.speakers.some((x) => x.id === p.id));
    const lines = mine.map((s) => {
      const role = s.speakers.find((x) => x.id === p.id)!.role;
      return `- ${editionDayDate(edition.startsOn, s.day - 1)} ${hhmm(s.startMinute)}–${hhmm(s.endMinute)}, ${locale === "ur" ? s.roomUr : s.roomEn}: ${locale === "ur" ? s.titleUr : s.titleEn} (${t(`programme.role.${role}`)})`;
    });
    const cancelled = gone.filter((s) => s.speakers.some((x) => x.id === p.id)).map((s) => `- ${locale === "ur" ? s.titleUr : s.titleEn}`);
    const editionName = locale === "ur" ? edition.nameUr : edition.nameEn;
    const text = [
      t("programme.email.greeting", { name: locale === "ur" && p.nameUr ? p.nameUr : p.name }),
      "",
      t("programme.email.intro", { edition: editionName, release: releaseName }),
      "",
      ...(lines.length ? [t("programme.email.yours"), ...lines, ""] : []),
      ...(cancelled.length ? [t("programme.email.cancelled"), ...cancelled, ""] : []),
      t("programme.email.agenda", { link: `${base}/editions/${edition.slug}/programme` }),
    ].join("\n");
    const sequences = new Map(mine.map((s) => [s.id, number]));
    out.push({
      kind: "programme.speaker_sessions",
      to: p.email,
      subject: t("programme.email.subject", { edition: editionName }),
      text,
      attachments: mine.length ? [{ filename: "sessions.ics", contentType: "text/calendar; charset=utf-8", content: sessionsCalendar(edition, mine, sequences, locale, ctx.clock.now()) }] : undefined,
    });
  }
  return out;
}
