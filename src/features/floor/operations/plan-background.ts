import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, partForChange } from "#features/editions";
import { imageInfo } from "../engine/image-size";
import { floorBackgrounds, floorHalls, MAX_BACKGROUND_BYTES } from "../tables";
import { uuid } from "./plan-edit-core";
import { visibleEdition } from "./plan";

// A hall's background drawing (issue #12, item 2): the venue's drawing as a PNG or JPEG, placed
// under the stalls at a scale (the metres its width covers) and an offset, so the organiser can
// draw stalls over it. Its type is read from the bytes, whatever the upload claimed (an SVG is
// refused: it can carry script; a PDF page too: nothing in the stack turns one into an image, so
// the organiser exports the page as PNG first). At most MAX_BACKGROUND_BYTES. Shown on the public
// map only when the organiser ticks `public`. Not part of the edit history (undo), but audited.

const placement = {
  /** The metres the image's width covers (its height follows its proportions). */
  widthM: z.coerce.number().positive().max(2000),
  offsetX: z.coerce.number().min(-2000).max(2000).default(0),
  offsetY: z.coerce.number().min(-2000).max(2000).default(0),
  public: z.coerce.boolean().default(false),
};

/** The hall, locked for a change by someone who may edit its plan. */
async function hallForChange(ctx: Ctx, tx: Parameters<Parameters<typeof inTransaction>[1]>[0], hallId: string) {
  const [found] = await tx.select().from(floorHalls).where(eq(floorHalls.id, hallId));
  return partForChange(tx, ctx.actor, found, "floor.plan", "hall");
}

const fileRefusal = (code: string, params?: Record<string, number>) => new DomainError("validation_failed", { fields: [{ path: "file", code, params }] });

/**
 * Uploads (or replaces) the hall's background drawing and places it. Refusals: validation_failed
 * on `file` (required, floor_background_type, floor_background_too_large).
 */
const setFloorBackgroundInput = z.object({ hallId: uuid, ...placement });

export async function setFloorBackground(ctx: Ctx, raw: Input<typeof setFloorBackgroundInput> & { bytes: Uint8Array }) {
  // The bytes are checked apart: parseInput's text check would walk every byte of a 5 MB array.
  const { bytes: rawBytes, ...rest } = (raw ?? {}) as { bytes?: unknown };
  const i = parseInput(setFloorBackgroundInput, rest);
  const bytes = z.instanceof(Uint8Array).safeParse(rawBytes).data;
  if (!bytes || bytes.length === 0) throw fileRefusal("required");
  if (bytes.length > MAX_BACKGROUND_BYTES) throw fileRefusal("floor_background_too_large", { max: MAX_BACKGROUND_BYTES / 1024 / 1024 });
  const info = imageInfo(bytes);
  if (!info) throw fileRefusal("floor_background_type");
  return inTransaction(ctx, async (tx) => {
    const { part: hall, edition } = await hallForChange(ctx, tx, i.hallId);
    const row = {
      hallId: hall.id,
      editionId: edition.id,
      contentType: info.type,
      bytes: Buffer.from(bytes),
      size: bytes.length,
      pixelWidth: info.width,
      pixelHeight: info.height,
      widthM: i.widthM,
      offsetX: i.offsetX,
      offsetY: i.offsetY,
      public: i.public,
      uploadedAt: ctx.clock.now(),
    };
    const { hallId: _, ...fields } = row;
    await tx.insert(floorBackgrounds).values(row).onConflictDoUpdate({ target: floorBackgrounds.hallId, set: fields });
    await recordAudit(tx, ctx, {
      action: "floor.plan_edited",
      entityType: "floor_hall",
      entityId: hall.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { edit: "background", hall: hall.code, contentType: info.type, size: bytes.length, pixels: [info.width, info.height], widthM: i.widthM, public: i.public },
    });
    return { contentType: info.type, width: info.width, height: info.height };
  });
}

const placeFloorBackgroundInput = z.object({ hallId: uuid, ...placement });

/** Places the hall's drawing again (scale, offset, public or not) without uploading it again. */
export async function placeFloorBackground(ctx: Ctx, raw: Input<typeof placeFloorBackgroundInput>) {
  const i = parseInput(placeFloorBackgroundInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { part: hall, edition } = await hallForChange(ctx, tx, i.hallId);
    const done = await tx
      .update(floorBackgrounds)
      .set({ widthM: i.widthM, offsetX: i.offsetX, offsetY: i.offsetY, public: i.public })
      .where(eq(floorBackgrounds.hallId, hall.id))
      .returning({ hallId: floorBackgrounds.hallId });
    if (!done.length) throw new DomainError("not_found", { params: { what: "background" } });
    await recordAudit(tx, ctx, { action: "floor.plan_edited", entityType: "floor_hall", entityId: hall.id, organiserId: edition.organiserId, editionId: edition.id, data: { edit: "background_placed", hall: hall.code, widthM: i.widthM, offsetX: i.offsetX, offsetY: i.offsetY, public: i.public } });
  });
}

const removeFloorBackgroundInput = z.object({ hallId: uuid });

/** Removes the hall's drawing. */
export async function removeFloorBackground(ctx: Ctx, raw: Input<typeof removeFloorBackgroundInput>) {
  const i = parseInput(removeFloorBackgroundInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { part: hall, edition } = await hallForChange(ctx, tx, i.hallId);
    const gone = await tx.delete(floorBackgrounds).where(eq(floorBackgrounds.hallId, hall.id)).returning({ hallId: floorBackgrounds.hallId });
    if (!gone.length) throw new DomainError("not_found", { params: { what: "background" } });
    await recordAudit(tx, ctx, { action: "floor.plan_edited", entityType: "floor_hall", entityId: hall.id, organiserId: edition.organiserId, editionId: edition.id, data: { edit: "background_removed", hall: hall.code } });
  });
}

const meta = {
  contentType: floorBackgrounds.contentType,
  size: floorBackgrounds.size,
  pixelWidth: floorBackgrounds.pixelWidth,
  pixelHeight: floorBackgrounds.pixelHeight,
  widthM: floorBackgrounds.widthM,
  offsetX: floorBackgrounds.offsetX,
  offsetY: floorBackgrounds.offsetY,
  public: floorBackgrounds.public,
  uploadedAt: floorBackgrounds.uploadedAt,
};
export type BackgroundMeta = { contentType: string; size: number; pixelWidth: number; pixelHeight: number; widthM: number; offsetX: number; offsetY: number; public: boolean; uploadedAt: Date };

/** Where the drawing lies in the hall's frame, in metres (its height from its proportions). */
export const backgroundBox = (b: Pick<BackgroundMeta, "pixelWidth" | "pixelHeight" | "widthM" | "offsetX" | "offsetY">) => ({
  x: b.offsetX,
  y: b.offsetY,
  w: b.widthM,
  h: (b.widthM * b.pixelHeight) / b.pixelWidth,
});

const floorBackgroundOfInput = z.object({ hallId: uuid });

/** The hall's drawing without its bytes, for the editor (null: none). */
export async function floorBackgroundOf(ctx: Ctx, raw: Input<typeof floorBackgroundOfInput>): Promise<BackgroundMeta | null> {
  const { hallId } = parseInput(floorBackgroundOfInput, raw);
  const [hall] = await ctx.db.select({ editionId: floorHalls.editionId }).from(floorHalls).where(eq(floorHalls.id, hallId));
  await editionFor(ctx.db, ctx.actor, hall?.editionId ?? "00000000-0000-0000-0000-000000000000", "floor.plan");
  const [b] = await ctx.db.select(meta).from(floorBackgrounds).where(eq(floorBackgrounds.hallId, hallId));
  return b ?? null;
}

const floorBackgroundImageInput = z.object({ hallId: uuid });

/** The drawing's image for the editor (the organiser's staff only). */
export async function floorBackgroundImage(ctx: Ctx, raw: Input<typeof floorBackgroundImageInput>) {
  const { hallId } = parseInput(floorBackgroundImageInput, raw);
  const [hall] = await ctx.db.select({ editionId: floorHalls.editionId }).from(floorHalls).where(eq(floorHalls.id, hallId));
  await editionFor(ctx.db, ctx.actor, hall?.editionId ?? "00000000-0000-0000-0000-000000000000", "floor.plan");
  const [b] = await ctx.db.select({ bytes: floorBackgrounds.bytes, contentType: floorBackgrounds.contentType }).from(floorBackgrounds).where(eq(floorBackgrounds.hallId, hallId));
  if (!b) throw new DomainError("not_found", { params: { what: "background" } });
  return b;
}

/** A public drawing of a hall the caller may see (by the edition's slug and the hall's code); else not found. */
export async function publicFloorBackground(ctx: Ctx, raw: Input<typeof publicRowInput>) {
  const b = await publicRow(ctx, raw, true);
  return { bytes: b.bytes!, contentType: b.contentType };
}

/** Whether a hall shows its drawing to the public, and where (null: it does not). */
export async function publicBackgroundPlace(ctx: Ctx, raw: Input<typeof publicRowInput>) {
  try {
    return backgroundBox(await publicRow(ctx, raw, false));
  } catch (e) {
    if (e instanceof DomainError && e.code === "not_found") return null;
    throw e;
  }
}

const publicRowInput = z.object({ slug: z.string().min(1).max(100), hall: z.string().min(1).max(40) });

async function publicRow(ctx: Ctx, raw: Input<typeof publicRowInput>, withBytes: boolean) {
  const { slug, hall: code } = parseInput(publicRowInput, raw);
  const edition = await visibleEdition(ctx, { slug });
  const [b] = await ctx.db
    .select({ ...meta, ...(withBytes ? { bytes: floorBackgrounds.bytes } : {}) })
    .from(floorBackgrounds)
    .innerJoin(floorHalls, eq(floorHalls.id, floorBackgrounds.hallId))
    .where(and(eq(floorHalls.editionId, edition.id), eq(floorHalls.code, code), eq(floorBackgrounds.public, true)));
  if (!b) throw new DomainError("not_found", { params: { what: "background" } });
  return b as BackgroundMeta & { bytes?: Buffer };
}
