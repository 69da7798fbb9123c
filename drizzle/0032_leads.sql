CREATE TABLE "lead_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"lead_id" uuid,
	"code" text NOT NULL,
	"result" text NOT NULL,
	"reason" text NOT NULL,
	"device_id" text DEFAULT 'web' NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"by_user_id" uuid,
	CONSTRAINT "lead_scans_nonce_uq" UNIQUE("edition_id","nonce"),
	CONSTRAINT "lead_scans_result" CHECK ("lead_scans"."result" in ('counted', 'refuse'))
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"first_scanned_at" timestamp with time zone NOT NULL,
	"last_scanned_at" timestamp with time zone NOT NULL,
	"scan_count" integer DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"rating" integer,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"touch" text DEFAULT 'none' NOT NULL,
	"touch_decided_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"keep_agreed_at" timestamp with time zone,
	"by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leads_exhibitor_visitor_uq" UNIQUE("enterprise_id","registration_id"),
	CONSTRAINT "leads_rating" CHECK ("leads"."rating" is null or "leads"."rating" between 1 and 5),
	CONSTRAINT "leads_touch" CHECK ("leads"."touch" in ('none', 'pending', 'accepted', 'declined')),
	CONSTRAINT "leads_scan_count" CHECK ("leads"."scan_count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "lead_scans" ADD CONSTRAINT "lead_scans_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_scans" ADD CONSTRAINT "lead_scans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_scans" ADD CONSTRAINT "lead_scans_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_scans" ADD CONSTRAINT "lead_scans_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_scans_lead_idx" ON "lead_scans" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_scans_exhibitor_idx" ON "lead_scans" USING btree ("edition_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "leads_edition_idx" ON "leads" USING btree ("edition_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "leads_registration_idx" ON "leads" USING btree ("registration_id");