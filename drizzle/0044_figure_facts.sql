ALTER TABLE "baseline_responses" ADD COLUMN "exporting" boolean;--> statement-breakpoint
ALTER TABLE "baseline_responses" ADD COLUMN "website" boolean;--> statement-breakpoint
-- The responses stored before: their two facts from their visible answers, as storeScores writes them.
UPDATE "baseline_responses" r SET
  "exporting" = (SELECT CASE WHEN jsonb_typeof(a."value") = 'boolean' THEN a."value" = 'true'::jsonb END FROM "baseline_answers" a WHERE a."response_id" = r."id" AND a."code" = 'markets.exports' AND a."visible"),
  "website" = (SELECT CASE WHEN jsonb_typeof(a."value") = 'boolean' THEN a."value" = 'true'::jsonb END FROM "baseline_answers" a WHERE a."response_id" = r."id" AND a."code" = 'connect.website' AND a."visible");
