import { z } from "zod";
import { EDITION_MAX_DAYS, editionDayCount } from "./days";

const isoDate = z.iso.date();
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .min(2)
  .max(60);
const name = z.string().trim().min(1).max(200);
/** Urdu names must actually be in Arabic script, not a copy of the English. */
const urduName = name.refine((v) => /[\u0600-\u06FF]/.test(v), { params: { code: "urdu_script" } });
const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { params: { code: "invalid_timezone" } },
);
export const provinces = [
  "Punjab",
  "Sindh",
  "Khyber Pakhtunkhwa",
  "Balochistan",
  "Gilgit-Baltistan",
  "Islamabad Capital Territory",
  "Azad Jammu and Kashmir",
] as const;

export const fields = { isoDate, slug, name, urduName, timezone };

export const updateEditionInput = z
  .object({
    editionId: z.uuid(),
    nameEn: name,
    nameUr: urduName,
    taglineEn: z.string().trim().max(300).default(""),
    taglineUr: z.string().trim().max(300).default(""),
    startsOn: isoDate,
    endsOn: isoDate,
    timezone,
    status: z.enum(["draft", "published", "archived"]),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], params: { code: "ends_before_start" } })
  // A badge carries at most EDITION_MAX_DAYS days (editions/days.ts); the database checks it too.
  .refine((v) => v.endsOn < v.startsOn || editionDayCount(v) <= EDITION_MAX_DAYS, {
    path: ["endsOn"],
    params: { code: "edition_too_long", max: EDITION_MAX_DAYS },
  });

/** The API's PATCH: only the fields given change; the merged edition passes updateEditionInput. */
export const patchEditionInput = z.object({
  editionId: z.uuid(),
  nameEn: name.optional(),
  nameUr: urduName.optional(),
  taglineEn: z.string().trim().max(300).optional(),
  taglineUr: z.string().trim().max(300).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  timezone: timezone.optional(),
  status: z.enum(["draft", "published", "archived"]).optional(),
});

export const copyEditionInput = z.object({
  editionId: z.uuid(),
  slug,
  year: z.coerce.number().int().min(2000).max(2100),
  startsOn: isoDate,
});

export const sectorInput = z.object({ editionId: z.uuid(), code: slug, nameEn: name, nameUr: urduName });

const hsCodes = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,،]+/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().regex(/^\d{4}$/, { error: "invalid_hs_code" })).max(20),
);

export const clusterInput = z.object({
  editionId: z.uuid(),
  slug,
  sectorId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable()),
  nameEn: name,
  nameUr: urduName,
  district: z.string().trim().min(1).max(80),
  province: z.enum(provinces),
  hsCodes,
});
export const updateClusterInput = clusterInput.omit({ editionId: true }).extend({ clusterId: z.uuid() });

export const tradeBodyInput = z.object({
  editionId: z.uuid(),
  slug,
  kind: z.enum(["chamber", "women_chamber", "association"]),
  nameEn: name,
  nameUr: urduName,
  city: z.string().trim().max(80).optional(),
  province: z.preprocess((v) => (v === "" ? undefined : v), z.enum(provinces).optional()),
  nominationQuota: z.coerce.number().int().min(0).max(1000).default(10),
});
