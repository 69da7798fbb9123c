CREATE TABLE "floor_allocation_placements" (
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"stall_id" uuid NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"in_own_area" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "floor_allocation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" jsonb NOT NULL,
	"unplaced" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"base_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "floor_allocation_runs_status" CHECK ("floor_allocation_runs"."status" IN ('draft', 'confirmed', 'discarded')),
	CONSTRAINT "floor_allocation_runs_decided" CHECK (("floor_allocation_runs"."status" = 'draft') = ("floor_allocation_runs"."decided_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "floor_allocation_placements" ADD CONSTRAINT "floor_allocation_placements_run_id_floor_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."floor_allocation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_allocation_placements" ADD CONSTRAINT "floor_allocation_placements_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_allocation_placements" ADD CONSTRAINT "floor_allocation_placements_stall_id_floor_stalls_id_fk" FOREIGN KEY ("stall_id") REFERENCES "public"."floor_stalls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_allocation_runs" ADD CONSTRAINT "floor_allocation_runs_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_allocation_runs" ADD CONSTRAINT "floor_allocation_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_allocation_runs" ADD CONSTRAINT "floor_allocation_runs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "floor_allocation_placements_exhibitor_uq" ON "floor_allocation_placements" USING btree ("run_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "floor_allocation_placements_stall_uq" ON "floor_allocation_placements" USING btree ("run_id","stall_id");--> statement-breakpoint
CREATE INDEX "floor_allocation_runs_edition_idx" ON "floor_allocation_runs" USING btree ("edition_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "floor_allocation_runs_one_draft_uq" ON "floor_allocation_runs" USING btree ("edition_id") WHERE "floor_allocation_runs"."status" = 'draft';