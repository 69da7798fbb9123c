CREATE TABLE "privacy_retention" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"scan_days" integer,
	"lead_days" integer,
	"swept_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_retention_scan_days" CHECK ("privacy_retention"."scan_days" is null or "privacy_retention"."scan_days" between 0 and 3650),
	CONSTRAINT "privacy_retention_lead_days" CHECK ("privacy_retention"."lead_days" is null or "privacy_retention"."lead_days" between 0 and 3650)
);
--> statement-breakpoint
ALTER TABLE "privacy_retention" ADD CONSTRAINT "privacy_retention_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written (issue #15, part 7): outcome entries stay a history, but erasing a person on
-- request (privacy/operations/anonymise.ts, through meetday/personal-data-part.ts) may empty a
-- note and forget who entered it; nothing else of an entry ever changes.
CREATE OR REPLACE FUNCTION meetday_outcomes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('numaish.anonymising', true) = 'on'
     AND NEW.note = ''
     AND (NEW.id, NEW.edition_id, NEW.meeting_id, NEW.side, NEW.stage, NEW.happened, NEW.kind, NEW.value_amount, NEW.currency, NEW.timeline, NEW.follow_up_consent, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.edition_id, OLD.meeting_id, OLD.side, OLD.stage, OLD.happened, OLD.kind, OLD.value_amount, OLD.currency, OLD.timeline, OLD.follow_up_consent, OLD.created_at)
     AND (NEW.by_user_id IS NULL OR NEW.by_user_id IS NOT DISTINCT FROM OLD.by_user_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'meeting outcome entries are never changed: add a new entry'
    USING ERRCODE = '23514', CONSTRAINT = 'meetday_outcomes_append_only';
END $$;
