import { z } from "zod";
import { PreferenceRule } from "./engine/call-rules";
import type { CallCriterion } from "./tables";

/** Limits of the nominee's application form (operations/application.ts enforces them). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS = 6;
export const MAX_PRODUCTS = 5;

const id = z.uuid();
const guidance = z.array(z.string().trim().min(1).max(300)).length(5);

export const criterionInput = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{1,30}$/),
  weight: z.coerce.number().positive().max(10),
  nameEn: z.string().trim().min(1).max(80),
  nameUr: z.string().trim().min(1).max(80),
  guidanceEn: guidance,
  guidanceUr: guidance,
});

export const saveCallInput = z
  .object({
    editionId: id,
    opensAt: z.coerce.date(),
    closesAt: z.coerce.date(),
    criteria: z.array(criterionInput).min(1).max(8),
    clusterTargets: z.array(z.object({ clusterId: id, places: z.coerce.number().int().min(0).max(1000) })).default([]),
    sectorTargets: z.array(z.object({ sectorId: id, places: z.coerce.number().int().min(0).max(10000) })).default([]),
    totalStalls: z.coerce.number().int().min(0).max(10000),
    quotas: z.array(z.object({ tradeBodyId: id, quota: z.coerce.number().int().min(0).max(10000) })).default([]),
    rule: PreferenceRule,
    reviewsPerApplication: z.coerce.number().int().min(1).max(7).default(3),
    appealDays: z.coerce.number().int().min(1).max(60).default(14),
  })
  .superRefine((v, ctx) => {
    if (v.closesAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], params: { code: "closes_before_opens" } });
    const sectorIds = new Set<string>();
    v.sectorTargets.forEach((s, i) => {
      if (sectorIds.has(s.sectorId)) ctx.addIssue({ code: "custom", path: ["sectorTargets", i, "sectorId"], params: { code: "duplicate_id" } });
      sectorIds.add(s.sectorId);
    });
    const ids = new Set<string>();
    v.criteria.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], params: { code: "duplicate_id" } });
      ids.add(c.id);
    });
  });
export type SaveCallInput = z.input<typeof saveCallInput>;

/** The published default: three criteria of equal weight, each with 1–5 guidance in both languages. */
export const defaultCriteria: CallCriterion[] = [
  {
    id: "quality",
    weight: 1,
    nameEn: "Quality",
    nameUr: "معیار",
    guidanceEn: [
      "Frequent defects; no quality control.",
      "Acceptable for the local market; informal checks.",
      "Consistent quality with basic written checks.",
      "High, documented quality; few returns.",
      "Export-grade quality, certified and traceable.",
    ],
    guidanceUr: [
      "اکثر نقائص؛ معیار کی کوئی جانچ نہیں۔",
      "مقامی منڈی کے لیے قابلِ قبول؛ غیر رسمی جانچ۔",
      "یکساں معیار اور بنیادی تحریری جانچ۔",
      "اعلیٰ اور دستاویزی معیار؛ بہت کم واپسی۔",
      "برآمدی درجے کا معیار، سند یافتہ اور قابلِ سراغ۔",
    ],
  },
  {
    id: "innovation",
    weight: 1,
    nameEn: "Innovation",
    nameUr: "جدت",
    guidanceEn: [
      "Copies existing products without change.",
      "Small changes to common designs.",
      "Some original designs or processes.",
      "Clearly new products or methods for the cluster.",
      "A new product, process or market the cluster has not seen.",
    ],
    guidanceUr: [
      "موجودہ مصنوعات کی بغیر تبدیلی نقل۔",
      "عام ڈیزائنوں میں معمولی تبدیلیاں۔",
      "کچھ اپنے ڈیزائن یا طریقے۔",
      "کلسٹر کے لیے واضح طور پر نئی مصنوعات یا طریقے۔",
      "ایسی نئی مصنوعات، طریقہ یا منڈی جو کلسٹر میں پہلے نہیں تھی۔",
    ],
  },
  {
    id: "market_readiness",
    weight: 1,
    nameEn: "Market readiness",
    nameUr: "منڈی کے لیے تیاری",
    guidanceEn: [
      "Cannot take orders yet.",
      "Small local orders only.",
      "Regular domestic buyers; can quote prices and lead times.",
      "Ready for large or export orders; catalogue and samples.",
      "Already exporting with reliable delivery.",
    ],
    guidanceUr: [
      "ابھی آرڈر نہیں لے سکتے۔",
      "صرف چھوٹے مقامی آرڈر۔",
      "باقاعدہ ملکی خریدار؛ قیمت اور ترسیل کا وقت بتا سکتے ہیں۔",
      "بڑے یا برآمدی آرڈرز کے لیے تیار؛ کیٹلاگ اور نمونے موجود۔",
      "پہلے سے برآمد کر رہے ہیں اور ترسیل قابلِ اعتماد ہے۔",
    ],
  },
];
