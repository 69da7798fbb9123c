CREATE TABLE "floor_plan_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"n" bigserial NOT NULL,
	"edition_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"action" text NOT NULL,
	"inverse" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "floor_plan_edits" ADD CONSTRAINT "floor_plan_edits_hall_fk" FOREIGN KEY ("hall_id","edition_id") REFERENCES "public"."floor_halls"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "floor_plan_edits_hall_idx" ON "floor_plan_edits" USING btree ("hall_id","n");