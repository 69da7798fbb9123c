import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { isEditionExhibitor } from "#features/exhibitors";
import { baselineResponses, baselineSurveys } from "../tables";

// Whose baseline and which: the enterprise always comes from the signed-in account's exhibitor
// grant, never from the input (an SME sees and answers only its own); the edition is one it
// exhibits in, or one whose survey it has already answered (a returning firm answering next year's
// survey before the exhibitors are chosen keeps its answers in sight), whose survey is open or
// closed (a draft survey is the organiser's alone).

/** The account's enterprise (its exhibitor grant), authorised for its own baseline. */
export function ownEnterpriseId(ctx: Ctx): string {
  const grant = ctx.actor.kind === "user" ? ctx.actor.grants.find((g) => g.role === "exhibitor" && g.enterpriseId) : undefined;
  if (!grant) throw new DomainError(ctx.actor.kind === "anonymous" ? "unauthenticated" : "forbidden", { params: { permission: "baseline.answerOwn" } });
  authorize(ctx.actor, "baseline.answerOwn", { enterpriseId: grant.enterpriseId });
  return grant.enterpriseId!;
}

type Edition = typeof editions.$inferSelect;
type Survey = typeof baselineSurveys.$inferSelect;

/** The editions (latest first) with a survey the enterprise may answer or read: it exhibits in the
 *  edition, or it has a response (of either round) to the survey. */
export async function ownSurveys(db: Executor, enterpriseId: string): Promise<{ edition: Edition; survey: Survey }[]> {
  const [firm] = await db.select({ organiserId: enterprises.organiserId }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!firm) return [];
  const rows = await db
    .select({ edition: editions, survey: baselineSurveys })
    .from(baselineSurveys)
    .innerJoin(editions, eq(editions.id, baselineSurveys.editionId))
    .where(and(eq(editions.organiserId, firm.organiserId), eq(editions.status, "published"), inArray(baselineSurveys.status, ["open", "closed"])))
    .orderBy(desc(editions.startsOn));
  const answered = new Set(
    rows.length
      ? (
          await db
            .select({ surveyId: baselineResponses.surveyId })
            .from(baselineResponses)
            .where(
              and(
                eq(baselineResponses.enterpriseId, enterpriseId),
                inArray(
                  baselineResponses.surveyId,
                  rows.map((r) => r.survey.id),
                ),
              ),
            )
        ).map((r) => r.surveyId)
      : [],
  );
  const out = [];
  for (const r of rows) if (answered.has(r.survey.id) || (await isEditionExhibitor(db, r.edition.id, enterpriseId))) out.push(r);
  return out;
}

/** The survey asked for (it must be one of the enterprise's), else the latest open one, else the latest. */
export async function ownSurvey(db: Executor, enterpriseId: string, editionId?: string | null) {
  const choices = await ownSurveys(db, enterpriseId);
  if (editionId && !choices.some((c) => c.edition.id === editionId)) throw new DomainError("baseline_no_survey");
  const chosen = choices.find((c) => c.edition.id === editionId) ?? choices.find((c) => c.survey.status === "open") ?? choices[0];
  if (!chosen) throw new DomainError("baseline_no_survey");
  return { ...chosen, choices };
}
