ALTER TABLE "baseline_answers" ADD COLUMN "visible" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD COLUMN "export_score" smallint;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD COLUMN "investment_score" smallint;--> statement-breakpoint
CREATE INDEX "baseline_responses_survey_round_idx" ON "baseline_responses" USING btree ("survey_id","round","status");--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_scores" CHECK ("baseline_responses"."export_score" BETWEEN 0 AND 100 AND "baseline_responses"."investment_score" BETWEEN 0 AND 100 OR "baseline_responses"."export_score" IS NULL AND "baseline_responses"."investment_score" IS NULL);