ALTER TABLE "baseline_responses" DROP CONSTRAINT "baseline_responses_uq";--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD COLUMN "round" text DEFAULT 'baseline' NOT NULL;--> statement-breakpoint
ALTER TABLE "baseline_surveys" ADD COLUMN "follow_up_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "baseline_surveys" ADD COLUMN "follow_up_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "baseline_surveys" ADD COLUMN "follow_up_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_uq" UNIQUE("survey_id","enterprise_id","round");--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD CONSTRAINT "baseline_responses_round" CHECK ("baseline_responses"."round" IN ('baseline', 'follow_up'));--> statement-breakpoint
ALTER TABLE "baseline_surveys" ADD CONSTRAINT "baseline_surveys_follow_up" CHECK ("baseline_surveys"."follow_up_status" IN ('none', 'open', 'closed') AND ("baseline_surveys"."follow_up_status" = 'none') = ("baseline_surveys"."follow_up_opened_at" IS NULL));