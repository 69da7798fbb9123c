import { and, asc, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { parseInput } from "../../../platform/validation";
import { clusters, editions, tradeBodies } from "../../editions/tables";
import { applicationPhotos, nominations } from "../tables";
import { findCall } from "./call";

// The application a nominee completes through the link the trade body passed
// on: no account, no password. The link is the credential, so it is stored
// hashed, expires, and is replaced when the trade body issues a new one.

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS = 6;
export const MAX_PRODUCTS = 5;

const text = (max: number) => z.string().trim().max(max);
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,،\n]/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(80)).max(20));
const product = z.object({ name: text(120), hsCode: z.string().trim().regex(/^(\d{4}(\.?\d{2}){0,3})?$/, "invalid_hs_code") });

/** A draft may be incomplete; every field is bounded. */
export const applicationDraft = z.object({
  enterpriseName: text(200).default(""),
  address: text(300).default(""),
  district: text(80).default(""),
  womenLed: z.enum(["yes", "no", ""]).default(""),
  womenOwnershipPercent: z.union([z.literal(""), z.coerce.number().int().min(0).max(100)]).default(""),
  employees: z.union([z.literal(""), z.coerce.number().int().min(0).max(100000)]).default(""),
  turnoverBand: z.enum(["micro", "small", "medium", ""]).default(""),
  products: z.array(product).max(MAX_PRODUCTS).default([]),
  certifications: list.default([]),
  exportMarkets: list.default([]),
  goals: text(2000).default(""),
});
export type ApplicationData = z.output<typeof applicationDraft>;

/** What a submitted application must have. */
const complete = applicationDraft.superRefine((a, ctx) => {
  const need = (path: string, ok: boolean) => ok || ctx.addIssue({ code: "custom", path: [path], params: { code: "required" } });
  need("enterpriseName", a.enterpriseName !== "");
  need("district", a.district !== "");
  need("womenLed", a.womenLed !== "");
  need("employees", a.employees !== "");
  need("turnoverBand", a.turnoverBand !== "");
  need("goals", a.goals !== "");
  const products = a.products.filter((p) => p.name !== "");
  if (products.length === 0) ctx.addIssue({ code: "custom", path: ["products", 0, "name"], params: { code: "required" } });
  a.products.forEach((p, i) => {
    if (p.name !== "" && p.hsCode === "") ctx.addIssue({ code: "custom", path: ["products", i, "hsCode"], params: { code: "required" } });
  });
});

/** The nomination a link opens, or `token_invalid` (unknown, replaced, expired or withdrawn). */
export async function nominationByLink(db: Executor, token: string, now: Date, lock = false) {
  const q = db
    .select()
    .from(nominations)
    .where(and(eq(nominations.linkHash, hashSecret(token)), gt(nominations.linkExpiresAt, now)));
  const [n] = lock ? await q.for("update") : await q;
  if (!n || n.status === "withdrawn") throw new DomainError("token_invalid");
  return n;
}

const tokenInput = z.object({ token: z.string().min(20).max(200) });

export async function getApplication(ctx: Ctx, raw: unknown) {
  const { token } = parseInput(tokenInput, raw);
  const n = await nominationByLink(ctx.db, token, ctx.clock.now());
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.id, n.editionId));
  const [cluster] = await ctx.db.select().from(clusters).where(eq(clusters.id, n.clusterId));
  const [body] = await ctx.db.select().from(tradeBodies).where(eq(tradeBodies.id, n.tradeBodyId));
  const photos = await ctx.db
    .select({ id: applicationPhotos.id, contentType: applicationPhotos.contentType, size: applicationPhotos.size })
    .from(applicationPhotos)
    .where(eq(applicationPhotos.nominationId, n.id))
    .orderBy(asc(applicationPhotos.createdAt));
  const call = await findCall(ctx.db, n.editionId);
  // A fresh application starts from what the trade body told us.
  const data = applicationDraft.parse({
    enterpriseName: n.enterpriseName,
    district: n.district ?? "",
    womenLed: n.womenLed ? "yes" : "no",
    employees: n.employees,
    turnoverBand: n.sizeClass,
    ...n.application,
  });
  return {
    nomination: { id: n.id, status: n.status, contactName: n.contactName, submittedAt: n.submittedAt, editionId: n.editionId },
    edition: edition!,
    cluster: cluster!,
    tradeBody: body!,
    closesAt: call?.closesAt ?? null,
    open: !!call && ctx.clock.now() <= call.closesAt,
    data,
    photos,
  };
}

const saveInput = tokenInput.extend({ submit: z.coerce.boolean().default(false), data: z.unknown() });

/** Saves a draft, or submits when `submit` is set (then every required field must be there). */
export async function saveApplication(ctx: Ctx, raw: unknown) {
  const { token, submit, data: rawData } = parseInput(saveInput, raw);
  const data = parseInput(submit ? complete : applicationDraft, rawData ?? {});
  return inTransaction(ctx, async (tx) => {
    const n = await nominationByLink(tx, token, ctx.clock.now(), true);
    const call = await findCall(tx, n.editionId);
    if (!call || ctx.clock.now() > call.closesAt) throw new DomainError("conflict", { params: { reason: "call_closed" } });
    const status = submit ? "submitted" : n.status === "submitted" ? "submitted" : "draft";
    const submittedAt = submit ? (n.submittedAt ?? ctx.clock.now()) : n.submittedAt;
    const products = data.products.filter((p) => p.name !== "");
    await tx
      .update(nominations)
      .set({ application: { ...data, products }, status, submittedAt })
      .where(eq(nominations.id, n.id));
    // The applicant has no account: the audit names the nomination.
    await recordAudit(tx, ctx, { action: submit ? "application.submitted" : "application.saved", entityType: "nomination", entityId: n.id, editionId: n.editionId });
    return { id: n.id, status };
  });
}

type ImageType = "image/jpeg" | "image/png" | "image/webp";

/** The type the bytes say, whatever the upload claimed: JPEG, PNG or WebP only. */
export function imageType(b: Uint8Array): ImageType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

const photoInput = tokenInput.extend({ bytes: z.instanceof(Uint8Array) });

export async function addPhoto(ctx: Ctx, raw: unknown) {
  const { token, bytes } = parseInput(photoInput, raw);
  if (bytes.length === 0) throw new DomainError("validation_failed", { fields: [{ path: "photo", code: "required" }] });
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError("validation_failed", { fields: [{ path: "photo", code: "photo_too_large", params: { max: 2 } }] });
  const type = imageType(bytes);
  if (!type) throw new DomainError("validation_failed", { fields: [{ path: "photo", code: "photo_type" }] });
  return inTransaction(ctx, async (tx) => {
    const n = await nominationByLink(tx, token, ctx.clock.now(), true);
    const [{ n: have }] = (await tx.select({ n: count() }).from(applicationPhotos).where(eq(applicationPhotos.nominationId, n.id))) as [{ n: number }];
    if (have >= MAX_PHOTOS) throw new DomainError("validation_failed", { fields: [{ path: "photo", code: "too_many_photos", params: { max: MAX_PHOTOS } }] });
    const [row] = await tx
      .insert(applicationPhotos)
      .values({ nominationId: n.id, contentType: type, bytes: Buffer.from(bytes), size: bytes.length, createdAt: ctx.clock.now() })
      .returning({ id: applicationPhotos.id });
    return { id: row!.id, contentType: type };
  });
}

/** A photo of the application the link opens (the photo id alone is not enough). */
export async function getPhoto(ctx: Ctx, raw: unknown) {
  const { token, photoId } = parseInput(tokenInput.extend({ photoId: z.uuid() }), raw);
  const n = await nominationByLink(ctx.db, token, ctx.clock.now());
  const [p] = await ctx.db
    .select()
    .from(applicationPhotos)
    .where(and(eq(applicationPhotos.id, photoId), eq(applicationPhotos.nominationId, n.id)));
  if (!p) throw new DomainError("not_found", { params: { what: "photo" } });
  return p;
}
