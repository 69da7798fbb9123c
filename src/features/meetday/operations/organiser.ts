import ExcelJS from "exceljs";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { safeCell, toCsv } from "../../../platform/csv";
import { rowsOf } from "../../../platform/db/rows";
import { parseInput, type Input } from "../../../platform/validation";
import { hhmm } from "#features/b2b";
import { partiesOf } from "#features/b2b";
import { b2bMeetings } from "#features/b2b";
import { editionFor } from "#features/editions";
import { figuresOf, measures } from "../core/figures";
import { id } from "../schemas";
import { meetingOutcomes } from "../tables";
import { dashboardSums } from "./dashboard-sums";
import { present } from "./outcomes";

// What organisers see of outcomes (issue #14, items 4 and 6): the two sides' answers side by
// side, never merged; the dashboard's funnel and figures by group (core/figures.ts), published
// with small cells hidden; the CSV. Organiser staff only (`meetday.manage`): tokens, lounge staff
// and participants never see another side's answers.

const listInput = z.strictObject({ editionId: id, limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) });
const dashboardInput = z.strictObject({
  editionId: id,
  published: z.preprocess((v) => v === "true" || v === "1" || v === true, z.boolean()).default(false),
  /** Only the meetings placed by the schedule, or only walk-up meetings (docs/outcomes.md). */
  kind: z.enum(["all", "planned", "walk_up"]).default("all"),
});

/** Meetings with at least one answer, each side's history apart. */
export async function outcomesSideBySide(ctx: Ctx, raw: Input<typeof listInput>) {
  const input = parseInput(listInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "meetday.manage");
  const answered = ctx.db.selectDistinct({ meetingId: meetingOutcomes.meetingId }).from(meetingOutcomes).where(eq(meetingOutcomes.editionId, edition.id));
  const meetings = await ctx.db
    .select()
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.editionId, edition.id), inArray(b2bMeetings.id, answered)))
    .orderBy(asc(b2bMeetings.day), asc(b2bMeetings.startMinute), asc(b2bMeetings.tableNo))
    .limit(input.limit)
    .offset(input.offset);
  const entries = meetings.length
    ? await ctx.db.select().from(meetingOutcomes).where(inArray(meetingOutcomes.meetingId, meetings.map((m) => m.id))).orderBy(asc(meetingOutcomes.createdAt))
    : [];
  const parties = await partiesOf(ctx.db, meetings.flatMap((m) => [m.smeParticipantId, m.buyerParticipantId]));
  return meetings.map((m) => ({
    meetingId: m.id,
    day: m.day,
    start: hhmm(m.startMinute),
    sme: { name: parties.get(m.smeParticipantId)?.name ?? "", answers: entries.filter((e) => e.meetingId === m.id && e.side === "sme").map(present) },
    buyer: { name: parties.get(m.buyerParticipantId)?.name ?? "", answers: entries.filter((e) => e.meetingId === m.id && e.side === "buyer").map(present) },
  }));
}

/** The organiser's dashboard: the funnel, the follow-up picture, the figures by group. */
export async function outcomeDashboard(ctx: Ctx, raw: Input<typeof dashboardInput>) {
  const input = parseInput(dashboardInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "meetday.manage");
  const sums = await dashboardSums(ctx.db, edition.id, input.kind);
  const [req] = rowsOf<{ requested: number; accepted: number }>(
    await ctx.db.execute(sql`select count(*)::int as requested, count(*) filter (where status = 'accepted')::int as accepted from b2b_requests where edition_id = ${edition.id}`),
  );
  const followUps = rowsOf<{ stage: string; sent: number; answered: number }>(
    await ctx.db.execute(sql`
      select stage, count(*) filter (where sent_at is not null)::int as sent, count(*) filter (where answered_at is not null)::int as answered
      from meetday_outcome_links where edition_id = ${edition.id} and stage in ('d30', 'm6') group by stage order by stage`),
  );
  const states = rowsOf<{ stage: string; kind: string; n: number }>(
    await ctx.db.execute(sql`
      select stage, kind, count(*)::int as n from (
        select distinct on (meeting_id, side, stage) stage, kind from meetday_outcomes
        where edition_id = ${edition.id} and stage in ('d30', 'm6') order by meeting_id, side, stage, created_at desc) latest
      group by stage, kind order by stage, kind`),
  );
  const fig = figuresOf(sums, { published: input.published });
  const funnel = { requested: Number(req?.requested ?? 0), accepted: Number(req?.accepted ?? 0), scheduled: fig.total.meetings, held: fig.total.held, noShow: fig.total.noShow, walkUp: sums.walkUp };
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    kind: input.kind,
    funnel,
    followUps: followUps.map((f) => ({ stage: f.stage, sent: Number(f.sent), answered: Number(f.answered), states: Object.fromEntries(states.filter((s) => s.stage === f.stage).map((s) => [s.kind, Number(s.n)])) })),
    ...fig,
  };
}

/** The dashboard's figures as rows: a header, the funnel, one line per dimension and group. */
async function dashboardRows(ctx: Ctx, raw: Input<typeof dashboardInput>): Promise<(string | number)[][]> {
  const d = await outcomeDashboard(ctx, raw);
  const currencies = [...new Set(d.tables.flatMap((t) => t.rows.flatMap((r) => Object.keys(r.values ?? {}))))].sort();
  const head = ["dimension", "group", ...measures, ...currencies.map((c) => `value_${c}`)];
  const lines = d.tables.flatMap((t) =>
    t.rows.map((r) => [t.dimension, r.key, ...measures.map((m) => (r.counts[m] === null ? "suppressed" : r.counts[m])), ...currencies.map((c) => (r.values === null ? "suppressed" : (r.values[c] ?? 0)))]),
  );
  const funnel = Object.entries(d.funnel).map(([k, v]) => ["funnel", k, v, ...Array(head.length - 3).fill("")]);
  return [head, ...funnel, ...lines];
}

/** The dashboard's figures as CSV: one line per dimension and group. */
export async function outcomeDashboardCsv(ctx: Ctx, raw: Input<typeof dashboardInput>): Promise<string> {
  return toCsv(await dashboardRows(ctx, raw), { bom: true });
}

/** The same figures as an XLSX workbook (one sheet, the same lines as the CSV). */
export async function outcomeDashboardXlsx(ctx: Ctx, raw: Input<typeof dashboardInput>): Promise<Buffer> {
  const [head, ...body] = await dashboardRows(ctx, raw);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Meeting outcomes", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(head!).font = { bold: true };
  for (const r of body) ws.addRow(r.map((c) => (typeof c === "number" ? c : safeCell(c))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
