ALTER TABLE "audit_entries" ADD COLUMN "actor_registration_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "actor_nomination_id" uuid;