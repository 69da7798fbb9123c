import { eq } from "drizzle-orm";
import type { ReadinessPort } from "../b2b/readiness-port";
import { editions } from "../editions/tables";
import { surveyScores } from "./operations/scores";
import { surveyOfEdition } from "./operations/structure";

/** b2b's readiness port: the export-readiness scores of the edition's submitted baselines. */
export const baselineReadinessPort: ReadinessPort = {
  async exportScores(db, editionId) {
    const survey = await surveyOfEdition(db, editionId);
    if (!survey) return new Map();
    const [edition] = await db.select({ startsOn: editions.startsOn }).from(editions).where(eq(editions.id, editionId));
    const scores = await surveyScores(db, survey.id, Number(edition!.startsOn.slice(0, 4)));
    return new Map(scores.map((s) => [s.enterpriseId, { score: s.export.score, band: s.export.band }]));
  },
};
