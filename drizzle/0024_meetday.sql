CREATE TABLE "meetday_settings" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"no_show_minutes" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetday_settings_minutes" CHECK ("meetday_settings"."no_show_minutes" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "meetday_arrivals" (
	"meeting_id" uuid NOT NULL,
	"side" text NOT NULL,
	"edition_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"scan_id" uuid,
	CONSTRAINT "meetday_arrivals_pk" PRIMARY KEY("meeting_id","side"),
	CONSTRAINT "meetday_arrivals_side" CHECK ("meetday_arrivals"."side" in ('sme', 'buyer'))
);
--> statement-breakpoint
CREATE TABLE "meetday_no_shows" (
	"meeting_id" uuid NOT NULL,
	"side" text NOT NULL,
	"edition_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	"other_told" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meetday_no_shows_pk" PRIMARY KEY("meeting_id","side"),
	CONSTRAINT "meetday_no_shows_side" CHECK ("meetday_no_shows"."side" in ('sme', 'buyer'))
);
--> statement-breakpoint
CREATE TABLE "meetday_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"side" text NOT NULL,
	"stage" text NOT NULL,
	"happened" boolean NOT NULL,
	"kind" text,
	"value_amount" bigint,
	"currency" text,
	"timeline" text,
	"follow_up_consent" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	CONSTRAINT "meetday_outcomes_side" CHECK ("meetday_outcomes"."side" in ('sme', 'buyer')),
	CONSTRAINT "meetday_outcomes_stage" CHECK ("meetday_outcomes"."stage" in ('meeting', 'd30', 'm6')),
	CONSTRAINT "meetday_outcomes_value" CHECK (("meetday_outcomes"."value_amount" is null and "meetday_outcomes"."currency" is null) or ("meetday_outcomes"."value_amount" >= 0 and "meetday_outcomes"."currency" ~ '^[A-Z]{3}$'))
);
--> statement-breakpoint
CREATE TABLE "meetday_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"meeting_id" uuid,
	"nonce" text NOT NULL,
	"method" text NOT NULL,
	"code" text,
	"device_id" text DEFAULT 'web' NOT NULL,
	"registration_id" uuid,
	"side" text,
	"result" text NOT NULL,
	"reason" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"by_user_id" uuid,
	"by_participant_id" uuid,
	CONSTRAINT "meetday_scans_nonce_uq" UNIQUE("edition_id","nonce"),
	CONSTRAINT "meetday_scans_side" CHECK ("meetday_scans"."side" is null or "meetday_scans"."side" in ('sme', 'buyer')),
	CONSTRAINT "meetday_scans_result" CHECK ("meetday_scans"."result" in ('arrived', 'refuse'))
);
--> statement-breakpoint
CREATE TABLE "meetday_outcome_links" (
	"meeting_id" uuid NOT NULL,
	"side" text NOT NULL,
	"stage" text NOT NULL,
	"edition_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"token_hash" text,
	"sent_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "meetday_outcome_links_pk" PRIMARY KEY("meeting_id","side","stage"),
	CONSTRAINT "meetday_outcome_links_token_uq" UNIQUE("token_hash"),
	CONSTRAINT "meetday_outcome_links_side" CHECK ("meetday_outcome_links"."side" in ('sme', 'buyer')),
	CONSTRAINT "meetday_outcome_links_stage" CHECK ("meetday_outcome_links"."stage" in ('meeting', 'd30', 'm6'))
);
--> statement-breakpoint
ALTER TABLE "meetday_settings" ADD CONSTRAINT "meetday_settings_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_arrivals" ADD CONSTRAINT "meetday_arrivals_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_arrivals" ADD CONSTRAINT "meetday_arrivals_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_arrivals" ADD CONSTRAINT "meetday_arrivals_scan_id_meetday_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."meetday_scans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_no_shows" ADD CONSTRAINT "meetday_no_shows_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_no_shows" ADD CONSTRAINT "meetday_no_shows_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_no_shows" ADD CONSTRAINT "meetday_no_shows_participant_id_b2b_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_outcomes" ADD CONSTRAINT "meetday_outcomes_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_outcomes" ADD CONSTRAINT "meetday_outcomes_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_outcomes" ADD CONSTRAINT "meetday_outcomes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_scans" ADD CONSTRAINT "meetday_scans_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_scans" ADD CONSTRAINT "meetday_scans_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_scans" ADD CONSTRAINT "meetday_scans_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_scans" ADD CONSTRAINT "meetday_scans_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_scans" ADD CONSTRAINT "meetday_scans_by_participant_id_b2b_participants_id_fk" FOREIGN KEY ("by_participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_outcome_links" ADD CONSTRAINT "meetday_outcome_links_meeting_id_b2b_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."b2b_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetday_outcome_links" ADD CONSTRAINT "meetday_outcome_links_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetday_arrivals_edition_idx" ON "meetday_arrivals" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "meetday_no_shows_participant_idx" ON "meetday_no_shows" USING btree ("edition_id","participant_id");--> statement-breakpoint
CREATE INDEX "meetday_outcomes_meeting_idx" ON "meetday_outcomes" USING btree ("meeting_id","side","stage","created_at");--> statement-breakpoint
CREATE INDEX "meetday_outcomes_edition_idx" ON "meetday_outcomes" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "meetday_scans_meeting_idx" ON "meetday_scans" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetday_outcome_links_due_idx" ON "meetday_outcome_links" USING btree ("due_at") WHERE answered_at is null;--> statement-breakpoint
-- Hand-written (issue #14): outcome entries are a history. A follow-up or a corrected answer adds
-- an entry; none is ever changed (deleting goes only with its meeting or edition).
CREATE FUNCTION meetday_outcomes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'meeting outcome entries are never changed: add a new entry'
    USING ERRCODE = '23514', CONSTRAINT = 'meetday_outcomes_append_only';
END $$;
--> statement-breakpoint
CREATE TRIGGER meetday_outcomes_append_only BEFORE UPDATE ON meetday_outcomes
  FOR EACH ROW EXECUTE FUNCTION meetday_outcomes_append_only();
