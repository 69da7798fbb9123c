CREATE TABLE "b2b_repairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"change" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"moved" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancelled" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"added" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"by_user_id" uuid,
	"by_label" text,
	CONSTRAINT "b2b_repairs_kind" CHECK ("b2b_repairs"."kind" in ('cancel', 'late_decline', 'withdraw', 'remove_table', 'remove_slot', 'late_request'))
);
--> statement-breakpoint
ALTER TABLE "b2b_participants" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "b2b_repairs" ADD CONSTRAINT "b2b_repairs_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_repairs" ADD CONSTRAINT "b2b_repairs_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "b2b_repairs_edition_idx" ON "b2b_repairs" USING btree ("edition_id","at");--> statement-breakpoint
ALTER TABLE "b2b_participants" ADD CONSTRAINT "b2b_participants_calendar_token_uq" UNIQUE("calendar_token_hash");