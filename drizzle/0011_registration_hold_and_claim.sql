-- The registration rush's hold on places in one round trip (issue 9, item 18): the edition's
-- shared capacity lock (the advisory lock of operations/places.ts, key 7301 and the edition id's
-- hash, the same as holdCapacityShared) and then, in a statement of its own (a fresh snapshot,
-- taken after the lock), which of the candidate buckets are limited and, when exactly one is and
-- p_places > 0, a claim of p_places in one of its stripes that has room and that nobody else
-- holds (the pick is a CTE: it runs once, so it locks and fills one stripe only). One row per
-- limited bucket; `claimed` is the same on every row. No limited bucket: no row (nothing to hold).
CREATE FUNCTION registration_hold_and_claim(p_edition text, p_candidates text[], p_places integer)
RETURNS TABLE (bucket text, claimed boolean)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7301, hashtext(p_edition));
  RETURN QUERY
    WITH wanted AS (
      SELECT DISTINCT rc.bucket FROM registration_capacity rc
      WHERE rc.edition_id = p_edition::uuid AND rc.bucket = ANY (p_candidates)
    ),
    pick AS (
      SELECT rc.bucket, rc.stripe FROM registration_capacity rc
      WHERE rc.edition_id = p_edition::uuid AND p_places > 0 AND (SELECT count(*) FROM wanted) = 1
        AND rc.bucket = (SELECT min(w.bucket) FROM wanted w) AND rc.used + p_places <= rc.capacity
      ORDER BY random() LIMIT 1
      FOR UPDATE SKIP LOCKED
    ),
    upd AS (
      UPDATE registration_capacity c SET used = c.used + p_places
      FROM pick
      WHERE c.edition_id = p_edition::uuid AND c.bucket = pick.bucket AND c.stripe = pick.stripe
      RETURNING c.bucket
    )
    SELECT w.bucket, EXISTS (SELECT 1 FROM upd) FROM wanted w ORDER BY w.bucket;
END
$$;
--> statement-breakpoint
-- The rush's whole write in one statement (operations/register-insert.ts, insertPeopleAtOnce):
-- the registrations, badges and emails are data-modifying CTEs of a statement whose query is this
-- call. It holds and claims as above and raises NM001 when limited buckets are involved and no
-- place was claimed (full or busy stripes, several limited buckets), which aborts the statement:
-- nothing is written, and the caller decides on the whole picture in a transaction.
CREATE FUNCTION registration_claim_or_refuse(p_edition text, p_candidates text[], p_places integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n integer;
  ok boolean;
BEGIN
  SELECT count(*), coalesce(bool_or(h.claimed), false) INTO n, ok
  FROM registration_hold_and_claim(p_edition, p_candidates, p_places) h;
  IF n > 0 AND NOT ok THEN
    RAISE EXCEPTION 'registration: no place claimed in one stripe' USING ERRCODE = 'NM001';
  END IF;
  RETURN true;
END
$$;
