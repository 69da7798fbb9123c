CREATE TABLE "award_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_evidence_type" CHECK ("award_evidence"."content_type" IN ('application/pdf', 'image/png', 'image/jpeg')),
	CONSTRAINT "award_evidence_size" CHECK ("award_evidence"."size" > 0 AND "award_evidence"."size" <= 5242880 AND "award_evidence"."size" = octet_length("award_evidence"."bytes")),
	CONSTRAINT "award_evidence_name" CHECK (char_length("award_evidence"."file_name") BETWEEN 1 AND 200)
);
--> statement-breakpoint
ALTER TABLE "award_evidence" ADD CONSTRAINT "award_evidence_entry_id_award_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."award_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_evidence_entry_idx" ON "award_evidence" USING btree ("entry_id");