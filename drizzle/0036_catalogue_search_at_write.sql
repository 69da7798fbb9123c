-- The catalogue's search text is computed when the texts are written, never on a read (issue #12,
-- item 6): a public GET must not write. Migration 0034 set `search_terms` NULL on a change and the
-- catalogue filled it lazily on its next search; here the same triggers compute it in the writer's
-- transaction, in SQL, whoever writes (an operation, an import, a seed, a test).
--
-- catalogue_words(text): the text's words, normalised as matchmaking's normaliseText does
-- (NFKD, lower case, invisible characters and combining marks dropped, Arabic letter forms folded
-- onto the Urdu ones, Arabic-Indic and Urdu digits to ASCII) and cut as its tokeniser cuts (a run
-- of Arabic-script letters, or a run of other letters and digits), space separated. No stemming
-- and no stop words: the query side (exhibitors/operations/catalogue-search.ts) asks for a word
-- or its stem. exhibitors/catalogue-words.db.test.ts checks it against the TypeScript on the demo.
DROP TRIGGER exhibitor_profiles_search_stale ON exhibitor_profiles;--> statement-breakpoint
DROP FUNCTION exhibitor_profiles_search_stale();--> statement-breakpoint
DROP TRIGGER exhibitor_products_search_stale ON exhibitor_products;--> statement-breakpoint
DROP FUNCTION exhibitor_products_search_stale();--> statement-breakpoint
DROP TRIGGER enterprises_search_stale ON enterprises;--> statement-breakpoint
DROP FUNCTION enterprises_search_stale();--> statement-breakpoint
DROP TRIGGER clusters_search_stale ON clusters;--> statement-breakpoint
DROP FUNCTION clusters_search_stale();--> statement-breakpoint
CREATE FUNCTION catalogue_words(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(m[1], ' '), '')
  FROM regexp_matches(
    translate(
      regexp_replace(
        normalize(lower(normalize(coalesce(t, ''), NFKD)), NFKD),
        '[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD\u0640\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0898-\u089F\u08CA-\u08E1\u08E3-\u08FF\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE00-\uFE0F\uFE20-\uFE2F]',
        '', 'g'),
      U&'\0649\064A\06D0\0643\06AA\0647\06D5\0629\0671\0672\0673\0675\0660\0661\0662\0663\0664\0665\0666\0667\0668\0669\06F0\06F1\06F2\06F3\06F4\06F5\06F6\06F7\06F8\06F9',
      U&'\06CC\06CC\06CC\06A9\06A9\06C1\06C1\06C3\0627\0627\0627\062701234567890123456789'),
    '([\u0620-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u0870-\u0887\u0889-\u088E\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]+|[0-9a-z\u00AA\u00B5\u00BA\u00DF-\u00F6\u00F8-\u00FF\u0100-\u02AF\u0370-\u03FF\u0400-\u04FF]+)',
    'g') AS m
$$;
--> statement-breakpoint
-- A profile's search text, " a b c ": the distinct words of its own texts (given), its
-- enterprise's names and district, its cluster's names in its edition and its products' texts.
CREATE FUNCTION exhibitor_profile_search_terms(p_id uuid, p_enterprise uuid, p_edition uuid, VARIADIC own text[]) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT ' ' || coalesce(string_agg(DISTINCT w, ' '), '') || ' '
  FROM regexp_split_to_table(catalogue_words(concat_ws(' ',
    array_to_string(own, ' '),
    (SELECT concat_ws(' ', e.name_en, e.name_ur, e.district, c.name_en, c.name_ur)
       FROM enterprises e LEFT JOIN clusters c ON c.edition_id = p_edition AND c.slug = e.cluster_slug
      WHERE e.id = p_enterprise),
    (SELECT string_agg(concat_ws(' ', x.name_en, x.name_ur, x.description_en, x.description_ur), ' ')
       FROM exhibitor_products x WHERE x.profile_id = p_id))), ' ') AS w
  WHERE w <> ''
$$;
--> statement-breakpoint
-- Every insert and update of a profile computes its text (a NULL written by the triggers below
-- means "compute it again", and is never left).
CREATE FUNCTION exhibitor_profiles_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_terms := exhibitor_profile_search_terms(NEW.id, NEW.enterprise_id, NEW.edition_id, NEW.fascia_en, NEW.fascia_ur, NEW.description_en, NEW.description_ur);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER exhibitor_profiles_search_terms BEFORE INSERT OR UPDATE ON exhibitor_profiles FOR EACH ROW EXECUTE FUNCTION exhibitor_profiles_search_terms();
--> statement-breakpoint
-- Products: once per statement (a seed or an import writes many), for the profiles it touched.
CREATE FUNCTION exhibitor_products_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE id IN (SELECT profile_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE id IN (SELECT profile_id FROM old_rows);
  ELSE
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE id IN (SELECT profile_id FROM new_rows UNION SELECT profile_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER exhibitor_products_search_terms_ins AFTER INSERT ON exhibitor_products REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION exhibitor_products_search_terms();
--> statement-breakpoint
CREATE TRIGGER exhibitor_products_search_terms_upd AFTER UPDATE ON exhibitor_products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION exhibitor_products_search_terms();
--> statement-breakpoint
CREATE TRIGGER exhibitor_products_search_terms_del AFTER DELETE ON exhibitor_products REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION exhibitor_products_search_terms();
--> statement-breakpoint
CREATE FUNCTION enterprises_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.name_en, NEW.name_ur, NEW.district, NEW.cluster_slug) IS DISTINCT FROM (OLD.name_en, OLD.name_ur, OLD.district, OLD.cluster_slug) THEN
    UPDATE exhibitor_profiles SET search_terms = NULL WHERE enterprise_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprises_search_terms AFTER UPDATE OF name_en, name_ur, district, cluster_slug ON enterprises FOR EACH ROW EXECUTE FUNCTION enterprises_search_terms();
--> statement-breakpoint
-- A cluster's names are in the texts of its edition's exhibitors of that cluster.
CREATE FUNCTION clusters_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.name_en, NEW.name_ur, NEW.slug, NEW.edition_id) IS NOT DISTINCT FROM (OLD.name_en, OLD.name_ur, OLD.slug, OLD.edition_id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE exhibitor_profiles p SET search_terms = NULL FROM enterprises e
     WHERE p.edition_id = OLD.edition_id AND e.id = p.enterprise_id AND e.cluster_slug = OLD.slug;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE exhibitor_profiles p SET search_terms = NULL FROM enterprises e
     WHERE p.edition_id = NEW.edition_id AND e.id = p.enterprise_id AND e.cluster_slug = NEW.slug;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER clusters_search_terms AFTER INSERT OR DELETE OR UPDATE ON clusters FOR EACH ROW EXECUTE FUNCTION clusters_search_terms();
--> statement-breakpoint
UPDATE exhibitor_profiles SET search_terms = NULL;
