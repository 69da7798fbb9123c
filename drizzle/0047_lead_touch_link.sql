ALTER TABLE "leads" ADD COLUMN "touch_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "leads_touch_token_uq" ON "leads" USING btree ("touch_token_hash");