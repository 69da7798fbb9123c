/**
 * Seeded synthetic editions for the benchmark and property tests: sectors,
 * clusters, HS codes, English and Urdu descriptions, certifications, export
 * markets, skewed buyer popularity. Same seed, same edition.
 */
import { seededRandom } from "../../../platform/random";
import type { ParticipantInput, RecommendInput } from "./schema";

const rng = seededRandom;

const SECTORS: Record<string, { chapters: string[]; words: string[] }> = {
  "Surgical & medical": {
    chapters: ["9018", "9019", "9021"],
    words: ["surgical", "instruments", "forceps", "scissors", "stainless", "dental", "sterilised", "جراحی", "آلات"],
  },
  Textiles: {
    chapters: ["5208", "5209", "6302"],
    words: ["cotton", "fabric", "towels", "bedsheets", "weaving", "dyed", "denim", "کپڑا", "تولیہ"],
  },
  Leather: {
    chapters: ["4203", "4202", "6403"],
    words: ["leather", "gloves", "jackets", "tannery", "footwear", "bags", "چمڑا", "جوتے"],
  },
  Sports: {
    chapters: ["9506", "9504", "6116"],
    words: ["football", "cricket", "bats", "balls", "sportswear", "gloves", "کھیل", "فٹبال"],
  },
  Cutlery: {
    chapters: ["8211", "8215", "7323"],
    words: ["knives", "cutlery", "spoons", "forks", "kitchenware", "stainless", "چھری"],
  },
  Food: {
    chapters: ["1006", "0804", "2008"],
    words: ["rice", "basmati", "mangoes", "dates", "halal", "processed", "چاول", "آم"],
  },
  Furniture: {
    chapters: ["9403", "9401", "4418"],
    words: ["furniture", "wooden", "chairs", "tables", "carved", "sheesham", "فرنیچر"],
  },
  Handicrafts: {
    chapters: ["6913", "7117", "5805"],
    words: ["handmade", "ceramics", "jewellery", "embroidery", "onyx", "crafts", "کڑھائی"],
  },
};
const FILLER = [
  "quality",
  "export",
  "supply",
  "manufacturer",
  "range",
  "custom",
  "orders",
  "small",
  "family",
  "business",
  "ہمارا",
  "معیار",
];
const CERTS = ["ISO 9001", "ISO 13485", "CE marking", "Halal", "OEKO-TEX", "BSCI"];
const MARKETS = ["DE", "GB", "US", "AE", "SA", "CN", "TR", "IT", "FR", "NL"];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const some = <T>(r: () => number, xs: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(r, xs)))];

export function generateInput(perSide: number, seed = 1): RecommendInput {
  const r = rng(seed);
  const sectorNames = Object.keys(SECTORS);
  const sentence = (sector: string, n: number) =>
    Array.from({ length: n }, () => (r() < 0.7 ? pick(r, SECTORS[sector]!.words) : pick(r, FILLER))).join(" ");
  const participants: ParticipantInput[] = [];
  for (let i = 0; i < perSide; i++) {
    const sector = pick(r, sectorNames);
    const chapter = pick(r, SECTORS[sector]!.chapters);
    participants.push({
      id: `sme-${i}`,
      side: "sme",
      enterpriseId: `ent-${i}`,
      sectors: [sector],
      clusters: [`${sector} cluster ${i % 5}`],
      hsCodes: [`${chapter}${String(10 + Math.floor(r() * 80))}`],
      certifications: some(r, CERTS, Math.floor(r() * 3)),
      exportReadiness: pick(r, ["none", "exploring", "occasional", "regular"] as const),
      exportMarkets: some(r, MARKETS, Math.floor(r() * 3)),
      languages: r() < 0.6 ? ["ur", "en"] : ["ur"],
      offers: sentence(sector, 12 + Math.floor(r() * 25)),
      needs: r() < 0.3 ? "working capital finance and export buyers" : "",
      requestsReceived: Math.floor(r() * 10),
    });
  }
  for (let i = 0; i < perSide; i++) {
    const sectors = some(r, sectorNames, 1 + Math.floor(r() * 2));
    participants.push({
      id: `buyer-${i}`,
      side: "buyer",
      enterpriseId: `org-${i}`,
      sectors,
      hsCodes: sectors.map((s) => pick(r, SECTORS[s]!.chapters)),
      requiredCertifications: r() < 0.3 ? [pick(r, CERTS)] : [],
      country: r() < 0.5 ? "PK" : pick(r, MARKETS),
      markets: some(r, MARKETS, Math.floor(r() * 3)),
      languages: r() < 0.7 ? ["en"] : ["en", "ur"],
      needs: sentence(sectors[0]!, 8 + Math.floor(r() * 15)),
      offers: r() < 0.1 ? "SME finance working capital loans" : "",
      // Popularity skew: a few buyers draw most requests, as at real events.
      requestsReceived: Math.floor(40 * r() ** 3),
    });
  }
  const interests: { from: string; to: string; level: number }[] = [];
  for (let i = 0; i < perSide * 3; i++) {
    const sme = `sme-${Math.floor(r() * perSide)}`;
    const buyer = `buyer-${Math.floor(perSide * r() ** 2)}`;
    interests.push(r() < 0.5 ? { from: sme, to: buyer, level: 1 } : { from: buyer, to: sme, level: 0.5 + r() / 2 });
  }
  // A few refusals and repeat meetings, so exclusions are exercised at scale too.
  const pair = () => [`sme-${Math.floor(r() * perSide)}`, `buyer-${Math.floor(r() * perSide)}`] as const;
  const noThanks = Array.from({ length: Math.ceil(perSide / 10) }, () => {
    const [s, b] = pair();
    return r() < 0.5 ? { from: s, to: b } : { from: b, to: s };
  });
  const metBefore = Array.from({ length: Math.ceil(perSide / 10) }, () => {
    const [a, b] = pair();
    return { a, b, when: r() < 0.5 ? ("earlier_edition" as const) : ("scheduled" as const) };
  });
  return { participants, interests, noThanks, metBefore, options: { limit: 20 } };
}
