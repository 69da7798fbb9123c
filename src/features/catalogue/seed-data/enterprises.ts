// Deterministic synthetic exhibitors for the demo edition.
//
// Everything about firms here is INVENTED: names are built from made-up
// syllables plus a trade word ("Works", "Crafts", "Traders", ...), NTNs are
// random numbers with an invented check digit, figures are drawn from the SME
// Policy bands. Only the clusters, HS headings and trade bodies are real facts
// (see showcase.ts).
//
// Determinism: the one seeded PRNG (platform/random.ts, mulberry32) and only integer-exact
// arithmetic in every decision (no Math.log / Math.pow / sort on floats), so
// the same seed gives the same output on every run and platform.

import { seededUint32 } from "../../../platform/random";
import { clusters, smeSizeBands, tradeBodies } from "./showcase";
import type { Province, SeedCluster, SeedEnterprise, SeedProduct, SizeClass } from "./types";
import { profiles, type ClusterProfile } from "./cluster-profiles";
import { cityChamber, countryNames, regionalChamber, womenChambers } from "./enterprise-tables";

// ---------------------------------------------------------------------------
// Public helpers
// ---------------------------------------------------------------------------

/**
 * HS heading used as a placeholder for the products of ICT clusters (clusters
 * whose hsCodes is empty). Software and IT services are services, not goods,
 * and have no HS heading of their own; 8523 ("discs, tapes, solid-state
 * storage ... recorded media", software on media under 8523.49) is the nearest
 * goods heading and keeps every product's hsCode in the NNNN.NNNN shape.
 */
export const ICT_PLACEHOLDER_HEADING = "8523";

/**
 * SME size class from annual turnover (PKR), SME Policy 2021 bands (micro
 * threshold as updated in 2025): micro <= 30M, small <= 150M, medium <= 800M.
 * Throws RangeError for a negative or non-finite turnover and above 800M
 * (not an SME under the policy).
 */
export function sizeClassFor(turnoverPkr: number): SizeClass {
  if (!Number.isFinite(turnoverPkr) || turnoverPkr < 0) {
    throw new RangeError(`turnover must be a non-negative finite number, got ${turnoverPkr}`);
  }
  if (turnoverPkr <= smeSizeBands.micro.annualTurnoverMax) return "micro";
  if (turnoverPkr <= smeSizeBands.small.annualTurnoverMax) return "small";
  if (turnoverPkr <= smeSizeBands.medium.annualTurnoverMax) return "medium";
  throw new RangeError(`turnover ${turnoverPkr} PKR is above the SME ceiling of ${smeSizeBands.medium.annualTurnoverMax}`);
}

/**
 * Check digit of the synthetic NTNs (7 digits + check digit, written
 * NNNNNNN-N). This is an invented weighted mod-11 scheme, NOT the FBR's: the
 * generator only emits bases whose check value is 0-9.
 */
export function ntnCheckDigit(base7: string): number | null {
  if (!/^\d{7}$/.test(base7)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(base7[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}


// ---------------------------------------------------------------------------
// Random helpers (integer-exact)
// ---------------------------------------------------------------------------

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededUint32(seed);
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    const span = max - min + 1;
    // next() < 2^32 and span < 2^21, so the product is exact in a double.
    return min + Math.floor((this.next() * span) / 4294967296);
  }
  /** true with probability percent/100 */
  chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** index drawn with integer weights (at least one positive) */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((s, w) => s + w, 0);
    if (total <= 0) throw new Error("weightedIndex needs a positive weight");
    let r = this.int(0, total - 1);
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (r < w) return i;
      r -= w;
    }
    return weights.length - 1;
  }
  /** k distinct indexes of 0..weights.length-1, weighted, without replacement */
  weightedSample(weights: readonly number[], k: number): Set<number> {
    const left = [...weights];
    const chosen = new Set<number>();
    while (chosen.size < k) {
      const i = this.weightedIndex(left);
      chosen.add(i);
      left[i] = 0;
    }
    return chosen;
  }
  /** k distinct items in random order */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const [item] = pool.splice(this.int(0, pool.length - 1), 1);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Invented names
// ---------------------------------------------------------------------------

// First syllables (closed): [English, Urdu]
const heads: Array<[string, string]> = [
  ["Zem", "زیم"], ["Kor", "کور"], ["Bel", "بیل"], ["Qir", "قیر"], ["Mes", "میس"], ["Rok", "روک"],
  ["Fen", "فین"], ["Nol", "نول"], ["Pash", "پاش"], ["Jor", "جور"], ["Gom", "گوم"], ["Lir", "لیر"],
  ["Khem", "خیم"], ["Tor", "تور"], ["Zub", "زوب"], ["Qosh", "قوش"], ["Dez", "دیز"], ["Yul", "یول"],
];

// Following syllables: consonant [English, Urdu] + vowel
const onsets: Array<[string, string]> = [
  ["v", "و"], ["r", "ر"], ["l", "ل"], ["n", "ن"], ["d", "د"], ["t", "ت"],
  ["m", "م"], ["z", "ز"], ["k", "ک"], ["b", "ب"], ["sh", "ش"], ["q", "ق"],
];
// vowel: English, Urdu inside a word, Urdu at the end of a word
const vowels: Array<[string, string, string]> = [
  ["a", "ا", "ا"], ["e", "ی", "ے"], ["i", "ی", "ی"], ["o", "و", "و"],
];

// Fragments that would make an invented stem read as a real word ("Mestizo", "Zublime").
const deniedFragments = ["tizo", "lime", "shine", "tone", "tile", "vale", "dona", "rama", "kobe"];

function inventStem(rng: Rng): { en: string; ur: string } {
  for (;;) {
    const stem = inventStemOnce(rng);
    const lower = stem.en.toLowerCase();
    if (!deniedFragments.some((f) => lower.includes(f))) return stem;
  }
}

function inventStemOnce(rng: Rng): { en: string; ur: string } {
  const [headEn, headUr] = rng.pick(heads);
  let en = headEn;
  let ur = headUr;
  // always three syllables: long enough to read as invented, not as a real name or brand
  const syllables = 2;
  for (let s = 0; s < syllables; s++) {
    const last = s === syllables - 1;
    let onset = rng.pick(onsets);
    let vowel = rng.pick(vowels);
    // avoid doubled letters such as "Pashsha" or Urdu "وو", and repeated syllables such as "mama"
    while (en.endsWith(onset[0]) || en.endsWith(onset[0] + vowel[0]) || (onset[0] === "v" && vowel[0] === "o")) {
      onset = rng.pick(onsets);
      vowel = rng.pick(vowels);
    }
    en += onset[0] + vowel[0];
    ur += onset[1] + (last ? vowel[2] : vowel[1]);
  }
  return { en, ur };
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function listEn(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

const TOTAL_MICRO_SHARE_PERCENT = 40; // 35-45% wanted
const TOTAL_MEDIUM_SHARE_PERCENT = 18;
const TOTAL_WOMEN_LED_SHARE_PERCENT = 35; // 30-40% wanted

function profileFor(cluster: SeedCluster): ClusterProfile {
  const p = profiles[cluster.slug];
  if (!p) throw new Error(`no demo profile for cluster ${cluster.slug}`);
  return p;
}

/** PKR rounded to 10,000, skewed towards the lower part of the band (u*u), integer-exact. */
function turnoverIn(rng: Rng, min: number, max: number): number {
  const steps = Math.floor((max - min) / 10_000);
  const a = rng.int(0, 1000);
  const b = rng.int(0, 1000);
  return min + Math.floor((steps * a * b) / 1_000_000) * 10_000;
}

/**
 * About 170 deterministic synthetic enterprises (exactly 170 with the built-in
 * profiles) spread over all 36 clusters. Same seed, same output.
 */
export function generateDemoEnterprises(seed = 2026): SeedEnterprise[] {
  const rng = new Rng(seed);

  // 1. one slot per demo exhibitor, cluster by cluster
  const slots: SeedCluster[] = [];
  for (const c of clusters) {
    const p = profileFor(c);
    for (let i = 0; i < p.count; i++) slots.push(c);
  }
  const n = slots.length;

  // 2. size classes and women-led, drawn as exact totals with cluster leanings
  const microCount = Math.round((n * TOTAL_MICRO_SHARE_PERCENT) / 100);
  const mediumCount = Math.round((n * TOTAL_MEDIUM_SHARE_PERCENT) / 100);
  const womenCount = Math.round((n * TOTAL_WOMEN_LED_SHARE_PERCENT) / 100);
  const micro = rng.weightedSample(slots.map((c) => profileFor(c).microW), microCount);
  const medium = rng.weightedSample(
    slots.map((c, i) => (micro.has(i) ? 0 : profileFor(c).mediumW)),
    mediumCount,
  );
  // women-led firms lean micro: double weight for micro slots
  const womenLed = rng.weightedSample(
    slots.map((c, i) => profileFor(c).womenW * (micro.has(i) ? 2 : 1)),
    womenCount,
  );

  const initialQuota = new Map(tradeBodies.map((b) => [b.slug, b.nominationQuota]));
  const bodyQuota = new Map(initialQuota);
  const usedStems = new Set<string>();
  const usedNames = new Set<string>();
  const usedNtns = new Set<string>();
  const out: SeedEnterprise[] = [];
  const candidateBodies: string[][] = [];

  slots.forEach((cluster, i) => {
    const p = profileFor(cluster);
    const sizeClass: SizeClass = micro.has(i) ? "micro" : medium.has(i) ? "medium" : "small";
    const isWomenLed = womenLed.has(i);

    // figures inside the SME Policy / SBP bands
    let annualTurnoverPkr: number;
    let employees: number;
    let foundedYear: number;
    if (sizeClass === "micro") {
      annualTurnoverPkr = turnoverIn(rng, 1_500_000, 29_900_000);
      employees = rng.int(2, 10);
      foundedYear = rng.int(1995, 2023);
    } else if (sizeClass === "small") {
      annualTurnoverPkr = turnoverIn(rng, 31_000_000, 149_900_000);
      employees = rng.int(11, 50);
      foundedYear = rng.int(1980, 2020);
    } else {
      annualTurnoverPkr = turnoverIn(rng, 155_000_000, 790_000_000);
      employees = rng.int(55, 240);
      foundedYear = rng.int(1962, 2015);
    }

    // invented name, unique
    const suffixes = sizeClass === "medium" ? p.suffixes.filter((s) => !s.trading) : p.suffixes;
    let stem = inventStem(rng);
    let suffix = rng.pick(suffixes);
    while (usedStems.has(stem.en) || usedNames.has(`${stem.en} ${suffix.en}`)) {
      stem = inventStem(rng);
      suffix = rng.pick(suffixes);
    }
    usedStems.add(stem.en);
    const nameEn = `${stem.en} ${suffix.en}`;
    const nameUr = `${stem.ur} ${suffix.ur}`;
    usedNames.add(nameEn);

    // synthetic NTN, unique, with the invented check digit
    let ntn: string;
    for (;;) {
      const base = String(rng.int(1_000_000, 9_999_999));
      const check = ntnCheckDigit(base);
      if (check === null) continue;
      ntn = `${base}-${check}`;
      if (!usedNtns.has(ntn)) break;
    }
    usedNtns.add(ntn);

    // products: 1-2 for micro, 1-3 for small, 2-3 for medium
    const productCount =
      sizeClass === "micro" ? rng.int(1, 2) : sizeClass === "small" ? rng.int(1, 3) : rng.int(2, 3);
    const products: SeedProduct[] = rng.sample(p.products, productCount).map((t) => ({
      nameEn: t.en,
      nameUr: t.ur,
      hsCode: t.hs,
      descriptionEn: t.desc,
    }));

    // certifications: less likely for micro, more for medium
    const certifications = p.certs
      .filter(([, percent]) => {
        const scaled = sizeClass === "micro" ? Math.floor((percent * 2) / 5) : sizeClass === "medium" ? Math.min(95, Math.floor((percent * 3) / 2)) : percent;
        return rng.chance(scaled);
      })
      .map(([name]) => name);

    // export markets
    const marketCount =
      sizeClass === "micro" ? (rng.chance(35) ? 1 : 0) : sizeClass === "small" ? rng.int(0, 3) : rng.int(2, 5);
    const exportMarkets = rng.sample(p.markets, marketCount);

    // nominating body: women's chamber (often, for women-led), own or regional chamber, sector association, apex
    const candidates: Array<[string, number]> = [];
    const women = isWomenLed ? (womenChambers[cluster.district] ?? []) : [];
    for (const w of women) candidates.push([w, Math.floor(8 / women.length)]);
    const own = cityChamber[cluster.district];
    if (own) candidates.push([own, 4]);
    const regional = regionalChamber[cluster.district];
    if (regional) candidates.push([regional, 2]);
    for (const a of p.associations) candidates.push([a, Math.floor(5 / p.associations.length)]);
    // the apex federation nominates where there is no chamber of the firm's own city
    if (!own) candidates.push(["fpcci", 1]);
    // spread nominations: a body that has nominated nobody yet counts three times
    let open = candidates
      .filter(([slug]) => (bodyQuota.get(slug) ?? 0) > 0)
      .map(([slug, w]): [string, number] => [slug, bodyQuota.get(slug) === initialQuota.get(slug) ? w * 3 : w]);
    if (open.length === 0) open = tradeBodies.filter((b) => b.kind === "chamber" && (bodyQuota.get(b.slug) ?? 0) > 0).map((b) => [b.slug, 1]);
    const chosen = open[rng.weightedIndex(open.map(([, w]) => w))];
    if (!chosen) throw new Error("every trade body quota is used up");
    const nominatedBy = chosen[0];
    candidateBodies.push(candidates.map(([slug]) => slug));
    bodyQuota.set(nominatedBy, (bodyQuota.get(nominatedBy) ?? 0) - 1);

    const province: Province = cluster.province;
    const markets = exportMarkets.map((m) => countryNames[m] ?? m);
    const descriptionEn =
      `${nameEn} is a ${sizeClass}${isWomenLed ? ", women-led" : ""} ${p.kindEn} in ${cluster.district}, ${province}, ` +
      `part of the ${cluster.nameEn} cluster. Founded in ${foundedYear}, it employs ${employees} people` +
      (markets.length > 0 ? ` and exports to ${listEn(markets)}.` : " and sells mainly in Pakistan.");

    out.push({
      slug: slugify(nameEn),
      nameEn,
      nameUr,
      ntn,
      sizeClass,
      womenLed: isWomenLed,
      employees,
      annualTurnoverPkr,
      clusterSlug: cluster.slug,
      district: cluster.district,
      province,
      foundedYear,
      certifications,
      exportMarkets,
      descriptionEn,
      products,
      nominatedBy,
    });
  });

  // 3. every trade body nominates someone where it can: move one firm that could
  //    have been nominated by an idle body from a body that has several
  const nominees = new Map<string, number>();
  for (const e of out) nominees.set(e.nominatedBy, (nominees.get(e.nominatedBy) ?? 0) + 1);
  for (const body of tradeBodies) {
    if ((nominees.get(body.slug) ?? 0) > 0) continue;
    const movable = out
      .map((e, i) => i)
      .filter((i) => {
        const e = out[i];
        return e !== undefined && (candidateBodies[i] ?? []).includes(body.slug) && (nominees.get(e.nominatedBy) ?? 0) > 1;
      });
    if (movable.length === 0) continue;
    const e = out[rng.pick(movable)];
    if (!e) continue;
    nominees.set(e.nominatedBy, (nominees.get(e.nominatedBy) ?? 0) - 1);
    nominees.set(body.slug, 1);
    e.nominatedBy = body.slug;
  }

  return out;
}
