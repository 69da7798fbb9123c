ALTER TABLE "b2b_requests" ADD COLUMN "answer_token_hash" text;--> statement-breakpoint
ALTER TABLE "b2b_requests" ADD CONSTRAINT "b2b_requests_answer_token_uq" UNIQUE("answer_token_hash");