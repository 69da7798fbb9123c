import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { nominations } from "#features/nominations";
import type { AnswerValue, Option, QuestionKind } from "./engine/questions";

// The baseline survey (issue #15; docs/baseline.md). One survey per edition, made of sections and
// questions. A question is VERSIONED: its indicator code is stable across versions and editions;
// a change to a question that has answers adds a new version (the old one is retired, never
// changed or deleted: a trigger and a restricting foreign key say so), so a stored answer always
// keeps the exact question, options and unit it answered. One response per enterprise, survey and round;
// one answer per response and indicator code, pointing at the version it answered.

export const surveyStatuses = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** The rounds of a survey: the baseline at the edition, and the follow-up of the same indicators
 *  six months after it ends. Each round keeps its own responses (one per firm and round). */
export const rounds = ["baseline", "follow_up"] as const;
export type Round = (typeof rounds)[number];
export const followUpStatuses = ["none", "open", "closed"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const baselineSurveys = pgTable(
  "baseline_surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    titleEn: text("title_en").notNull(),
    titleUr: text("title_ur").notNull(),
    status: text("status", { enum: surveyStatuses }).notNull().default("draft"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The 6-month follow-up round: not yet opened, open, closed. */
    followUpStatus: text("follow_up_status", { enum: followUpStatuses }).notNull().default("none"),
    followUpOpenedAt: timestamp("follow_up_opened_at", { withTimezone: true }),
    /** When the periodic job last emailed the follow-up's automatic reminder (once per round). */
    followUpRemindedAt: timestamp("follow_up_reminded_at", { withTimezone: true }),
    /** "Ask every applicant too": every submitted applicant of the edition may answer the baseline
     *  by its own link (baseline_applicant_links), not only the exhibitors. */
    askApplicants: boolean("ask_applicants").notNull().default(false),
  },
  (t) => [
    unique("baseline_surveys_edition_uq").on(t.editionId),
    check("baseline_surveys_status", sql`${t.status} IN ('draft', 'open', 'closed')`),
    check("baseline_surveys_follow_up", sql`${t.followUpStatus} IN ('none', 'open', 'closed') AND (${t.followUpStatus} = 'none') = (${t.followUpOpenedAt} IS NULL)`),
  ],
);

export const baselineSections = pgTable(
  "baseline_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => baselineSurveys.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    titleEn: text("title_en").notNull(),
    titleUr: text("title_ur").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [unique("baseline_sections_key_uq").on(t.surveyId, t.key), check("baseline_sections_key", sql`${t.key} ~ '^[a-z][a-z0-9_]{0,30}$'`)],
);

export const baselineQuestions = pgTable(
  "baseline_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => baselineSurveys.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => baselineSections.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    version: integer("version").notNull().default(1),
    kind: text("kind").$type<QuestionKind>().notNull(),
    labelEn: text("label_en").notNull(),
    labelUr: text("label_ur").notNull(),
    required: boolean("required").notNull().default(false),
    options: jsonb("options").$type<Option[]>().notNull().default([]),
    unit: text("unit"),
    min: doublePrecision("min"),
    max: doublePrecision("max"),
    showIfCode: text("show_if_code"),
    showIfEquals: text("show_if_equals"),
    sort: integer("sort").notNull().default(0),
    /** Set when a newer version replaces this one (or the question is removed); null = current. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    unique("baseline_questions_version_uq").on(t.surveyId, t.code, t.version),
    uniqueIndex("baseline_questions_current_uq").on(t.surveyId, t.code).where(sql`${t.retiredAt} IS NULL`),
    index("baseline_questions_section_idx").on(t.sectionId),
    check("baseline_questions_code", sql`${t.code} ~ '^[a-z][a-z0-9_]{0,30}(\\.[a-z][a-z0-9_]{0,30}){0,2}$'`),
    check(
      "baseline_questions_kind",
      sql`${t.kind} IN ('single', 'multiple', 'number', 'currency', 'percentage', 'year', 'yes_no', 'hs_codes', 'countries', 'scale', 'text')`,
    ),
    check("baseline_questions_condition", sql`(${t.showIfCode} IS NULL) = (${t.showIfEquals} IS NULL) AND ${t.showIfCode} IS DISTINCT FROM ${t.code}`),
  ],
);

/** The applicants' baseline links (decision 0018): each email that brings an applicant (a submitted
 *  nomination) its link to the survey adds one row holding only the SHA-256 of a fresh random token,
 *  so an earlier email's link keeps working. A link opens the survey while the survey asks
 *  applicants, is not a draft and the nomination is still submitted; it names the nomination, never
 *  an enterprise (the registry enterprise is found or made from the nomination when it first saves). */
export const baselineApplicantLinks = pgTable(
  "baseline_applicant_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => baselineSurveys.id, { onDelete: "cascade" }),
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    linkHash: text("link_hash").notNull(),
    /** Why it was sent: the invitation or a reminder. */
    kind: text("kind", { enum: ["invite", "reminder"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("baseline_applicant_links_hash_uq").on(t.linkHash),
    index("baseline_applicant_links_nomination_idx").on(t.surveyId, t.nominationId),
    check("baseline_applicant_links_kind", sql`${t.kind} IN ('invite', 'reminder')`),
  ],
);

export const responseStatuses = ["draft", "submitted"] as const;

export const baselineResponses = pgTable(
  "baseline_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => baselineSurveys.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    round: text("round", { enum: rounds }).notNull().default("baseline"),
    /** Keys of the sections saved at least once. */
    sectionsDone: jsonb("sections_done").$type<string[]>().notNull().default([]),
    status: text("status", { enum: responseStatuses }).notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The response's two scores (engine/scoring.ts over its visible answers, in its edition's
     *  year), stored by every save in the save's transaction (operations/stored-scores.ts), so the
     *  dashboards aggregate them in SQL. Null only between the migration that added them and the
     *  backfill the server runs after migrating (`scoreUnscored`). */
    exportScore: smallint("export_score"),
    investmentScore: smallint("investment_score"),
    /** The dashboard's two yes/no facts of the response (engine/figures.ts: whether the firm
     *  exports, whether it has a website), stored with the scores from its visible answers: true or
     *  false as answered, null when not answered or not shown. So the figures by group read one row
     *  per response instead of looking up two answers of each (migration 0044). */
    exporting: boolean("exporting"),
    website: boolean("website"),
  },
  (t) => [
    unique("baseline_responses_uq").on(t.surveyId, t.enterpriseId, t.round),
    unique("baseline_responses_id_survey_uq").on(t.id, t.surveyId),
    index("baseline_responses_enterprise_idx").on(t.enterpriseId),
    check("baseline_responses_status", sql`${t.status} IN ('draft', 'submitted') AND (${t.status} = 'submitted') = (${t.submittedAt} IS NOT NULL)`),
    check("baseline_responses_round", sql`${t.round} IN ('baseline', 'follow_up')`),
    check("baseline_responses_scores", sql`${t.exportScore} BETWEEN 0 AND 100 AND ${t.investmentScore} BETWEEN 0 AND 100 OR ${t.exportScore} IS NULL AND ${t.investmentScore} IS NULL`),
    index("baseline_responses_survey_round_idx").on(t.surveyId, t.round, t.status),
    // The responses still to score (`scoreUnscored`, on every start): empty after the first start,
    // so the start's query reads an empty index instead of the whole table.
    index("baseline_responses_unscored_idx").on(t.id).where(sql`${t.exportScore} IS NULL`),
  ],
);

export const baselineAnswers = pgTable(
  "baseline_answers",
  {
    responseId: uuid("response_id").notNull(),
    surveyId: uuid("survey_id").notNull(),
    code: text("code").notNull(),
    /** The question version answered. It is never deleted while answered (a trigger refuses it),
     *  except with its whole survey (an edition deleted), when its answers go too. */
    questionId: uuid("question_id")
      .notNull()
      .references(() => baselineQuestions.id, { onDelete: "cascade" }),
    value: jsonb("value").$type<AnswerValue>().notNull(),
    /** Whether the question (as answered) is shown given the response's other answers: a hidden
     *  answer is kept but neither scored nor counted. Stored with the scores, by every save. */
    visible: boolean("visible").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "baseline_answers_pk", columns: [t.responseId, t.code] }),
    foreignKey({ name: "baseline_answers_response_fk", columns: [t.responseId, t.surveyId], foreignColumns: [baselineResponses.id, baselineResponses.surveyId] }).onDelete("cascade"),
    index("baseline_answers_question_idx").on(t.questionId),
    index("baseline_answers_survey_code_idx").on(t.surveyId, t.code),
  ],
);

/** The indicator tables' counts, kept by the database (issue #15, "Speed"; migration 0039's
 *  triggers, in the transaction of whatever writes answers or responses): for each survey, round
 *  and indicator code, how many firms' submitted responses give each value. A value is the answer
 *  when it is a number or yes/no (so a share is two counts and a median is read from the counts of
 *  the distinct numbers), the text "answered" for any other answer (a choice, a list, a text), and
 *  nothing for an empty answer (null or an empty list); only visible answers count. The two scores
 *  count under the codes ":score.export" and ":score.investment" (no question code starts with a
 *  colon). The dashboards read these few rows instead of every answer (operations/aggregates.ts). */
export const baselineIndicatorCounts = pgTable(
  "baseline_indicator_counts",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => baselineSurveys.id, { onDelete: "cascade" }),
    round: text("round", { enum: rounds }).notNull(),
    code: text("code").notNull(),
    value: jsonb("value").$type<number | boolean | "answered">().notNull(),
    firms: integer("firms").notNull(),
  },
  (t) => [primaryKey({ name: "baseline_indicator_counts_pk", columns: [t.surveyId, t.round, t.code, t.value] }), check("baseline_indicator_counts_firms", sql`${t.firms} >= 0`)],
);
