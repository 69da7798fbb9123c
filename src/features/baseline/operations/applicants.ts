import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { rowsOf } from "../../../platform/db/rows";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { hashSecret, newSecret } from "../../../platform/ids";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { editionForChange, type editions } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { baselineApplicantLinks, baselineSurveys } from "../tables";
import { surveyOfEdition, type SurveyRow } from "./structure";

// The organiser asks every applicant too (issue #15; decision 0018): the survey's setting, the
// applicants' progress, and their emails. An applicant is a nomination of the edition with status
// `submitted`; each email carries a fresh link (only its SHA-256 is kept, earlier links keep
// working), in the nomination's language, through the outbox in the caller's transaction.

type Edition = typeof editions.$inferSelect;

const AskInput = z.object({ editionId: z.uuid(), ask: z.boolean() });

/** "Ask every applicant too": on or off. Refusals: as editionForChange, baseline_no_survey. */
export async function setAskApplicants(ctx: Ctx, raw: Input<typeof AskInput>) {
  const input = parseInput(AskInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    await tx.update(baselineSurveys).set({ askApplicants: input.ask }).where(eq(baselineSurveys.id, survey.id));
    await recordAudit(tx, c, { action: "baseline.ask_applicants_set", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { from: survey.askApplicants, to: input.ask } });
    return { askApplicants: input.ask };
  });
}

const EditionInput = z.object({ editionId: z.uuid() });

/** Emails every submitted applicant not yet sent a link its link (so a second call reaches only the
 *  applicants who submitted since). Needs the survey open and asking applicants. */
export async function inviteApplicants(ctx: Ctx, raw: Input<typeof EditionInput>) {
  const input = parseInput(EditionInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    if (!survey.askApplicants) throw new DomainError("baseline_applicants_not_asked");
    if (survey.status !== "open") throw new DomainError("baseline_not_open");
    const sent = await emailApplicants(tx, c, edition, survey, "invite");
    await recordAudit(tx, c, { action: "baseline.applicants_invited", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: sent });
    return sent;
  });
}

interface ApplicantRow {
  id: string;
  email: string | null;
  locale: "en" | "ur";
  name: string;
  enterprise_id: string | null;
  response: "draft" | "submitted" | null;
  linked: boolean;
}

/** The edition's applicants (submitted nominations) with their registry enterprise (by NTN), the
 *  state of its baseline response, and whether a link was ever sent for this survey. */
async function applicantsOf(db: Executor, edition: Edition, surveyId: string): Promise<ApplicantRow[]> {
  return rowsOf<ApplicantRow>(
    await db.execute(sql`
      SELECT n.id, n.email, n.locale, n.enterprise_name AS name, e.id AS enterprise_id, r.status AS response,
        EXISTS (SELECT 1 FROM baseline_applicant_links l WHERE l.survey_id = ${surveyId} AND l.nomination_id = n.id) AS linked
      FROM nominations n
      LEFT JOIN enterprises e ON e.organiser_id = ${edition.organiserId} AND e.ntn = n.ntn
      LEFT JOIN baseline_responses r ON r.survey_id = ${surveyId} AND r.enterprise_id = e.id AND r.round = 'baseline'
      WHERE n.edition_id = ${edition.id} AND n.status = 'submitted'
      ORDER BY n.enterprise_name, n.id`),
  );
}

/** The applicants' progress on the baseline (shown apart from the exhibitors'). */
export async function applicantProgress(db: Executor, edition: Edition, survey: SurveyRow) {
  const all = await applicantsOf(db, edition, survey.id);
  const submitted = all.filter((a) => a.response === "submitted").length;
  const drafts = all.filter((a) => a.response === "draft").length;
  return { applicants: all.length, submitted, drafts, notStarted: all.length - submitted - drafts, invited: all.filter((a) => a.linked).length };
}

/** Queues the applicants' emails, each with a fresh link: the invitation to those never sent one,
 *  or the reminder to those who have not finished (not to an applicant that is also an exhibitor of
 *  the edition: the exhibitors' reminder reaches it). An applicant without an email is counted. */
export async function emailApplicants(tx: Executor, c: Ctx, edition: Edition, survey: SurveyRow, kind: "invite" | "reminder") {
  const all = await applicantsOf(tx, edition, survey.id);
  const exhibitors = kind === "reminder" ? new Set(await editionExhibitorIds(tx, edition.id)) : new Set<string>();
  const pending = all.filter((a) => (kind === "invite" ? !a.linked : a.response !== "submitted" && !(a.enterprise_id && exhibitors.has(a.enterprise_id))));
  const texts = kind === "invite" ? "baseline.applicants.invite" : "baseline.applicants.remind";
  const mails: EmailMessage[] = [];
  const links: (typeof baselineApplicantLinks.$inferInsert)[] = [];
  let unreachable = 0;
  for (const a of pending) {
    if (!a.email) {
      unreachable++;
      continue;
    }
    const token = newSecret();
    links.push({ surveyId: survey.id, nominationId: a.id, linkHash: hashSecret(token), kind });
    const params = { edition: a.locale === "ur" ? edition.nameUr : edition.nameEn, name: a.name };
    const link = `${c.config.publicUrl}/lang/${a.locale}?next=${encodeURIComponent(`/baseline/applicant/${token}`)}`;
    mails.push({ kind: `baseline.applicant_${kind}`, to: a.email, subject: translate(a.locale, `${texts}.subject`, params), text: `${translate(a.locale, `${texts}.body`, params)}\n\n${link}` });
  }
  if (!links.length) return { sent: 0, unreachable };
  await tx.insert(baselineApplicantLinks).values(links);
  await queueEmails(tx, c.clock, mails);
  return { sent: mails.length, unreachable };
}
