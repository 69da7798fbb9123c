CREATE TABLE "b2b_recommend_versions" (
	"edition_id" uuid NOT NULL,
	"side" text NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "b2b_recommend_versions_pk" PRIMARY KEY("edition_id","side")
);
--> statement-breakpoint
ALTER TABLE "b2b_recommend_versions" ADD CONSTRAINT "b2b_recommend_versions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Issue 11 (recommendation speed): the version of what a side's recommendations are computed from
-- and of the cards they list (a buyer-side card's name and organisation come from its registration),
-- bumped in the writer's own transaction, so any process sees a change at its next primary-key read
-- of b2b_recommend_versions (operations/recommend-input.ts). An edition being deleted takes its rows
-- (and its versions) with it: nothing to bump then.
CREATE FUNCTION "b2b_recommend_touch"(e uuid, s text) RETURNS void LANGUAGE sql AS $$
	INSERT INTO "b2b_recommend_versions" ("edition_id", "side", "version")
		SELECT e, s, 1 WHERE EXISTS (SELECT 1 FROM "editions" WHERE "id" = e)
		ON CONFLICT ("edition_id", "side") DO UPDATE SET "version" = "b2b_recommend_versions"."version" + 1;
$$;
--> statement-breakpoint
CREATE FUNCTION "b2b_recommend_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
	n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
	-- The (edition, side) pairs the changed row counts in, old and new, in one order (no deadlock
	-- between two writers that touch the same pairs).
	IF TG_TABLE_NAME = 'b2b_participants' THEN
		PERFORM "b2b_recommend_touch"(k.e, k.s) FROM (
			SELECT DISTINCT (x->>'edition_id')::uuid AS e, x->>'side' AS s FROM (VALUES (o), (n)) AS v(x) WHERE x IS NOT NULL ORDER BY 1, 2
		) k;
	ELSIF TG_TABLE_NAME = 'b2b_profiles' THEN
		PERFORM "b2b_recommend_touch"(k.e, k.s) FROM (
			SELECT DISTINCT p."edition_id" AS e, p."side" AS s FROM "b2b_participants" p
			WHERE p."id" IN ((o->>'participant_id')::uuid, (n->>'participant_id')::uuid) ORDER BY 1, 2
		) k;
	ELSIF TG_TABLE_NAME = 'registrations' THEN
		PERFORM "b2b_recommend_touch"(k.e, k.s) FROM (
			SELECT DISTINCT p."edition_id" AS e, p."side" AS s FROM "b2b_participants" p
			WHERE p."registration_id" IN ((o->>'id')::uuid, (n->>'id')::uuid) ORDER BY 1, 2
		) k;
	ELSIF TG_TABLE_NAME = 'enterprises' THEN
		PERFORM "b2b_recommend_touch"(k.e, k.s) FROM (
			SELECT DISTINCT p."edition_id" AS e, p."side" AS s FROM "b2b_participants" p
			WHERE p."enterprise_id" IN ((o->>'id')::uuid, (n->>'id')::uuid) ORDER BY 1, 2
		) k;
	ELSIF TG_TABLE_NAME = 'products' THEN
		PERFORM "b2b_recommend_touch"(k.e, k.s) FROM (
			SELECT DISTINCT p."edition_id" AS e, p."side" AS s FROM "b2b_participants" p
			WHERE p."enterprise_id" IN ((o->>'enterprise_id')::uuid, (n->>'enterprise_id')::uuid) ORDER BY 1, 2
		) k;
	ELSE
		-- clusters and sectors: both sides of their edition.
		PERFORM "b2b_recommend_touch"(k.e, k.s) FROM (
			SELECT DISTINCT x.e, y.s FROM (VALUES ((o->>'edition_id')::uuid), ((n->>'edition_id')::uuid)) AS x(e)
			CROSS JOIN (VALUES ('buyer'), ('sme')) AS y(s) WHERE x.e IS NOT NULL ORDER BY 1, 2
		) k;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump" AFTER INSERT OR DELETE ON "b2b_participants" FOR EACH ROW EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
-- Only the columns recommendations read: a new calendar token or a locale change keeps the cache.
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "b2b_participants" FOR EACH ROW
	WHEN ((OLD."edition_id", OLD."side", OLD."kind", OLD."enterprise_id", OLD."registration_id", OLD."approved", OLD."opted_in", OLD."withdrawn_at")
		IS DISTINCT FROM (NEW."edition_id", NEW."side", NEW."kind", NEW."enterprise_id", NEW."registration_id", NEW."approved", NEW."opted_in", NEW."withdrawn_at"))
	EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump" AFTER INSERT OR DELETE ON "b2b_profiles" FOR EACH ROW EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "b2b_profiles" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump" AFTER DELETE ON "enterprises" FOR EACH ROW EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "enterprises" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump" AFTER INSERT OR DELETE ON "products" FOR EACH ROW EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "products" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump" AFTER INSERT OR DELETE ON "clusters" FOR EACH ROW EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "clusters" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump" AFTER INSERT OR DELETE ON "sectors" FOR EACH ROW EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "sectors" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "b2b_recommend_bump"();
--> statement-breakpoint
-- A buyer-side participant's card: the registration's name, organisation and designation only.
CREATE TRIGGER "b2b_recommend_bump_update" AFTER UPDATE ON "registrations" FOR EACH ROW
	WHEN ((OLD."name", OLD."name_ur", OLD."organisation", OLD."designation") IS DISTINCT FROM (NEW."name", NEW."name_ur", NEW."organisation", NEW."designation"))
	EXECUTE FUNCTION "b2b_recommend_bump"();
