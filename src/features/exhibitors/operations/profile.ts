import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { floorHalls, floorStalls } from "#features/floor";
import { normalisePhone } from "#features/nominations";
import { imageType } from "#features/nominations";
import { checklist, type ChecklistFacts } from "../engine/checklist";
import {
  MAX_FILE_BYTES,
  MAX_PHOTOS,
  MAX_PRODUCTS,
  exhibitorDeadlines,
  exhibitorFiles,
  exhibitorMessages,
  exhibitorProducts,
  exhibitorProfiles,
  MAX_STALL_AREA_M2,
  powerNeeds,
  type ChecklistItem,
} from "../tables";
import { editionExhibitorIds } from "./exhibitors-of";

// The exhibitor's own profile (issue #12, item 5). The enterprise always comes from the signed-in
// account's exhibitor grant, never from the input: an exhibitor can name no other enterprise, so it
// edits only its own profile. The edition must be one it exhibits in.

type Profile = typeof exhibitorProfiles.$inferSelect;

/** The account's exhibitor grant: its enterprise and organiser. */
function ownGrant(ctx: Ctx): { enterpriseId: string; organiserId: string | null } {
  const grant = ctx.actor.kind === "user" ? ctx.actor.grants.find((g) => g.role === "exhibitor" && g.enterpriseId) : undefined;
  if (!grant) throw new DomainError(ctx.actor.kind === "anonymous" ? "unauthenticated" : "forbidden", { params: { permission: "exhibitor.editOwn" } });
  authorize(ctx.actor, "exhibitor.editOwn", { enterpriseId: grant.enterpriseId });
  return { enterpriseId: grant.enterpriseId!, organiserId: grant.organiserId ?? null };
}

/** The published editions the enterprise exhibits in, latest first. */
async function ownEditions(db: Executor, own: { enterpriseId: string; organiserId: string | null }) {
  const [firm] = await db.select({ organiserId: enterprises.organiserId }).from(enterprises).where(eq(enterprises.id, own.enterpriseId));
  if (!firm) return [];
  const list = await db
    .select()
    .from(editions)
    .where(and(eq(editions.organiserId, firm.organiserId), eq(editions.status, "published")))
    .orderBy(desc(editions.startsOn));
  const out = [];
  for (const e of list) if ((await editionExhibitorIds(db, e.id)).includes(own.enterpriseId)) out.push(e);
  return out;
}

/** The edition an exhibitor acts on: the one asked for when it exhibits there, else the next (or last) show. */
async function ownEdition(ctx: Ctx, own: { enterpriseId: string; organiserId: string | null }, editionId?: string | null, lock = false) {
  const choices = await ownEditions(ctx.db, own);
  if (!choices.length) throw new DomainError("exhibitor_not_found");
  if (editionId && !choices.some((e) => e.id === editionId)) throw new DomainError("not_found", { params: { what: "edition" } });
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const chosen = choices.find((e) => e.id === editionId) ?? [...choices].reverse().find((e) => e.endsOn >= today) ?? choices[0]!;
  if (lock) await ctx.db.select({ id: editions.id }).from(editions).where(eq(editions.id, chosen.id)).for("share");
  return { edition: chosen, choices };
}

export async function deadlinesOf(db: Executor, editionId: string): Promise<Map<ChecklistItem, Date>> {
  const rows = await db.select().from(exhibitorDeadlines).where(eq(exhibitorDeadlines.editionId, editionId));
  return new Map(rows.map((r) => [r.item, r.dueAt]));
}

/** What the checklist needs of each profile of an edition, by enterprise. */
export async function checklistFacts(db: Executor, editionId: string): Promise<Map<string, ChecklistFacts & { profileId: string; published: boolean }>> {
  const profiles = await db.select().from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, editionId));
  const ids = profiles.map((p) => p.id);
  const files = ids.length
    ? await db
        .select({ profileId: exhibitorFiles.profileId, kind: exhibitorFiles.kind, n: sql<number>`count(*)::int` })
        .from(exhibitorFiles)
        .where(inArray(exhibitorFiles.profileId, ids))
        .groupBy(exhibitorFiles.profileId, exhibitorFiles.kind)
    : [];
  const count = (id: string, kind: "logo" | "photo") => files.find((f) => f.profileId === id && f.kind === kind)?.n ?? 0;
  return new Map(
    profiles.map((p) => [
      p.enterpriseId,
      { profileId: p.id, published: p.published, fasciaEn: p.fasciaEn, fasciaUr: p.fasciaUr, powerNeed: p.powerNeed, samples: p.samples, logo: count(p.id, "logo") > 0, photos: count(p.id, "photo") },
    ]),
  );
}

/** The exhibitor's portal: its edition(s), profile (or a draft from the registry), products, files,
 *  checklist, stall and the organiser's messages. Refusals: unauthenticated, forbidden,
 *  exhibitor_not_found, not_found (edition). */
export async function ownPortal(ctx: Ctx, editionId?: string | null) {
  const own = ownGrant(ctx);
  const { edition, choices } = await ownEdition(ctx, own, editionId);
  const [firm] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, own.enterpriseId));
  const [profile] = await ctx.db
    .select()
    .from(exhibitorProfiles)
    .where(and(eq(exhibitorProfiles.editionId, edition.id), eq(exhibitorProfiles.enterpriseId, own.enterpriseId)));
  const productRows = profile ? await ctx.db.select().from(exhibitorProducts).where(eq(exhibitorProducts.profileId, profile.id)).orderBy(asc(exhibitorProducts.sort), asc(exhibitorProducts.nameEn)) : [];
  const files = profile
    ? await ctx.db
        .select({ id: exhibitorFiles.id, kind: exhibitorFiles.kind, contentType: exhibitorFiles.contentType, size: exhibitorFiles.size })
        .from(exhibitorFiles)
        .where(eq(exhibitorFiles.profileId, profile.id))
        .orderBy(asc(exhibitorFiles.createdAt))
    : [];
  const facts = (await checklistFacts(ctx.db, edition.id)).get(own.enterpriseId) ?? null;
  const [stall] = await ctx.db
    .select({ number: floorStalls.number, state: floorStalls.state, hall: floorHalls.code, hallEn: floorHalls.nameEn, hallUr: floorHalls.nameUr })
    .from(floorStalls)
    .innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId))
    .where(and(eq(floorStalls.editionId, edition.id), eq(floorStalls.enterpriseId, own.enterpriseId), inArray(floorStalls.state, ["assigned", "confirmed"])));
  // What the stall-needs part of the form offers: the plan's stall sizes, and the women
  // entrepreneurs' enclave to a women-led micro enterprise (the allocation's rule, docs/floor.md).
  const sizes = await ctx.db.selectDistinct({ m2: floorStalls.areaM2 }).from(floorStalls).where(eq(floorStalls.editionId, edition.id)).orderBy(asc(floorStalls.areaM2));
  const messages = await ctx.db.select().from(exhibitorMessages).where(eq(exhibitorMessages.editionId, edition.id)).orderBy(desc(exhibitorMessages.createdAt)).limit(20);
  const draft = {
    descriptionEn: firm?.descriptionEn ?? "",
    descriptionUr: firm?.descriptionUr ?? "",
    certifications: firm?.certifications ?? [],
    email: null,
    phone: null,
    website: null,
    fasciaEn: firm?.nameEn ?? null,
    fasciaUr: firm?.nameUr ?? null,
    powerNeed: null,
    stepFree: false,
    wantsCorner: false,
    stallAreaM2: null,
    womenEnclave: null,
    samples: null,
    published: false,
  };
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, timezone: edition.timezone },
    editions: choices.map((e) => ({ id: e.id, nameEn: e.nameEn, nameUr: e.nameUr })),
    enterprise: { id: own.enterpriseId, slug: firm?.slug ?? "", nameEn: firm?.nameEn ?? "", nameUr: firm?.nameUr ?? null },
    saved: !!profile,
    profile: profile ? publicFieldsOf(profile) : draft,
    products: productRows.map((p) => ({ id: p.id, nameEn: p.nameEn, nameUr: p.nameUr, hsCode: p.hsCode, descriptionEn: p.descriptionEn, descriptionUr: p.descriptionUr })),
    files,
    checklist: checklist(facts, await deadlinesOf(ctx.db, edition.id), ctx.clock.now()),
    stall: stall ? { number: stall.number, hall: stall.hall, hallEn: stall.hallEn, hallUr: stall.hallUr, confirmed: stall.state === "confirmed" } : null,
    stallChoices: {
      sizes: [...new Set(sizes.map((x) => Math.round(x.m2 * 10) / 10))],
      womenEnclave: !!firm?.womenLed && firm.sizeClass === "micro",
    },
    messages: messages.map((m) => ({ id: m.id, bodyEn: m.bodyEn, bodyUr: m.bodyUr, createdAt: m.createdAt.toISOString() })),
  };
}

function publicFieldsOf(p: Profile) {
  return {
    descriptionEn: p.descriptionEn,
    descriptionUr: p.descriptionUr,
    certifications: p.certifications,
    email: p.email,
    phone: p.phone,
    website: p.website,
    fasciaEn: p.fasciaEn,
    fasciaUr: p.fasciaUr,
    powerNeed: p.powerNeed,
    stepFree: p.stepFree,
    wantsCorner: p.wantsCorner,
    stallAreaM2: p.stallAreaM2,
    womenEnclave: p.womenEnclave,
    samples: p.samples,
    published: p.published,
  };
}

/** A checkbox (a page sends "on" or nothing) or a boolean (the API). */
const flag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")])
  .nullish()
  .transform((v) => v === true || v === "on" || v === "true");

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => (v && v.trim() ? v.trim() : null));

const ProfileInput = z.object({
  editionId: z.uuid().nullish(),
  descriptionEn: z.string().max(2000).default(""),
  descriptionUr: z.string().max(2000).default(""),
  certifications: z
    .union([z.string().max(1000), z.array(z.string().max(100)).max(20)])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : v.split(/[,،\n]/)).map((c) => c.trim()).filter(Boolean).slice(0, 20)),
  email: optionalText(200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v), { message: "invalid_email" }),
  phone: optionalText(40).transform((v, c) => {
    if (v === null) return null;
    const p = normalisePhone(v);
    if (!p) c.addIssue({ code: "custom", params: { code: "exhibitor_phone" } });
    return p;
  }),
  website: optionalText(200).refine((v) => v === null || /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(v), { params: { code: "exhibitor_website" } }),
  fasciaEn: optionalText(60).refine((v) => v === null || /^[\x20-\x7E]+$/.test(v), { params: { code: "exhibitor_latin" } }),
  fasciaUr: optionalText(60).refine((v) => v === null || /[\u0600-\u06FF]/.test(v), { params: { code: "urdu_script" } }),
  powerNeed: z
    .union([z.enum(powerNeeds), z.literal("")])
    .nullish()
    .transform((v) => (v ? v : null)),
  stepFree: flag,
  wantsCorner: flag,
  stallAreaM2: z
    .union([z.number(), z.string().max(10)])
    .nullish()
    .transform((v, c) => {
      if (v === null || v === undefined || v === "") return null;
      const n = typeof v === "number" ? v : Number(v.replace(",", "."));
      if (!Number.isFinite(n) || n <= 0 || n > MAX_STALL_AREA_M2) c.addIssue({ code: "custom", params: { code: "exhibitor_stall_area" } });
      return n;
    }),
  womenEnclave: z
    .union([z.boolean(), z.enum(["yes", "no", ""])])
    .nullish()
    .transform((v) => (v === true || v === "yes" ? true : v === false || v === "no" ? false : null)),
  samples: optionalText(500),
  published: flag,
});

async function lockedProfile(tx: Executor, editionId: string, enterpriseId: string): Promise<Profile> {
  const [p] = await tx
    .select()
    .from(exhibitorProfiles)
    .where(and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.enterpriseId, enterpriseId)))
    .for("update");
  if (p) return p;
  // The first save of a product or a file starts the profile from the registry's facts.
  const [firm] = await tx.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  await tx
    .insert(exhibitorProfiles)
    .values({
      editionId,
      enterpriseId,
      descriptionEn: firm?.descriptionEn ?? "",
      descriptionUr: firm?.descriptionUr ?? "",
      certifications: firm?.certifications ?? [],
      fasciaEn: firm?.nameEn ?? null,
      fasciaUr: firm?.nameUr ?? null,
    })
    .onConflictDoNothing();
  const [created] = await tx
    .select()
    .from(exhibitorProfiles)
    .where(and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.enterpriseId, enterpriseId)))
    .for("update");
  return created!;
}

/** Saves the exhibitor's own profile for an edition. Refusals: as ownPortal, validation_failed
 *  (exhibitor_phone, invalid_email, exhibitor_website, exhibitor_latin, urdu_script). */
export async function saveProfile(ctx: Ctx, raw: Input<typeof ProfileInput>) {
  const own = ownGrant(ctx);
  const input = parseInput(ProfileInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const { edition } = await ownEdition(c, own, input.editionId, true);
    const p = await lockedProfile(tx, edition.id, own.enterpriseId);
    // Only the fields the caller sent change (the API's PUT may send a few; the page sends all).
    const sent = new Set(raw && typeof raw === "object" ? Object.keys(raw) : []);
    const fields = Object.fromEntries(Object.entries(input).filter(([k]) => k !== "editionId" && sent.has(k)));
    await tx.update(exhibitorProfiles).set({ ...fields, updatedAt: c.clock.now() }).where(eq(exhibitorProfiles.id, p.id));
    await recordAudit(tx, c, {
      action: "exhibitor.profile_saved",
      entityType: "exhibitor_profile",
      entityId: p.id,
      editionId: edition.id,
      organiserId: edition.organiserId,
      data: { published: input.published, fasciaEn: input.fasciaEn, fasciaUr: input.fasciaUr, powerNeed: input.powerNeed, stepFree: input.stepFree, wantsCorner: input.wantsCorner, stallAreaM2: input.stallAreaM2, womenEnclave: input.womenEnclave },
    });
    return { profileId: p.id, editionId: edition.id };
  });
}

const ProductInput = z.object({
  editionId: z.uuid().nullish(),
  nameEn: z.string().trim().min(1).max(120),
  nameUr: z.string().trim().max(120).default(""),
  hsCode: z
    .string()
    .transform((v) => v.replace(/[\s.]/g, ""))
    .pipe(z.string().regex(/^[0-9]{2,8}$/, { message: "exhibitor_hs_code" })),
  descriptionEn: z.string().trim().max(1000).default(""),
  descriptionUr: z.string().trim().max(1000).default(""),
});

/** Adds a product to the exhibitor's own profile (HS code of 2–8 digits; dots and spaces dropped). */
export async function addProduct(ctx: Ctx, raw: Input<typeof ProductInput>) {
  const own = ownGrant(ctx);
  const input = parseInput(ProductInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const { edition } = await ownEdition(c, own, input.editionId, true);
    const p = await lockedProfile(tx, edition.id, own.enterpriseId);
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(exhibitorProducts).where(eq(exhibitorProducts.profileId, p.id))) as [{ n: number }];
    if (n >= MAX_PRODUCTS) throw new DomainError("validation_failed", { fields: [{ path: "nameEn", code: "exhibitor_too_many_products", params: { max: MAX_PRODUCTS } }] });
    const { editionId: _e, ...fields } = input;
    const [row] = await tx.insert(exhibitorProducts).values({ ...fields, profileId: p.id, sort: n }).returning({ id: exhibitorProducts.id });
    await tx.update(exhibitorProfiles).set({ updatedAt: c.clock.now() }).where(eq(exhibitorProfiles.id, p.id));
    await recordAudit(tx, c, { action: "exhibitor.product_added", entityType: "exhibitor_profile", entityId: p.id, editionId: edition.id, organiserId: edition.organiserId, data: { productId: row!.id, hsCode: input.hsCode } });
    return { productId: row!.id };
  });
}

const removeProductInput = z.object({ editionId: z.uuid().nullish(), productId: z.uuid() });

/** Removes a product of the exhibitor's own profile (another's is not_found). */
export async function removeProduct(ctx: Ctx, raw: Input<typeof removeProductInput>) {
  const own = ownGrant(ctx);
  const input = parseInput(removeProductInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const { edition } = await ownEdition(c, own, input.editionId, true);
    const p = await lockedProfile(tx, edition.id, own.enterpriseId);
    const gone = await tx.delete(exhibitorProducts).where(and(eq(exhibitorProducts.id, input.productId), eq(exhibitorProducts.profileId, p.id))).returning({ id: exhibitorProducts.id });
    if (!gone.length) throw new DomainError("not_found", { params: { what: "product" } });
    await recordAudit(tx, c, { action: "exhibitor.product_removed", entityType: "exhibitor_profile", entityId: p.id, editionId: edition.id, organiserId: edition.organiserId, data: { productId: input.productId } });
  });
}

/**
 * Uploads the logo (replacing the one there) or a photo (at most MAX_PHOTOS). The type is read
 * from the bytes (PNG, JPEG, WebP), whatever the upload claimed; at most MAX_FILE_BYTES.
 * Refusals: validation_failed on `file` (required, exhibitor_file_type, exhibitor_file_too_large,
 * exhibitor_too_many_photos).
 */
const uploadFileInput = z.object({ editionId: z.uuid().nullish(), kind: z.enum(["logo", "photo"]) });

export async function uploadFile(ctx: Ctx, raw: Input<typeof uploadFileInput> & { bytes: Uint8Array }) {
  const own = ownGrant(ctx);
  // The bytes are checked apart: parseInput's text check would walk every byte of a 2 MB array.
  const { bytes: rawBytes, ...rest } = (raw ?? {}) as { bytes?: unknown };
  const input = parseInput(uploadFileInput, rest);
  const bytes = z.instanceof(Uint8Array).safeParse(rawBytes).data;
  if (!bytes) throw new DomainError("validation_failed", { fields: [{ path: "file", code: "required" }] });
  const refuse = (code: string, params?: Record<string, number>) => new DomainError("validation_failed", { fields: [{ path: "file", code, params }] });
  if (bytes.length === 0) throw refuse("required");
  if (bytes.length > MAX_FILE_BYTES) throw refuse("exhibitor_file_too_large", { max: MAX_FILE_BYTES / 1024 / 1024 });
  const type = imageType(bytes);
  if (!type) throw refuse("exhibitor_file_type");
  return inTransaction(ctx, async (tx, c) => {
    const { edition } = await ownEdition(c, own, input.editionId, true);
    const p = await lockedProfile(tx, edition.id, own.enterpriseId);
    if (input.kind === "logo") await tx.delete(exhibitorFiles).where(and(eq(exhibitorFiles.profileId, p.id), eq(exhibitorFiles.kind, "logo")));
    else {
      const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(exhibitorFiles).where(and(eq(exhibitorFiles.profileId, p.id), eq(exhibitorFiles.kind, "photo")))) as [{ n: number }];
      if (n >= MAX_PHOTOS) throw refuse("exhibitor_too_many_photos", { max: MAX_PHOTOS });
    }
    const [row] = await tx
      .insert(exhibitorFiles)
      .values({ profileId: p.id, kind: input.kind, contentType: type, bytes: Buffer.from(bytes), size: bytes.length, createdAt: c.clock.now() })
      .returning({ id: exhibitorFiles.id });
    await recordAudit(tx, c, { action: "exhibitor.file_added", entityType: "exhibitor_profile", entityId: p.id, editionId: edition.id, organiserId: edition.organiserId, data: { fileId: row!.id, kind: input.kind, contentType: type, size: bytes.length } });
    return { fileId: row!.id, contentType: type };
  });
}

const removeFileInput = z.object({ editionId: z.uuid().nullish(), fileId: z.uuid() });

/** Removes a logo or photo of the exhibitor's own profile. */
export async function removeFile(ctx: Ctx, raw: Input<typeof removeFileInput>) {
  const own = ownGrant(ctx);
  const input = parseInput(removeFileInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const { edition } = await ownEdition(c, own, input.editionId, true);
    const p = await lockedProfile(tx, edition.id, own.enterpriseId);
    const gone = await tx.delete(exhibitorFiles).where(and(eq(exhibitorFiles.id, input.fileId), eq(exhibitorFiles.profileId, p.id))).returning({ id: exhibitorFiles.id });
    if (!gone.length) throw new DomainError("not_found", { params: { what: "file" } });
    await recordAudit(tx, c, { action: "exhibitor.file_removed", entityType: "exhibitor_profile", entityId: p.id, editionId: edition.id, organiserId: edition.organiserId, data: { fileId: input.fileId } });
  });
}

const getFileInput = z.object({ fileId: z.uuid() });

/** A logo or photo: public when its profile is published in a published edition, else only to its own exhibitor. */
export async function getFile(ctx: Ctx, raw: Input<typeof getFileInput>) {
  const { fileId } = parseInput(getFileInput, raw);
  const [f] = await ctx.db
    .select({ bytes: exhibitorFiles.bytes, contentType: exhibitorFiles.contentType, published: exhibitorProfiles.published, enterpriseId: exhibitorProfiles.enterpriseId, status: editions.status })
    .from(exhibitorFiles)
    .innerJoin(exhibitorProfiles, eq(exhibitorProfiles.id, exhibitorFiles.profileId))
    .innerJoin(editions, eq(editions.id, exhibitorProfiles.editionId))
    .where(eq(exhibitorFiles.id, fileId));
  const mine = ctx.actor.kind === "user" && ctx.actor.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === f?.enterpriseId);
  if (!f || (!(f.published && f.status === "published") && !mine)) throw new DomainError("not_found", { params: { what: "file" } });
  return { bytes: f.bytes, contentType: f.contentType, public: f.published && f.status === "published" };
}
