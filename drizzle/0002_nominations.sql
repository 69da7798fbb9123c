CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"grounds" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "appeals_nomination_uq" UNIQUE("nomination_id")
);
--> statement-breakpoint
CREATE TABLE "application_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_calls" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"criteria" jsonb NOT NULL,
	"cluster_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_stalls" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"reviews_per_application" integer DEFAULT 3 NOT NULL,
	"appeal_days" integer DEFAULT 14 NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"trade_body_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"ntn" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"size_class" text NOT NULL,
	"annual_turnover_pkr" bigint NOT NULL,
	"employees" integer NOT NULL,
	"women_led" boolean NOT NULL,
	"contact_name" text NOT NULL,
	"email" text,
	"phone" text,
	"district" text,
	"locale" text DEFAULT 'ur' NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"link_hash" text NOT NULL,
	"link_expires_at" timestamp with time zone NOT NULL,
	"application" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_ntn_uq" UNIQUE("edition_id","ntn"),
	CONSTRAINT "nominations_link_uq" UNIQUE("link_hash")
);
--> statement-breakpoint
CREATE TABLE "review_conflicts" (
	"nomination_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_conflicts_nomination_id_reviewer_id_pk" PRIMARY KEY("nomination_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "reviewer_affiliations" (
	"user_id" uuid NOT NULL,
	"trade_body_id" uuid NOT NULL,
	CONSTRAINT "reviewer_affiliations_user_id_trade_body_id_pk" PRIMARY KEY("user_id","trade_body_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"nomination_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scores" jsonb,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "reviews_nomination_id_reviewer_id_pk" PRIMARY KEY("nomination_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"result" jsonb NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"appeals_close_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_photos" ADD CONSTRAINT "application_photos_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_calls" ADD CONSTRAINT "nomination_calls_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_trade_body_id_trade_bodies_id_fk" FOREIGN KEY ("trade_body_id") REFERENCES "public"."trade_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_affiliations" ADD CONSTRAINT "reviewer_affiliations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_affiliations" ADD CONSTRAINT "reviewer_affiliations_trade_body_id_trade_bodies_id_fk" FOREIGN KEY ("trade_body_id") REFERENCES "public"."trade_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_open_idx" ON "appeals" USING btree ("status") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "application_photos_nomination_idx" ON "application_photos" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "nominations_trade_body_idx" ON "nominations" USING btree ("edition_id","trade_body_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_id");