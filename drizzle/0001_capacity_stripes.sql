-- Registration numbers now come from a per-edition sequence made on first use, starting after the
-- highest number already given (operations/places.ts), so the counter row goes.
DROP TABLE "registration_counters" CASCADE;--> statement-breakpoint
-- Capacity buckets split over stripes: existing rows become stripe 0 holding the whole limit.
ALTER TABLE "registration_capacity" ADD COLUMN "stripe" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_capacity" DROP CONSTRAINT "registration_capacity_edition_id_bucket_pk";--> statement-breakpoint
ALTER TABLE "registration_capacity" ADD CONSTRAINT "registration_capacity_edition_id_bucket_stripe_pk" PRIMARY KEY("edition_id","bucket","stripe");--> statement-breakpoint
ALTER TABLE "registration_capacity" ADD CONSTRAINT "registration_capacity_stripe_ck" CHECK ("registration_capacity"."stripe" >= 0 and "registration_capacity"."stripe" < 8);
