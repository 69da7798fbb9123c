ALTER TABLE "b2b_run_placements" ADD COLUMN "pinned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD COLUMN "progress" text;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD COLUMN "base_run_id" uuid;--> statement-breakpoint
ALTER TABLE "b2b_runs" ADD CONSTRAINT "b2b_runs_base_run_id_b2b_runs_id_fk" FOREIGN KEY ("base_run_id") REFERENCES "public"."b2b_runs"("id") ON DELETE set null ON UPDATE no action;