// Demo edition facts: "Made in Pakistan: SME Cluster Showcase 2026".
//
// Copied from the public reference facts (showcase-reference.json in the shared
// brief folder: newspapers, SMEDA/PSIC/UNIDO cluster studies, trade-body pages).
// The project must not read that file at run time, so the facts live here.
// Nothing here names a person. Urdu names are written in Urdu script with the
// Urdu letters ی ک ہ (not the Arabic ي ك ه).

import type { Province, SeedCluster, SeedEdition, SeedSector, SeedTradeBody } from "./types";

// ---------------------------------------------------------------------------
// Edition, venue, spaces, visitor categories
// ---------------------------------------------------------------------------

export const demoEdition: SeedEdition = {
  organiser: {
    slug: "smeda",
    nameEn: "Small and Medium Enterprises Development Authority",
    nameUr: "سمال اینڈ میڈیم انٹرپرائزز ڈیولپمنٹ اتھارٹی (سمیڈا)",
    shortName: "SMEDA",
  },
  slug: "showcase-2026",
  year: 2026,
  nameEn: "Made in Pakistan: SME Cluster Showcase 2026",
  nameUr: "میڈ اِن پاکستان: ایس ایم ای کلسٹر شوکیس 2026",
  startsOn: "2026-01-24",
  endsOn: "2026-01-26",
  timezone: "Asia/Karachi",
  venue: {
    slug: "expo-centre-lahore",
    nameEn: "Expo Centre Lahore",
    nameUr: "ایکسپو سینٹر لاہور",
    address: "Abdul Haque Road, Johar Town, Lahore 54782",
    addressUr: "عبدالحق روڈ، جوہر ٹاؤن، لاہور 54782",
    lat: 31.464,
    lon: 74.259,
    // Hall areas are not published: keep them configurable where the floor plan is set up.
    spaces: [
      { slug: "hall-1", kind: "hall", nameEn: "Hall 1", nameUr: "ہال 1" },
      { slug: "hall-2", kind: "hall", nameEn: "Hall 2", nameUr: "ہال 2" },
      { slug: "hall-3", kind: "hall", nameEn: "Hall 3", nameUr: "ہال 3" },
      { slug: "foyer", kind: "foyer", nameEn: "Foyer", nameUr: "فوئیر" },
      { slug: "main-auditorium", kind: "auditorium", nameEn: "Main Auditorium", nameUr: "مرکزی آڈیٹوریم" },
    ],
  },
  // The nine visitor categories of the reference facts.
  //
  // needsApproval: the organiser checks the person's affiliation before the badge
  // is issued. The brief fixes it for corporate buyer, procurement head,
  // financial institution, foreign mission and media. Our judgement for the two
  // left open:
  //   - development partner: approval REQUIRED. Development partners (donors,
  //     UN agencies, programmes) take part in matchmaking and the policy
  //     dialogue like financial institutions do, and their affiliation is what
  //     gives them that access, so it is verified the same way.
  //   - regulatory stakeholder: approval REQUIRED. They are seated in the policy
  //     dialogue and may enter trade-only areas; an unverified "regulator" badge
  //     would be an easy way to impersonate an official in front of SMEs.
  // Only students and the general public self-register without review.
  visitorCategories: [
    { code: "corporate_buyer", nameEn: "Corporate buyer", nameUr: "کارپوریٹ خریدار", needsApproval: true, colour: "#1f4e79" },
    { code: "procurement_head", nameEn: "Procurement head", nameUr: "سربراہِ خریداری", needsApproval: true, colour: "#2e75b6" },
    { code: "regulatory_stakeholder", nameEn: "Regulatory stakeholder", nameUr: "ریگولیٹری ادارے کا نمائندہ", needsApproval: true, colour: "#7030a0" },
    { code: "financial_institution", nameEn: "Financial institution", nameUr: "مالیاتی ادارہ", needsApproval: true, colour: "#00806a" },
    { code: "development_partner", nameEn: "Development partner", nameUr: "ترقیاتی شراکت دار", needsApproval: true, colour: "#548235" },
    { code: "foreign_mission", nameEn: "Foreign mission", nameUr: "غیر ملکی سفارتی مشن", needsApproval: true, colour: "#c00000" },
    { code: "student", nameEn: "Student", nameUr: "طالب علم", needsApproval: false, colour: "#ffc000" },
    { code: "media", nameEn: "Media", nameUr: "میڈیا", needsApproval: true, colour: "#ed7d31" },
    { code: "general_public", nameEn: "General public", nameUr: "عام شہری", needsApproval: false, colour: "#7f7f7f" },
  ],
  taglineEn: "Pakistan's SME clusters under one roof",
  taglineUr: "پاکستان کے ایس ایم ای کلسٹر، ایک چھت تلے",
};

// ---------------------------------------------------------------------------
// Sectors (the seven of the reference facts)
// ---------------------------------------------------------------------------

export const sectors: SeedSector[] = [
  { code: "agro-food", nameEn: "Agro-food and processing", nameUr: "زرعی خوراک اور پراسیسنگ" },
  { code: "textiles-handicrafts", nameEn: "Textiles and handicrafts", nameUr: "ٹیکسٹائل اور دستکاری" },
  { code: "surgical-light-engineering", nameEn: "Surgical instruments and light engineering", nameUr: "سرجیکل آلات اور ہلکی انجینئرنگ" },
  { code: "leather", nameEn: "Leather and leather products", nameUr: "چمڑا اور چمڑے کی مصنوعات" },
  { code: "furniture", nameEn: "Furniture", nameUr: "فرنیچر" },
  { code: "marble-granite", nameEn: "Marble and granite", nameUr: "ماربل اور گرینائٹ" },
  { code: "ict-services", nameEn: "ICT and services", nameUr: "آئی سی ٹی اور خدمات" },
];

/** Sectors named in the press that are not among the seven (for SeedCluster.otherSectorEn). */
export const otherSectorsNamedInPress: string[] = [
  "sports goods",
  "gems and jewellery",
  "cutlery",
  "garments",
  "auto parts",
  "household appliances",
  "plastics",
  "cosmetics",
  "packaging",
];

// ---------------------------------------------------------------------------
// Place names in Urdu (districts of the clusters and cities of the trade bodies)
// ---------------------------------------------------------------------------

export const provinceNamesUr: Record<Province, string> = {
  Punjab: "پنجاب",
  Sindh: "سندھ",
  "Khyber Pakhtunkhwa": "خیبر پختونخوا",
  Balochistan: "بلوچستان",
  "Gilgit-Baltistan": "گلگت بلتستان",
  "Islamabad Capital Territory": "اسلام آباد وفاقی دارالحکومت",
  "Azad Jammu and Kashmir": "آزاد جموں و کشمیر",
};

export { placeNamesUr } from "./place-names";

// ---------------------------------------------------------------------------
// Clusters (all 36 of the reference facts, in its order)
// ---------------------------------------------------------------------------

export const clusters: SeedCluster[] = [
  // Facts: over 3,600 firms, 100-150k workers, about 95% exported; ISO 13485, CE (EU MDR 2017/745) and FDA registration matter.
  { slug: "sialkot-surgical-instruments", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Sialkot surgical, dental and beauty instruments", nameUr: "سیالکوٹ سرجیکل، ڈینٹل اور بیوٹی آلات", district: "Sialkot", province: "Punjab", hsCodes: ["9018"] },
  { slug: "sialkot-sports-goods", sectorCode: null, otherSectorEn: "sports goods", nameEn: "Sialkot sports goods", nameUr: "سیالکوٹ کھیلوں کا سامان", district: "Sialkot", province: "Punjab", hsCodes: ["9506"] },
  { slug: "sialkot-sportswear", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Sialkot sportswear", nameUr: "سیالکوٹ اسپورٹس ویئر", district: "Sialkot", province: "Punjab", hsCodes: ["6211"] },
  { slug: "sialkot-leather-gloves-instruments", sectorCode: "leather", otherSectorEn: null, nameEn: "Sialkot leather goods, gloves and musical instruments", nameUr: "سیالکوٹ چمڑے کی مصنوعات، دستانے اور موسیقی کے آلات", district: "Sialkot", province: "Punjab", hsCodes: ["4203", "9205"] },
  // Facts: about 300 units, about 10,000 jobs.
  { slug: "wazirabad-cutlery", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Wazirabad cutlery and knives", nameUr: "وزیرآباد کٹلری اور چاقو", district: "Gujranwala", province: "Punjab", hsCodes: ["8211", "8215"] },
  { slug: "gujranwala-light-engineering", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Gujranwala light engineering", nameUr: "گوجرانوالہ ہلکی انجینئرنگ", district: "Gujranwala", province: "Punjab", hsCodes: ["8481", "8414"] },
  { slug: "gujrat-ceramics-fans-appliances", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Gujrat ceramics, fans and electrical appliances", nameUr: "گجرات سیرامکس، پنکھے اور برقی آلات", district: "Gujrat", province: "Punjab", hsCodes: ["6910", "8414"] },
  { slug: "gujrat-wooden-furniture", sectorCode: "furniture", otherSectorEn: null, nameEn: "Gujrat wooden furniture", nameUr: "گجرات لکڑی کا فرنیچر", district: "Gujrat", province: "Punjab", hsCodes: ["9403"] },
  { slug: "chiniot-woodwork-furniture", sectorCode: "furniture", otherSectorEn: null, nameEn: "Chiniot woodwork and furniture", nameUr: "چنیوٹ لکڑی کا کام اور فرنیچر", district: "Chiniot", province: "Punjab", hsCodes: ["9403", "4420"] },
  { slug: "faisalabad-textile-machinery", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Faisalabad textile spare parts and machinery", nameUr: "فیصل آباد ٹیکسٹائل اسپیئر پارٹس اور مشینری", district: "Faisalabad", province: "Punjab", hsCodes: ["8448"] },
  // Facts: about 60,000 power-loom units.
  { slug: "faisalabad-power-looms", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Faisalabad power looms and textiles", nameUr: "فیصل آباد پاور لومز اور ٹیکسٹائل", district: "Faisalabad", province: "Punjab", hsCodes: ["5208", "6302"] },
  { slug: "lahore-auto-parts", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Lahore auto parts", nameUr: "لاہور آٹو پارٹس", district: "Lahore", province: "Punjab", hsCodes: ["8708"] },
  { slug: "lahore-footwear", sectorCode: "leather", otherSectorEn: null, nameEn: "Lahore footwear", nameUr: "لاہور جوتا سازی", district: "Lahore", province: "Punjab", hsCodes: ["6403"] },
  { slug: "lahore-ready-made-garments", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Lahore ready-made garments", nameUr: "لاہور تیار ملبوسات", district: "Lahore", province: "Punjab", hsCodes: ["6203", "6204"] },
  // No HS heading: software and IT services are not goods (see ICT_PLACEHOLDER_HEADING in enterprises.ts).
  { slug: "lahore-it-software", sectorCode: "ict-services", otherSectorEn: null, nameEn: "Lahore IT and software", nameUr: "لاہور آئی ٹی اور سافٹ ویئر", district: "Lahore", province: "Punjab", hsCodes: [] },
  { slug: "rawalpindi-islamabad-marble-granite", sectorCode: "marble-granite", otherSectorEn: null, nameEn: "Rawalpindi-Islamabad marble and granite processing", nameUr: "راولپنڈی، اسلام آباد ماربل اور گرینائٹ پراسیسنگ", district: "Rawalpindi", province: "Punjab", hsCodes: ["6802", "2515"] },
  { slug: "daska-farm-implements", sectorCode: "surgical-light-engineering", otherSectorEn: null, nameEn: "Daska farm implements", nameUr: "ڈسکہ زرعی آلات", district: "Sialkot", province: "Punjab", hsCodes: ["8432"] },
  { slug: "sargodha-kinnow", sectorCode: "agro-food", otherSectorEn: null, nameEn: "Sargodha kinnow", nameUr: "سرگودھا کینو", district: "Sargodha", province: "Punjab", hsCodes: ["0805"] },
  { slug: "multan-mango", sectorCode: "agro-food", otherSectorEn: null, nameEn: "Multan mango", nameUr: "ملتان آم", district: "Multan", province: "Punjab", hsCodes: ["0804"] },
  { slug: "multan-bed-wear-handloom", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Multan bed wear and handloom", nameUr: "ملتان بیڈ ویئر اور ہینڈلوم", district: "Multan", province: "Punjab", hsCodes: ["6302"] },
  { slug: "south-punjab-embroidery-crafts", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "South Punjab embroidery, lacquer work and block printing", nameUr: "جنوبی پنجاب کڑھائی، لاکھ کا کام اور بلاک پرنٹنگ", district: "Multan", province: "Punjab", hsCodes: ["5810"] },
  { slug: "hala-ajrak-blue-pottery", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Hala ajrak, blue pottery and lacquered wood", nameUr: "ہالا اجرک، نیلے ظروف اور لاکھ والی لکڑی", district: "Matiari", province: "Sindh", hsCodes: ["5208", "6913"] },
  { slug: "hyderabad-glass-bangles", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Hyderabad glass bangles", nameUr: "حیدرآباد کانچ کی چوڑیاں", district: "Hyderabad", province: "Sindh", hsCodes: ["7018"] },
  { slug: "kunri-red-chillies", sectorCode: "agro-food", otherSectorEn: null, nameEn: "Kunri red chillies", nameUr: "کنری لال مرچ", district: "Umerkot", province: "Sindh", hsCodes: ["0904"] },
  { slug: "mirpurkhas-mango-guava-onion", sectorCode: "agro-food", otherSectorEn: null, nameEn: "Mirpurkhas mango, guava and onion processing", nameUr: "میرپورخاص آم، امرود اور پیاز پراسیسنگ", district: "Mirpurkhas", province: "Sindh", hsCodes: ["0804", "2007"] },
  { slug: "tharparkar-ralli-embroidery", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Tharparkar ralli quilts and embroidery", nameUr: "تھرپارکر رلی اور کڑھائی", district: "Tharparkar", province: "Sindh", hsCodes: ["6304"] },
  { slug: "karachi-tanneries", sectorCode: "leather", otherSectorEn: null, nameEn: "Karachi tanneries", nameUr: "کراچی ٹینریز", district: "Karachi", province: "Sindh", hsCodes: ["4107"] },
  { slug: "karachi-export-furniture", sectorCode: "furniture", otherSectorEn: null, nameEn: "Karachi export furniture", nameUr: "کراچی برآمدی فرنیچر", district: "Karachi", province: "Sindh", hsCodes: ["9403"] },
  // Facts: about 600 units.
  { slug: "karachi-marble", sectorCode: "marble-granite", otherSectorEn: null, nameEn: "Karachi marble", nameUr: "کراچی ماربل", district: "Karachi", province: "Sindh", hsCodes: ["6802"] },
  { slug: "swat-silk-honey", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Swat silk cloth and honey", nameUr: "سوات ریشمی کپڑا اور شہد", district: "Swat", province: "Khyber Pakhtunkhwa", hsCodes: ["5007", "0409"] },
  { slug: "mardan-marble", sectorCode: "marble-granite", otherSectorEn: null, nameEn: "Mardan marble", nameUr: "مردان ماربل", district: "Mardan", province: "Khyber Pakhtunkhwa", hsCodes: ["6802"] },
  { slug: "buner-mohmand-marble", sectorCode: "marble-granite", otherSectorEn: null, nameEn: "Buner and Mohmand marble", nameUr: "بونیر اور مہمند ماربل", district: "Buner", province: "Khyber Pakhtunkhwa", hsCodes: ["2515", "6802"] },
  { slug: "peshawar-furniture-chappal-gems", sectorCode: "furniture", otherSectorEn: null, nameEn: "Peshawar furniture, chappal and gems", nameUr: "پشاور فرنیچر، چپل اور قیمتی پتھر", district: "Peshawar", province: "Khyber Pakhtunkhwa", hsCodes: ["9403", "6403", "7103"] },
  { slug: "chitral-patti-woollen-cloth", sectorCode: "textiles-handicrafts", otherSectorEn: null, nameEn: "Chitral patti woollen cloth", nameUr: "چترال پٹی اونی کپڑا", district: "Chitral", province: "Khyber Pakhtunkhwa", hsCodes: ["5111"] },
  { slug: "balochistan-marble-onyx", sectorCode: "marble-granite", otherSectorEn: null, nameEn: "Balochistan marble and onyx", nameUr: "بلوچستان ماربل اور اونکس", district: "Khuzdar", province: "Balochistan", hsCodes: ["2515", "6802"] },
  { slug: "gilgit-baltistan-apricots-cherries-crafts", sectorCode: "agro-food", otherSectorEn: null, nameEn: "Gilgit-Baltistan apricots, cherries and crafts", nameUr: "گلگت بلتستان خوبانی، چیری اور دستکاری", district: "Gilgit", province: "Gilgit-Baltistan", hsCodes: ["0813", "0809"] },
];

// ---------------------------------------------------------------------------
// Trade bodies: every chamber, women's chamber and association of the reference
// facts. Trade bodies are licensed by the Directorate General of Trade
// Organizations (Ministry of Commerce) under the Trade Organizations Act 2013.
//
// Quotas are demo values (how many member SMEs each body may nominate for this
// edition): larger for the apex body and the big city chambers, smaller for
// regional and women's chambers and narrow associations. Associations are
// national bodies here, so city and province are null; so is the apex FPCCI.
// ---------------------------------------------------------------------------

export const tradeBodies: SeedTradeBody[] = [
  // Chambers
  { slug: "fpcci", kind: "chamber", nameEn: "Federation of Pakistan Chambers of Commerce and Industry", nameUr: "وفاقِ ایوان ہائے صنعت و تجارت پاکستان", city: null, province: null, nominationQuota: 20 },
  { slug: "lcci", kind: "chamber", nameEn: "Lahore Chamber of Commerce and Industry", nameUr: "لاہور ایوانِ صنعت و تجارت", city: "Lahore", province: "Punjab", nominationQuota: 20 },
  { slug: "kcci", kind: "chamber", nameEn: "Karachi Chamber of Commerce and Industry", nameUr: "کراچی ایوانِ صنعت و تجارت", city: "Karachi", province: "Sindh", nominationQuota: 20 },
  { slug: "icci", kind: "chamber", nameEn: "Islamabad Chamber of Commerce and Industry", nameUr: "اسلام آباد ایوانِ صنعت و تجارت", city: "Islamabad", province: "Islamabad Capital Territory", nominationQuota: 12 },
  { slug: "scci", kind: "chamber", nameEn: "Sialkot Chamber of Commerce and Industry", nameUr: "سیالکوٹ ایوانِ صنعت و تجارت", city: "Sialkot", province: "Punjab", nominationQuota: 20 },
  { slug: "fcci", kind: "chamber", nameEn: "Faisalabad Chamber of Commerce and Industry", nameUr: "فیصل آباد ایوانِ صنعت و تجارت", city: "Faisalabad", province: "Punjab", nominationQuota: 15 },
  { slug: "mcci", kind: "chamber", nameEn: "Multan Chamber of Commerce and Industry", nameUr: "ملتان ایوانِ صنعت و تجارت", city: "Multan", province: "Punjab", nominationQuota: 15 },
  { slug: "sarhad-cci", kind: "chamber", nameEn: "Sarhad Chamber of Commerce and Industry", nameUr: "سرحد ایوانِ صنعت و تجارت", city: "Peshawar", province: "Khyber Pakhtunkhwa", nominationQuota: 15 },
  { slug: "swat-cci", kind: "chamber", nameEn: "Swat Chamber of Commerce and Industry", nameUr: "سوات ایوانِ صنعت و تجارت", city: "Swat", province: "Khyber Pakhtunkhwa", nominationQuota: 8 },
  { slug: "gbcci", kind: "chamber", nameEn: "Gilgit-Baltistan Chamber of Commerce and Industry", nameUr: "گلگت بلتستان ایوانِ صنعت و تجارت", city: "Gilgit", province: "Gilgit-Baltistan", nominationQuota: 8 },
  // Women's chambers
  { slug: "iwcci", kind: "women_chamber", nameEn: "Islamabad Women Chamber of Commerce and Industry", nameUr: "اسلام آباد ویمن چیمبر آف کامرس اینڈ انڈسٹری", city: "Islamabad", province: "Islamabad Capital Territory", nominationQuota: 10 },
  { slug: "wcci-lahore", kind: "women_chamber", nameEn: "Women Chamber of Commerce and Industry Lahore Division", nameUr: "ویمن چیمبر آف کامرس اینڈ انڈسٹری لاہور ڈویژن", city: "Lahore", province: "Punjab", nominationQuota: 12 },
  { slug: "wcci-multan", kind: "women_chamber", nameEn: "Women Chamber of Commerce and Industry Multan Division", nameUr: "ویمن چیمبر آف کامرس اینڈ انڈسٹری ملتان ڈویژن", city: "Multan", province: "Punjab", nominationQuota: 10 },
  { slug: "wcci-peshawar", kind: "women_chamber", nameEn: "Women Chamber of Commerce and Industry Peshawar Division", nameUr: "ویمن چیمبر آف کامرس اینڈ انڈسٹری پشاور ڈویژن", city: "Peshawar", province: "Khyber Pakhtunkhwa", nominationQuota: 10 },
  { slug: "wcci-quetta", kind: "women_chamber", nameEn: "Women Chamber of Commerce and Industry Quetta Division", nameUr: "ویمن چیمبر آف کامرس اینڈ انڈسٹری کوئٹہ ڈویژن", city: "Quetta", province: "Balochistan", nominationQuota: 8 },
  { slug: "wcci-bahawalpur", kind: "women_chamber", nameEn: "Women Chamber of Commerce and Industry Bahawalpur Division", nameUr: "ویمن چیمبر آف کامرس اینڈ انڈسٹری بہاولپور ڈویژن", city: "Bahawalpur", province: "Punjab", nominationQuota: 8 },
  { slug: "fwcci", kind: "women_chamber", nameEn: "Faisalabad Women Chamber of Commerce and Industry", nameUr: "فیصل آباد ویمن چیمبر آف کامرس اینڈ انڈسٹری", city: "Faisalabad", province: "Punjab", nominationQuota: 10 },
  { slug: "rwcci", kind: "women_chamber", nameEn: "Rawalpindi Women Chamber of Commerce and Industry", nameUr: "راولپنڈی ویمن چیمبر آف کامرس اینڈ انڈسٹری", city: "Rawalpindi", province: "Punjab", nominationQuota: 8 },
  // Sector associations (national)
  { slug: "simap", kind: "association", nameEn: "Surgical Instruments Manufacturers Association of Pakistan", nameUr: "سرجیکل انسٹرومنٹس مینوفیکچررز ایسوسی ایشن آف پاکستان", city: null, province: null, nominationQuota: 12 },
  { slug: "psgmea", kind: "association", nameEn: "Pakistan Sports Goods Manufacturers and Exporters Association", nameUr: "پاکستان اسپورٹس گڈز مینوفیکچررز اینڈ ایکسپورٹرز ایسوسی ایشن", city: null, province: null, nominationQuota: 10 },
  { slug: "pcssumea", kind: "association", nameEn: "Pakistan Cutlery and Stainless Steel Utensils Manufacturers and Exporters Association", nameUr: "پاکستان کٹلری اینڈ اسٹین لیس اسٹیل یوٹینسلز مینوفیکچررز اینڈ ایکسپورٹرز ایسوسی ایشن", city: null, province: null, nominationQuota: 8 },
  { slug: "plgmea", kind: "association", nameEn: "Pakistan Leather Garments Manufacturers and Exporters Association", nameUr: "پاکستان لیدر گارمنٹس مینوفیکچررز اینڈ ایکسپورٹرز ایسوسی ایشن", city: null, province: null, nominationQuota: 8 },
  { slug: "pta", kind: "association", nameEn: "Pakistan Tanners Association", nameUr: "پاکستان ٹینرز ایسوسی ایشن", city: null, province: null, nominationQuota: 8 },
  { slug: "pfma", kind: "association", nameEn: "Pakistan Footwear Manufacturers Association", nameUr: "پاکستان فٹ ویئر مینوفیکچررز ایسوسی ایشن", city: null, province: null, nominationQuota: 8 },
  { slug: "pgmea", kind: "association", nameEn: "Pakistan Gloves Manufacturers and Exporters Association", nameUr: "پاکستان گلووز مینوفیکچررز اینڈ ایکسپورٹرز ایسوسی ایشن", city: null, province: null, nominationQuota: 8 },
  { slug: "prgmea", kind: "association", nameEn: "Pakistan Readymade Garments Manufacturers and Exporters Association", nameUr: "پاکستان ریڈی میڈ گارمنٹس مینوفیکچررز اینڈ ایکسپورٹرز ایسوسی ایشن", city: null, province: null, nominationQuota: 12 },
  { slug: "pfc", kind: "association", nameEn: "Pakistan Furniture Council", nameUr: "پاکستان فرنیچر کونسل", city: null, province: null, nominationQuota: 12 },
  { slug: "apmia", kind: "association", nameEn: "All Pakistan Marble Industries Association", nameUr: "آل پاکستان ماربل انڈسٹریز ایسوسی ایشن", city: null, province: null, nominationQuota: 15 },
  { slug: "pasha", kind: "association", nameEn: "Pakistan Software Houses Association (P@SHA)", nameUr: "پاکستان سافٹ ویئر ہاؤسز ایسوسی ایشن (پاشا)", city: null, province: null, nominationQuota: 10 },
  { slug: "apbuma", kind: "association", nameEn: "All Pakistan Bedsheets and Upholstery Manufacturers Association", nameUr: "آل پاکستان بیڈ شیٹس اینڈ اپہولسٹری مینوفیکچررز ایسوسی ایشن", city: null, province: null, nominationQuota: 10 },
];

// ---------------------------------------------------------------------------
// SME size classes (SME Policy 2021, turnover-based; micro threshold as updated
// in 2025; employee bands from the State Bank of Pakistan definition). PKR.
// ---------------------------------------------------------------------------

export const smeSizeBands = {
  micro: { annualTurnoverMax: 30_000_000 },
  small: { annualTurnoverMax: 150_000_000, employeesMax: 50 },
  medium: { annualTurnoverMax: 800_000_000, employeesMaxTrading: 100, employeesMaxManufacturingServices: 250 },
} as const;
