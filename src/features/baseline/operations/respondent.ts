import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { editions, enterprises } from "#features/editions";
import { nominations } from "#features/nominations";
import { baselineApplicantLinks, baselineSurveys } from "../tables";
import { ownEnterpriseId, ownSurvey } from "./own";
import type { SurveyRow } from "./structure";

// Who answers a baseline, and which survey (issue #15): an exhibitor, from its account's exhibitor
// grant (own.ts), or an applicant, from its baseline link (decision 0018). Never from the input.
// The answering, the scores and their pages work on a Respondent, whichever it is.

type Edition = typeof editions.$inferSelect;
type Nomination = typeof nominations.$inferSelect;

export interface Respondent {
  edition: Edition;
  survey: SurveyRow;
  /** The editions whose survey the respondent may open (an applicant's link opens one). */
  choices: { edition: Edition; survey: SurveyRow }[];
  /** The registry enterprise answering; null for an applicant whose firm is not in the registry
   *  yet (it is made from the nomination on the first save). */
  enterpriseId: string | null;
  /** The applicant's nomination, when the respondent came by a baseline link. */
  applicant: Nomination | null;
}

/** The signed-in exhibitor's respondent for an edition (its own.ts rules and refusals). */
export async function exhibitorRespondent(ctx: Ctx, db: Executor, editionId?: string | null): Promise<Respondent> {
  const enterpriseId = ownEnterpriseId(ctx);
  const { edition, survey, choices } = await ownSurvey(db, enterpriseId, editionId);
  return { edition, survey, choices, enterpriseId, applicant: null };
}

/** The applicant a baseline link names: the link is known, its survey asks applicants and is open
 *  or closed (a draft is the organiser's alone), its edition is published, and its nomination is
 *  of that edition and still submitted. Anything else, a malformed token included, is the same
 *  `baseline_link_unknown`, so a link never tells whether a nomination exists. */
export async function applicantRespondent(db: Executor, token: unknown): Promise<Respondent> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) throw new DomainError("baseline_link_unknown");
  const [row] = await db
    .select({ edition: editions, survey: baselineSurveys, nomination: nominations })
    .from(baselineApplicantLinks)
    .innerJoin(baselineSurveys, eq(baselineSurveys.id, baselineApplicantLinks.surveyId))
    .innerJoin(editions, eq(editions.id, baselineSurveys.editionId))
    .innerJoin(nominations, and(eq(nominations.id, baselineApplicantLinks.nominationId), eq(nominations.editionId, baselineSurveys.editionId)))
    .where(
      and(
        eq(baselineApplicantLinks.linkHash, hashSecret(token)),
        eq(baselineSurveys.askApplicants, true),
        inArray(baselineSurveys.status, ["open", "closed"]),
        eq(editions.status, "published"),
        eq(nominations.status, "submitted"),
      ),
    );
  if (!row) throw new DomainError("baseline_link_unknown");
  const [firm] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.organiserId, row.edition.organiserId), eq(enterprises.ntn, row.nomination.ntn)));
  return { edition: row.edition, survey: row.survey, choices: [{ edition: row.edition, survey: row.survey }], enterpriseId: firm?.id ?? null, applicant: row.nomination };
}
