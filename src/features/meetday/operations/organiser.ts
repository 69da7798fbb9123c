import ExcelJS from "exceljs";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { safeCell, toCsv } from "../../../platform/csv";
import { rowsOf } from "../../../platform/db/rows";
import { parseInput } from "../../../platform/validation";
import { hhmm } from "../../b2b/core/slots";
import { partiesOf } from "../../b2b/operations/meeting-rows";
import { b2bMeetings } from "../../b2b/tables";
import { editionFor } from "../../editions/for-change";
import { figures, measures, type MeetingFact } from "../core/figures";
import { id } from "../schemas";
import { meetingOutcomes } from "../tables";
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
export async function outcomesSideBySide(ctx: Ctx, raw: unknown) {
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

type FactRow = {
  walk_up: boolean;
  both_arrived: boolean;
  no_show: boolean;
  sme_happened: boolean | null;
  sme_kind: string | null;
  sme_value: string | number | null;
  sme_currency: string | null;
  buyer_happened: boolean | null;
  buyer_kind: string | null;
  buyer_value: string | number | null;
  buyer_currency: string | null;
  converted: boolean;
  cluster: string | null;
  province: string | null;
  size: string | null;
  women_led: boolean | null;
  buyer_kind_of: string;
  country: string | null;
};

const latest = (side: "sme" | "buyer") => sql.raw(
  `left join lateral (select o.happened, o.kind, o.value_amount, o.currency from meetday_outcomes o where o.meeting_id = m.id and o.side = '${side}' and o.stage = 'meeting' order by o.created_at desc limit 1) ${side}_o on true`,
);

/** One fact per scheduled meeting of the edition (docs/outcomes.md: held, no-show, outcome, value). */
async function meetingFactsOf(ctx: Ctx, editionId: string, kind: "all" | "planned" | "walk_up"): Promise<(MeetingFact & { walkUp: boolean })[]> {
  const rows = rowsOf<FactRow>(
    await ctx.db.execute(sql`
      select
        m.kind = 'walk_up' as walk_up,
        (select count(*) from meetday_arrivals a where a.meeting_id = m.id) = 2 as both_arrived,
        exists (select 1 from meetday_no_shows n where n.meeting_id = m.id) as no_show,
        sme_o.happened as sme_happened, sme_o.kind as sme_kind, sme_o.value_amount as sme_value, sme_o.currency as sme_currency,
        buyer_o.happened as buyer_happened, buyer_o.kind as buyer_kind, buyer_o.value_amount as buyer_value, buyer_o.currency as buyer_currency,
        exists (select 1 from meetday_outcomes o where o.meeting_id = m.id and o.stage in ('d30', 'm6') and o.kind in ('order_placed', 'agreement_reached', 'investment_made')) as converted,
        en.cluster_slug as cluster, en.province, en.size_class as size, en.women_led, bp.kind as buyer_kind_of, prof.country
      from b2b_meetings m
        join b2b_participants sp on sp.id = m.sme_participant_id
        left join enterprises en on en.id = sp.enterprise_id
        join b2b_participants bp on bp.id = m.buyer_participant_id
        left join b2b_profiles prof on prof.participant_id = bp.id
        ${latest("sme")}
        ${latest("buyer")}
      where m.edition_id = ${editionId} and m.status = 'scheduled' ${kind === "all" ? sql`` : sql`and m.kind = ${kind}`}`),
  );
  return rows.map((r) => {
    const noShow = !!r.no_show;
    const said = r.sme_happened ?? r.buyer_happened;
    const held = !noShow && (!!r.both_arrived || r.sme_happened === true || r.buyer_happened === true) && said !== false;
    const smeValue = r.sme_value != null && r.sme_currency ? { amount: Number(r.sme_value), currency: r.sme_currency } : null;
    const buyerValue = r.buyer_value != null && r.buyer_currency ? { amount: Number(r.buyer_value), currency: r.buyer_currency } : null;
    return {
      walkUp: !!r.walk_up,
      held,
      noShow,
      kind: r.sme_kind ?? r.buyer_kind,
      value: smeValue ?? buyerValue,
      converted: !!r.converted,
      groups: {
        cluster: r.cluster ?? "",
        province: r.province ?? "",
        size: r.size ?? "",
        womenLed: r.women_led == null ? "" : r.women_led ? "yes" : "no",
        buyerKind: r.buyer_kind_of,
        country: r.country ?? "",
      },
    };
  });
}

/** The organiser's dashboard: the funnel, the follow-up picture, the figures by group. */
export async function outcomeDashboard(ctx: Ctx, raw: unknown) {
  const input = parseInput(dashboardInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "meetday.manage");
  const facts = await meetingFactsOf(ctx, edition.id, input.kind);
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
  const fig = figures(facts, { published: input.published });
  const funnel = { requested: Number(req?.requested ?? 0), accepted: Number(req?.accepted ?? 0), scheduled: facts.length, held: fig.total.held, noShow: fig.total.noShow, walkUp: facts.filter((f) => f.walkUp).length };
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    kind: input.kind,
    funnel,
    followUps: followUps.map((f) => ({ stage: f.stage, sent: Number(f.sent), answered: Number(f.answered), states: Object.fromEntries(states.filter((s) => s.stage === f.stage).map((s) => [s.kind, Number(s.n)])) })),
    ...fig,
  };
}

/** The dashboard's figures as rows: a header, the funnel, one line per dimension and group. */
async function dashboardRows(ctx: Ctx, raw: unknown): Promise<(string | number)[][]> {
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
export async function outcomeDashboardCsv(ctx: Ctx, raw: unknown): Promise<string> {
  return toCsv(await dashboardRows(ctx, raw), { bom: true });
}

/** The same figures as an XLSX workbook (one sheet, the same lines as the CSV). */
export async function outcomeDashboardXlsx(ctx: Ctx, raw: unknown): Promise<Buffer> {
  const [head, ...body] = await dashboardRows(ctx, raw);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Meeting outcomes", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(head!).font = { bold: true };
  for (const r of body) ws.addRow(r.map((c) => (typeof c === "number" ? c : safeCell(c))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
