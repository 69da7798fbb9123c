import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { bytea } from "../../platform/db/bytea";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";

// The SME awards of an edition (issue #13, "Awards"; docs/awards.md): categories with eligibility
// rules over exhibitor data, two judging rounds per category (shortlist, final) each with its own
// criteria and judges, entries, assignments, scores, conflict declarations, and the sealed results.
// The database holds the invariants: one score per judge, entry and criterion (primary key); a
// score only on an assignment (foreign key); no assignment or score for a judge recused from the
// entry, by a declared conflict or by an affiliation with the entry's trade body or cluster, and
// no score in a round that is not open or a category whose results are locked (triggers in the
// migration, function `awards_recused`); a publication time only once locked (CHECK).

export const awardSizeClasses = ["micro", "small", "medium"] as const;
export const awardEntryModes = ["automatic", "application"] as const;
export type AwardEntryMode = (typeof awardEntryModes)[number];
export const awardEntrySources = ["automatic", "application", "organiser"] as const;
export const awardRoundKinds = ["shortlist", "final"] as const;
export type AwardRoundKind = (typeof awardRoundKinds)[number];
export const awardRoundStatuses = ["draft", "open", "closed"] as const;
export type AwardRoundStatus = (typeof awardRoundStatuses)[number];
export const awardPlaceKinds = ["winner", "runner_up"] as const;
export type AwardPlaceKind = (typeof awardPlaceKinds)[number];
/** Scores are whole numbers on this scale (the selection's reviews use the same). */
export const AWARD_SCORE_MIN = 1;
export const AWARD_SCORE_MAX = 5;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** An award category. Eligibility: every rule set must hold (an empty list is "any"). */
export const awardCategories = pgTable(
  "award_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionUr: text("description_ur").notNull().default(""),
    guidanceEn: text("guidance_en").notNull().default(""),
    guidanceUr: text("guidance_ur").notNull().default(""),
    selectedOnly: boolean("selected_only").notNull().default(true),
    sizeClasses: text("size_classes").array().notNull().default(sql`'{}'::text[]`),
    womenLedOnly: boolean("women_led_only").notNull().default(false),
    clusterSlugs: text("cluster_slugs").array().notNull().default(sql`'{}'::text[]`),
    /** Sectors of the edition (codes): an entrant's cluster must belong to one; empty: any. */
    sectorCodes: text("sector_codes").array().notNull().default(sql`'{}'::text[]`),
    /** The lowest export-readiness score (the baseline's, 0–100) an entrant must have; null: any. */
    minExportScore: integer("min_export_score"),
    entryMode: text("entry_mode", { enum: awardEntryModes }).notNull().default("automatic"),
    winners: integer("winners").notNull().default(1),
    runnersUp: integer("runners_up").notNull().default(0),
    sort: integer("sort").notNull().default(0),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    publishAt: timestamp("publish_at", { withTimezone: true }),
  },
  (t) => [
    unique("award_categories_slug_uq").on(t.editionId, t.slug),
    unique("award_categories_edition_uq").on(t.id, t.editionId),
    check("award_categories_mode", sql`${t.entryMode} IN (${inList(awardEntryModes)})`),
    check("award_categories_places", sql`${t.winners} >= 1 AND ${t.winners} <= 10 AND ${t.runnersUp} >= 0 AND ${t.runnersUp} <= 10`),
    check("award_categories_min_export", sql`${t.minExportScore} IS NULL OR ${t.minExportScore} BETWEEN 0 AND 100`),
    check("award_categories_sizes", sql`${t.sizeClasses} <@ ARRAY[${inList(awardSizeClasses)}]::text[]`),
    check("award_categories_publish", sql`${t.publishAt} IS NULL OR ${t.lockedAt} IS NOT NULL`),
  ],
);

/** A judging round of a category: the shortlist round and the final. `advance` entries of the
 *  shortlist go on to the final. */
export const awardRounds = pgTable(
  "award_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id").notNull(),
    categoryId: uuid("category_id").notNull(),
    kind: text("kind", { enum: awardRoundKinds }).notNull(),
    status: text("status", { enum: awardRoundStatuses }).notNull().default("draft"),
    judgesPerEntry: integer("judges_per_entry").notNull().default(3),
    advance: integer("advance").notNull().default(5),
  },
  (t) => [
    foreignKey({ name: "award_rounds_category_fk", columns: [t.categoryId, t.editionId], foreignColumns: [awardCategories.id, awardCategories.editionId] }).onDelete("cascade"),
    unique("award_rounds_kind_uq").on(t.categoryId, t.kind),
    unique("award_rounds_edition_uq").on(t.id, t.editionId),
    check("award_rounds_kind", sql`${t.kind} IN (${inList(awardRoundKinds)})`),
    check("award_rounds_status", sql`${t.status} IN (${inList(awardRoundStatuses)})`),
    check("award_rounds_numbers", sql`${t.judgesPerEntry} BETWEEN 1 AND 20 AND ${t.advance} >= 1`),
  ],
);

/** A criterion of a round, with its weight and guidance for judges. */
export const awardCriteria = pgTable(
  "award_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => awardRounds.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    guidanceEn: text("guidance_en").notNull().default(""),
    guidanceUr: text("guidance_ur").notNull().default(""),
    weight: integer("weight").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [unique("award_criteria_slug_uq").on(t.roundId, t.slug), check("award_criteria_weight", sql`${t.weight} BETWEEN 1 AND 100`)],
);

/** An enterprise entered in a category: automatically (eligible), by its own application with a
 *  short statement, or by an organiser. A withdrawn entry keeps its row (and its history). */
export const awardEntries = pgTable(
  "award_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id").notNull(),
    categoryId: uuid("category_id").notNull(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    source: text("source", { enum: awardEntrySources }).notNull(),
    statement: text("statement").notNull().default(""),
    withdrawn: boolean("withdrawn").notNull().default(false),
    shortlisted: boolean("shortlisted").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ name: "award_entries_category_fk", columns: [t.categoryId, t.editionId], foreignColumns: [awardCategories.id, awardCategories.editionId] }).onDelete("cascade"),
    unique("award_entries_uq").on(t.categoryId, t.enterpriseId),
    index("award_entries_enterprise_idx").on(t.enterpriseId),
    check("award_entries_source", sql`${t.source} IN (${inList(awardEntrySources)})`),
    check("award_entries_statement", sql`char_length(${t.statement}) <= 2000`),
  ],
);

/** A judge of a round: an account holding the reviewer role of the organiser. `clusterSlugs` are
 *  the clusters the judge is affiliated with (trade bodies come from the selection's reviewer
 *  affiliations); `lead` may see progress and reassign. */
export const awardJudges = pgTable(
  "award_judges",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => awardRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clusterSlugs: text("cluster_slugs").array().notNull().default(sql`'{}'::text[]`),
    lead: boolean("lead").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index("award_judges_user_idx").on(t.userId)],
);

/** A judge's declared conflict with an entry: recused from it in every round. */
export const awardConflicts = pgTable(
  "award_conflicts",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => awardEntries.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.userId] })],
);

/** An entry given to a judge in a round. */
export const awardAssignments = pgTable(
  "award_assignments",
  {
    roundId: uuid("round_id").notNull(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => awardEntries.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.entryId, t.userId] }),
    foreignKey({ name: "award_assignments_judge_fk", columns: [t.roundId, t.userId], foreignColumns: [awardJudges.roundId, awardJudges.userId] }).onDelete("cascade"),
    index("award_assignments_user_idx").on(t.userId),
  ],
);

/** One judge's score of one entry on one criterion, with a comment. */
export const awardScores = pgTable(
  "award_scores",
  {
    roundId: uuid("round_id").notNull(),
    entryId: uuid("entry_id").notNull(),
    userId: uuid("user_id").notNull(),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => awardCriteria.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
    scoredAt: timestamp("scored_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.entryId, t.userId, t.criterionId] }),
    foreignKey({ name: "award_scores_assignment_fk", columns: [t.roundId, t.entryId, t.userId], foreignColumns: [awardAssignments.roundId, awardAssignments.entryId, awardAssignments.userId] }).onDelete("cascade"),
    check("award_scores_range", sql`${t.score} BETWEEN ${sql.raw(String(AWARD_SCORE_MIN))} AND ${sql.raw(String(AWARD_SCORE_MAX))}`),
    check("award_scores_comment", sql`char_length(${t.comment}) <= 2000`),
  ],
);

/** The sealed result of a category, written when an organiser locks it: winners and runners-up
 *  with their normalised mean. Public only from the category's publication time. */
export const awardResults = pgTable(
  "award_results",
  {
    categoryId: uuid("category_id")
      .notNull()
      .references(() => awardCategories.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => awardEntries.id, { onDelete: "cascade" }),
    place: text("place", { enum: awardPlaceKinds }).notNull(),
    rank: integer("rank").notNull(),
    meanNormalised: integer("mean_normalised_x100").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.categoryId, t.entryId] }),
    unique("award_results_rank_uq").on(t.categoryId, t.rank),
    check("award_results_place", sql`${t.place} IN (${inList(awardPlaceKinds)})`),
  ],
);

/** Evidence files an exhibitor attaches to its application entry (sales figures, certificates,
 *  buyers' letters): PDF, PNG or JPEG, checked by their first bytes, at most 5 MB each and
 *  `AWARD_EVIDENCE_MAX_FILES` per entry (the operation counts under the entry's row lock). */
export const AWARD_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const AWARD_EVIDENCE_MAX_FILES = 3;
export const awardEvidenceTypes = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AwardEvidenceType = (typeof awardEvidenceTypes)[number];

export const awardEvidence = pgTable(
  "award_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => awardEntries.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type", { enum: awardEvidenceTypes }).notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("award_evidence_entry_idx").on(t.entryId),
    check("award_evidence_type", sql`${t.contentType} IN (${inList(awardEvidenceTypes)})`),
    check("award_evidence_size", sql`${t.size} > 0 AND ${t.size} <= ${sql.raw(String(AWARD_EVIDENCE_MAX_BYTES))} AND ${t.size} = octet_length(${t.bytes})`),
    check("award_evidence_name", sql`char_length(${t.fileName}) BETWEEN 1 AND 200`),
  ],
);
