CREATE TABLE "registration_setup_versions" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registration_setup_versions" ADD CONSTRAINT "registration_setup_versions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION "registration_setup_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	e uuid;
BEGIN
	IF TG_TABLE_NAME = 'editions' THEN
		e := COALESCE(NEW.id, OLD.id);
	ELSIF TG_OP = 'DELETE' THEN
		e := OLD.edition_id;
	ELSE
		e := NEW.edition_id;
	END IF;
	-- An edition being deleted takes its rows (and this one) with it: nothing to bump.
	INSERT INTO "registration_setup_versions" ("edition_id", "version")
		SELECT e, 1 WHERE EXISTS (SELECT 1 FROM "editions" WHERE "id" = e)
		ON CONFLICT ("edition_id") DO UPDATE SET "version" = "registration_setup_versions"."version" + 1;
	IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'editions' THEN
		IF OLD.edition_id IS DISTINCT FROM NEW.edition_id THEN
			INSERT INTO "registration_setup_versions" ("edition_id", "version")
				SELECT OLD.edition_id, 1 WHERE EXISTS (SELECT 1 FROM "editions" WHERE "id" = OLD.edition_id)
				ON CONFLICT ("edition_id") DO UPDATE SET "version" = "registration_setup_versions"."version" + 1;
		END IF;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "registration_setup_bump" AFTER UPDATE ON "editions" FOR EACH ROW EXECUTE FUNCTION "registration_setup_bump"();
--> statement-breakpoint
CREATE TRIGGER "registration_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "visitor_categories" FOR EACH ROW EXECUTE FUNCTION "registration_setup_bump"();
--> statement-breakpoint
CREATE TRIGGER "registration_setup_bump" AFTER INSERT OR UPDATE OR DELETE ON "registration_questions" FOR EACH ROW EXECUTE FUNCTION "registration_setup_bump"();
