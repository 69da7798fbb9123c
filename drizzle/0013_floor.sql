CREATE TABLE "floor_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"cluster_id" uuid,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"polygon" jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "floor_areas_code_uq" UNIQUE("edition_id","code"),
	CONSTRAINT "floor_areas_hall_uq" UNIQUE("id","hall_id"),
	CONSTRAINT "floor_areas_kind" CHECK ("floor_areas"."kind" IN ('cluster_pavilion', 'women_enclave', 'enclave', 'b2b_lounge', 'stage', 'food_court', 'services')),
	CONSTRAINT "floor_areas_pavilion_cluster" CHECK (("floor_areas"."kind" = 'cluster_pavilion') = ("floor_areas"."cluster_id" IS NOT NULL)),
	CONSTRAINT "floor_areas_polygon" CHECK (jsonb_typeof("floor_areas"."polygon") = 'array' AND jsonb_array_length("floor_areas"."polygon") >= 3)
);
--> statement-breakpoint
CREATE TABLE "floor_halls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"venue_space_id" uuid,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ur" text NOT NULL,
	"width_m" double precision NOT NULL,
	"depth_m" double precision NOT NULL,
	"entrances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"obstacles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "floor_halls_code_uq" UNIQUE("edition_id","code"),
	CONSTRAINT "floor_halls_edition_uq" UNIQUE("id","edition_id"),
	CONSTRAINT "floor_halls_size_positive" CHECK ("floor_halls"."width_m" > 0 AND "floor_halls"."depth_m" > 0)
);
--> statement-breakpoint
CREATE TABLE "floor_stalls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"area_id" uuid,
	"number" text NOT NULL,
	"seq" integer NOT NULL,
	"x" double precision,
	"y" double precision,
	"w" double precision,
	"h" double precision,
	"polygon" jsonb,
	"area_m2" double precision NOT NULL,
	"type" text DEFAULT 'shell_scheme' NOT NULL,
	"power" boolean DEFAULT false NOT NULL,
	"water" boolean DEFAULT false NOT NULL,
	"corner" boolean DEFAULT false NOT NULL,
	"accessible" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'available' NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"enterprise_id" uuid,
	CONSTRAINT "floor_stalls_number_uq" UNIQUE("edition_id","number"),
	CONSTRAINT "floor_stalls_type" CHECK ("floor_stalls"."type" IN ('shell_scheme', 'raw_space', 'corner', 'island')),
	CONSTRAINT "floor_stalls_state" CHECK ("floor_stalls"."state" IN ('available', 'on_hold', 'assigned', 'confirmed', 'blocked')),
	CONSTRAINT "floor_stalls_holder_state" CHECK (("floor_stalls"."enterprise_id" IS NOT NULL) = ("floor_stalls"."state" IN ('on_hold', 'assigned', 'confirmed'))),
	CONSTRAINT "floor_stalls_hold_expiry" CHECK (("floor_stalls"."state" = 'on_hold') = ("floor_stalls"."hold_expires_at" IS NOT NULL)),
	CONSTRAINT "floor_stalls_area_positive" CHECK ("floor_stalls"."area_m2" > 0),
	CONSTRAINT "floor_stalls_shape" CHECK (("floor_stalls"."x" IS NOT NULL AND "floor_stalls"."y" IS NOT NULL AND "floor_stalls"."w" IS NOT NULL AND "floor_stalls"."h" IS NOT NULL AND "floor_stalls"."polygon" IS NULL
            AND "floor_stalls"."w" > 0 AND "floor_stalls"."h" > 0)
        OR ("floor_stalls"."x" IS NULL AND "floor_stalls"."y" IS NULL AND "floor_stalls"."w" IS NULL AND "floor_stalls"."h" IS NULL AND "floor_stalls"."polygon" IS NOT NULL
            AND jsonb_typeof("floor_stalls"."polygon") = 'array' AND jsonb_array_length("floor_stalls"."polygon") >= 3))
);
--> statement-breakpoint
ALTER TABLE "floor_areas" ADD CONSTRAINT "floor_areas_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_areas" ADD CONSTRAINT "floor_areas_hall_fk" FOREIGN KEY ("hall_id","edition_id") REFERENCES "public"."floor_halls"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_halls" ADD CONSTRAINT "floor_halls_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_halls" ADD CONSTRAINT "floor_halls_venue_space_id_venue_spaces_id_fk" FOREIGN KEY ("venue_space_id") REFERENCES "public"."venue_spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_stalls" ADD CONSTRAINT "floor_stalls_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_stalls" ADD CONSTRAINT "floor_stalls_hall_fk" FOREIGN KEY ("hall_id","edition_id") REFERENCES "public"."floor_halls"("id","edition_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_stalls" ADD CONSTRAINT "floor_stalls_area_fk" FOREIGN KEY ("area_id","hall_id") REFERENCES "public"."floor_areas"("id","hall_id") ON DELETE set null (area_id) ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "floor_stalls_hall_seq_idx" ON "floor_stalls" USING btree ("hall_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "floor_stalls_enterprise_uq" ON "floor_stalls" USING btree ("edition_id","enterprise_id") WHERE "floor_stalls"."state" IN ('assigned', 'confirmed');--> statement-breakpoint
-- Hand-written (issue #12, floor): a pavilion's cluster is one of the area's own edition. Clusters are
-- per edition and their table has no (id, edition_id) key to reference, so a trigger checks it.
CREATE FUNCTION floor_area_cluster_same_edition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cluster_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM clusters c WHERE c.id = NEW.cluster_id AND c.edition_id = NEW.edition_id
  ) THEN
    RAISE EXCEPTION 'floor area % names a cluster of another edition', NEW.code
      USING ERRCODE = '23514', CONSTRAINT = 'floor_areas_cluster_edition';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER floor_areas_cluster_edition BEFORE INSERT OR UPDATE OF cluster_id, edition_id ON floor_areas
  FOR EACH ROW EXECUTE FUNCTION floor_area_cluster_same_edition();
