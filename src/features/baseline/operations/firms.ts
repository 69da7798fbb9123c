import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editionFor } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { baselineResponses } from "../tables";
import { surveyOfEdition } from "./structure";

// The organiser's list of an edition's exhibitors with the state of each round of their baseline,
// each linking to the enterprise's record across editions (record.ts).

const baselineFirmsInput = z.object({ editionId: z.uuid() });

export async function baselineFirms(ctx: Ctx, raw: Input<typeof baselineFirmsInput>) {
  const { editionId } = parseInput(baselineFirmsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "baseline.manage");
  const ids = await editionExhibitorIds(ctx.db, edition.id);
  const survey = await surveyOfEdition(ctx.db, edition.id);
  const firms = ids.length
    ? await ctx.db.select({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr }).from(enterprises).where(inArray(enterprises.id, ids)).orderBy(asc(enterprises.nameEn))
    : [];
  const responses =
    survey && ids.length
      ? await ctx.db
          .select({ enterpriseId: baselineResponses.enterpriseId, round: baselineResponses.round, status: baselineResponses.status })
          .from(baselineResponses)
          .where(and(eq(baselineResponses.surveyId, survey.id), inArray(baselineResponses.enterpriseId, ids)))
      : [];
  const state = (id: string, round: "baseline" | "follow_up") => responses.find((r) => r.enterpriseId === id && r.round === round)?.status ?? null;
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    firms: firms.map((f) => ({ ...f, baseline: state(f.id, "baseline"), followUp: state(f.id, "follow_up") })),
  };
}
