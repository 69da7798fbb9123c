ALTER TABLE "checkin_scans" ADD COLUMN "admit_key" text;--> statement-breakpoint
ALTER TABLE "checkin_scans" ADD CONSTRAINT "checkin_scans_admit_uq" UNIQUE("edition_id","registration_no","admit_key");