// Shapes of the demo-edition seed data. Pure data: no I/O, no database.
// The database seeding (another module) consumes these exactly as declared.

export type Province =
  | "Punjab"
  | "Sindh"
  | "Khyber Pakhtunkhwa"
  | "Balochistan"
  | "Gilgit-Baltistan"
  | "Islamabad Capital Territory"
  | "Azad Jammu and Kashmir";

export type SizeClass = "micro" | "small" | "medium";

export type TradeBodyKind = "chamber" | "women_chamber" | "association";

export interface SeedSpace {
  slug: string;
  kind: "hall" | "foyer" | "auditorium";
  nameEn: string;
  nameUr: string;
}

export interface SeedVisitorCategory {
  code: string;
  nameEn: string;
  nameUr: string;
  needsApproval: boolean;
  /** hex, for badge bands later */
  colour: string;
}

export interface SeedEdition {
  organiser: { slug: string; nameEn: string; nameUr: string; shortName: string };
  slug: "showcase-2026";
  year: 2026;
  nameEn: string;
  nameUr: string;
  startsOn: "2026-01-24";
  endsOn: "2026-01-26";
  timezone: "Asia/Karachi";
  venue: {
    slug: string;
    nameEn: string;
    nameUr: string;
    address: string;
    addressUr: string;
    lat: number;
    lon: number;
    spaces: SeedSpace[];
  };
  visitorCategories: SeedVisitorCategory[];
  taglineEn: string;
  taglineUr: string;
}

export interface SeedSector {
  code: string;
  nameEn: string;
  nameUr: string;
}

export interface SeedCluster {
  slug: string;
  /** null for clusters whose sector is not one of the seven, e.g. sports goods */
  sectorCode: string | null;
  otherSectorEn: string | null;
  nameEn: string;
  nameUr: string;
  district: string;
  province: Province;
  /** 4-digit HS headings */
  hsCodes: string[];
}

export interface SeedTradeBody {
  slug: string;
  kind: TradeBodyKind;
  nameEn: string;
  nameUr: string;
  city: string | null;
  province: Province | null;
  nominationQuota: number;
}

export interface SeedProduct {
  nameEn: string;
  nameUr: string;
  /** 8-digit PCT written NNNN.NNNN whose first 4 digits are one of its cluster's headings */
  hsCode: string;
  descriptionEn: string;
}

export interface SeedEnterprise {
  slug: string;
  nameEn: string;
  nameUr: string;
  /** NNNNNNN-N, fictional, unique */
  ntn: string;
  sizeClass: SizeClass;
  womenLed: boolean;
  employees: number;
  annualTurnoverPkr: number;
  clusterSlug: string;
  district: string;
  province: Province;
  foundedYear: number;
  certifications: string[];
  /** ISO 3166 alpha-2 */
  exportMarkets: string[];
  descriptionEn: string;
  products: SeedProduct[];
  /** trade body slug: a chamber of its city, a women's chamber for many women-led firms, or its sector association */
  nominatedBy: string;
}
