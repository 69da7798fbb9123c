CREATE TABLE "registration_setup_versions" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registration_setup_versions" ADD CONSTRAINT "registration_setup_versions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- One function bumps an edition's set-up version for both caches that keep one (checkin's gates
-- and keys, 0005; registration's edition, categories and questions, here): the table of versions is
-- the trigger's argument. It replaces 0005's checkin_setup_bump, whose triggers now call it.
CREATE FUNCTION "edition_setup_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	e uuid;
	bump text := format('INSERT INTO %I ("edition_id", "version") SELECT $1, 1 WHERE EXISTS (SELECT 1 FROM "editions" WHERE "id" = $1) ON CONFLICT ("edition_id") DO UPDATE SET "version" = %I."version" + 1', TG_ARGV[0], TG_ARGV[0]);
BEGIN
	IF TG_TABLE_NAME = 'editions' THEN
		e := COALESCE(NEW.id, OLD.id);
	ELSIF TG_OP = 'DELETE' THEN
		e := OLD.edition_id;
	ELSE
		e := NEW.edition_id;
	END IF;
	-- An edition being deleted takes its rows (and this one) with it: nothing to bump.
	EXECUTE bump USING e;
	IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'editions' THEN
		-- (nested: PL/pgSQL would read OLD.edition_id of an editions row in a single condition)
		IF OLD.edition_id IS DISTINCT FROM NEW.edition_id THEN
			EXECUTE bump USING OLD.edition_id;
		END IF;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "checkin_setup_bump" ON "checkin_gates";
--> statement-breakpoint
DROP TRIGGER "checkin_setup_bump" ON "checkin_zones";
--> statement-breakpoint
DROP TRIGGER "checkin_setup_bump" ON "checkin_rehearsals";
--> statement-breakpoint
DROP TRIGGER "checkin_setup_bump" ON "badge_keys";
--> statement-breakpoint
DROP TRIGGER "checkin_setup_bump" ON "editions";
--> statement-breakpoint
DROP FUNCTION "checkin_setup_bump"();
--> statement-breakpoint
CREATE TRIGGER "checkin_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "checkin_gates" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('checkin_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "checkin_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "checkin_zones" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('checkin_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "checkin_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "checkin_rehearsals" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('checkin_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "checkin_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "badge_keys" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('checkin_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "checkin_setup_bump" AFTER UPDATE ON "editions" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('checkin_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "registration_setup_bump" AFTER UPDATE ON "editions" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('registration_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "registration_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "visitor_categories" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('registration_setup_versions');
--> statement-breakpoint
CREATE TRIGGER "registration_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "registration_questions" FOR EACH ROW EXECUTE FUNCTION "edition_setup_bump"('registration_setup_versions');
