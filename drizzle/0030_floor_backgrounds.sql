CREATE TABLE "floor_backgrounds" (
	"hall_id" uuid PRIMARY KEY NOT NULL,
	"edition_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"pixel_width" integer NOT NULL,
	"pixel_height" integer NOT NULL,
	"width_m" double precision NOT NULL,
	"offset_x" double precision DEFAULT 0 NOT NULL,
	"offset_y" double precision DEFAULT 0 NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "floor_backgrounds_type" CHECK ("floor_backgrounds"."content_type" IN ('image/png', 'image/jpeg')),
	CONSTRAINT "floor_backgrounds_size" CHECK ("floor_backgrounds"."size" > 0 AND "floor_backgrounds"."size" <= 5242880 AND "floor_backgrounds"."size" = octet_length("floor_backgrounds"."bytes")),
	CONSTRAINT "floor_backgrounds_pixels" CHECK ("floor_backgrounds"."pixel_width" > 0 AND "floor_backgrounds"."pixel_height" > 0),
	CONSTRAINT "floor_backgrounds_width" CHECK ("floor_backgrounds"."width_m" > 0)
);
--> statement-breakpoint
ALTER TABLE "floor_backgrounds" ADD CONSTRAINT "floor_backgrounds_hall_fk" FOREIGN KEY ("hall_id","edition_id") REFERENCES "public"."floor_halls"("id","edition_id") ON DELETE cascade ON UPDATE no action;