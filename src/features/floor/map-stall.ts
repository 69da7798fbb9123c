import type { PublicExhibitor, PublicStall } from "./operations/plan";
import type { floorStalls } from "./tables";

type StallRow = Pick<
  typeof floorStalls.$inferSelect,
  "id" | "hallId" | "areaId" | "number" | "seq" | "x" | "y" | "w" | "h" | "polygon" | "areaM2" | "type" | "power" | "water" | "corner" | "accessible" | "state"
>;

/** A stall row as the map draws it: its rectangle when it has one, and the exhibitor given (the
 *  public map gives one only for a confirmed stall; the editor and the exports give none). Pure. */
export function mapStall(s: StallRow, exhibitor: PublicExhibitor | null = null): PublicStall {
  return {
    id: s.id,
    hallId: s.hallId,
    areaId: s.areaId,
    number: s.number,
    seq: s.seq,
    rect: s.x !== null && s.y !== null && s.w !== null && s.h !== null ? { x: s.x, y: s.y, w: s.w, h: s.h } : null,
    polygon: s.polygon,
    areaM2: s.areaM2,
    type: s.type,
    power: s.power,
    water: s.water,
    corner: s.corner,
    accessible: s.accessible,
    blocked: s.state === "blocked",
    exhibitor,
  };
}
