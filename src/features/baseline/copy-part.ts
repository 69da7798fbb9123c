import type { EditionCopyPart } from "#features/editions";
import { asTemplate, surveyOfEdition, writeSurvey } from "./operations/structure";

/** The baseline's part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): the
 *  survey's sections and current questions (same indicator codes, so next year's answers compare
 *  with this year's) and whether it asks every applicant, as a draft. Not the responses nor the
 *  applicants' links: each edition is answered anew. */
export const baselineCopyPart: EditionCopyPart = {
  name: "baseline",
  async copy(tx, _ctx, from, to) {
    const survey = await surveyOfEdition(tx, from.id);
    if (!survey) return { sections: 0, questions: 0 };
    const written = await writeSurvey(tx, to.id, { en: survey.titleEn, ur: survey.titleUr }, await asTemplate(tx, survey.id), "draft", { askApplicants: survey.askApplicants });
    return { sections: written.sections, questions: written.questions };
  },
};
