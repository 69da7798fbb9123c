ALTER TABLE "exhibitor_profiles" ADD COLUMN "step_free" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "exhibitor_profiles" ADD COLUMN "wants_corner" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "exhibitor_profiles" ADD COLUMN "stall_area_m2" real;--> statement-breakpoint
ALTER TABLE "exhibitor_profiles" ADD COLUMN "women_enclave" boolean;--> statement-breakpoint
ALTER TABLE "exhibitor_profiles" ADD CONSTRAINT "exhibitor_profiles_stall_area" CHECK ("exhibitor_profiles"."stall_area_m2" IS NULL OR ("exhibitor_profiles"."stall_area_m2" > 0 AND "exhibitor_profiles"."stall_area_m2" <= 500));