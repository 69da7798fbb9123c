CREATE TABLE "programme_invitations" (
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_invitations_session_id_registration_id_pk" PRIMARY KEY("session_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "programme_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"sessions" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"released_by" uuid,
	CONSTRAINT "programme_releases_number_uq" UNIQUE("edition_id","number"),
	CONSTRAINT "programme_releases_name_uq" UNIQUE("edition_id","name"),
	CONSTRAINT "programme_releases_number" CHECK ("programme_releases"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "programme_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"capacity" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_rooms_slug_uq" UNIQUE("edition_id","slug"),
	CONSTRAINT "programme_rooms_edition_uq" UNIQUE("id","edition_id"),
	CONSTRAINT "programme_rooms_capacity" CHECK ("programme_rooms"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_rsvps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programme_session_speakers" (
	"edition_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"speaker_id" uuid NOT NULL,
	"role" text DEFAULT 'speaker' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_session_speakers_session_id_speaker_id_pk" PRIMARY KEY("session_id","speaker_id"),
	CONSTRAINT "programme_ss_role" CHECK ("programme_session_speakers"."role" IN ('speaker', 'moderator'))
);
--> statement-breakpoint
CREATE TABLE "programme_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"track" text DEFAULT 'general' NOT NULL,
	"title_en" text NOT NULL,
	"title_ur" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_ur" text DEFAULT '' NOT NULL,
	"day" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"language" text DEFAULT 'ur' NOT NULL,
	"interpretation" boolean DEFAULT false NOT NULL,
	"access" text DEFAULT 'open' NOT NULL,
	"category_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_sessions_edition_uq" UNIQUE("id","edition_id"),
	CONSTRAINT "programme_sessions_kind" CHECK ("programme_sessions"."kind" IN ('ceremony', 'keynote', 'panel', 'policy_dialogue', 'workshop', 'cluster_showcase', 'awards_ceremony', 'break')),
	CONSTRAINT "programme_sessions_track" CHECK ("programme_sessions"."track" IN ('general', 'exports', 'finance', 'women_entrepreneurs', 'digital', 'clusters', 'standards', 'policy')),
	CONSTRAINT "programme_sessions_access" CHECK ("programme_sessions"."access" IN ('open', 'by_category', 'invitation')),
	CONSTRAINT "programme_sessions_language" CHECK ("programme_sessions"."language" IN ('en', 'ur')),
	CONSTRAINT "programme_sessions_day" CHECK ("programme_sessions"."day" >= 1),
	CONSTRAINT "programme_sessions_times" CHECK ("programme_sessions"."start_minute" >= 0 AND "programme_sessions"."end_minute" <= 1440 AND "programme_sessions"."start_minute" < "programme_sessions"."end_minute"),
	CONSTRAINT "programme_sessions_snap" CHECK ("programme_sessions"."start_minute" % 5 = 0 AND "programme_sessions"."end_minute" % 5 = 0),
	CONSTRAINT "programme_sessions_categories" CHECK (("programme_sessions"."access" = 'by_category') = (cardinality("programme_sessions"."category_ids") > 0))
);
--> statement-breakpoint
CREATE TABLE "programme_settings" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"opens_minute" integer DEFAULT 540 NOT NULL,
	"closes_minute" integer DEFAULT 1140 NOT NULL,
	CONSTRAINT "programme_settings_hours" CHECK ("programme_settings"."opens_minute" >= 0 AND "programme_settings"."closes_minute" <= 1440 AND "programme_settings"."opens_minute" < "programme_settings"."closes_minute")
);
--> statement-breakpoint
CREATE TABLE "programme_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_ur" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"bio_en" text DEFAULT '' NOT NULL,
	"bio_ur" text DEFAULT '' NOT NULL,
	"photo_url" text,
	"email" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"user_id" uuid,
	CONSTRAINT "programme_speakers_slug_uq" UNIQUE("edition_id","slug"),
	CONSTRAINT "programme_speakers_edition_uq" UNIQUE("id","edition_id"),
	CONSTRAINT "programme_speakers_locale" CHECK ("programme_speakers"."locale" IN ('en', 'ur'))
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "programme_invitations" ADD CONSTRAINT "programme_invitations_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitations" ADD CONSTRAINT "programme_invitations_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_releases" ADD CONSTRAINT "programme_releases_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_releases" ADD CONSTRAINT "programme_releases_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_rooms" ADD CONSTRAINT "programme_rooms_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_rsvps" ADD CONSTRAINT "programme_rsvps_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_rsvps" ADD CONSTRAINT "programme_rsvps_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session_speakers" ADD CONSTRAINT "programme_ss_session_fk" FOREIGN KEY ("session_id","edition_id") REFERENCES "public"."programme_sessions"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session_speakers" ADD CONSTRAINT "programme_ss_speaker_fk" FOREIGN KEY ("speaker_id","edition_id") REFERENCES "public"."programme_speakers"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_room_fk" FOREIGN KEY ("room_id","edition_id") REFERENCES "public"."programme_rooms"("id","edition_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_edition_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_settings" ADD CONSTRAINT "programme_settings_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_speakers" ADD CONSTRAINT "programme_speakers_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_speakers" ADD CONSTRAINT "programme_speakers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_rsvps_active_uq" ON "programme_rsvps" USING btree ("session_id","registration_id") WHERE "programme_rsvps"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "programme_rsvps_registration_idx" ON "programme_rsvps" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "programme_ss_speaker_idx" ON "programme_session_speakers" USING btree ("speaker_id");--> statement-breakpoint
CREATE INDEX "programme_sessions_day_idx" ON "programme_sessions" USING btree ("edition_id","day","start_minute");