CREATE TABLE "checkin_zone_categories" (
	"edition_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	CONSTRAINT "checkin_zone_categories_category_id_zone_id_pk" PRIMARY KEY("category_id","zone_id")
);
--> statement-breakpoint
CREATE TABLE "checkin_zone_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_zone_grants_uq" UNIQUE("registration_id","zone_id")
);
--> statement-breakpoint
ALTER TABLE "checkin_zone_categories" ADD CONSTRAINT "checkin_zone_categories_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zone_categories" ADD CONSTRAINT "checkin_zone_categories_category_id_visitor_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."visitor_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zone_categories" ADD CONSTRAINT "checkin_zone_categories_zone_id_checkin_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."checkin_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zone_grants" ADD CONSTRAINT "checkin_zone_grants_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zone_grants" ADD CONSTRAINT "checkin_zone_grants_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zone_grants" ADD CONSTRAINT "checkin_zone_grants_zone_id_checkin_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."checkin_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zone_grants" ADD CONSTRAINT "checkin_zone_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_zone_categories_edition_idx" ON "checkin_zone_categories" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "checkin_zone_grants_edition_idx" ON "checkin_zone_grants" USING btree ("edition_id");--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "zones";