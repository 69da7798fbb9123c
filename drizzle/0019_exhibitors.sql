CREATE TABLE "exhibitor_deadlines" (
	"edition_id" uuid NOT NULL,
	"item" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exhibitor_deadlines_pk" PRIMARY KEY("edition_id","item"),
	CONSTRAINT "exhibitor_deadlines_item" CHECK ("exhibitor_deadlines"."item" IN ('fascia', 'power', 'samples', 'documents'))
);
--> statement-breakpoint
CREATE TABLE "exhibitor_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exhibitor_files_kind" CHECK ("exhibitor_files"."kind" IN ('logo', 'photo')),
	CONSTRAINT "exhibitor_files_type" CHECK ("exhibitor_files"."content_type" IN ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "exhibitor_files_size" CHECK ("exhibitor_files"."size" > 0 AND "exhibitor_files"."size" <= 2097152 AND "exhibitor_files"."size" = octet_length("exhibitor_files"."bytes"))
);
--> statement-breakpoint
CREATE TABLE "exhibitor_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"body_en" text NOT NULL,
	"body_ur" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exhibitor_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text DEFAULT '' NOT NULL,
	"hs_code" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_ur" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "exhibitor_products_hs" CHECK ("exhibitor_products"."hs_code" ~ '^[0-9]{2,8}$')
);
--> statement-breakpoint
CREATE TABLE "exhibitor_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_ur" text DEFAULT '' NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"email" text,
	"phone" text,
	"website" text,
	"fascia_en" text,
	"fascia_ur" text,
	"power_need" text,
	"samples" text,
	"published" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exhibitor_profiles_uq" UNIQUE("edition_id","enterprise_id"),
	CONSTRAINT "exhibitor_profiles_power" CHECK ("exhibitor_profiles"."power_need" IS NULL OR "exhibitor_profiles"."power_need" IN ('none', 'single_phase', 'three_phase'))
);
--> statement-breakpoint
ALTER TABLE "exhibitor_deadlines" ADD CONSTRAINT "exhibitor_deadlines_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_files" ADD CONSTRAINT "exhibitor_files_profile_id_exhibitor_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."exhibitor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_messages" ADD CONSTRAINT "exhibitor_messages_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_products" ADD CONSTRAINT "exhibitor_products_profile_id_exhibitor_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."exhibitor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_profiles" ADD CONSTRAINT "exhibitor_profiles_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_profiles" ADD CONSTRAINT "exhibitor_profiles_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exhibitor_files_profile_idx" ON "exhibitor_files" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exhibitor_files_one_logo" ON "exhibitor_files" USING btree ("profile_id") WHERE "exhibitor_files"."kind" = 'logo';--> statement-breakpoint
CREATE INDEX "exhibitor_messages_edition_idx" ON "exhibitor_messages" USING btree ("edition_id","created_at");--> statement-breakpoint
CREATE INDEX "exhibitor_products_profile_idx" ON "exhibitor_products" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "exhibitor_profiles_enterprise_idx" ON "exhibitor_profiles" USING btree ("enterprise_id");