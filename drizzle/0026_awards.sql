CREATE TABLE "award_assignments" (
	"round_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "award_assignments_round_id_entry_id_user_id_pk" PRIMARY KEY("round_id","entry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "award_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_ur" text DEFAULT '' NOT NULL,
	"guidance_en" text DEFAULT '' NOT NULL,
	"guidance_ur" text DEFAULT '' NOT NULL,
	"selected_only" boolean DEFAULT true NOT NULL,
	"size_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"women_led_only" boolean DEFAULT false NOT NULL,
	"cluster_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"entry_mode" text DEFAULT 'automatic' NOT NULL,
	"winners" integer DEFAULT 1 NOT NULL,
	"runners_up" integer DEFAULT 0 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"publish_at" timestamp with time zone,
	CONSTRAINT "award_categories_slug_uq" UNIQUE("edition_id","slug"),
	CONSTRAINT "award_categories_edition_uq" UNIQUE("id","edition_id"),
	CONSTRAINT "award_categories_mode" CHECK ("award_categories"."entry_mode" IN ('automatic', 'application')),
	CONSTRAINT "award_categories_places" CHECK ("award_categories"."winners" >= 1 AND "award_categories"."winners" <= 10 AND "award_categories"."runners_up" >= 0 AND "award_categories"."runners_up" <= 10),
	CONSTRAINT "award_categories_sizes" CHECK ("award_categories"."size_classes" <@ ARRAY['micro', 'small', 'medium']::text[]),
	CONSTRAINT "award_categories_publish" CHECK ("award_categories"."publish_at" IS NULL OR "award_categories"."locked_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "award_conflicts" (
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_conflicts_entry_id_user_id_pk" PRIMARY KEY("entry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "award_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"guidance_en" text DEFAULT '' NOT NULL,
	"guidance_ur" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "award_criteria_slug_uq" UNIQUE("round_id","slug"),
	CONSTRAINT "award_criteria_weight" CHECK ("award_criteria"."weight" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "award_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"source" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"shortlisted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_entries_uq" UNIQUE("category_id","enterprise_id"),
	CONSTRAINT "award_entries_source" CHECK ("award_entries"."source" IN ('automatic', 'application', 'organiser')),
	CONSTRAINT "award_entries_statement" CHECK (char_length("award_entries"."statement") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "award_judges" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"cluster_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "award_judges_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "award_results" (
	"category_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"place" text NOT NULL,
	"rank" integer NOT NULL,
	"mean_normalised_x100" integer NOT NULL,
	CONSTRAINT "award_results_category_id_entry_id_pk" PRIMARY KEY("category_id","entry_id"),
	CONSTRAINT "award_results_rank_uq" UNIQUE("category_id","rank"),
	CONSTRAINT "award_results_place" CHECK ("award_results"."place" IN ('winner', 'runner_up'))
);
--> statement-breakpoint
CREATE TABLE "award_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"judges_per_entry" integer DEFAULT 3 NOT NULL,
	"advance" integer DEFAULT 5 NOT NULL,
	CONSTRAINT "award_rounds_kind_uq" UNIQUE("category_id","kind"),
	CONSTRAINT "award_rounds_edition_uq" UNIQUE("id","edition_id"),
	CONSTRAINT "award_rounds_kind" CHECK ("award_rounds"."kind" IN ('shortlist', 'final')),
	CONSTRAINT "award_rounds_status" CHECK ("award_rounds"."status" IN ('draft', 'open', 'closed')),
	CONSTRAINT "award_rounds_numbers" CHECK ("award_rounds"."judges_per_entry" BETWEEN 1 AND 20 AND "award_rounds"."advance" >= 1)
);
--> statement-breakpoint
CREATE TABLE "award_scores" (
	"round_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_scores_round_id_entry_id_user_id_criterion_id_pk" PRIMARY KEY("round_id","entry_id","user_id","criterion_id"),
	CONSTRAINT "award_scores_range" CHECK ("award_scores"."score" BETWEEN 1 AND 5),
	CONSTRAINT "award_scores_comment" CHECK (char_length("award_scores"."comment") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "award_assignments" ADD CONSTRAINT "award_assignments_entry_id_award_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."award_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_assignments" ADD CONSTRAINT "award_assignments_judge_fk" FOREIGN KEY ("round_id","user_id") REFERENCES "public"."award_judges"("round_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_categories" ADD CONSTRAINT "award_categories_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_conflicts" ADD CONSTRAINT "award_conflicts_entry_id_award_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."award_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_conflicts" ADD CONSTRAINT "award_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_criteria" ADD CONSTRAINT "award_criteria_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_entries" ADD CONSTRAINT "award_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_entries" ADD CONSTRAINT "award_entries_category_fk" FOREIGN KEY ("category_id","edition_id") REFERENCES "public"."award_categories"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_judges" ADD CONSTRAINT "award_judges_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_judges" ADD CONSTRAINT "award_judges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_results" ADD CONSTRAINT "award_results_category_id_award_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."award_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_results" ADD CONSTRAINT "award_results_entry_id_award_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."award_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_rounds" ADD CONSTRAINT "award_rounds_category_fk" FOREIGN KEY ("category_id","edition_id") REFERENCES "public"."award_categories"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_scores" ADD CONSTRAINT "award_scores_criterion_id_award_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."award_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_scores" ADD CONSTRAINT "award_scores_assignment_fk" FOREIGN KEY ("round_id","entry_id","user_id") REFERENCES "public"."award_assignments"("round_id","entry_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_assignments_user_idx" ON "award_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "award_entries_enterprise_idx" ON "award_entries" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "award_judges_user_idx" ON "award_judges" USING btree ("user_id");--> statement-breakpoint
-- Hand-written (awards/tables.ts): recusal, open rounds and sealed results, held by the database.
-- A judge is recused from an entry when the judge declared a conflict with it, is affiliated with
-- the trade body that nominated the enterprise (the selection's reviewer affiliations: the
-- enterprise's nominating body, or the body of its nomination in this edition), or is affiliated,
-- as a judge of the round, with the enterprise's cluster.
CREATE FUNCTION "awards_recused"(p_round uuid, p_entry uuid, p_user uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM "award_conflicts" c WHERE c."entry_id" = p_entry AND c."user_id" = p_user)
	OR EXISTS (
		SELECT 1 FROM "award_entries" e
		JOIN "enterprises" en ON en."id" = e."enterprise_id"
		JOIN "trade_bodies" tb ON tb."organiser_id" = en."organiser_id"
		JOIN "reviewer_affiliations" ra ON ra."trade_body_id" = tb."id" AND ra."user_id" = p_user
		WHERE e."id" = p_entry AND (tb."slug" = en."nominated_by_slug" OR EXISTS (
			SELECT 1 FROM "nominations" n WHERE n."edition_id" = e."edition_id" AND n."ntn" = en."ntn" AND n."trade_body_id" = tb."id")))
	OR EXISTS (
		SELECT 1 FROM "award_entries" e
		JOIN "enterprises" en ON en."id" = e."enterprise_id"
		JOIN "award_judges" j ON j."round_id" = p_round AND j."user_id" = p_user
		WHERE e."id" = p_entry AND en."cluster_slug" = ANY (j."cluster_slugs"))
$$;
--> statement-breakpoint
CREATE FUNCTION "award_assignments_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- A whole database copied into an empty one (platform/db/copy.ts) is consistent already.
	IF current_setting('numaish.copying', true) = 'on' THEN RETURN COALESCE(NEW, OLD); END IF;
	IF NOT EXISTS (SELECT 1 FROM "award_rounds" r JOIN "award_entries" e ON e."category_id" = r."category_id"
		WHERE r."id" = NEW.round_id AND e."id" = NEW.entry_id) THEN
		RAISE EXCEPTION 'entry % is not in the category of round %', NEW.entry_id, NEW.round_id
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_assignments_same_category', TABLE = 'award_assignments';
	END IF;
	IF "awards_recused"(NEW.round_id, NEW.entry_id, NEW.user_id) THEN
		RAISE EXCEPTION 'judge % is recused from entry %', NEW.user_id, NEW.entry_id
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_judge_recused', TABLE = 'award_assignments';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "award_assignments_check" BEFORE INSERT OR UPDATE ON "award_assignments"
	FOR EACH ROW EXECUTE FUNCTION "award_assignments_check"();
--> statement-breakpoint
CREATE FUNCTION "award_scores_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st text; locked timestamptz;
BEGIN
	-- A whole database copied into an empty one (platform/db/copy.ts) is consistent already.
	IF current_setting('numaish.copying', true) = 'on' THEN RETURN COALESCE(NEW, OLD); END IF;
	SELECT r."status", c."locked_at" INTO st, locked FROM "award_rounds" r
		JOIN "award_categories" c ON c."id" = r."category_id" WHERE r."id" = NEW.round_id FOR SHARE OF r;
	IF locked IS NOT NULL THEN
		RAISE EXCEPTION 'the results of this category are locked'
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_results_locked', TABLE = 'award_scores';
	END IF;
	IF st IS DISTINCT FROM 'open' THEN
		RAISE EXCEPTION 'round % is not open for scoring', NEW.round_id
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_round_not_open', TABLE = 'award_scores';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM "award_criteria" k WHERE k."id" = NEW.criterion_id AND k."round_id" = NEW.round_id) THEN
		RAISE EXCEPTION 'criterion % is not of round %', NEW.criterion_id, NEW.round_id
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_scores_criterion_of_round', TABLE = 'award_scores';
	END IF;
	IF "awards_recused"(NEW.round_id, NEW.entry_id, NEW.user_id) THEN
		RAISE EXCEPTION 'judge % is recused from entry %', NEW.user_id, NEW.entry_id
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_judge_recused', TABLE = 'award_scores';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "award_scores_check" BEFORE INSERT OR UPDATE ON "award_scores"
	FOR EACH ROW EXECUTE FUNCTION "award_scores_check"();
--> statement-breakpoint
-- A declared conflict takes the judge off the entry in every round not yet closed (scores go with it).
CREATE FUNCTION "award_conflicts_recuse"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- A whole database copied into an empty one (platform/db/copy.ts) is consistent already.
	IF current_setting('numaish.copying', true) = 'on' THEN RETURN COALESCE(NEW, OLD); END IF;
	DELETE FROM "award_assignments" a USING "award_rounds" r
		WHERE a."entry_id" = NEW.entry_id AND a."user_id" = NEW.user_id AND r."id" = a."round_id" AND r."status" <> 'closed';
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "award_conflicts_recuse" AFTER INSERT ON "award_conflicts"
	FOR EACH ROW EXECUTE FUNCTION "award_conflicts_recuse"();
--> statement-breakpoint
-- Sealed results: written only while the category is unlocked (locking writes them, then sets
-- locked_at in the same transaction); never changed once locked.
CREATE FUNCTION "award_results_sealed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cat uuid := COALESCE(NEW.category_id, OLD.category_id);
BEGIN
	-- A whole database copied into an empty one (platform/db/copy.ts) is consistent already.
	IF current_setting('numaish.copying', true) = 'on' THEN RETURN COALESCE(NEW, OLD); END IF;
	IF EXISTS (SELECT 1 FROM "award_categories" c WHERE c."id" = cat AND c."locked_at" IS NOT NULL) THEN
		RAISE EXCEPTION 'the results of category % are locked', cat
			USING ERRCODE = 'check_violation', CONSTRAINT = 'award_results_locked', TABLE = 'award_results';
	END IF;
	RETURN COALESCE(NEW, OLD);
END $$;
--> statement-breakpoint
CREATE TRIGGER "award_results_sealed" BEFORE INSERT OR UPDATE OR DELETE ON "award_results"
	FOR EACH ROW EXECUTE FUNCTION "award_results_sealed"();
