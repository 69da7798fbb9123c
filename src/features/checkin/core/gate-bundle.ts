import { z } from "zod";
import { badgeKey, type ScanInput } from "./decide";
import { manualListSchema } from "./manual-entry";

// What a scanner page downloads to decide on its own when the network drops: the edition's
// public keys, its days, the gates, and the revocation list. Small by design (numbers, not
// names): ten thousand revocations are ~100 kB of JSON.

export const gateBundleSchema = z
  .object({
    edition: z.number().int().min(0).max(0xffff),
    /** First day of the edition (ISO date) and its time zone: a scan's day index is the local date's offset from it. */
    startsOn: z.iso.date(),
    days: z.number().int().min(1).max(16),
    timezone: z.string().min(1),
    publicKeys: z.record(z.string().regex(/^[0-9]{1,3}$/), z.string().regex(/^[A-Za-z0-9_-]{43}$/)),
    gates: z.array(z.object({ id: z.string().min(1), zone: z.number().int().min(0).max(15).nullable(), reentryAllowed: z.boolean() }).strict()),
    revokedRegistrations: z.array(z.number().int().min(1)),
    revokedBadges: z.array(z.tuple([z.number().int().min(1), z.number().int().min(0).max(255)])),
    replacedBadges: z.array(z.tuple([z.number().int().min(1), z.number().int().min(0).max(255)])),
    /** Zone rules, so an offline gate decides by the current zone mask, not the one signed at
     *  printing: [category badge index, zone mask] and [registration number, mask of its own grants].
     *  Absent (a bundle from before zone rules): the signed mask decides. */
    categoryZones: z.array(z.tuple([z.number().int().min(0).max(255), z.number().int().min(0).max(0xffff)])).optional(),
    zoneGrants: z.array(z.tuple([z.number().int().min(1), z.number().int().min(0).max(0xffff)])).optional(),
    /** A door rehearsal: on this local date, scan as edition day `dayIndex` (absent or null: none). */
    rehearsal: z.object({ onDate: z.iso.date(), dayIndex: z.number().int().min(0).max(15) }).strict().nullable().optional(),
    /** Current badges by number, to find one by its short code offline (core/manual-entry.ts). */
    manual: manualListSchema.optional(),
    /** When the server built it, so the page can show how stale its lists are. */
    generatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type GateBundle = z.infer<typeof gateBundleSchema>;

/** The revocation and replacement lists as the sets decideScan takes. */
export function bundleSets(bundle: GateBundle): Pick<ScanInput, "revocations" | "replaced"> {
  return {
    revocations: { registrations: new Set(bundle.revokedRegistrations), badges: new Set(bundle.revokedBadges.map(([r, s]) => badgeKey(r, s))) },
    replaced: new Set(bundle.replacedBadges.map(([r, s]) => badgeKey(r, s))),
  };
}

/** The badge holder's current zone mask by the bundle's rules (its category's zones ∪ its own
 *  grants), or undefined when the bundle carries no rules (then the signed mask decides). */
export function bundleZoneMask(bundle: Pick<GateBundle, "categoryZones" | "zoneGrants">, badge: { category: number; registrationNo: number }): number | undefined {
  if (!bundle.categoryZones) return undefined;
  let mask = 0;
  for (const [index, m] of bundle.categoryZones) if (index === badge.category) mask |= m;
  for (const [no, m] of bundle.zoneGrants ?? []) if (no === badge.registrationNo) mask |= m;
  return mask;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) of `at` in `timezone` (a formatter per zone: making one is costly). */
export function localDate(at: Date, timezone: string): string {
  // en-CA formats as YYYY-MM-DD; formatToParts avoids depending on that.
  let f = dateFormatters.get(timezone);
  if (!f) dateFormatters.set(timezone, (f = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" })));
  const parts = f.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export type Rehearsal = { onDate: string; dayIndex: number } | null | undefined;

/** "Today" for decideScan: the edition day index (may be negative or past the last day) and the
 *  day number compared with a badge's validity dates, both from the local date at the venue, so a
 *  scan at 00:30 in Lahore counts for that Lahore day whatever the phone's own zone. On the date of
 *  a door rehearsal it is the rehearsed edition day instead, marked `rehearsal`. */
export function scanDay(at: Date, edition: Pick<GateBundle, "startsOn" | "timezone"> & { rehearsal?: Rehearsal }): ScanInput["today"] {
  const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  const local = localDate(at, edition.timezone);
  const r = edition.rehearsal;
  if (r && r.onDate === local) return { dayIndex: r.dayIndex, epochDay: day(edition.startsOn) + r.dayIndex, rehearsal: true };
  const epochDay = day(local);
  return { dayIndex: epochDay - day(edition.startsOn), epochDay };
}
