import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { tradeBodies } from "#features/editions";
import type { PersonalDataPart } from "#features/editions";
import { nominationIdsOf } from "#features/nominations";
import { appeals, nominations, reviewConflicts, reviewerAffiliations, reviews, selections } from "#features/nominations";
import type { SelectionResult } from "./engine";

/** The selection's part of a person's data (editions/personal-data-port.ts; provided by
 *  src/wiring.ts). As an applicant (the nominations about them, see nominations' part): the
 *  published decision on each application with its score, rank and reasons, and their appeals.
 *  As a reviewer (their account): the scores and comments they gave, the conflicts they declared
 *  and the trade bodies they are affiliated with. Which reviewer scored an application is not the
 *  applicant's data, so the applicant sees the decision, not the single reviews.
 *  Anonymising empties the grounds of the applicant's appeals (their own words) and a reviewer's
 *  written conflict reasons; reviews, scores, decisions and the selection's totals stay as they are
 *  (a reviewer's name goes with their account, accounts' part). */
export const selectionPersonalDataPart: PersonalDataPart = {
  name: "selection",
  async export(db, subject) {
    const ids = await nominationIdsOf(db, subject.emails, subject.enterpriseIds, subject.organiserId);
    const decisions: unknown[] = [];
    let ownAppeals: unknown[] = [];
    if (ids.length) {
      const editionIds = (await db.selectDistinct({ id: nominations.editionId }).from(nominations).where(inArray(nominations.id, ids))).map((r) => r.id);
      // Only a published selection: before that the decisions are the organiser's working draft.
      const published = await db.select().from(selections).where(and(inArray(selections.editionId, editionIds), isNotNull(selections.publishedAt)));
      const mine = new Set(ids);
      for (const s of published) {
        const result = s.result as unknown as SelectionResult;
        for (const d of result.decisions ?? []) {
          if (!mine.has(d.applicationId)) continue;
          const { applicationId, status, normalisedScore, adjustedScore, rankInCluster, clusterApplicants, waitlistPosition, reasons } = d;
          decisions.push({ applicationId, status, normalisedScore, adjustedScore, rankInCluster, clusterApplicants, waitlistPosition, reasons, publishedAt: s.publishedAt });
        }
      }
      ownAppeals = await db
        .select({ applicationId: appeals.nominationId, grounds: appeals.grounds, status: appeals.status, decisionNote: appeals.decisionNote, createdAt: appeals.createdAt, decidedAt: appeals.decidedAt })
        .from(appeals)
        .where(inArray(appeals.nominationId, ids));
    }
    if (!subject.userId) return { decisions, appeals: ownAppeals, reviewsGiven: [], conflictsDeclared: [], affiliations: [] };
    const reviewsGiven = await db
      .select({ applicationId: reviews.nominationId, enterpriseName: nominations.enterpriseName, scores: reviews.scores, comments: reviews.comments, assignedAt: reviews.assignedAt, submittedAt: reviews.submittedAt })
      .from(reviews)
      .innerJoin(nominations, eq(nominations.id, reviews.nominationId))
      .where(eq(reviews.reviewerId, subject.userId))
      .orderBy(reviews.assignedAt);
    const conflictsDeclared = await db
      .select({ applicationId: reviewConflicts.nominationId, reason: reviewConflicts.reason, createdAt: reviewConflicts.createdAt })
      .from(reviewConflicts)
      .where(eq(reviewConflicts.reviewerId, subject.userId));
    const affiliations = await db
      .select({ tradeBody: tradeBodies.nameEn })
      .from(reviewerAffiliations)
      .innerJoin(tradeBodies, eq(tradeBodies.id, reviewerAffiliations.tradeBodyId))
      .where(eq(reviewerAffiliations.userId, subject.userId));
    return { decisions, appeals: ownAppeals, reviewsGiven, conflictsDeclared, affiliations };
  },
  async anonymise(tx, subject) {
    const ids = await nominationIdsOf(tx, subject.emails, subject.soleEnterpriseIds, subject.organiserId);
    const grounds = ids.length
      ? await tx.update(appeals).set({ grounds: "" }).where(and(inArray(appeals.nominationId, ids), ne(appeals.grounds, ""))).returning({ id: appeals.id })
      : [];
    const reasons = subject.userId
      ? await tx
          .update(reviewConflicts)
          .set({ reason: "" })
          .where(and(eq(reviewConflicts.reviewerId, subject.userId), ne(reviewConflicts.reason, "")))
          .returning({ id: reviewConflicts.nominationId })
      : [];
    return { appeals: grounds.length, conflictReasons: reasons.length };
  },
};
