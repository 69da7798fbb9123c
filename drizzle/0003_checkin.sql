CREATE TABLE "badge_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"key_id" integer NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "badge_keys_key_uq" UNIQUE("edition_id","key_id")
);
--> statement-breakpoint
CREATE TABLE "badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"registration_no" integer NOT NULL,
	"serial" integer NOT NULL,
	"key_id" integer NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by" uuid,
	CONSTRAINT "badges_serial_uq" UNIQUE("registration_id","serial")
);
--> statement-breakpoint
CREATE TABLE "checkin_double_admissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"registration_no" integer NOT NULL,
	"zone" integer,
	"first_nonce" text NOT NULL,
	"second_nonce" text NOT NULL,
	"gap_ms" integer NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_double_admissions_uq" UNIQUE("edition_id","first_nonce","second_nonce")
);
--> statement-breakpoint
CREATE TABLE "checkin_gates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"zone_id" uuid,
	"reentry_allowed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "checkin_gates_code_uq" UNIQUE("edition_id","code")
);
--> statement-breakpoint
CREATE TABLE "checkin_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"gate_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"code" text NOT NULL,
	"registration_no" integer,
	"registration_id" uuid,
	"zone" integer,
	"day_index" integer NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"offline" boolean NOT NULL,
	"result" text NOT NULL,
	"reason" text NOT NULL,
	"scanned_by" uuid,
	CONSTRAINT "checkin_scans_nonce_uq" UNIQUE("edition_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "exhibitor_staff_badges" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"edition_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exhibitor_staff_quotas" (
	"edition_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"quota" integer NOT NULL,
	CONSTRAINT "exhibitor_staff_quotas_edition_id_enterprise_id_pk" PRIMARY KEY("edition_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "checkin_zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"bit" integer NOT NULL,
	CONSTRAINT "checkin_zones_code_uq" UNIQUE("edition_id","code"),
	CONSTRAINT "checkin_zones_bit_uq" UNIQUE("edition_id","bit")
);
--> statement-breakpoint
ALTER TABLE "badge_keys" ADD CONSTRAINT "badge_keys_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_double_admissions" ADD CONSTRAINT "checkin_double_admissions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_gates" ADD CONSTRAINT "checkin_gates_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_gates" ADD CONSTRAINT "checkin_gates_zone_id_checkin_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."checkin_zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD CONSTRAINT "checkin_scans_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD CONSTRAINT "checkin_scans_gate_id_checkin_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "public"."checkin_gates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD CONSTRAINT "checkin_scans_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD CONSTRAINT "checkin_scans_scanned_by_users_id_fk" FOREIGN KEY ("scanned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_badges" ADD CONSTRAINT "exhibitor_staff_badges_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_badges" ADD CONSTRAINT "exhibitor_staff_badges_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_badges" ADD CONSTRAINT "exhibitor_staff_badges_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_quotas" ADD CONSTRAINT "exhibitor_staff_quotas_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_quotas" ADD CONSTRAINT "exhibitor_staff_quotas_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_zones" ADD CONSTRAINT "checkin_zones_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "badges_number_idx" ON "badges" USING btree ("edition_id","registration_no");--> statement-breakpoint
CREATE INDEX "checkin_scans_reg_idx" ON "checkin_scans" USING btree ("edition_id","registration_no","day_index");--> statement-breakpoint
CREATE INDEX "checkin_scans_time_idx" ON "checkin_scans" USING btree ("edition_id","scanned_at");--> statement-breakpoint
CREATE INDEX "exhibitor_staff_badges_ent_idx" ON "exhibitor_staff_badges" USING btree ("edition_id","enterprise_id");