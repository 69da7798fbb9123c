CREATE TABLE "baseline_answers" (
	"response_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"code" text NOT NULL,
	"question_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_answers_pk" PRIMARY KEY("response_id","code")
);
--> statement-breakpoint
CREATE TABLE "baseline_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"label_en" text NOT NULL,
	"label_ur" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit" text,
	"min" double precision,
	"max" double precision,
	"show_if_code" text,
	"show_if_equals" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "baseline_questions_version_uq" UNIQUE("survey_id","code","version"),
	CONSTRAINT "baseline_questions_code" CHECK ("baseline_questions"."code" ~ '^[a-z][a-z0-9_]{0,30}(\.[a-z][a-z0-9_]{0,30}){0,2}$'),
	CONSTRAINT "baseline_questions_kind" CHECK ("baseline_questions"."kind" IN ('single', 'multiple', 'number', 'currency', 'percentage', 'year', 'yes_no', 'hs_codes', 'countries', 'scale', 'text')),
	CONSTRAINT "baseline_questions_condition" CHECK (("baseline_questions"."show_if_code" IS NULL) = ("baseline_questions"."show_if_equals" IS NULL) AND "baseline_questions"."show_if_code" IS DISTINCT FROM "baseline_questions"."code")
);
--> statement-breakpoint
CREATE TABLE "baseline_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"sections_done" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_responses_uq" UNIQUE("survey_id","enterprise_id"),
	CONSTRAINT "baseline_responses_id_survey_uq" UNIQUE("id","survey_id"),
	CONSTRAINT "baseline_responses_status" CHECK ("baseline_responses"."status" IN ('draft', 'submitted') AND ("baseline_responses"."status" = 'submitted') = ("baseline_responses"."submitted_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "baseline_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title_en" text NOT NULL,
	"title_ur" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "baseline_sections_key_uq" UNIQUE("survey_id","key"),
	CONSTRAINT "baseline_sections_key" CHECK ("baseline_sections"."key" ~ '^[a-z][a-z0-9_]{0,30}$')
);
--> statement-breakpoint
CREATE TABLE "baseline_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"title_en" text NOT NULL,
	"title_ur" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_surveys_edition_uq" UNIQUE("edition_id"),
	CONSTRAINT "baseline_surveys_status" CHECK ("baseline_surveys"."status" IN ('draft', 'open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "baseline_answers" ADD CONSTRAINT "baseline_answers_question_id_baseline_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."baseline_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_answers" ADD CONSTRAINT "baseline_answers_response_fk" FOREIGN KEY ("response_id","survey_id") REFERENCES "public"."baseline_responses"("id","survey_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_questions" ADD CONSTRAINT "baseline_questions_survey_id_baseline_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."baseline_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_questions" ADD CONSTRAINT "baseline_questions_section_id_baseline_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."baseline_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_survey_id_baseline_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."baseline_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_sections" ADD CONSTRAINT "baseline_sections_survey_id_baseline_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."baseline_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_surveys" ADD CONSTRAINT "baseline_surveys_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "baseline_answers_question_idx" ON "baseline_answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "baseline_answers_survey_code_idx" ON "baseline_answers" USING btree ("survey_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "baseline_questions_current_uq" ON "baseline_questions" USING btree ("survey_id","code") WHERE "baseline_questions"."retired_at" IS NULL;--> statement-breakpoint
CREATE INDEX "baseline_questions_section_idx" ON "baseline_questions" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "baseline_responses_enterprise_idx" ON "baseline_responses" USING btree ("enterprise_id");--> statement-breakpoint
-- Hand-written (drizzle cannot express it): an answered question version is frozen. Its meaning
-- (code, version, kind, texts, options, unit, bounds, condition, required) never changes once an
-- answer points at it; a change adds a new version instead. Only its place (section, sort) and its
-- retirement may change.
CREATE FUNCTION baseline_question_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.code, NEW.version, NEW.kind, NEW.label_en, NEW.label_ur, NEW.required, NEW.options, NEW.unit, NEW.min, NEW.max, NEW.show_if_code, NEW.show_if_equals)
     IS DISTINCT FROM (OLD.code, OLD.version, OLD.kind, OLD.label_en, OLD.label_ur, OLD.required, OLD.options, OLD.unit, OLD.min, OLD.max, OLD.show_if_code, OLD.show_if_equals)
     AND EXISTS (SELECT 1 FROM baseline_answers WHERE question_id = OLD.id) THEN
    RAISE EXCEPTION 'baseline question % is answered: add a new version instead', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'baseline_question_frozen';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER baseline_question_frozen BEFORE UPDATE ON baseline_questions FOR EACH ROW EXECUTE FUNCTION baseline_question_frozen();
--> statement-breakpoint
-- An answer names a version of its own indicator in its own survey.
CREATE FUNCTION baseline_answer_question() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM baseline_questions q WHERE q.id = NEW.question_id AND q.survey_id = NEW.survey_id AND q.code = NEW.code) THEN
    RAISE EXCEPTION 'baseline answer % names a question of another code or survey', NEW.code USING ERRCODE = '23514', CONSTRAINT = 'baseline_answer_question';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER baseline_answer_question BEFORE INSERT OR UPDATE ON baseline_answers FOR EACH ROW EXECUTE FUNCTION baseline_answer_question();
--> statement-breakpoint
-- An answered question version is never deleted on its own (removing a question retires it).
-- Deleting the whole survey (its edition) still takes its questions and answers: by then the
-- survey row is gone, so the cascade passes.
CREATE FUNCTION baseline_question_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM baseline_surveys WHERE id = OLD.survey_id) AND EXISTS (SELECT 1 FROM baseline_answers WHERE question_id = OLD.id) THEN
    RAISE EXCEPTION 'baseline question % is answered: retire it instead', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'baseline_question_kept';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER baseline_question_kept BEFORE DELETE ON baseline_questions FOR EACH ROW EXECUTE FUNCTION baseline_question_kept();
