import { z } from "zod";
import { inTransaction, type Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { byApplicant, registryEnterpriseOf } from "#features/nominations";
import { baselineView, saveSectionOf, SectionAnswers } from "./answer";
import { applicantRespondent } from "./respondent";
import { scoresOf } from "./scores";

// An applicant answering the baseline by its link (issue #15, "where the organiser asks, all
// applicants"; decision 0018): the same page, saves and scores as an exhibitor's, the respondent
// named by the link instead of an account. Only the baseline round: the 6-month follow-up is the
// exhibitors'. Every refusal of the link is `baseline_link_unknown` (respondent.ts).

const LinkInput = z.object({ token: z.string().max(1000) });

/** The applicant's survey: sections, questions, its answers or suggestions from its application. */
export async function applicantBaseline(ctx: Ctx, raw: Input<typeof LinkInput>) {
  const { token } = parseInput(LinkInput, raw);
  return baselineView(ctx, await applicantRespondent(ctx.db, token), "baseline");
}

const ApplicantSectionInput = SectionAnswers.omit({ round: true }).extend(LinkInput.shape);

/** Save one section of the applicant's answers. Its firm's registry enterprise is found by the
 *  nomination's NTN, or made from the nomination, in the same transaction (so the response always
 *  belongs to the enterprise an exhibitor account of that firm later answers for). Refusals:
 *  baseline_link_unknown, baseline_not_open, not_found (section), validation_failed. */
export async function saveApplicantSection(ctx: Ctx, raw: Input<typeof ApplicantSectionInput>) {
  const input = parseInput(ApplicantSectionInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const r = await applicantRespondent(tx, input.token);
    const nomination = r.applicant!;
    const enterpriseId = r.enterpriseId ?? (await registryEnterpriseOf(tx, nomination));
    const { by } = await byApplicant(tx, { id: nomination.id, editionId: nomination.editionId, enterpriseName: nomination.enterpriseName });
    return saveSectionOf(tx, c, { edition: r.edition, survey: r.survey, enterpriseId }, { section: input.section, answers: input.answers, round: "baseline" }, by);
  });
}

/** The applicant's own scores (null until its answers are complete), as an exhibitor's. */
export async function applicantScores(ctx: Ctx, raw: Input<typeof LinkInput>) {
  const { token } = parseInput(LinkInput, raw);
  return scoresOf(ctx, await applicantRespondent(ctx.db, token));
}
