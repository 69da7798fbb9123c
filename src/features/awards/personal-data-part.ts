import { and, eq, inArray, ne, notLike, sql } from "drizzle-orm";
import { enterprises } from "#features/editions";
import { ANONYMISED, type PersonalDataPart } from "#features/editions";
import { editions } from "#features/editions";
import { awardCategories, awardConflicts, awardCriteria, awardEntries, awardEvidence, awardJudges, awardRounds, awardScores } from "./tables";

/** The awards' part of a person's data (editions/personal-data-port.ts; provided by src/wiring.ts).
 *  As an exhibitor: the entries of the enterprises they answer for, with the statement and the
 *  evidence files (name, type, size; the files themselves are downloaded from the entry). As a
 *  judge (their account): the rounds they judge, every score and comment they gave, the conflicts
 *  they declared. Sealed results are public once published and are not repeated here.
 *  Anonymising empties the statement and renames the evidence files of the entries of an
 *  enterprise they are the only account of (decision 0012), and empties a judge's written conflict
 *  reasons. Entries, evidence, assignments and scores stay, so every category's entry and score
 *  counts and its results do not move (a judge's name goes with their account, accounts' part). */
export const awardsPersonalDataPart: PersonalDataPart = {
  name: "awards",
  async export(db, subject) {
    const ids = [...subject.enterpriseIds];
    const entries = ids.length
      ? await db
          .select({
            id: awardEntries.id,
            edition: editions.nameEn,
            category: awardCategories.nameEn,
            enterprise: enterprises.nameEn,
            source: awardEntries.source,
            statement: awardEntries.statement,
            withdrawn: awardEntries.withdrawn,
            shortlisted: awardEntries.shortlisted,
            createdAt: awardEntries.createdAt,
          })
          .from(awardEntries)
          .innerJoin(awardCategories, eq(awardCategories.id, awardEntries.categoryId))
          .innerJoin(editions, eq(editions.id, awardEntries.editionId))
          .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
          .where(inArray(awardEntries.enterpriseId, ids))
          .orderBy(awardEntries.createdAt)
      : [];
    const evidence = entries.length
      ? await db
          .select({ entryId: awardEvidence.entryId, fileName: awardEvidence.fileName, contentType: awardEvidence.contentType, size: awardEvidence.size, createdAt: awardEvidence.createdAt })
          .from(awardEvidence)
          .where(inArray(awardEvidence.entryId, entries.map((e) => e.id)))
          .orderBy(awardEvidence.createdAt)
      : [];
    if (!subject.userId) return { entries, evidence, judging: [], scoresGiven: [], conflictsDeclared: [] };
    const judging = await db
      .select({ edition: editions.nameEn, category: awardCategories.nameEn, round: awardRounds.kind, lead: awardJudges.lead, clusterSlugs: awardJudges.clusterSlugs })
      .from(awardJudges)
      .innerJoin(awardRounds, eq(awardRounds.id, awardJudges.roundId))
      .innerJoin(awardCategories, eq(awardCategories.id, awardRounds.categoryId))
      .innerJoin(editions, eq(editions.id, awardRounds.editionId))
      .where(eq(awardJudges.userId, subject.userId));
    const scoresGiven = await db
      .select({ entryId: awardScores.entryId, enterprise: enterprises.nameEn, round: awardRounds.kind, criterion: awardCriteria.nameEn, score: awardScores.score, comment: awardScores.comment, scoredAt: awardScores.scoredAt })
      .from(awardScores)
      .innerJoin(awardRounds, eq(awardRounds.id, awardScores.roundId))
      .innerJoin(awardCriteria, eq(awardCriteria.id, awardScores.criterionId))
      .innerJoin(awardEntries, eq(awardEntries.id, awardScores.entryId))
      .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
      .where(eq(awardScores.userId, subject.userId))
      .orderBy(awardScores.scoredAt);
    const conflictsDeclared = await db
      .select({ entryId: awardConflicts.entryId, reason: awardConflicts.reason, declaredAt: awardConflicts.declaredAt })
      .from(awardConflicts)
      .where(eq(awardConflicts.userId, subject.userId));
    return { entries, evidence, judging, scoresGiven, conflictsDeclared };
  },
  async anonymise(tx, subject) {
    const sole = [...subject.soleEnterpriseIds];
    const statements = sole.length
      ? await tx.update(awardEntries).set({ statement: "" }).where(and(inArray(awardEntries.enterpriseId, sole), ne(awardEntries.statement, ""))).returning({ id: awardEntries.id })
      : [];
    // A file's name may name a person; its type is kept in the new one ("anonymised.pdf").
    const files = sole.length
      ? await tx
          .update(awardEvidence)
          .set({ fileName: sql`${ANONYMISED} || case ${awardEvidence.contentType} when 'application/pdf' then '.pdf' when 'image/png' then '.png' else '.jpg' end` })
          .where(and(inArray(awardEvidence.entryId, tx.select({ id: awardEntries.id }).from(awardEntries).where(inArray(awardEntries.enterpriseId, sole))), notLike(awardEvidence.fileName, `${ANONYMISED}.%`)))
          .returning({ id: awardEvidence.id })
      : [];
    const reasons = subject.userId
      ? await tx
          .update(awardConflicts)
          .set({ reason: "" })
          .where(and(eq(awardConflicts.userId, subject.userId), ne(awardConflicts.reason, "")))
          .returning({ id: awardConflicts.entryId })
      : [];
    return { statements: statements.length, evidenceFiles: files.length, conflictReasons: reasons.length };
  },
};
