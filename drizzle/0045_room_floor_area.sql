ALTER TABLE "floor_areas" ADD CONSTRAINT "floor_areas_edition_uq" UNIQUE("id","edition_id");--> statement-breakpoint
ALTER TABLE "programme_rooms" ADD COLUMN "floor_area_id" uuid;--> statement-breakpoint
-- Hand-edited: deleting the area empties only the room's floor_area_id (the edition stays).
ALTER TABLE "programme_rooms" ADD CONSTRAINT "programme_rooms_floor_area_fk" FOREIGN KEY ("floor_area_id","edition_id") REFERENCES "public"."floor_areas"("id","edition_id") ON DELETE SET NULL ("floor_area_id") ON UPDATE no action;
