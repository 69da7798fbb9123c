CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"category_id" uuid NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"name_ur" text,
	"organisation" text,
	"designation" text,
	"phone" text,
	"status" text NOT NULL,
	"days" jsonb NOT NULL,
	"zones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent_data" boolean NOT NULL,
	"consent_scan" boolean DEFAULT false NOT NULL,
	"group_id" uuid,
	"idempotency_key" text,
	"refusal_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "registrations_number_uq" UNIQUE("edition_id","number"),
	CONSTRAINT "registrations_idempotency_uq" UNIQUE("edition_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "visitor_categories" ADD COLUMN "badge_index" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_category_id_visitor_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."visitor_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_email_uq" ON "registrations" USING btree ("edition_id",lower("email")) WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_status_idx" ON "registrations" USING btree ("edition_id","category_id","status");--> statement-breakpoint
ALTER TABLE "visitor_categories" ADD CONSTRAINT "visitor_categories_badge_index_uq" UNIQUE("edition_id","badge_index");