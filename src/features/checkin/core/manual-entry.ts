import { z } from "zod";
import { BADGE_VERSION, type DecodedBadge, type VerifyResult } from "./badge-format";
import { parseShortCode } from "./short-code";

// Short codes offline: what the gate bundle carries so a phone without network can find a badge
// by the short code printed on it (core/short-code.ts) and decide with the same decideScan.
// Numbers and what the badges grant, never names: per current badge its registration number and
// serial, grouped by the grants they share ("profiles": category, days, zones, validity), the
// numbers as base-36 gaps. Ten thousand badges come to about 20–30 kB.

const u8 = z.number().int().min(0).max(0xff);
const u16 = z.number().int().min(0).max(0xffff);

export const manualListSchema = z
  .object({
    /** The edition's year: the first part of its short codes. */
    year: z.number().int().min(1000).max(9999),
    profiles: z.array(
      z
        .object({
          /** category, days mask, zones mask, valid from, valid to (as signed in the badges). */
          grants: z.tuple([u8, u16, u16, u16, u16]),
          /** Ascending registration numbers as base-36 gaps, comma-separated. */
          numbers: z.string().regex(/^[0-9a-z,]*$/),
        })
        .strict(),
    ),
    /** Serials other than 0 (reprinted badges), by registration number. */
    serials: z.record(z.string().regex(/^[0-9]{1,10}$/), z.number().int().min(1).max(255)),
  })
  .strict();
export type ManualList = z.infer<typeof manualListSchema>;

export interface ManualBadge {
  registrationNo: number;
  serial: number;
  category: number;
  days: number;
  zones: number;
  validFrom: number;
  validTo: number;
}

/** Pack the current badges of an edition for the bundle. */
export function packManualList(year: number, list: readonly ManualBadge[]): ManualList {
  const groups = new Map<string, { grants: [number, number, number, number, number]; numbers: number[] }>();
  const serials: Record<string, number> = {};
  for (const b of list) {
    const grants: [number, number, number, number, number] = [b.category, b.days, b.zones, b.validFrom, b.validTo];
    const key = grants.join(":");
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { grants, numbers: [] }));
    g.numbers.push(b.registrationNo);
    if (b.serial !== 0) serials[String(b.registrationNo)] = b.serial;
  }
  const profiles = [...groups.values()].map((g) => {
    const sorted = [...new Set(g.numbers)].sort((a, b) => a - b);
    let prev = 0;
    const gaps = sorted.map((n) => {
      const gap = n - prev;
      prev = n;
      return gap.toString(36);
    });
    return { grants: g.grants, numbers: gaps.join(",") };
  });
  return { year, profiles, serials };
}

/** Unpack into a lookup by registration number. */
export function unpackManualList(list: ManualList): Map<number, ManualBadge> {
  const out = new Map<number, ManualBadge>();
  for (const p of list.profiles) {
    const [category, days, zones, validFrom, validTo] = p.grants;
    let n = 0;
    for (const gap of p.numbers ? p.numbers.split(",") : []) {
      n += parseInt(gap, 36);
      out.set(n, { registrationNo: n, serial: list.serials[String(n)] ?? 0, category, days, zones, validFrom, validTo });
    }
  }
  return out;
}

export type ManualLookup =
  | { ok: true; registrationNo: number; code: string; verification: Extract<VerifyResult, { ok: true }> }
  | { ok: false; reason: "not_code" | "bad_check" | "other_edition" | "unknown" };

/** Find a typed short code among the bundle's badges: the badge as decideScan takes it (its
 *  claims as the server signed them), or why not. `edition` is the bundle's short edition id. */
export function lookupShortCode(text: string, list: ManualList, byNumber: ReadonlyMap<number, ManualBadge>, edition: number): ManualLookup {
  const parsed = parseShortCode(text, list.year);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (parsed.year !== list.year) return { ok: false, reason: "other_edition" };
  const b = byNumber.get(parsed.registrationNo);
  if (!b) return { ok: false, reason: "unknown" };
  const payload: DecodedBadge = { version: BADGE_VERSION, keyId: 0, edition, ...b };
  return { ok: true, registrationNo: b.registrationNo, code: parsed.code, verification: { ok: true, payload } };
}
