CREATE TABLE "registration_repeats" (
	"edition_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "registration_repeats_edition_id_idempotency_key_pk" PRIMARY KEY("edition_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "registration_repeats" ADD CONSTRAINT "registration_repeats_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;