CREATE TABLE "meetday_walkups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"sme_participant_id" uuid NOT NULL,
	"buyer_participant_id" uuid NOT NULL,
	"proposed_by" text NOT NULL,
	"day" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"place" text NOT NULL,
	"table_no" integer,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"answer_token_hash" text,
	"meeting_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "meetday_walkups_token_uq" UNIQUE("answer_token_hash"),
	CONSTRAINT "meetday_walkups_proposed_by" CHECK ("meetday_walkups"."proposed_by" in ('sme', 'buyer')),
	CONSTRAINT "meetday_walkups_status" CHECK ("meetday_walkups"."status" in ('proposed', 'confirmed', 'declined', 'withdrawn')),
	CONSTRAINT "meetday_walkups_place" CHECK (("meetday_walkups"."place" = 'table' and "meetday_walkups"."table_no" >= 1) or ("meetday_walkups"."place" = 'stall' and "meetday_walkups"."table_no" is null)),
	CONSTRAINT "meetday_walkups_slot" CHECK ("meetday_walkups"."day" >= 1 and "meetday_walkups"."start_minute" between 0 and 1439),
	CONSTRAINT "meetday_walkups_confirmed" CHECK ("meetday_walkups"."status" = 'confirmed' or "meetday_walkups"."meeting_id" is null)
);
--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD COLUMN "kind" text DEFAULT 'planned' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetday_walkups" ADD CONSTRAINT "meetday_walkups_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_walkups" ADD CONSTRAINT "meetday_walkups_sme_participant_id_b2b_participants_id_fk" FOREIGN KEY ("sme_participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_walkups" ADD CONSTRAINT "meetday_walkups_buyer_participant_id_b2b_participants_id_fk" FOREIGN KEY ("buyer_participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_walkups" ADD CONSTRAINT "meetday_walkups_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_walkups" ADD CONSTRAINT "meetday_walkups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetday_walkups_open_pair_uq" ON "meetday_walkups" USING btree ("sme_participant_id","buyer_participant_id") WHERE status = 'proposed';--> statement-breakpoint
CREATE INDEX "meetday_walkups_edition_idx" ON "meetday_walkups" USING btree ("edition_id","status");--> statement-breakpoint
CREATE INDEX "meetday_walkups_buyer_idx" ON "meetday_walkups" USING btree ("buyer_participant_id");--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_kind" CHECK ("b2b_meetings"."kind" in ('planned', 'walk_up'));