import { asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, tradeBodies } from "#features/editions";
import { nominations } from "#features/nominations";
import { barChartSvg, breakdowns, clusterNames, groupName, hiddenGroups, SMALL_CELL } from "#features/baseline";
import { translate } from "../../../platform/i18n/translate";
import { funnelByGroup, funnelMeasures, funnelTotal, type FunnelRow } from "./funnel";

// A trade body's members in figures (issue #15, "a trade body sees only aggregates of its members
// above the small-cell threshold"): the firms it nominated to an edition, from nomination to the
// floor and their meetings, by a breakdown, and their median readiness scores. A group of fewer
// than SMALL_CELL firms is hidden, and a second one where that alone would let it be worked out
// from the total (the transparency report's rule); with fewer than SMALL_CELL firms in all, nothing
// but the count is shown. Never a firm's name or answer: the trade body sees its own nominations
// one by one on its nominations page already.

export const tradeBodyFiguresInput = z.object({
  editionId: z.uuid().nullish(),
  by: z.enum(breakdowns).default("cluster"),
});

export interface MaskedRow {
  group: string;
  label: string;
  /** null: hidden (a small cell). */
  values: Record<(typeof funnelMeasures)[number], number | null>;
}

export async function tradeBodyFigures(ctx: Ctx, raw: Input<typeof tradeBodyFiguresInput>) {
  const input = parseInput(tradeBodyFiguresInput, raw);
  const grant = ctx.actor.kind === "user" ? ctx.actor.grants.find((g) => g.role === "trade_body_rep" && g.tradeBodyId) : undefined;
  if (!grant) throw new DomainError(ctx.actor.kind === "anonymous" ? "unauthenticated" : "forbidden", { params: { permission: "analytics.tradeBody" } });
  const tradeBodyId = grant.tradeBodyId!;
  authorize(ctx.actor, "analytics.tradeBody", { tradeBodyId });
  const [body] = await ctx.db.select().from(tradeBodies).where(eq(tradeBodies.id, tradeBodyId));
  // The editions it nominated to, latest first.
  const nominatedTo = (await ctx.db.selectDistinct({ id: nominations.editionId }).from(nominations).where(eq(nominations.tradeBodyId, tradeBodyId))).map((r) => r.id);
  const choices = nominatedTo.length ? await ctx.db.select().from(editions).where(inArray(editions.id, nominatedTo)).orderBy(asc(editions.startsOn)) : [];
  const latestFirst = [...choices].reverse();
  if (input.editionId && !choices.some((e) => e.id === input.editionId)) throw new DomainError("not_found", { params: { what: "edition" } });
  const edition = choices.find((e) => e.id === input.editionId) ?? latestFirst[0];
  const head = {
    tradeBody: body ? { nameEn: body.nameEn, nameUr: body.nameUr } : null,
    editions: latestFirst.map((e) => ({ id: e.id, nameEn: e.nameEn, nameUr: e.nameUr })),
    by: input.by,
    threshold: SMALL_CELL,
  };
  if (!edition) return { ...head, edition: null, chart: null, rows: [] as MaskedRow[], total: null, members: 0, readiness: null };

  const rows: FunnelRow[] = await funnelByGroup(ctx.db, edition, input.by, tradeBodyId);
  const members = funnelTotal(rows).nominated;
  const names = await clusterNames(ctx.db, edition.id);
  const hidden = hiddenGroups(new Map(rows.map((r) => [r.group, r.nominated])));
  const masked: MaskedRow[] = rows.map((r) => ({
    group: r.group,
    label: groupName(ctx.locale, input.by, r.group, names),
    values: Object.fromEntries(funnelMeasures.map((m) => [m, hidden.has(r.group) ? null : r[m]])) as MaskedRow["values"],
  }));
  const total = members < SMALL_CELL ? null : funnelTotal(rows);
  // The median readiness scores of its members who answered the baseline, when enough did.
  const [scores] = rowsOf<{ firms: number; em: number | null; im: number | null }>(
    await ctx.db.execute(sql`
      SELECT count(*)::int AS firms,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.export_score) AS em,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY r.investment_score) AS im
      FROM baseline_responses r
      JOIN baseline_surveys sv ON sv.id = r.survey_id AND sv.edition_id = ${edition.id}
      JOIN enterprises en ON en.id = r.enterprise_id
      WHERE r.round = 'baseline' AND r.status = 'submitted'
        AND en.ntn IN (SELECT ntn FROM nominations WHERE edition_id = ${edition.id} AND trade_body_id = ${tradeBodyId} AND status = 'submitted')
    `),
  );
  const answered = scores?.firms ?? 0;
  const readiness =
    answered >= SMALL_CELL ? { firms: answered, exportMedian: scores!.em === null ? null : Math.round(Number(scores!.em)), investmentMedian: scores!.im === null ? null : Math.round(Number(scores!.im)) } : { firms: answered, exportMedian: null, investmentMedian: null };
  const shown = masked.filter((r) => r.values.nominated !== null || members >= SMALL_CELL);
  const drawn = shown.filter((r) => r.values.nominated !== null);
  const chart = drawn.length
    ? barChartSvg({
        categories: drawn.map((r) => r.label),
        series: (["nominated", "selected", "exhibiting"] as const).map((m) => ({ name: translate(ctx.locale, `analytics.measure.${m}`), values: drawn.map((r) => r.values[m]) })),
        rtl: ctx.locale === "ur",
      })
    : null;
  return {
    ...head,
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    chart,
    rows: shown,
    total,
    members,
    readiness,
  };
}

