CREATE TABLE "checkin_rehearsals" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"on_date" date NOT NULL,
	"day_index" integer NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_rehearsals_day_ck" CHECK ("checkin_rehearsals"."day_index" >= 0 and "checkin_rehearsals"."day_index" < 16)
);
--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD COLUMN "rehearsal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_rehearsals" ADD CONSTRAINT "checkin_rehearsals_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_rehearsals" ADD CONSTRAINT "checkin_rehearsals_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;