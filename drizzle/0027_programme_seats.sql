CREATE TABLE "programme_door_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"code" text NOT NULL,
	"registration_id" uuid,
	"result" text NOT NULL,
	"reason" text NOT NULL,
	"device_id" text DEFAULT '' NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"scanned_by" uuid,
	CONSTRAINT "programme_door_scans_nonce_uq" UNIQUE("session_id","nonce"),
	CONSTRAINT "programme_door_scans_result" CHECK ("programme_door_scans"."result" IN ('admit', 'refuse'))
);
--> statement-breakpoint
ALTER TABLE "programme_rsvps" ADD COLUMN "status" text DEFAULT 'seated' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_rsvps" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "programme_rsvps_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "programme_rsvps" ADD COLUMN "promoted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "rsvp_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_door_scans" ADD CONSTRAINT "programme_door_scans_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_door_scans" ADD CONSTRAINT "programme_door_scans_scanned_by_users_id_fk" FOREIGN KEY ("scanned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_door_scans" ADD CONSTRAINT "programme_door_scans_session_fk" FOREIGN KEY ("session_id","edition_id") REFERENCES "public"."programme_sessions"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_door_scans_admit_idx" ON "programme_door_scans" USING btree ("session_id","result");--> statement-breakpoint
CREATE INDEX "programme_rsvps_queue_idx" ON "programme_rsvps" USING btree ("session_id","status","seq");--> statement-breakpoint
ALTER TABLE "programme_rsvps" ADD CONSTRAINT "programme_rsvps_status" CHECK ("programme_rsvps"."status" IN ('seated', 'waitlisted'));--> statement-breakpoint
-- The seats of a session never exceed its room's capacity, whoever writes (issue #13): before a row
-- becomes seated (inserted seated, promoted from the waitlist, or restored), lock the session's row
-- (every RSVP of the session then runs one after the other) and count the seated rows.
CREATE FUNCTION programme_rsvps_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
BEGIN
  IF NEW.status <> 'seated' OR NEW.cancelled_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'seated' AND OLD.cancelled_at IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT r.capacity INTO cap
    FROM programme_sessions s JOIN programme_rooms r ON r.id = s.room_id
    WHERE s.id = NEW.session_id
    FOR UPDATE OF s;
  SELECT count(*) INTO taken FROM programme_rsvps
    WHERE session_id = NEW.session_id AND status = 'seated' AND cancelled_at IS NULL AND id <> NEW.id;
  IF taken >= cap THEN
    RAISE EXCEPTION 'programme_session_full' USING ERRCODE = 'check_violation', CONSTRAINT = 'programme_rsvps_capacity';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER programme_rsvps_capacity BEFORE INSERT OR UPDATE OF status, cancelled_at ON programme_rsvps
  FOR EACH ROW EXECUTE FUNCTION programme_rsvps_within_capacity();
