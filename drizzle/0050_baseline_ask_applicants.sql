CREATE TABLE "baseline_applicant_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"link_hash" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baseline_applicant_links_hash_uq" UNIQUE("link_hash"),
	CONSTRAINT "baseline_applicant_links_kind" CHECK ("baseline_applicant_links"."kind" IN ('invite', 'reminder'))
);
--> statement-breakpoint
ALTER TABLE "baseline_surveys" ADD COLUMN "ask_applicants" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "baseline_applicant_links" ADD CONSTRAINT "baseline_applicant_links_survey_id_baseline_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."baseline_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_applicant_links" ADD CONSTRAINT "baseline_applicant_links_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "baseline_applicant_links_nomination_idx" ON "baseline_applicant_links" USING btree ("survey_id","nomination_id");