import { clusters, type SeedCluster } from "#features/catalogue/client";
import { emptyProfile, type ProfileFacts } from "./core/completeness";
import type { ParticipantKind } from "./tables";

// The demo's buyer side (issue #11, item 9), as pure data: about 150 fictional people of every
// kind (buyers and procurement heads of Pakistani and foreign firms, investors, banks, development
// partners, foreign missions and one Chinese trade delegation), each with a profile of its kind
// that matches what the demo's exhibitors make (HS headings of their clusters, their sectors).
// Deterministic for a random generator; names and organisations are made up.

export type BuyerKind = Exclude<ParticipantKind, "sme">;

export interface DemoBuyer {
  /** Stable within the roster: "b001"… (the registration's email is made from it). */
  key: string;
  category: "corporate_buyer" | "procurement_head" | "financial_institution" | "development_partner" | "foreign_mission";
  kind: BuyerKind;
  name: string;
  nameUr: string | null;
  organisation: string;
  designation: string;
  locale: "en" | "ur";
  /** "leader" or "member" of the demo's one delegation. */
  delegation: "leader" | "member" | null;
  facts: ProfileFacts;
}

/** A sector as the profiles name it: the showcase's sector code, or the cluster's other sector. */
export const sectorOf = (c: Pick<SeedCluster, "sectorCode" | "otherSectorEn">) => c.sectorCode ?? c.otherSectorEn ?? "other";

/** The HS headings (4 digits) the demo's clusters make, by sector. */
function headingsBySector(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of clusters) {
    const list = out.get(sectorOf(c)) ?? [];
    for (const h of c.hsCodes) if (!list.includes(h)) list.push(h);
    out.set(sectorOf(c), list);
  }
  return out;
}

const SECTOR_WORDS: Record<string, { en: string; ur: string; orgs: string[] }> = {
  "agro-food": { en: "rice, fruit, spices and processed food", ur: "چاول، پھل، مصالحے اور پراسیسڈ خوراک", orgs: ["Foods", "Fresh Mart", "Agro Traders", "Hypermarkets"] },
  "textiles-handicrafts": { en: "home textiles, apparel and handicrafts", ur: "ہوم ٹیکسٹائل، ملبوسات اور دستکاری", orgs: ["Home Textiles", "Apparel Sourcing", "Fabrics", "Craft Stores"] },
  "surgical-light-engineering": { en: "surgical instruments, tools and light-engineering parts", ur: "سرجیکل آلات، اوزار اور انجینئرنگ پرزے", orgs: ["Medical Supplies", "Hospital Procurement", "Engineering Supplies"] },
  leather: { en: "leather goods, garments and footwear", ur: "چمڑے کا سامان، ملبوسات اور جوتے", orgs: ["Leather Goods", "Footwear", "Outfitters"] },
  furniture: { en: "wooden and cane furniture", ur: "لکڑی اور بید کا فرنیچر", orgs: ["Interiors", "Furnishings", "Hospitality Fit-out"] },
  "marble-granite": { en: "marble, onyx and granite slabs and articles", ur: "ماربل، سنگِ مرمر اور گرینائٹ", orgs: ["Stone & Tiles", "Building Materials", "Construction Supplies"] },
  "ict-services": { en: "software and IT services", ur: "سافٹ ویئر اور آئی ٹی خدمات", orgs: ["Digital Services", "IT Sourcing"] },
};
const OTHER_WORDS = { en: "sports goods, cutlery and household articles", ur: "کھیلوں کا سامان، کٹلری اور گھریلو اشیا", orgs: ["Sports", "Trading", "Retail"] };
const wordsOf = (sector: string) => SECTOR_WORDS[sector] ?? OTHER_WORDS;

const PK_FIRST = ["Ayesha", "Bilal", "Fatima", "Hamza", "Sana", "Usman", "Zainab", "Ali", "Hira", "Imran", "Mehwish", "Saad", "Nida", "Kashif", "Rabia", "Faisal", "Amna", "Tariq", "Iqra", "Waqas", "Saima", "Adnan", "Maryam", "Junaid"];
const PK_FIRST_UR = ["عائشہ", "بلال", "فاطمہ", "حمزہ", "ثنا", "عثمان", "زینب", "علی", "حرا", "عمران", "مہوش", "سعد", "ندا", "کاشف", "رابعہ", "فیصل", "آمنہ", "طارق", "اقرا", "وقاص", "صائمہ", "عدنان", "مریم", "جنید"];
const PK_LAST = ["Khan", "Ahmed", "Malik", "Butt", "Qureshi", "Sheikh", "Chaudhry", "Raza", "Iqbal", "Hussain", "Siddiqui", "Mirza", "Awan", "Baloch", "Memon", "Abbasi"];
const PK_LAST_UR = ["خان", "احمد", "ملک", "بٹ", "قریشی", "شیخ", "چوہدری", "رضا", "اقبال", "حسین", "صدیقی", "مرزا", "اعوان", "بلوچ", "میمن", "عباسی"];
const PK_PLACES = ["Indus", "Ravi", "Margalla", "Chenab", "Karakoram", "Mehran", "Khyber", "Bolan", "Jhelum", "Saif", "Noor", "Sitara", "Crescent", "Falcon", "Meridian", "Shalimar", "Kohsar", "Sutlej"];

interface Country {
  code: string;
  languages: string[];
  first: string[];
  last: string[];
  places: string[];
  suffix: string;
}
const COUNTRIES: Record<string, Country> = {
  CN: { code: "CN", languages: ["zh"], first: ["Wang", "Li", "Zhang", "Liu", "Chen", "Zhao", "Huang", "Zhou"], last: ["Lei", "Min", "Yang", "Jing", "Wei", "Hui", "Fang", "Tao"], places: ["Hangzhou Jinyuan", "Shenzhen Huaxin", "Ningbo Haitian", "Guangzhou Mingde", "Yiwu Hongda", "Kashgar Silkroad"], suffix: "Trading Co." },
  TR: { code: "TR", languages: ["tr", "en"], first: ["Emre", "Ayşe", "Mehmet", "Elif", "Burak", "Zeynep"], last: ["Yıldız", "Demirel", "Aksoy", "Kaplan", "Erdem", "Şahin"], places: ["Anadolu", "Bosphorus", "Ege", "Kapadokya"], suffix: "Dış Ticaret A.Ş." },
  AE: { code: "AE", languages: ["ar", "en"], first: ["Khalid", "Mariam", "Omar", "Noura", "Saeed", "Hessa"], last: ["Al Marri", "Al Zaabi", "Al Suwaidi", "Al Nuaimi", "Al Shamsi"], places: ["Gulf Crest", "Emirates Bay", "Al Noor", "Desert Rose"], suffix: "General Trading LLC" },
  SA: { code: "SA", languages: ["ar", "en"], first: ["Fahad", "Reem", "Abdullah", "Lama", "Turki", "Nouf"], last: ["Al Harbi", "Al Qahtani", "Al Otaibi", "Al Ghamdi", "Al Dossary"], places: ["Najd", "Red Sea", "Al Waha", "Hijaz"], suffix: "Trading Est." },
  DE: { code: "DE", languages: ["de", "en"], first: ["Jonas", "Lena", "Felix", "Anna", "Lukas", "Marie"], last: ["Becker", "Hoffmann", "Schäfer", "Krüger", "Wagner", "Vogel"], places: ["Rheinland", "Nordstern", "Elbtal", "Schwarzwald"], suffix: "Handels GmbH" },
  GB: { code: "GB", languages: ["en"], first: ["Oliver", "Sophie", "Harry", "Amelia", "Jack", "Grace"], last: ["Hughes", "Turner", "Whitfield", "Pemberton", "Ashdown", "Carver"], places: ["Thames", "Pennine", "Mersey", "Cotswold"], suffix: "Imports Ltd" },
  NL: { code: "NL", languages: ["nl", "en"], first: ["Daan", "Sanne", "Bram", "Eva"], last: ["de Vries", "Jansen", "Visser", "Bakker"], places: ["Lowland", "Zuiderzee", "Tulip"], suffix: "Trading B.V." },
  MY: { code: "MY", languages: ["ms", "en"], first: ["Aiman", "Nurul", "Hafiz", "Siti"], last: ["Rahman", "Ismail", "Hamzah", "Yusof"], places: ["Selangor", "Straits", "Penang Bay"], suffix: "Sdn Bhd" },
  QA: { code: "QA", languages: ["ar", "en"], first: ["Jassim", "Aisha", "Hamad", "Maha"], last: ["Al Kuwari", "Al Mannai", "Al Sulaiti"], places: ["Pearl Coast", "Al Dafna"], suffix: "Trading W.L.L." },
  US: { code: "US", languages: ["en"], first: ["Ethan", "Olivia", "Mason", "Chloe"], last: ["Bennett", "Reynolds", "Caldwell", "Harper"], places: ["Great Lakes", "Lone Star", "Pacific Rim"], suffix: "Sourcing Inc." },
  IT: { code: "IT", languages: ["it", "en"], first: ["Marco", "Giulia", "Luca", "Chiara"], last: ["Ferraro", "Conti", "Marchetti", "Galli"], places: ["Adriatica", "Toscana", "Lombarda"], suffix: "Import S.r.l." },
  JP: { code: "JP", languages: ["ja", "en"], first: ["Haruto", "Yui", "Ren", "Aoi"], last: ["Tanaka", "Morita", "Kobayashi", "Sato"], places: ["Sakura", "Kansai", "Hokuto"], suffix: "Trading K.K." },
};

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
function sample<T>(random: Random, list: readonly T[], n: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
}
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

function pakistani(random: Random) {
  const f = Math.floor(random() * PK_FIRST.length);
  const l = Math.floor(random() * PK_LAST.length);
  return { name: `${PK_FIRST[f]} ${PK_LAST[l]}`, nameUr: `${PK_FIRST_UR[f]} ${PK_LAST_UR[l]}` };
}
function foreigner(random: Random, c: Country) {
  return { name: `${pick(random, c.first)} ${pick(random, c.last)}`, nameUr: null };
}

/** The sectors of the showcase, each weighted by how many demo clusters it has. */
const SECTORS = [...new Set(clusters.map(sectorOf))];

/**
 * The buyer-side roster: about 150 people. `random` is a seeded generator (platform/random.ts), so
 * the roster is the same on every run.
 */
export function demoBuyerRoster(random: Random): DemoBuyer[] {
  const headings = headingsBySector();
  const out: DemoBuyer[] = [];
  const add = (b: Omit<DemoBuyer, "key">) => out.push({ key: `b${String(out.length + 1).padStart(3, "0")}`, ...b });
  const goods = SECTORS.filter((s) => s !== "ict-services");
  const sourcing = (sectors: string[]) => {
    const hs = sectors.flatMap((s) => sample(random, headings.get(s) ?? [], between(random, 1, 3)));
    return [...new Set(hs)];
  };
  const certsFor = (sector: string) =>
    sector === "surgical-light-engineering" ? ["ISO 13485", "CE"] : sector === "agro-food" ? ["HACCP", "Halal"] : sector === "textiles-handicrafts" ? ["OEKO-TEX"] : ["ISO 9001"];

  // Buyers and procurement heads: two thirds Pakistani firms, a third importers abroad.
  const buyerCountries = ["CN", "CN", "CN", "TR", "AE", "AE", "SA", "DE", "GB", "GB", "NL", "MY", "QA", "US", "IT", "JP"];
  for (let i = 0; i < 78; i++) {
    const abroad = i % 3 === 2;
    const c = abroad ? COUNTRIES[buyerCountries[(i / 3) % buyerCountries.length | 0]!]! : null;
    const main = pick(random, goods);
    const sectors = random() < 0.3 ? [main, pick(random, goods)] : [main];
    const words = wordsOf(main);
    const who = c ? foreigner(random, c) : pakistani(random);
    const procurement = !abroad && random() < 0.45;
    const languages = c ? (c.code === "CN" && random() < 0.6 ? ["zh"] : c.languages) : random() < 0.25 ? ["ur"] : ["ur", "en"];
    const incomplete = i % 13 === 5;
    add({
      category: procurement ? "procurement_head" : "corporate_buyer",
      kind: "buyer_procurement",
      ...who,
      organisation: c ? `${pick(random, c.places)} ${c.suffix}` : `${pick(random, PK_PLACES)} ${pick(random, words.orgs)}`,
      designation: procurement ? "Head of Procurement" : pick(random, ["Sourcing Manager", "Category Buyer", "Import Manager", "Director, Purchasing"]),
      locale: c ? "en" : languages.length === 1 ? "ur" : random() < 0.5 ? "ur" : "en",
      delegation: null,
      facts: {
        ...emptyProfile,
        needsEn: `We source ${words.en}${c ? ` for the ${c.code} market` : " for our stores and projects in Pakistan"}, and look for reliable suppliers for repeat orders.`,
        needsUr: c ? "" : `ہمیں ${words.ur} کے قابلِ اعتماد سپلائرز درکار ہیں۔`,
        productsEn: words.en,
        productsUr: c ? "" : words.ur,
        hsCodes: sourcing(sectors),
        volumes: incomplete ? "" : pick(random, ["1–2 containers a month", "5,000 pieces a quarter", "PKR 5–20 million a year", "a trial order, then monthly", "seasonal, 2 shipments a year"]),
        requiredCertifications: incomplete ? [] : sample(random, certsFor(main), between(random, 0, 2)),
        markets: incomplete ? [] : c ? [c.code] : ["PK"],
        languages: incomplete ? [] : languages,
      },
    });
  }

  // Investors: funds and corporate venture arms (corporate buyers or financial institutions).
  for (let i = 0; i < 14; i++) {
    const who = i % 4 === 3 ? foreigner(random, COUNTRIES[pick(random, ["AE", "GB", "US", "CN"])]!) : pakistani(random);
    const sectors = sample(random, SECTORS, between(random, 1, 3));
    const min = pick(random, [5, 10, 25, 50]) * 1_000_000;
    add({
      category: i % 2 === 0 ? "financial_institution" : "corporate_buyer",
      kind: "investor",
      ...who,
      organisation: `${pick(random, PK_PLACES)} ${pick(random, ["Ventures", "Growth Partners", "Capital", "Impact Fund", "Angel Network"])}`,
      designation: pick(random, ["Partner", "Investment Manager", "Principal", "Associate"]),
      locale: who.nameUr ? pick(random, ["ur", "en"] as const) : "en",
      delegation: null,
      facts: {
        ...emptyProfile,
        needsEn: "Minority equity in growing exporters with audited accounts and a clear plan for the next three years.",
        needsUr: who.nameUr ? "ترقی کرتے برآمد کنندگان میں اقلیتی شراکت داری" : "",
        sectors,
        ticketMin: min,
        ticketMax: min * pick(random, [4, 5, 10]),
        languages: who.nameUr ? ["ur", "en"] : ["en"],
      },
    });
  }

  // Banks and financial institutions: SME desks of commercial, Islamic and microfinance banks.
  for (let i = 0; i < 20; i++) {
    const who = pakistani(random);
    const sectors = sample(random, SECTORS, between(random, 2, 5));
    const micro = i % 4 === 0;
    add({
      category: "financial_institution",
      kind: "bank",
      ...who,
      organisation: `${pick(random, PK_PLACES)} ${pick(random, micro ? ["Microfinance Bank", "Rural Finance"] : ["Bank", "Islamic Bank", "Commercial Bank"])}`,
      designation: pick(random, ["Head of SME Banking", "Relationship Manager, SME", "Trade Finance Manager", "Branch Manager"]),
      locale: pick(random, ["ur", "en"] as const),
      delegation: null,
      facts: {
        ...emptyProfile,
        offersEn: micro ? "Small working-capital loans without collateral for micro and women-led firms." : "Working capital, export refinance and equipment leasing for SMEs, with a desk at the show.",
        offersUr: micro ? "مائیکرو اور خواتین کی زیرِ قیادت کاروبار کے لیے بلا ضمانت چھوٹے قرضے" : "ایس ایم ایز کے لیے ورکنگ کیپیٹل، ایکسپورٹ ری فنانس اور لیزنگ",
        financingProducts: micro ? ["microcredit", "women entrepreneur loan"] : sample(random, ["working capital", "export refinance", "equipment leasing", "letters of credit", "invoice discounting"], 3),
        sectors,
        ticketMin: micro ? 100_000 : 2_000_000,
        ticketMax: micro ? 3_000_000 : pick(random, [50, 100, 250]) * 1_000_000,
        languages: ["ur", "en"],
      },
    });
  }

  // Development partners: programmes that train, certify and link exporters.
  const partnerCountries = ["DE", "GB", "JP", "NL", "US", "CN"];
  for (let i = 0; i < 14; i++) {
    const c = i % 2 === 0 ? COUNTRIES[partnerCountries[(i / 2) % partnerCountries.length]!]! : null;
    const who = c && random() < 0.5 ? foreigner(random, c) : pakistani(random);
    add({
      category: "development_partner",
      kind: "development_partner",
      ...who,
      organisation: `${pick(random, ["SME Export Readiness", "Women in Trade", "Green Cluster", "Quality Infrastructure", "Digital Markets"])} Programme${c ? ` (${c.code})` : ""}`,
      designation: pick(random, ["Programme Manager", "Private Sector Specialist", "Cluster Adviser", "Grants Officer"]),
      locale: who.nameUr ? pick(random, ["ur", "en"] as const) : "en",
      delegation: null,
      facts: {
        ...emptyProfile,
        offersEn: "Matching grants, certification support and export coaching for selected clusters.",
        offersUr: "منتخب کلسٹرز کے لیے میچنگ گرانٹس، سرٹیفکیشن اور برآمدی رہنمائی",
        needsEn: "Exhibitors ready to upgrade quality and reach new markets, especially women-led firms.",
        sectors: sample(random, SECTORS, between(random, 2, 4)),
        languages: who.nameUr ? ["ur", "en"] : c?.code === "CN" ? ["zh", "en"] : ["en"],
      },
    });
  }

  // Foreign missions: commercial sections of embassies and consulates, one or two people each.
  const missions = ["CN", "TR", "AE", "SA", "DE", "GB", "NL", "MY", "QA", "US", "IT", "JP"];
  for (const code of missions) {
    const c = COUNTRIES[code]!;
    for (let k = 0; k < (["CN", "TR", "AE", "SA", "DE", "GB"].includes(code) ? 2 : 1); k++) {
      const sectors = sample(random, goods, between(random, 2, 3));
      add({
        category: "foreign_mission",
        kind: "foreign_mission",
        ...foreigner(random, c),
        organisation: `Commercial Section, Embassy of ${countryName[code]}`,
        designation: k === 0 ? pick(random, ["Commercial Counsellor", "Trade Commissioner", "Economic Attaché"]) : "Trade Officer",
        locale: "en",
        delegation: null,
        facts: {
          ...emptyProfile,
          country: code,
          needsEn: `Pakistani exporters of ${sectors.map((s) => wordsOf(s).en).join("; ")} for importers in ${countryName[code]}.`,
          sectors,
          hsCodes: sourcing(sectors),
          languages: code === "CN" ? ["zh", "en"] : c.languages,
        },
      });
    }
  }

  // The Chinese trade delegation: a leader and six members from importers of one province.
  for (let k = 0; k < 7; k++) {
    const sectors = sample(random, goods, 2);
    add({
      category: "foreign_mission",
      kind: "foreign_mission",
      ...foreigner(random, COUNTRIES.CN!),
      organisation: k === 0 ? "Zhejiang Importers' Trade Delegation" : `${pick(random, COUNTRIES.CN!.places)} ${COUNTRIES.CN!.suffix}`,
      designation: k === 0 ? "Head of Delegation" : "Delegate",
      locale: "en",
      delegation: k === 0 ? "leader" : "member",
      facts: {
        ...emptyProfile,
        country: "CN",
        needsEn: `Suppliers of ${sectors.map((s) => wordsOf(s).en).join(" and ")} for the delegation's importers.`,
        sectors,
        hsCodes: sourcing(sectors),
        languages: k % 3 === 0 ? ["zh", "en"] : ["zh"],
      },
    });
  }
  return out;
}

const countryName: Record<string, string> = {
  CN: "China",
  TR: "Türkiye",
  AE: "the United Arab Emirates",
  SA: "Saudi Arabia",
  DE: "Germany",
  GB: "the United Kingdom",
  NL: "the Netherlands",
  MY: "Malaysia",
  QA: "Qatar",
  US: "the United States",
  IT: "Italy",
  JP: "Japan",
};

/** What an exhibitor looks for and speaks, on top of what its registry entry pre-fills (its
 *  description, products, HS codes, certifications and markets, as operations/profiles.ts does).
 *  About one in ten leaves its profile half done, so the organiser has profiles to chase. */
export function smeProfileExtras(random: Random, p: { markets: string[]; incomplete: boolean }): Pick<ProfileFacts, "lookingFor" | "languages" | "exportReadiness" | "markets"> {
  if (p.incomplete) return { lookingFor: [], languages: [], exportReadiness: null, markets: [] };
  const exporter = p.markets.length > 0;
  const lookingFor = exporter ? ["export_partner", "distributor"] : ["bulk_buyer", "distributor"];
  if (random() < 0.35) lookingFor.push("finance");
  if (random() < 0.15) lookingFor.push("investor");
  if (random() < 0.1) lookingFor.push("raw_material_supplier");
  // Most exhibitors speak Urdu and English; some only Urdu; a few an export manager who speaks
  // English only, or Chinese (firms selling to China).
  const r = random();
  const languages = r < 0.05 ? ["en"] : r < 0.35 ? ["ur"] : r < 0.42 ? ["ur", "en", "zh"] : ["ur", "en"];
  return {
    lookingFor,
    languages,
    exportReadiness: p.markets.length >= 3 ? "regular" : exporter ? "occasional" : random() < 0.5 ? "starting" : "none",
    markets: p.markets,
  };
}
