import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionDayCount, editionDayDate } from "#features/editions";
import { editionFor, editionForChange, type Edition } from "#features/editions";
import { hhmm, localInstant, minutesOf, programmeIssues, programmeSlots } from "../core/slots";
import { refusingB2b } from "../db-errors";
import { b2bEditionInput, setB2bProgrammeInput, type B2bProgrammeFields } from "../schemas";
import { b2bProgrammes } from "../tables";

// The organiser's B2B programme of an edition (issue #11, item 1): on or off, the window for
// profiles and requests, meeting days and sessions, slot length and breaks, where meetings happen
// (numbered lounge tables, the SME's stall), interpreters per language and slot, caps, who may
// request whom, and how long a request waits for an answer. One row per edition; times of day are
// minutes since local midnight in the edition's timezone, shown as HH:MM.

type ProgrammeRow = typeof b2bProgrammes.$inferSelect;

/** A programme as the API and the page show it: times of day as HH:MM. */
export function presentProgramme(row: Omit<ProgrammeRow, "id" | "editionId" | "updatedAt">): B2bProgrammeFields {
  return {
    enabled: row.enabled,
    windowOpensAt: row.windowOpensAt?.toISOString() ?? null,
    windowClosesAt: row.windowClosesAt?.toISOString() ?? null,
    days: row.days.map((d) => ({ day: d.day, sessions: d.sessions.map((s) => ({ start: hhmm(s.start), end: hhmm(s.end) })) })),
    breaks: row.breaks.map((b) => ({ day: b.day, start: hhmm(b.start), end: hhmm(b.end) })),
    slotMinutes: row.slotMinutes,
    loungeTables: row.loungeTables,
    stallMeetings: row.stallMeetings,
    allowRegulators: row.allowRegulators,
    interpreters: row.interpreters,
    maxMeetingsPerDay: row.maxMeetingsPerDay,
    maxRequestsSent: row.maxRequestsSent,
    requestDirection: row.requestDirection,
    requestExpiryDays: row.requestExpiryDays,
  };
}

/** What an edition without a programme starts from (off; the show's usual day). */
export function defaultProgramme(dayCount: number): B2bProgrammeFields {
  return {
    enabled: false,
    windowOpensAt: null,
    windowClosesAt: null,
    days: Array.from({ length: dayCount }, (_, i) => ({ day: i + 1, sessions: [] })),
    breaks: [],
    slotMinutes: 20,
    loungeTables: 0,
    stallMeetings: false,
    allowRegulators: false,
    interpreters: {},
    maxMeetingsPerDay: 8,
    maxRequestsSent: 20,
    requestDirection: "both",
    requestExpiryDays: 3,
  };
}

/** The edition's programme (or the default, `exists: false`), with its slot count and days. */
export async function getB2bProgramme(ctx: Ctx, raw: Input<typeof b2bEditionInput>) {
  const { editionId } = parseInput(b2bEditionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "b2b.configure");
  const [row] = await ctx.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, edition.id));
  const dayCount = editionDayCount(edition);
  const programme = row ? presentProgramme(row) : defaultProgramme(dayCount);
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr, startsOn: edition.startsOn, endsOn: edition.endsOn, timezone: edition.timezone, dayCount },
    exists: !!row,
    programme,
    slots: row ? programmeSlots(row).length : 0,
  };
}

const issue = (path: string, code: string, params: Record<string, string | number> = {}): FieldIssue => ({ path, code, params });

/** The programme in stored form (minutes), or the field issues that make it unsound. */
export function checkProgramme(p: B2bProgrammeFields, edition: Pick<Edition, "startsOn" | "endsOn" | "timezone">) {
  const minutes = (t: string) => minutesOf(t)!;
  const days = p.days
    .map((d) => ({ day: d.day, sessions: d.sessions.map((s) => ({ start: minutes(s.start), end: minutes(s.end) })).sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.day - b.day);
  const breaks = p.breaks.map((b) => ({ day: b.day, start: minutes(b.start), end: minutes(b.end) })).sort((a, b) => a.day - b.day || a.start - b.start);
  const dayCount = editionDayCount(edition);
  const issues: FieldIssue[] = programmeIssues({ days, breaks, slotMinutes: p.slotMinutes }, dayCount).map((i) => issue(i.path, i.code, i.params));
  // Paths above index the sorted lists; name the input's days instead.
  for (const i of issues) {
    const m = /^days\.(\d+)(\..*)$/.exec(i.path);
    if (m) i.path = `days.${p.days.findIndex((d) => d.day === days[Number(m[1])]!.day)}${m[2]}`;
  }
  const daysSound = issues.length === 0;
  const slots = daysSound ? programmeSlots({ days, breaks, slotMinutes: p.slotMinutes }) : [];
  const opens = p.windowOpensAt ? new Date(p.windowOpensAt) : null;
  const closes = p.windowClosesAt ? new Date(p.windowClosesAt) : null;
  if (opens && closes && opens >= closes) issues.push(issue("windowClosesAt", "b2b_window_order"));
  // Requests must be settled before the first meeting: the window closes by then.
  const first = slots[0];
  if (closes && first) {
    const start = localInstant(editionDayDate(edition.startsOn, first.day - 1), first.start, edition.timezone);
    if (closes > start) issues.push(issue("windowClosesAt", "b2b_window_after_meetings", { time: `${editionDayDate(edition.startsOn, first.day - 1)} ${hhmm(first.start)}` }));
  }
  if (p.enabled) {
    if (!opens) issues.push(issue("windowOpensAt", "b2b_window_required"));
    if (!closes) issues.push(issue("windowClosesAt", "b2b_window_required"));
    if (daysSound && slots.length === 0) issues.push(issue("days", "b2b_no_sessions"));
    if (p.loungeTables === 0 && !p.stallMeetings) issues.push(issue("loungeTables", "b2b_no_meeting_place"));
  }
  return { issues, stored: { ...p, windowOpensAt: opens, windowClosesAt: closes, days, breaks } };
}

/** Set the edition's whole programme. Refused with field issues when unsound, and by the database
 *  (b2b_no_such_table, b2b_interpreter_full) when it would drop tables or interpreters that
 *  scheduled meetings use. Audited as b2b.programme_set with what changed. */
export async function setB2bProgramme(ctx: Ctx, raw: Input<typeof setB2bProgrammeInput>) {
  const { editionId, ...input } = parseInput(setB2bProgrammeInput, raw);
  return inTransaction(ctx, async (tx) => {
    // The edition's row lock orders programme writers and date changes of the edition.
    const locked = await editionForChange(tx, ctx.actor, editionId, "b2b.configure");
    const edition = locked;
    const { issues, stored } = checkProgramme(input, locked);
    if (issues.length) throw new DomainError("validation_failed", { fields: issues });
    const [before] = await tx.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, edition.id));
    const values = { ...stored, updatedAt: ctx.clock.now() };
    const [row] = await refusingB2b(() =>
      before
        ? tx.update(b2bProgrammes).set(values).where(eq(b2bProgrammes.editionId, edition.id)).returning()
        : tx.insert(b2bProgrammes).values({ editionId: edition.id, ...values }).returning(),
    );
    const after = presentProgramme(row!);
    const old = before ? presentProgramme(before) : null;
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof B2bProgrammeFields)[])
        .filter((k) => !old || JSON.stringify(old[k]) !== JSON.stringify(after[k]))
        .map((k) => [k, after[k]]),
    );
    await recordAudit(tx, ctx, {
      action: "b2b.programme_set",
      entityType: "edition",
      entityId: edition.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { created: !before, changed },
    });
    return { programme: after, slots: programmeSlots(row!).length };
  });
}
