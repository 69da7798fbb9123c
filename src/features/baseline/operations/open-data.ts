import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { toCsv, type Cell } from "../../../platform/csv";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editions } from "#features/editions";
import { SMALL_CELL, type GroupRow } from "../engine/figures";
import { publishedTables } from "./public-figures";
import { clusterNames, groupName } from "./labels";
import { surveyOfEdition } from "./structure";

// The public open-data page of an edition's baseline (issue #15, item 6): aggregate figures only,
// by every breakdown, with small cells suppressed by the selection transparency report's rule
// (engine/figures.ts calls its `suppress`): no firm, no answer, no group under the threshold.
// Published once the edition is public and its survey is past the draft.

export const openFigureColumns = ["firms", "exportMedian", "investmentMedian", "exportingShare", "websiteShare"] as const;

const baselineOpenDataInput = z.object({ slug: z.string().min(1).max(100) });

export async function baselineOpenData(ctx: Ctx, raw: Input<typeof baselineOpenDataInput>) {
  const { slug } = parseInput(baselineOpenDataInput, raw);
  const [edition] = await ctx.db.select().from(editions).where(and(eq(editions.slug, slug), eq(editions.status, "published")));
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  const survey = await surveyOfEdition(ctx.db, edition.id);
  if (!survey || survey.status === "draft") throw new DomainError("not_found", { params: { what: "edition" } });
  const names = await clusterNames(ctx.db, edition.id);
  const tables = (await publishedTables(ctx.db, survey.id)).map(({ by, ...f }) => {
    const named = (r: GroupRow) => ({ ...r, nameEn: groupName("en", by, r.group, names), nameUr: groupName("ur", by, r.group, names) });
    return { by, rows: f.rows.map(named), total: named(f.total) };
  });
  return {
    edition: { slug: edition.slug, year: edition.year, nameEn: edition.nameEn, nameUr: edition.nameUr },
    threshold: SMALL_CELL,
    total: tables[0]!.total,
    tables,
  };
}

export type BaselineOpenData = Awaited<ReturnType<typeof baselineOpenData>>;

/** Every table in one CSV: a line per group, withheld cells empty and marked. */
export function openDataCsv(data: BaselineOpenData): string {
  const rows: Cell[][] = [["breakdown", "group", "group_ur", ...openFigureColumns, "note"]];
  for (const t of data.tables) for (const r of [...t.rows, t.total]) rows.push([t.by, r.nameEn, r.nameUr, ...openFigureColumns.map((c) => r[c]), r.suppressed ? "withheld" : ""]);
  return toCsv(rows, { bom: true });
}
