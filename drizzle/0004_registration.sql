CREATE TABLE "registration_capacity" (
	"edition_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"capacity" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "registration_capacity_edition_id_bucket_pk" PRIMARY KEY("edition_id","bucket"),
	CONSTRAINT "registration_capacity_used_ck" CHECK ("registration_capacity"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registration_counters" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"category_id" uuid,
	"kind" text NOT NULL,
	"label_en" text NOT NULL,
	"label_ur" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "request_fingerprint" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "manage_token_hash" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "source" text DEFAULT 'self' NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "waitlisted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registration_capacity" ADD CONSTRAINT "registration_capacity_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_counters" ADD CONSTRAINT "registration_counters_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_questions" ADD CONSTRAINT "registration_questions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_questions" ADD CONSTRAINT "registration_questions_category_id_visitor_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."visitor_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_questions_edition_idx" ON "registration_questions" USING btree ("edition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_manage_token_uq" ON "registrations" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "registrations_user_idx" ON "registrations" USING btree ("user_id");