CREATE TABLE "b2b_interpreter_use" (
	"edition_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"language" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "b2b_interpreter_use_pk" PRIMARY KEY("edition_id","day","start_minute","language"),
	CONSTRAINT "b2b_interpreter_use_used" CHECK ("b2b_interpreter_use"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "b2b_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"sme_participant_id" uuid NOT NULL,
	"buyer_participant_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"place" text NOT NULL,
	"table_no" integer,
	"interpreter_language" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"assigned_staff_id" uuid,
	"run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_meetings_request_uq" UNIQUE("request_id"),
	CONSTRAINT "b2b_meetings_uid_uq" UNIQUE("uid"),
	CONSTRAINT "b2b_meetings_place" CHECK (("b2b_meetings"."place" = 'table' and "b2b_meetings"."table_no" >= 1) or ("b2b_meetings"."place" = 'stall' and "b2b_meetings"."table_no" is null)),
	CONSTRAINT "b2b_meetings_status" CHECK ("b2b_meetings"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "b2b_meetings_slot" CHECK ("b2b_meetings"."day" >= 1 and "b2b_meetings"."start_minute" between 0 and 1439 and "b2b_meetings"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "b2b_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" uuid,
	"registration_id" uuid,
	"approved" boolean DEFAULT false NOT NULL,
	"opted_in" boolean DEFAULT false NOT NULL,
	"hosts_at_stall" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"delegation_leader_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"access_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_participants_enterprise_uq" UNIQUE("edition_id","enterprise_id"),
	CONSTRAINT "b2b_participants_registration_uq" UNIQUE("registration_id"),
	CONSTRAINT "b2b_participants_token_uq" UNIQUE("access_token_hash"),
	CONSTRAINT "b2b_participants_side" CHECK ("b2b_participants"."side" in ('sme', 'buyer')),
	CONSTRAINT "b2b_participants_kind" CHECK ("b2b_participants"."kind" in ('sme', 'buyer_procurement', 'investor', 'bank', 'development_partner', 'foreign_mission')),
	CONSTRAINT "b2b_participants_who" CHECK (("b2b_participants"."side" = 'sme' and "b2b_participants"."kind" = 'sme' and "b2b_participants"."enterprise_id" is not null and "b2b_participants"."registration_id" is null)
        or ("b2b_participants"."side" = 'buyer' and "b2b_participants"."kind" <> 'sme' and "b2b_participants"."registration_id" is not null and "b2b_participants"."enterprise_id" is null))
);
--> statement-breakpoint
CREATE TABLE "b2b_profiles" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"offers_en" text DEFAULT '' NOT NULL,
	"offers_ur" text DEFAULT '' NOT NULL,
	"needs_en" text DEFAULT '' NOT NULL,
	"needs_ur" text DEFAULT '' NOT NULL,
	"products_en" text DEFAULT '' NOT NULL,
	"products_ur" text DEFAULT '' NOT NULL,
	"looking_for" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hs_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"volumes" text DEFAULT '' NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"markets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"country" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"export_readiness" text,
	"ticket_min" bigint,
	"ticket_max" bigint,
	"financing_products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completeness" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_profiles_completeness" CHECK ("b2b_profiles"."completeness" between 0 and 100),
	CONSTRAINT "b2b_profiles_ticket" CHECK ("b2b_profiles"."ticket_min" is null or "b2b_profiles"."ticket_max" is null or "b2b_profiles"."ticket_min" <= "b2b_profiles"."ticket_max")
);
--> statement-breakpoint
CREATE TABLE "b2b_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"window_opens_at" timestamp with time zone,
	"window_closes_at" timestamp with time zone,
	"days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slot_minutes" integer DEFAULT 20 NOT NULL,
	"lounge_tables" integer DEFAULT 0 NOT NULL,
	"stall_meetings" boolean DEFAULT false NOT NULL,
	"interpreters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"max_meetings_per_day" integer DEFAULT 8 NOT NULL,
	"max_requests_sent" integer DEFAULT 20 NOT NULL,
	"request_direction" text DEFAULT 'both' NOT NULL,
	"request_expiry_days" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_programmes_edition_uq" UNIQUE("edition_id"),
	CONSTRAINT "b2b_programmes_slot_minutes" CHECK ("b2b_programmes"."slot_minutes" between 15 and 30),
	CONSTRAINT "b2b_programmes_lounge_tables" CHECK ("b2b_programmes"."lounge_tables" between 0 and 1000),
	CONSTRAINT "b2b_programmes_caps" CHECK ("b2b_programmes"."max_meetings_per_day" >= 1 and "b2b_programmes"."max_requests_sent" >= 1 and "b2b_programmes"."request_expiry_days" between 1 and 60),
	CONSTRAINT "b2b_programmes_window" CHECK ("b2b_programmes"."window_opens_at" is null or "b2b_programmes"."window_closes_at" is null or "b2b_programmes"."window_opens_at" < "b2b_programmes"."window_closes_at"),
	CONSTRAINT "b2b_programmes_request_direction" CHECK ("b2b_programmes"."request_direction" in ('buyer_to_sme', 'sme_to_buyer', 'both'))
);
--> statement-breakpoint
CREATE TABLE "b2b_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"sme_participant_id" uuid NOT NULL,
	"buyer_participant_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"priority" text DEFAULT 'would_like' NOT NULL,
	"preferred_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"expires_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "b2b_requests_pair_uq" UNIQUE("sme_participant_id","buyer_participant_id"),
	CONSTRAINT "b2b_requests_id_pair_uq" UNIQUE("id","sme_participant_id","buyer_participant_id"),
	CONSTRAINT "b2b_requests_requested_by" CHECK ("b2b_requests"."requested_by" in ('sme', 'buyer')),
	CONSTRAINT "b2b_requests_priority" CHECK ("b2b_requests"."priority" in ('must', 'would_like')),
	CONSTRAINT "b2b_requests_status" CHECK ("b2b_requests"."status" in ('pending', 'accepted', 'declined', 'withdrawn', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "b2b_run_placements" (
	"run_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"place" text NOT NULL,
	"table_no" integer,
	"interpreter_language" text,
	CONSTRAINT "b2b_run_placements_pk" PRIMARY KEY("run_id","request_id"),
	CONSTRAINT "b2b_run_placements_place" CHECK (("b2b_run_placements"."place" = 'table' and "b2b_run_placements"."table_no" >= 1) or ("b2b_run_placements"."place" = 'stall' and "b2b_run_placements"."table_no" is null))
);
--> statement-breakpoint
CREATE TABLE "b2b_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb,
	"weight" double precision,
	"upper_bound" double precision,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "b2b_runs_status" CHECK ("b2b_runs"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "b2b_sme_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"registration_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "b2b_interpreter_use" ADD CONSTRAINT "b2b_interpreter_use_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_assigned_staff_id_b2b_sme_staff_id_fk" FOREIGN KEY ("assigned_staff_id") REFERENCES "public"."b2b_sme_staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_run_id_b2b_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."b2b_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_meetings" ADD CONSTRAINT "b2b_meetings_request_fk" FOREIGN KEY ("request_id","sme_participant_id","buyer_participant_id") REFERENCES "public"."b2b_requests"("id","sme_participant_id","buyer_participant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_participants" ADD CONSTRAINT "b2b_participants_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_participants" ADD CONSTRAINT "b2b_participants_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_participants" ADD CONSTRAINT "b2b_participants_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_participants" ADD CONSTRAINT "b2b_participants_delegation_leader_id_b2b_participants_id_fk" FOREIGN KEY ("delegation_leader_id") REFERENCES "public"."b2b_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_profiles" ADD CONSTRAINT "b2b_profiles_participant_id_b2b_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_programmes" ADD CONSTRAINT "b2b_programmes_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_sme_participant_id_b2b_participants_id_fk" FOREIGN KEY ("sme_participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_buyer_participant_id_b2b_participants_id_fk" FOREIGN KEY ("buyer_participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_run_placements" ADD CONSTRAINT "b2b_run_placements_run_id_b2b_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."b2b_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_run_placements" ADD CONSTRAINT "b2b_run_placements_request_id_b2b_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."b2b_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD CONSTRAINT "b2b_runs_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD CONSTRAINT "b2b_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD CONSTRAINT "b2b_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_sme_staff" ADD CONSTRAINT "b2b_sme_staff_participant_id_b2b_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."b2b_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_sme_staff" ADD CONSTRAINT "b2b_sme_staff_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_sme_slot_uq" ON "b2b_meetings" USING btree ("sme_participant_id","day","start_minute") WHERE status = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_buyer_slot_uq" ON "b2b_meetings" USING btree ("buyer_participant_id","day","start_minute") WHERE status = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_meetings_table_slot_uq" ON "b2b_meetings" USING btree ("edition_id","day","start_minute","table_no") WHERE status = 'scheduled' and place = 'table';--> statement-breakpoint
CREATE INDEX "b2b_meetings_edition_slot_idx" ON "b2b_meetings" USING btree ("edition_id","day","start_minute");--> statement-breakpoint
CREATE INDEX "b2b_participants_edition_idx" ON "b2b_participants" USING btree ("edition_id","side");--> statement-breakpoint
CREATE INDEX "b2b_requests_edition_status_idx" ON "b2b_requests" USING btree ("edition_id","status");--> statement-breakpoint
CREATE INDEX "b2b_requests_buyer_idx" ON "b2b_requests" USING btree ("buyer_participant_id");--> statement-breakpoint
CREATE INDEX "b2b_runs_edition_idx" ON "b2b_runs" USING btree ("edition_id","created_at");--> statement-breakpoint
CREATE INDEX "b2b_sme_staff_participant_idx" ON "b2b_sme_staff" USING btree ("participant_id");--> statement-breakpoint
-- ===== Hand-written (b2b): triggers that keep meetings within the programme's tables and interpreters. =====
-- Keep this whole block together at the END of the migration (it is renumbered on merge).
-- 1. A lounge table number above the programme's lounge_tables is refused (SQLSTATE 23514, constraint
--    b2b_meetings_table_in_lounge). The programme row is read FOR SHARE, so a concurrent change of
--    lounge_tables waits for the meeting's transaction (and is itself checked by trigger 3).
CREATE FUNCTION "b2b_meetings_table_in_lounge"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	n integer;
BEGIN
	IF NEW.status = 'scheduled' AND NEW.place = 'table' THEN
		SELECT "lounge_tables" INTO n FROM "b2b_programmes" WHERE "edition_id" = NEW.edition_id FOR SHARE;
		IF NEW.table_no > COALESCE(n, 0) THEN
			RAISE EXCEPTION 'table % is beyond the % lounge tables of the programme', NEW.table_no, COALESCE(n, 0)
				USING ERRCODE = 'check_violation', CONSTRAINT = 'b2b_meetings_table_in_lounge', TABLE = 'b2b_meetings';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "b2b_meetings_table_in_lounge" BEFORE INSERT OR UPDATE ON "b2b_meetings" FOR EACH ROW EXECUTE FUNCTION "b2b_meetings_table_in_lounge"();
--> statement-breakpoint
-- 2. Interpreters: b2b_interpreter_use counts scheduled meetings per (edition, day, start minute,
--    language). Every change of a meeting moves its count; the upsert locks the counter row, so
--    concurrent meetings of one slot and language are counted one after another, and a count above
--    the programme's interpreters for that language is refused (SQLSTATE 23514, constraint
--    b2b_interpreter_full).
CREATE FUNCTION "b2b_meetings_interpreters"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	n integer;
	cap integer;
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'scheduled' AND OLD.interpreter_language IS NOT NULL THEN
		UPDATE "b2b_interpreter_use" SET "used" = "used" - 1
			WHERE "edition_id" = OLD.edition_id AND "day" = OLD.day AND "start_minute" = OLD.start_minute
			AND "language" = OLD.interpreter_language;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'scheduled' AND NEW.interpreter_language IS NOT NULL THEN
		INSERT INTO "b2b_interpreter_use" ("edition_id", "day", "start_minute", "language", "used")
			VALUES (NEW.edition_id, NEW.day, NEW.start_minute, NEW.interpreter_language, 1)
			ON CONFLICT ("edition_id", "day", "start_minute", "language")
			DO UPDATE SET "used" = "b2b_interpreter_use"."used" + 1
			RETURNING "used" INTO n;
		SELECT ("interpreters" ->> NEW.interpreter_language)::integer INTO cap
			FROM "b2b_programmes" WHERE "edition_id" = NEW.edition_id FOR SHARE;
		IF n > COALESCE(cap, 0) THEN
			RAISE EXCEPTION 'no % interpreter is free on day % at minute %', NEW.interpreter_language, NEW.day, NEW.start_minute
				USING ERRCODE = 'check_violation', CONSTRAINT = 'b2b_interpreter_full', TABLE = 'b2b_meetings';
		END IF;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "b2b_meetings_interpreters" AFTER INSERT OR UPDATE OR DELETE ON "b2b_meetings" FOR EACH ROW EXECUTE FUNCTION "b2b_meetings_interpreters"();
--> statement-breakpoint
-- 3. The programme cannot shrink under its scheduled meetings: fewer lounge tables than a table in
--    use, or fewer interpreters of a language than are in use in some slot, is refused
--    (b2b_meetings_table_in_lounge, b2b_interpreter_full).
CREATE FUNCTION "b2b_programmes_keep_meetings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	t integer;
	lang text;
BEGIN
	SELECT max("table_no") INTO t FROM "b2b_meetings"
		WHERE "edition_id" = NEW.edition_id AND "status" = 'scheduled' AND "place" = 'table';
	IF t > NEW.lounge_tables THEN
		RAISE EXCEPTION 'table % has scheduled meetings; the lounge cannot have % tables', t, NEW.lounge_tables
			USING ERRCODE = 'check_violation', CONSTRAINT = 'b2b_meetings_table_in_lounge', TABLE = 'b2b_programmes';
	END IF;
	SELECT u."language" INTO lang FROM "b2b_interpreter_use" u
		WHERE u."edition_id" = NEW.edition_id
		AND u."used" > COALESCE((NEW.interpreters ->> u."language")::integer, 0)
		LIMIT 1;
	IF lang IS NOT NULL THEN
		RAISE EXCEPTION 'more % interpreters are in use than %', lang, COALESCE((NEW.interpreters ->> lang)::integer, 0)
			USING ERRCODE = 'check_violation', CONSTRAINT = 'b2b_interpreter_full', TABLE = 'b2b_programmes';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "b2b_programmes_keep_meetings" BEFORE UPDATE OF "lounge_tables", "interpreters" ON "b2b_programmes" FOR EACH ROW EXECUTE FUNCTION "b2b_programmes_keep_meetings"();
-- ===== End of the hand-written block (b2b). =====
