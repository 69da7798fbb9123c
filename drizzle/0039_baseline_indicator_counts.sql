CREATE TABLE "baseline_indicator_counts" (
	"survey_id" uuid NOT NULL,
	"round" text NOT NULL,
	"code" text NOT NULL,
	"value" jsonb NOT NULL,
	"firms" integer NOT NULL,
	CONSTRAINT "baseline_indicator_counts_pk" PRIMARY KEY("survey_id","round","code","value"),
	CONSTRAINT "baseline_indicator_counts_firms" CHECK ("baseline_indicator_counts"."firms" >= 0)
);
--> statement-breakpoint
ALTER TABLE "baseline_indicator_counts" ADD CONSTRAINT "baseline_indicator_counts_survey_id_baseline_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."baseline_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The indicator tables' counts are kept by the database, in the transaction of whatever writes
-- (a section's save, a seed, an import, an erasure, a deletion): at every moment, for each survey,
-- round, code and value, `firms` is the number of submitted responses whose visible answer falls on
-- that value, and ":score.export" / ":score.investment" count the submitted responses' stored
-- scores. Rows that fall to 0 stay (readers skip them). A count never goes below 0 (the table's
-- check) and a subtraction from a count that is not there fails: either would mean the counts had
-- drifted from the answers, and the writer's statement fails instead.
--
-- An answer's value as counted: a number or yes/no as itself, any other answer as "answered", an
-- empty one (null or []) not at all (as the indicator tables count "answered").
CREATE FUNCTION baseline_count_value(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v IS NULL OR v = 'null'::jsonb OR v = '[]'::jsonb THEN NULL
              WHEN jsonb_typeof(v) IN ('number', 'boolean') THEN v
              ELSE '"answered"'::jsonb END
$$;
--> statement-breakpoint
-- Adds the differences (one per survey, round, code and value; negative ones subtract). The rows
-- are locked in key order first, so concurrent writers queue instead of deadlocking. Subtractions
-- are updates (an INSERT … ON CONFLICT would check the proposed negative row against the table's
-- check before finding the conflict); additions are upserts.
CREATE FUNCTION baseline_counts_add(d_survey uuid[], d_round text[], d_code text[], d_value jsonb[], d_n int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  missing int;
BEGIN
  IF d_survey IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM baseline_indicator_counts c
    JOIN unnest(d_survey, d_round, d_code, d_value) AS d(survey_id, round, code, value)
      ON c.survey_id = d.survey_id AND c.round = d.round AND c.code = d.code AND c.value = d.value
    ORDER BY c.survey_id, c.round, c.code, c.value FOR UPDATE OF c;
  WITH d AS (SELECT * FROM unnest(d_survey, d_round, d_code, d_value, d_n) AS d(survey_id, round, code, value, n) WHERE n < 0),
  u AS (UPDATE baseline_indicator_counts c SET firms = c.firms + d.n FROM d
         WHERE c.survey_id = d.survey_id AND c.round = d.round AND c.code = d.code AND c.value = d.value RETURNING 1)
  SELECT (SELECT count(*) FROM d) - (SELECT count(*) FROM u) INTO missing;
  IF missing <> 0 THEN
    RAISE EXCEPTION 'baseline_indicator_counts: % counts to lower are missing', missing USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO baseline_indicator_counts AS c (survey_id, round, code, value, firms)
    SELECT * FROM unnest(d_survey, d_round, d_code, d_value, d_n) AS d(survey_id, round, code, value, n) WHERE n > 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (survey_id, round, code, value) DO UPDATE SET firms = c.firms + excluded.firms;
END $$;
--> statement-breakpoint
-- Answers: once per statement (a seed writes a million at once), the difference they make, through
-- their response's status and round. The responses are locked FOR SHARE first, so a concurrent
-- change of a response's status (which counts or uncounts all its answers) waits for this
-- transaction, and this one, if it came second, sees the status that transaction committed. A
-- response deleted in the same statement (its answers go by cascade) was uncounted by its own
-- trigger before, and is no longer found here.
CREATE FUNCTION baseline_answers_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM baseline_responses WHERE id IN (SELECT response_id FROM new_rows) ORDER BY id FOR SHARE;
    PERFORM baseline_counts_add(array_agg(survey_id), array_agg(round), array_agg(code), array_agg(value), array_agg(n)) FROM (
      SELECT r.survey_id, r.round::text AS round, a.code, baseline_count_value(a.value) AS value, count(*)::int AS n
      FROM new_rows a JOIN baseline_responses r ON r.id = a.response_id
      WHERE a.visible AND r.status = 'submitted' AND baseline_count_value(a.value) IS NOT NULL
      GROUP BY 1, 2, 3, 4) d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM baseline_counts_add(array_agg(survey_id), array_agg(round), array_agg(code), array_agg(value), array_agg(n)) FROM (
      SELECT r.survey_id, r.round::text AS round, a.code, baseline_count_value(a.value) AS value, -count(*)::int AS n
      FROM old_rows a JOIN baseline_responses r ON r.id = a.response_id
      WHERE a.visible AND r.status = 'submitted' AND baseline_count_value(a.value) IS NOT NULL
      GROUP BY 1, 2, 3, 4) d;
  ELSE
    PERFORM 1 FROM baseline_responses WHERE id IN (SELECT response_id FROM new_rows) ORDER BY id FOR SHARE;
    PERFORM baseline_counts_add(array_agg(survey_id), array_agg(round), array_agg(code), array_agg(value), array_agg(n)) FROM (
      SELECT r.survey_id, r.round::text AS round, x.code, x.value, sum(x.n)::int AS n
      FROM (SELECT response_id, code, baseline_count_value(value) AS value, 1 AS n FROM new_rows WHERE visible
            UNION ALL
            SELECT response_id, code, baseline_count_value(value), -1 FROM old_rows WHERE visible) x
      JOIN baseline_responses r ON r.id = x.response_id
      WHERE r.status = 'submitted' AND x.value IS NOT NULL
      GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0) d;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER baseline_answers_counts_ins AFTER INSERT ON baseline_answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baseline_answers_counts();
--> statement-breakpoint
CREATE TRIGGER baseline_answers_counts_upd AFTER UPDATE ON baseline_answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baseline_answers_counts();
--> statement-breakpoint
CREATE TRIGGER baseline_answers_counts_del AFTER DELETE ON baseline_answers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baseline_answers_counts();
--> statement-breakpoint
-- Responses: a response that becomes submitted (or stops being, or changes round) counts (or
-- uncounts) all its visible answers; its stored scores count while it is submitted.
CREATE FUNCTION baseline_responses_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM baseline_counts_add(array_agg(survey_id), array_agg(round), array_agg(code), array_agg(value), array_agg(n)) FROM (
      SELECT r.survey_id, r.round::text AS round, k.code, k.value, count(*)::int AS n
      FROM new_rows r CROSS JOIN LATERAL (VALUES (':score.export', to_jsonb(r.export_score)), (':score.investment', to_jsonb(r.investment_score))) k(code, value)
      WHERE r.status = 'submitted' AND k.value IS NOT NULL
      GROUP BY 1, 2, 3, 4) d;
  ELSE
    PERFORM baseline_counts_add(array_agg(survey_id), array_agg(round), array_agg(code), array_agg(value), array_agg(n)) FROM (
      WITH ch AS (
        SELECT o.id, o.survey_id AS os, o.round::text AS oround, o.status = 'submitted' AS ocounts, o.export_score AS oe, o.investment_score AS oi,
               n.survey_id AS ns, n.round::text AS nround, n.status = 'submitted' AS ncounts, n.export_score AS ne, n.investment_score AS ni,
               (o.survey_id, o.round, o.status = 'submitted') IS DISTINCT FROM (n.survey_id, n.round, n.status = 'submitted') AS moved
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.survey_id, o.round, o.status, o.export_score, o.investment_score) IS DISTINCT FROM (n.survey_id, n.round, n.status, n.export_score, n.investment_score)),
      x AS (
        SELECT ch.os AS survey_id, ch.oround AS round, a.code, baseline_count_value(a.value) AS value, -1 AS n
          FROM ch JOIN baseline_answers a ON a.response_id = ch.id WHERE ch.moved AND ch.ocounts AND a.visible
        UNION ALL
        SELECT ch.ns, ch.nround, a.code, baseline_count_value(a.value), 1
          FROM ch JOIN baseline_answers a ON a.response_id = ch.id WHERE ch.moved AND ch.ncounts AND a.visible
        UNION ALL
        SELECT ch.os, ch.oround, k.code, k.value, -1
          FROM ch CROSS JOIN LATERAL (VALUES (':score.export', to_jsonb(ch.oe)), (':score.investment', to_jsonb(ch.oi))) k(code, value) WHERE ch.ocounts
        UNION ALL
        SELECT ch.ns, ch.nround, k.code, k.value, 1
          FROM ch CROSS JOIN LATERAL (VALUES (':score.export', to_jsonb(ch.ne)), (':score.investment', to_jsonb(ch.ni))) k(code, value) WHERE ch.ncounts)
      SELECT survey_id, round, code, value, sum(n)::int AS n FROM x WHERE value IS NOT NULL
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0) d;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER baseline_responses_counts_ins AFTER INSERT ON baseline_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baseline_responses_counts();
--> statement-breakpoint
CREATE TRIGGER baseline_responses_counts_upd AFTER UPDATE ON baseline_responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baseline_responses_counts();
--> statement-breakpoint
-- A deleted response is uncounted before it goes, while its answers are still there (they go by
-- cascade afterwards, when it is no longer found). When its whole survey is being deleted, the
-- counts go with the survey (foreign key): nothing to subtract.
CREATE FUNCTION baseline_responses_uncount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' AND EXISTS (SELECT 1 FROM baseline_surveys WHERE id = OLD.survey_id) THEN
    PERFORM baseline_counts_add(array_agg(OLD.survey_id), array_agg(OLD.round::text), array_agg(code), array_agg(value), array_agg(n)) FROM (
      SELECT x.code, x.value, -count(*)::int AS n
      FROM (SELECT a.code, baseline_count_value(a.value) AS value FROM baseline_answers a WHERE a.response_id = OLD.id AND a.visible
            UNION ALL VALUES (':score.export', to_jsonb(OLD.export_score)), (':score.investment', to_jsonb(OLD.investment_score))) x
      WHERE x.value IS NOT NULL
      GROUP BY 1, 2) d;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER baseline_responses_uncount BEFORE DELETE ON baseline_responses FOR EACH ROW EXECUTE FUNCTION baseline_responses_uncount();
--> statement-breakpoint
-- What is stored already, counted once.
INSERT INTO baseline_indicator_counts (survey_id, round, code, value, firms)
  SELECT survey_id, round, code, value, count(*)::int FROM (
    SELECT r.survey_id, r.round, a.code, baseline_count_value(a.value) AS value
      FROM baseline_answers a JOIN baseline_responses r ON r.id = a.response_id WHERE r.status = 'submitted' AND a.visible
    UNION ALL
    SELECT r.survey_id, r.round, k.code, k.value
      FROM baseline_responses r CROSS JOIN LATERAL (VALUES (':score.export', to_jsonb(r.export_score)), (':score.investment', to_jsonb(r.investment_score))) k(code, value)
     WHERE r.status = 'submitted') x
  WHERE value IS NOT NULL
  GROUP BY 1, 2, 3, 4;
