ALTER TABLE "exhibitor_profiles" ADD COLUMN "search_terms" text;--> statement-breakpoint
CREATE INDEX "exhibitor_profiles_published_idx" ON "exhibitor_profiles" USING btree ("edition_id") WHERE "exhibitor_profiles"."published";--> statement-breakpoint
-- The catalogue's search text goes stale when a text it holds changes: set it NULL, the catalogue
-- computes it again on its next read (exhibitors/operations/catalogue-search.ts). Every trigger
-- writes the profile row, so a writer holds its lock until it commits and the fill (which locks
-- the rows it fills) never reads half of a change.
CREATE FUNCTION exhibitor_profiles_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.description_en, NEW.description_ur, NEW.fascia_en, NEW.fascia_ur, NEW.enterprise_id, NEW.edition_id)
     IS DISTINCT FROM (OLD.description_en, OLD.description_ur, OLD.fascia_en, OLD.fascia_ur, OLD.enterprise_id, OLD.edition_id) THEN
    NEW.search_terms := NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER exhibitor_profiles_search_stale BEFORE UPDATE ON exhibitor_profiles FOR EACH ROW EXECUTE FUNCTION exhibitor_profiles_search_stale();
--> statement-breakpoint
CREATE FUNCTION exhibitor_products_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE id = OLD.profile_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE id = NEW.profile_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER exhibitor_products_search_stale AFTER INSERT OR DELETE OR UPDATE OF name_en, name_ur, description_en, description_ur, hs_code, profile_id ON exhibitor_products FOR EACH ROW EXECUTE FUNCTION exhibitor_products_search_stale();
--> statement-breakpoint
CREATE FUNCTION enterprises_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.name_en, NEW.name_ur, NEW.district, NEW.cluster_slug) IS DISTINCT FROM (OLD.name_en, OLD.name_ur, OLD.district, OLD.cluster_slug) THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE enterprise_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprises_search_stale AFTER UPDATE OF name_en, name_ur, district, cluster_slug ON enterprises FOR EACH ROW EXECUTE FUNCTION enterprises_search_stale();
--> statement-breakpoint
CREATE FUNCTION clusters_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE edition_id = OLD.edition_id;
  ELSIF TG_OP = 'INSERT' OR (NEW.name_en, NEW.name_ur, NEW.slug, NEW.edition_id) IS DISTINCT FROM (OLD.name_en, OLD.name_ur, OLD.slug, OLD.edition_id) THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE edition_id = NEW.edition_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER clusters_search_stale AFTER INSERT OR DELETE OR UPDATE ON clusters FOR EACH ROW EXECUTE FUNCTION clusters_search_stale();
