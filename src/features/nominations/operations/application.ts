import { and, asc, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { formatDateTime } from "../../../platform/i18n/format";
import { hashSecret } from "../../../platform/ids";
import { queueEmail } from "../../../platform/mail/outbox";
import { parseInput, toFieldIssues, type Input } from "../../../platform/validation";
import { asciiDigits } from "../engine/rows";
import { clusters, editions, tradeBodies } from "#features/editions";
import { MAX_PHOTO_BYTES, MAX_PHOTOS, MAX_PRODUCTS } from "../schemas";
import { applicationPhotos, nominations } from "../tables";
import { findCall } from "./call";
import { applicationLink, submittedEmail } from "./invitation";

// The application a nominee completes through the link the trade body passed
// on: no account, no password. The link is the credential, so it is stored
// hashed, expires, and is replaced when the trade body issues a new one.

// The limits live with the schemas: the application page renders MAX_PRODUCTS rows, and a page
// that imports this module reaches hashSecret's node:crypto in the client build.
export { MAX_PHOTO_BYTES, MAX_PHOTOS, MAX_PRODUCTS };

const text = (max: number) => z.string().trim().max(max);
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,،\n]/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(80)).max(20));

/**
 * A whole number typed in a form: Urdu or Eastern Arabic-Indic digits count as
 * digits (۳۰ is 30) and thousands separators are ignored; "" stays "" (not yet
 * given). Anything else is refused with `code`, whose text says what to type.
 */
const wholeNumber = (min: number, max: number, code: string) =>
  z.union([z.string(), z.number()]).transform((raw, ctx): number | "" => {
    const v = typeof raw === "number" ? String(raw) : asciiDigits(raw).replace(/[\s,،٬]/g, "");
    if (v === "") return "";
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    ctx.addIssue({ code: "custom", params: { code } });
    return z.NEVER;
  });

// HS codes: a 4-digit heading, then up to three pairs of digits (9506, 950662, 9506.62, 9506.6200).
const hsCode = z
  .string()
  .transform((v) => asciiDigits(v).replace(/\s/g, ""))
  .pipe(z.string().regex(/^(\d{4}(\.?\d{2}){0,3})?$/, "hs_code_format"));
const product = z.object({ name: text(120).default(""), hsCode: hsCode.default("") });

/** A draft may be incomplete; every field is bounded. Products keep their form positions (empty ones included). */
export const applicationDraft = z.object({
  enterpriseName: text(200).default(""),
  address: text(300).default(""),
  district: text(80).default(""),
  womenLed: z.enum(["yes", "no", ""]).default(""),
  womenOwnershipPercent: wholeNumber(0, 100, "percent_0_100").default(""),
  employees: wholeNumber(0, 100000, "employee_count").default(""),
  turnoverBand: z.enum(["micro", "small", "medium", ""]).default(""),
  products: z.array(product).max(MAX_PRODUCTS).default([]),
  certifications: list.default([]),
  exportMarkets: list.default([]),
  goals: text(2000).default(""),
});
export type ApplicationData = z.output<typeof applicationDraft>;

const REQUIRED = ["enterpriseName", "district", "womenLed", "employees", "turnoverBand", "goals"] as const;

/**
 * Checks an application in one pass and reports every problem at once: the
 * format of each field and, on submission, every missing required field, so
 * a nominee never fixes one round of errors only to meet the next.
 */
export function checkApplication(raw: unknown, submit: boolean): ApplicationData {
  const parsed = applicationDraft.safeParse(raw ?? {});
  const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error);
  if (submit) {
    const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === "";
    const need = (path: string) => issues.some((i) => i.path === path) || issues.push({ path, code: "required", params: {} });
    for (const k of REQUIRED) if (blank(r[k])) need(k);
    const products = Array.isArray(r.products) ? (r.products as Record<string, unknown>[]) : [];
    if (!products.some((p) => !blank(p?.name))) need("products.0.name");
    products.forEach((p, i) => {
      if (!blank(p?.name) && blank(p?.hsCode)) need(`products.${i}.hsCode`);
    });
  }
  if (issues.length > 0 || !parsed.success) throw new DomainError("validation_failed", { fields: issues });
  return parsed.data;
}

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

/**
 * The audit of a change the applicant makes through their link: they have no account, so the log
 * names the nomination's holder (by the enterprise's name); the entry belongs to the edition's
 * organiser, whose log shows it.
 */
export async function byApplicant(db: Executor, n: { id: string; editionId: string; enterpriseName: string }) {
  const [edition] = await db.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, n.editionId));
  return { organiserId: edition?.organiserId ?? null, editionId: n.editionId, by: { nominationId: n.id, label: n.enterpriseName } };
}

const tokenInput = z.object({ token: z.string().min(20).max(200) });

export async function getApplication(ctx: Ctx, raw: Input<typeof tokenInput>) {
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
  const given = { enterpriseName: n.enterpriseName, district: n.district ?? "", womenLed: n.womenLed ? "yes" : "no", employees: n.employees, turnoverBand: n.sizeClass };
  const stored = applicationDraft.safeParse({ ...given, ...n.application });
  const data = stored.success ? stored.data : applicationDraft.parse(given);
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

/**
 * Saves a draft, or submits when `submit` is set (then every required field
 * must be there). Until the call closes a submitted application stays
 * submitted and can be updated, always as a whole, checked application (a
 * stale "save draft" is checked like an update, never turns it back into an
 * incomplete draft). The first submission emails a receipt in the language the
 * applicant used, and that language becomes the nomination's (the decision is
 * sent in it).
 */
export async function saveApplication(ctx: Ctx, raw: Input<typeof saveInput>) {
  const { token, submit, data: rawData } = parseInput(saveInput, raw);
  const current = await nominationByLink(ctx.db, token, ctx.clock.now());
  const complete = submit || current.status === "submitted";
  const data = checkApplication(rawData, complete);
  return inTransaction(ctx, async (tx) => {
    const n = await nominationByLink(tx, token, ctx.clock.now(), true);
    const call = await findCall(tx, n.editionId);
    if (!call || ctx.clock.now() > call.closesAt) throw new DomainError("call_closed");
    if (!complete && n.status === "submitted") checkApplication(rawData, true);
    const firstSubmission = n.status !== "submitted" && complete;
    const status = complete || n.status === "submitted" ? "submitted" : "draft";
    const submittedAt = status === "submitted" ? (n.submittedAt ?? ctx.clock.now()) : n.submittedAt;
    const products = data.products.filter((p) => p.name !== "");
    await tx
      .update(nominations)
      .set({ application: { ...data, products }, status, submittedAt, ...(complete ? { locale: ctx.locale } : {}) })
      .where(eq(nominations.id, n.id));
    const action = firstSubmission ? "application.submitted" : status === "submitted" ? "application.updated" : "application.saved";
    await recordAudit(tx, ctx, { action, entityType: "nomination", entityId: n.id, ...(await byApplicant(tx, n)) });
    let emailedTo: string | null = null;
    if (firstSubmission && n.email) {
      const [edition] = await tx.select().from(editions).where(eq(editions.id, n.editionId));
      const [cluster] = await tx.select().from(clusters).where(eq(clusters.id, n.clusterId));
      const [body] = await tx.select().from(tradeBodies).where(eq(tradeBodies.id, n.tradeBodyId));
      const when = (d: Date) => formatDateTime(d, ctx.locale, edition!.timezone);
      await queueEmail(
        tx,
        ctx.clock,
        submittedEmail({
          to: n.email,
          locale: ctx.locale,
          contactName: n.contactName,
          enterpriseName: data.enterpriseName || n.enterpriseName,
          tradeBody: body!,
          edition: edition!,
          cluster: cluster!,
          date: when(submittedAt!),
          closes: when(call.closesAt),
          link: applicationLink(ctx.config.publicUrl, token, ctx.locale),
        }),
      );
      emailedTo = n.email;
    }
    return { id: n.id, status, submittedAt, updated: status === "submitted" && !firstSubmission, emailedTo };
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

export async function addPhoto(ctx: Ctx, raw: Input<typeof photoInput>) {
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
    await recordAudit(tx, ctx, {
      action: "application.photo_added",
      entityType: "nomination",
      entityId: n.id,
      data: { photoId: row!.id, contentType: type, size: bytes.length },
      ...(await byApplicant(tx, n)),
    });
    return { id: row!.id, contentType: type };
  });
}

const getPhotoInput = tokenInput.extend({ photoId: z.uuid() });

/** A photo of the application the link opens (the photo id alone is not enough). */
export async function getPhoto(ctx: Ctx, raw: Input<typeof getPhotoInput>) {
  const { token, photoId } = parseInput(getPhotoInput, raw);
  const n = await nominationByLink(ctx.db, token, ctx.clock.now());
  const [p] = await ctx.db
    .select()
    .from(applicationPhotos)
    .where(and(eq(applicationPhotos.id, photoId), eq(applicationPhotos.nominationId, n.id)));
  if (!p) throw new DomainError("not_found", { params: { what: "photo" } });
  return p;
}
