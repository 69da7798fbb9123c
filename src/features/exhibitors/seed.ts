import { crc32, deflateSync } from "node:zlib";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { placeNamesUr } from "#features/catalogue";
import { enterprises, products } from "#features/editions";
import { clusters, editions } from "#features/editions";
import { exhibitorDeadlines, exhibitorFiles, exhibitorProducts, exhibitorProfiles, type PowerNeed } from "./tables";
import { editionExhibitorIds } from "./operations/exhibitors-of";
import { endOfLocalDay } from "../../platform/zone";

// The demo's exhibitor profiles (issue #12, item 5–6): every exhibitor of the 2026 show gets a
// published public profile built from the registry (fictional firms): descriptions in English and
// Urdu, fascia names in both scripts, contact, products with HS codes, a logo and a photo (small
// generated PNGs), power needs and samples; about one in eight left with an item undone, so the
// organiser's checklist has late ones. Deterministic (seeded); idempotent (a profile that exists
// is left as it is). Next year's edition is left open: its exhibitors are not chosen yet.

const SIZE_UR = { micro: "ایک مائیکرو ادارہ", small: "ایک چھوٹا ادارہ", medium: "ایک درمیانے درجے کا ادارہ" } as const;
const SAMPLES_EN = ["A full range of samples on the stand", "Two sets of each product line", "Ten sample pieces for buyers", "Catalogue pieces and swatches"];

/** A small solid-colour PNG (w×h), for the demo's logos and photos. */
export function solidPng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

export async function seedExhibitorsDemo(tx: Executor, editionId: string): Promise<{ created: number }> {
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId));
  if (!edition) return { created: 0 };
  // The organiser's checklist deadlines: a month and two before the show.
  const before = (days: number) => new Date(Date.parse(`${edition.startsOn}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  await tx
    .insert(exhibitorDeadlines)
    .values([
      { editionId, item: "fascia" as const, dueAt: endOfLocalDay(before(30), edition.timezone) },
      { editionId, item: "documents" as const, dueAt: endOfLocalDay(before(30), edition.timezone) },
      { editionId, item: "power" as const, dueAt: endOfLocalDay(before(21), edition.timezone) },
      { editionId, item: "samples" as const, dueAt: endOfLocalDay(before(14), edition.timezone) },
    ])
    .onConflictDoNothing();
  const ids = await editionExhibitorIds(tx, editionId);
  if (!ids.length) return { created: 0 };
  const firms = await tx.select().from(enterprises).where(inArray(enterprises.id, ids)).orderBy(asc(enterprises.slug));
  const items = await tx.select().from(products).where(inArray(products.enterpriseId, ids)).orderBy(asc(products.sort), asc(products.nameEn));
  const clusterRows = await tx.select().from(clusters).where(eq(clusters.editionId, editionId));
  const clusterBySlug = new Map(clusterRows.map((c) => [c.slug, c]));
  const random = seededRandom(2026_12);
  // Stall needs from their own stream, so the rest of the demo's draws stay as they were: one in
  // nine runs machines on three-phase power, one in fifty needs step-free access, one in ten
  // would like a corner, one women-led micro enterprise in six prefers its cluster's pavilion.
  const needs = seededRandom(2026_1207);
  let created = 0;
  for (const [i, e] of firms.entries()) {
    const r = () => random();
    const own = items.filter((p) => p.enterpriseId === e.id);
    const c = e.clusterSlug ? clusterBySlug.get(e.clusterSlug) : undefined;
    const districtUr = (e.district && placeNamesUr[e.district]) || e.district || "";
    const productUr = [...new Set(own.map((p) => p.nameUr).filter(Boolean))].slice(0, 2);
    const descriptionUr = [
      `${e.nameUr ?? e.nameEn} ${districtUr} کا ${SIZE_UR[e.sizeClass].replace("ایک ", "")} ہے${c ? ` جو ${c.nameUr} کلسٹر کا حصہ ہے` : ""}۔`,
      productUr.length ? `یہ ${productUr.join(" اور ")} تیار کرتا ہے۔` : "",
      e.womenLed ? "اس ادارے کی قیادت ایک خاتون کاروباری کرتی ہیں۔" : "",
      e.exportMarkets.length ? "اس کی مصنوعات بیرونِ ملک بھی جاتی ہیں۔" : "اس کی مصنوعات زیادہ تر پاکستان میں فروخت ہوتی ہیں۔",
    ]
      .filter(Boolean)
      .join(" ");
    // About one in eight has an item undone: no Urdu fascia, no power stated, or no samples.
    const gap = r() < 0.125 ? Math.floor(r() * 3) : -1;
    const drawn: PowerNeed = (["none", "single_phase", "single_phase", "three_phase"] as const)[Math.floor(r() * 4)]!;
    const power: PowerNeed = needs() < 1 / 9 ? "three_phase" : drawn === "three_phase" ? "single_phase" : drawn;
    const stepFree = needs() < 1 / 50;
    const wantsCorner = needs() < 1 / 10;
    const womenEnclave = e.womenLed && e.sizeClass === "micro" && needs() < 1 / 6 ? false : null;
    const phone = `+923${String(Math.floor(r() * 1e9)).padStart(9, "0")}`;
    const withSite = r() < 0.6;
    const [profile] = await tx
      .insert(exhibitorProfiles)
      .values({
        editionId,
        enterpriseId: e.id,
        descriptionEn: e.descriptionEn,
        descriptionUr,
        certifications: e.certifications,
        email: `info@${e.slug}.example.com`,
        phone,
        website: withSite ? `https://${e.slug}.example.com` : null,
        fasciaEn: e.nameEn.toUpperCase(),
        fasciaUr: gap === 0 ? null : (e.nameUr ?? null),
        powerNeed: gap === 1 ? null : power,
        stepFree,
        wantsCorner,
        womenEnclave,
        samples: gap === 2 ? null : SAMPLES_EN[Math.floor(r() * SAMPLES_EN.length)]!,
        published: true,
        updatedAt: new Date(Date.parse(`${edition.startsOn}T00:00:00Z`) - (20 + Math.floor(r() * 40)) * 86_400_000),
      })
      .onConflictDoNothing()
      .returning({ id: exhibitorProfiles.id });
    if (!profile) continue;
    created++;
    if (own.length)
      await tx.insert(exhibitorProducts).values(
        own.slice(0, 8).map((p, k) => ({
          profileId: profile.id,
          nameEn: p.nameEn,
          nameUr: p.nameUr ?? "",
          hsCode: p.hsCode.replace(/[^0-9]/g, "").slice(0, 8),
          descriptionEn: p.descriptionEn,
          descriptionUr: p.nameUr ? `${c ? c.nameUr : districtUr} میں تیار کردہ ${p.nameUr}، برآمدی معیار کے مطابق۔` : "",
          sort: k,
        })),
      );
    const colour = (): [number, number, number] => [Math.floor(r() * 200), Math.floor(r() * 200), Math.floor(r() * 200)];
    const logo = solidPng(8, 8, colour());
    const photo = solidPng(16, 12, colour());
    await tx.insert(exhibitorFiles).values([
      { profileId: profile.id, kind: "logo" as const, contentType: "image/png", bytes: logo, size: logo.length },
      ...(i % 9 === 4 ? [] : [{ profileId: profile.id, kind: "photo" as const, contentType: "image/png", bytes: photo, size: photo.length }]),
    ]);
  }
  return { created };
}
