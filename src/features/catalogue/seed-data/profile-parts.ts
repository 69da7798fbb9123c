// Building blocks of the demo cluster profiles: types, name suffixes and the
// product templates several clusters share.

export interface ProductTemplate {
  en: string;
  ur: string;
  /** PCT NNNN.NNNN: HS 2022 six-digit subheading; the national digits are illustrative */
  hs: string;
  desc: string;
}

export interface Suffix {
  en: string;
  ur: string;
  /** a trading firm (SBP medium band is then 100 employees): never used for medium firms here */
  trading?: boolean;
}

export interface ClusterProfile {
  count: number;
  /** integer weights for drawing micro, medium and women-led firms */
  microW: number;
  mediumW: number;
  womenW: number;
  kindEn: string;
  suffixes: Suffix[];
  products: ProductTemplate[];
  /** [certification, percent chance for a small firm] */
  certs: Array<[string, number]>;
  markets: string[];
  associations: string[];
}

export const S = {
  works: { en: "Works", ur: "ورکس" },
  crafts: { en: "Crafts", ur: "کرافٹس" },
  traders: { en: "Traders", ur: "ٹریڈرز", trading: true },
  industries: { en: "Industries", ur: "انڈسٹریز" },
  enterprises: { en: "Enterprises", ur: "انٹرپرائزز" },
  surgical: { en: "Surgical Works", ur: "سرجیکل ورکس" },
  instruments: { en: "Instruments", ur: "انسٹرومنٹس" },
  sports: { en: "Sports", ur: "اسپورٹس" },
  apparel: { en: "Apparel", ur: "اپیرل" },
  textiles: { en: "Textiles", ur: "ٹیکسٹائلز" },
  looms: { en: "Looms", ur: "لومز" },
  leather: { en: "Leather Works", ur: "لیدر ورکس" },
  tannery: { en: "Tannery", ur: "ٹینری" },
  cutlery: { en: "Cutlery Works", ur: "کٹلری ورکس" },
  engineering: { en: "Engineering Works", ur: "انجینئرنگ ورکس" },
  fans: { en: "Fan Works", ur: "فین ورکس" },
  woodcrafts: { en: "Woodcrafts", ur: "ووڈ کرافٹس" },
  furniture: { en: "Furniture Works", ur: "فرنیچر ورکس" },
  autoparts: { en: "Auto Works", ur: "آٹو ورکس" },
  footwear: { en: "Footwear", ur: "فٹ ویئر" },
  garments: { en: "Garments", ur: "گارمنٹس" },
  labs: { en: "Labs", ur: "لیبز" },
  software: { en: "Software", ur: "سافٹ ویئر" },
  digital: { en: "Digital", ur: "ڈیجیٹل" },
  marble: { en: "Marble Works", ur: "ماربل ورکس" },
  stone: { en: "Stone Crafts", ur: "اسٹون کرافٹس" },
  agro: { en: "Agro Farms", ur: "ایگرو فارمز" },
  foods: { en: "Foods", ur: "فوڈز" },
  orchards: { en: "Orchards", ur: "آرچرڈز" },
  handicrafts: { en: "Handicrafts", ur: "ہینڈی کرافٹس" },
  gems: { en: "Gems", ur: "جیمز" },
} satisfies Record<string, Suffix>;

export const P = (en: string, ur: string, hs: string, desc: string): ProductTemplate => ({ en, ur, hs, desc });

export const furnitureProducts: ProductTemplate[] = [
  P("Solid wood dining sets", "ٹھوس لکڑی کے ڈائننگ سیٹ", "9403.6000", "Six- and eight-seat dining sets in seasoned sheesham and kikar."),
  P("Wooden bedroom sets", "لکڑی کے بیڈروم سیٹ", "9403.5000", "Bed, side tables and wardrobe in matching finish."),
  P("Office desks in sheesham", "شیشم کی دفتری میزیں", "9403.3000", "Executive and staff desks with drawers, made to order."),
  P("Kitchen cabinets", "کچن کیبنٹ", "9403.4000", "Modular wooden kitchen cabinets with lacquer or veneer finish."),
];

export const marbleProducts: ProductTemplate[] = [
  P("Polished marble tiles", "پالش شدہ ماربل ٹائلیں", "6802.9100", "Calibrated, polished floor and wall tiles in standard sizes."),
  P("Marble slabs", "ماربل کی سلیں", "6802.2100", "Gang-saw cut slabs, 2 cm and 3 cm, for cladding and vanity tops."),
  P("Marble handicrafts", "ماربل کی دستکاری", "6802.9100", "Hand-turned vases, trays and lamp bases."),
];
