// Cluster profiles for the demo enterprises: how many demo exhibitors per
// cluster, size and women-led leanings, name words, product templates,
// certifications, export markets and associations. Pure data, used by
// enterprises.ts.

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

const S = {
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

const P = (en: string, ur: string, hs: string, desc: string): ProductTemplate => ({ en, ur, hs, desc });

const furnitureProducts: ProductTemplate[] = [
  P("Solid wood dining sets", "ٹھوس لکڑی کے ڈائننگ سیٹ", "9403.6000", "Six- and eight-seat dining sets in seasoned sheesham and kikar."),
  P("Wooden bedroom sets", "لکڑی کے بیڈروم سیٹ", "9403.5000", "Bed, side tables and wardrobe in matching finish."),
  P("Office desks in sheesham", "شیشم کی دفتری میزیں", "9403.3000", "Executive and staff desks with drawers, made to order."),
  P("Kitchen cabinets", "کچن کیبنٹ", "9403.4000", "Modular wooden kitchen cabinets with lacquer or veneer finish."),
];

const marbleProducts: ProductTemplate[] = [
  P("Polished marble tiles", "پالش شدہ ماربل ٹائلیں", "6802.9100", "Calibrated, polished floor and wall tiles in standard sizes."),
  P("Marble slabs", "ماربل کی سلیں", "6802.2100", "Gang-saw cut slabs, 2 cm and 3 cm, for cladding and vanity tops."),
  P("Marble handicrafts", "ماربل کی دستکاری", "6802.9100", "Hand-turned vases, trays and lamp bases."),
];

export const profiles: Record<string, ClusterProfile> = {
  "sialkot-surgical-instruments": {
    count: 10, microW: 1, mediumW: 5, womenW: 1, kindEn: "surgical instrument maker",
    suffixes: [S.surgical, S.instruments, S.industries],
    products: [
      P("Stainless steel surgical scissors", "اسٹین لیس اسٹیل سرجیکل قینچیاں", "9018.9000", "Forged, hand-finished reusable scissors in standard surgical patterns."),
      P("Tissue and dressing forceps", "ٹشو اور ڈریسنگ فورسیپس", "9018.9000", "Forged stainless forceps in standard and micro patterns."),
      P("Needle holders", "نیڈل ہولڈرز", "9018.9000", "Needle holders with tungsten-carbide inserts for general surgery."),
      P("Dental extraction forceps", "دانت نکالنے کے فورسیپس", "9018.4900", "Upper and lower extraction forceps in English and American patterns."),
      P("Dental scalers and probes", "ڈینٹل اسکیلرز اور پروبز", "9018.4900", "Double-ended hygiene instruments with hollow handles."),
      P("Ophthalmic micro-instruments", "آنکھوں کی سرجری کے باریک آلات", "9018.5000", "Titanium micro-scissors and forceps for eye surgery."),
    ],
    certs: [["ISO 13485", 80], ["CE (EU MDR 2017/745)", 55], ["ISO 9001", 40], ["US FDA establishment registration", 25]],
    markets: ["DE", "US", "GB", "FR", "IT", "JP", "NL", "AE"],
    associations: ["simap"],
  },
  "sialkot-sports-goods": {
    count: 8, microW: 1, mediumW: 4, womenW: 1, kindEn: "sports goods manufacturer",
    suffixes: [S.sports, S.industries, S.works],
    products: [
      P("Hand-stitched match footballs", "ہاتھ سے سلے میچ فٹ بال", "9506.6200", "32-panel PU footballs, hand-stitched, size 5."),
      P("Thermo-bonded training footballs", "تھرمو بانڈڈ ٹریننگ فٹ بال", "9506.6200", "Machine-bonded training balls with butyl bladders."),
      P("English willow cricket bats", "انگلش ولو کرکٹ بیٹ", "9506.9900", "Graded English willow bats with cane handles."),
      P("Leather cricket balls", "چمڑے کی کرکٹ گیندیں", "9506.6900", "Four-piece alum-tanned leather balls, hand-stitched seam."),
      P("Composite hockey sticks", "کمپوزٹ ہاکی اسٹکس", "9506.9900", "Carbon and glass-fibre field hockey sticks."),
      P("Fitness training equipment", "فٹنس کا سامان", "9506.9100", "Resistance bands, skipping ropes and agility kits."),
    ],
    certs: [["ISO 9001", 40], ["FIFA Quality", 30], ["amfori BSCI", 30], ["SA8000", 15]],
    markets: ["DE", "GB", "US", "AU", "NL", "FR", "ES", "ZA"],
    associations: ["psgmea"],
  },
  "sialkot-sportswear": {
    count: 6, microW: 1, mediumW: 3, womenW: 3, kindEn: "sportswear maker",
    suffixes: [S.apparel, S.sports, S.textiles],
    products: [
      P("Team tracksuits, polyester", "پولیسٹر ٹیم ٹریک سوٹ", "6211.3300", "Woven polyester tracksuits in club colours, sublimation-printed."),
      P("Women's training jackets", "خواتین کی ٹریننگ جیکٹس", "6211.4300", "Lightweight woven training jackets with mesh lining."),
      P("Cotton warm-up suits", "سوتی وارم اپ سوٹ", "6211.3200", "Brushed cotton warm-up suits for schools and clubs."),
      P("Martial arts uniforms", "مارشل آرٹس یونیفارم", "6211.3200", "Heavy cotton judo and karate uniforms."),
    ],
    certs: [["OEKO-TEX Standard 100", 45], ["WRAP", 25], ["amfori BSCI", 30], ["ISO 9001", 25]],
    markets: ["US", "GB", "DE", "NL", "AU", "CA"],
    associations: ["prgmea"],
  },
  "sialkot-leather-gloves-instruments": {
    count: 6, microW: 1, mediumW: 3, womenW: 1, kindEn: "leather goods and instrument maker",
    suffixes: [S.leather, S.industries, S.crafts],
    products: [
      P("Leather goalkeeper gloves", "چمڑے کے گول کیپر دستانے", "4203.2100", "Goalkeeper gloves with leather backhand and latex palm."),
      P("Leather batting gloves", "چمڑے کے بیٹنگ دستانے", "4203.2100", "Cricket batting gloves with sheep-leather palms."),
      P("Leather work and safety gloves", "چمڑے کے حفاظتی دستانے", "4203.2900", "Cow-split work gloves for industry and welding."),
      P("Leather motorbike jackets", "چمڑے کی موٹر سائیکل جیکٹس", "4203.1000", "Cowhide riding jackets with armour pockets."),
      P("Highland bagpipes", "بیگ پائپ", "9205.9000", "Blackwood and rosewood bagpipes, hand-turned and assembled."),
      P("Brass bugles and trumpets", "پیتل کے بگل اور ٹرمپٹ", "9205.1000", "Band bugles and trumpets, lacquered or silver-plated."),
    ],
    certs: [["ISO 9001", 35], ["CE (EU PPE Regulation)", 30], ["amfori BSCI", 20]],
    markets: ["US", "GB", "DE", "FR", "AU", "CA", "IT"],
    associations: ["pgmea", "plgmea"],
  },
  "wazirabad-cutlery": {
    count: 6, microW: 2, mediumW: 2, womenW: 1, kindEn: "cutlery maker",
    suffixes: [S.cutlery, S.works, S.traders],
    products: [
      P("Chef's knives", "باورچی چاقو", "8211.9200", "Forged carbon and stainless chef's knives with riveted handles."),
      P("Folding pocket knives", "تہ ہونے والے جیبی چاقو", "8211.9300", "Lock-back folding knives with wood and horn handles."),
      P("Table knives", "کھانے کی میز کے چاقو", "8211.9100", "Stainless table knives, mirror or satin finish."),
      P("Stainless steel cutlery sets", "اسٹین لیس اسٹیل کٹلری سیٹ", "8215.2000", "24- and 48-piece household and hotel cutlery sets."),
      P("Serving spoons and ladles", "سرونگ چمچ اور ڈوئیاں", "8215.9900", "Stainless serving spoons, ladles and skimmers."),
    ],
    certs: [["ISO 9001", 35], ["LFGB food-contact compliance", 25]],
    markets: ["AE", "SA", "US", "DE", "GB", "KE"],
    associations: ["pcssumea"],
  },
  "gujranwala-light-engineering": {
    count: 5, microW: 1, mediumW: 2, womenW: 1, kindEn: "light engineering workshop",
    suffixes: [S.engineering, S.industries, S.works],
    products: [
      P("Brass gate valves", "پیتل کے گیٹ والو", "8481.8000", "Forged brass gate valves, 1/2 to 4 inch."),
      P("Non-return check valves", "نان ریٹرن چیک والو", "8481.3000", "Swing and spring check valves for water lines."),
      P("Water taps and mixers", "پانی کی ٹونٹیاں اور مکسر", "8481.8000", "Chrome-plated brass taps and basin mixers."),
      P("Pedestal fans", "پیڈسٹل پنکھے", "8414.5100", "Pedestal fans with copper-wound motors."),
      P("Reciprocating air compressors", "ایئر کمپریسر", "8414.8000", "Workshop air compressors, 50 to 300 litre tanks."),
    ],
    certs: [["ISO 9001", 45], ["ISO 14001", 10]],
    markets: ["AF", "AE", "SA", "KE", "TZ", "LK"],
    associations: [],
  },
  "gujrat-ceramics-fans-appliances": {
    count: 4, microW: 1, mediumW: 2, womenW: 1, kindEn: "fan and sanitaryware maker",
    suffixes: [S.fans, S.industries, S.enterprises],
    products: [
      P("Ceiling fans", "چھت کے پنکھے", "8414.5100", "56-inch ceiling fans with copper-wound motors."),
      P("Energy-efficient DC ceiling fans", "کم بجلی والے ڈی سی چھت کے پنکھے", "8414.5100", "Inverter-ready DC ceiling fans drawing under 40 W."),
      P("Exhaust fans", "ایگزاسٹ پنکھے", "8414.5900", "Metal-blade exhaust fans for kitchens and workshops."),
      P("Porcelain washbasins", "پورسلین واش بیسن", "6910.1000", "Vitreous china pedestal and counter basins."),
      P("Ceramic water closets", "سیرامک کموڈ", "6910.1000", "Wall-hung and floor-mounted vitreous china closets."),
    ],
    certs: [["PS mark (PSQCA)", 55], ["ISO 9001", 35]],
    markets: ["AF", "AE", "BD", "KE", "NG"],
    associations: [],
  },
  "gujrat-wooden-furniture": {
    count: 4, microW: 2, mediumW: 1, womenW: 1, kindEn: "furniture maker",
    suffixes: [S.furniture, S.woodcrafts, S.traders],
    products: furnitureProducts,
    certs: [["FSC Chain of Custody", 20], ["ISO 9001", 25]],
    markets: ["AE", "SA", "QA", "OM"],
    associations: ["pfc"],
  },
  "chiniot-woodwork-furniture": {
    count: 5, microW: 3, mediumW: 1, womenW: 1, kindEn: "woodwork and furniture workshop",
    suffixes: [S.woodcrafts, S.furniture, S.crafts],
    products: [
      P("Hand-carved sheesham beds", "ہاتھ سے تراشے شیشم کے پلنگ", "9403.5000", "Chinioti hand-carved beds in seasoned sheesham."),
      P("Carved dining sets", "نقش و نگار والے ڈائننگ سیٹ", "9403.6000", "Dining tables and chairs with traditional relief carving."),
      P("Inlaid jewellery boxes", "پچی کاری والے زیورات کے ڈبے", "4420.9000", "Wooden caskets with brass and bone inlay."),
      P("Carved wooden ornaments", "لکڑی کے تراشیدہ آرائشی نمونے", "4420.1900", "Wall panels, frames and small carved ornaments."),
    ],
    certs: [["FSC Chain of Custody", 10], ["ISO 9001", 10]],
    markets: ["AE", "SA", "GB", "US"],
    associations: ["pfc"],
  },
  "faisalabad-textile-machinery": {
    count: 4, microW: 1, mediumW: 1, womenW: 1, kindEn: "textile machinery parts maker",
    suffixes: [S.engineering, S.industries, S.works],
    products: [
      P("Loom reeds", "لوم ریڈز", "8448.4200", "Steel and stainless reeds for shuttle and air-jet looms."),
      P("Heald frames and healds", "ہیلڈ فریم اور ہیلڈز", "8448.4200", "Aluminium heald frames and flat steel healds."),
      P("Ring travellers and spindles", "رنگ ٹریولرز اور تکلے", "8448.3300", "Ring-spinning travellers and spindle replacements."),
      P("Shuttle-loom spare parts", "شٹل لوم کے اسپیئر پارٹس", "8448.4900", "Picking sticks, shuttles, gears and bearings for power looms."),
    ],
    certs: [["ISO 9001", 45]],
    markets: ["BD", "EG", "UZ", "LK"],
    associations: [],
  },
  "faisalabad-power-looms": {
    count: 7, microW: 2, mediumW: 4, womenW: 2, kindEn: "weaving unit",
    suffixes: [S.looms, S.textiles, S.industries],
    products: [
      P("Greige cotton poplin", "کورا سوتی پاپلین", "5208.1200", "Unbleached plain-weave cotton poplin, 120-140 g/m2."),
      P("Bleached cotton lawn", "سفید سوتی لان", "5208.2100", "Fine bleached lawn for printing, under 100 g/m2."),
      P("Printed cotton bedsheets", "پرنٹ شدہ سوتی بیڈ شیٹس", "6302.2100", "Printed percale bedsheet sets with pillow covers."),
      P("Cotton terry towels", "سوتی تولیے", "6302.6000", "Bath and hand towels in terry cotton."),
    ],
    certs: [["OEKO-TEX Standard 100", 45], ["GOTS", 15], ["ISO 9001", 25]],
    markets: ["US", "GB", "DE", "NL", "ES", "IT", "BE"],
    associations: ["apbuma"],
  },
  "lahore-auto-parts": {
    count: 6, microW: 1, mediumW: 3, womenW: 1, kindEn: "auto parts maker",
    suffixes: [S.autoparts, S.engineering, S.industries],
    products: [
      P("Brake shoes and pads", "بریک شوز اور پیڈز", "8708.3000", "Brake shoes and disc pads for cars and light commercial vehicles."),
      P("Shock absorbers", "شاک ایبزاربر", "8708.8000", "Hydraulic and gas shock absorbers."),
      P("Radiators", "ریڈی ایٹر", "8708.9100", "Copper-brass and aluminium radiators."),
      P("Steering wheels", "اسٹیئرنگ وہیل", "8708.9400", "Steering wheels for tractors and light vehicles."),
      P("Road wheel rims", "گاڑیوں کے پہیوں کے رم", "8708.7000", "Pressed steel wheel rims for light vehicles."),
    ],
    certs: [["ISO 9001", 55], ["IATF 16949", 25]],
    markets: ["AF", "AE", "SA", "DZ", "NG"],
    associations: [],
  },
  "lahore-footwear": {
    count: 5, microW: 2, mediumW: 2, womenW: 2, kindEn: "footwear maker",
    suffixes: [S.footwear, S.leather, S.crafts],
    products: [
      P("Men's leather oxford shoes", "مردانہ چمڑے کے آکسفورڈ جوتے", "6403.5900", "Goodyear-welted oxfords with leather soles."),
      P("Leather ankle boots", "چمڑے کے بوٹ", "6403.9100", "Ankle boots with rubber soles and leather uppers."),
      P("Hand-embroidered leather khussa", "ہاتھ کی کڑھائی والا چمڑے کا کھسہ", "6403.5900", "Traditional khussa with tilla embroidery and leather soles."),
      P("Leather sandals", "چمڑے کے سینڈل", "6403.9900", "Men's and women's leather sandals."),
    ],
    certs: [["ISO 9001", 25], ["amfori BSCI", 15]],
    markets: ["GB", "DE", "AE", "SA", "IT"],
    associations: ["pfma"],
  },
  "lahore-ready-made-garments": {
    count: 7, microW: 2, mediumW: 3, womenW: 3, kindEn: "garment maker",
    suffixes: [S.garments, S.apparel, S.textiles],
    products: [
      P("Men's cotton shalwar kameez", "مردانہ سوتی شلوار قمیض", "6203.2200", "Ready-to-wear shalwar kameez in cotton and wash-and-wear."),
      P("Men's denim trousers", "مردانہ ڈینم پتلون", "6203.4200", "Five-pocket denim trousers, stonewashed."),
      P("Women's embroidered lawn suits", "خواتین کے کڑھائی والے لان سوٹ", "6204.2200", "Three-piece stitched lawn suits with embroidered fronts."),
      P("Women's cotton dresses", "خواتین کے سوتی فراک", "6204.4200", "Printed cotton dresses and frocks."),
      P("Women's cotton trousers", "خواتین کے سوتی ٹراؤزر", "6204.6200", "Straight and cigarette cotton trousers."),
    ],
    certs: [["OEKO-TEX Standard 100", 35], ["WRAP", 25], ["amfori BSCI", 25], ["GOTS", 10]],
    markets: ["US", "GB", "DE", "AE", "SA", "ES"],
    associations: ["prgmea"],
  },
  "lahore-it-software": {
    count: 7, microW: 2, mediumW: 2, womenW: 3, kindEn: "software house",
    suffixes: [S.labs, S.software, S.digital],
    // ICT_PLACEHOLDER_HEADING: services carry 8523.4900 as a placeholder code.
    products: [
      P("Inventory and point-of-sale software", "انوینٹری اور پوائنٹ آف سیل سافٹ ویئر", "8523.4900", "Cloud POS and stock control for retailers (service; placeholder code 8523)."),
      P("ERP for small manufacturers", "چھوٹے صنعت کاروں کے لیے ای آر پی", "8523.4900", "Orders, production and costing in English and Urdu (service; placeholder code 8523)."),
      P("Mobile app development", "موبائل ایپ ڈیولپمنٹ", "8523.4900", "Android and iOS apps built to order (service; placeholder code 8523)."),
      P("Bilingual e-commerce storefronts", "دو لسانی ای کامرس اسٹور", "8523.4900", "Online shops in English and Urdu with local payment gateways (service; placeholder code 8523)."),
      P("Cloud accounting for SMEs", "ایس ایم ایز کے لیے کلاؤڈ اکاؤنٹنگ", "8523.4900", "Bookkeeping and sales-tax returns for small firms (service; placeholder code 8523)."),
    ],
    certs: [["ISO/IEC 27001", 35], ["ISO 9001", 25], ["CMMI Level 3", 15]],
    markets: ["US", "GB", "AE", "SA", "CA", "AU", "DE"],
    associations: ["pasha"],
  },
  "rawalpindi-islamabad-marble-granite": {
    count: 4, microW: 2, mediumW: 1, womenW: 3, kindEn: "marble and granite processor",
    suffixes: [S.marble, S.stone, S.traders],
    products: [
      P("Polished marble tiles", "پالش شدہ ماربل ٹائلیں", "6802.9100", "Calibrated, polished floor and wall tiles in standard sizes."),
      P("Granite kitchen countertops", "گرینائٹ کچن کاؤنٹر ٹاپ", "6802.9300", "Cut-to-size polished granite countertops."),
      P("Marble slabs", "ماربل کی سلیں", "6802.2100", "Gang-saw cut slabs, 2 cm and 3 cm."),
      P("Marble blocks", "ماربل کے بلاک", "2515.1200", "Squared blocks cut at the quarry for sawing."),
    ],
    certs: [["ISO 9001", 25], ["CE (EN 1469)", 15]],
    markets: ["CN", "AE", "SA", "QA"],
    associations: ["apmia"],
  },
  "daska-farm-implements": {
    count: 3, microW: 1, mediumW: 1, womenW: 1, kindEn: "farm implement maker",
    suffixes: [S.engineering, S.industries, S.works],
    products: [
      P("Disc harrows", "ڈسک ہیرو", "8432.2100", "Tractor-mounted disc harrows, 16 to 24 discs."),
      P("Mouldboard ploughs", "مولڈ بورڈ ہل", "8432.1000", "Two- and three-furrow mouldboard ploughs."),
      P("Wheat seed drills", "گندم کی بیج ڈرل", "8432.3900", "Nine- and eleven-row seed drills."),
      P("Tine cultivators", "کلٹی ویٹر", "8432.2900", "Spring-tine cultivators for seedbed preparation."),
      P("Rotavator blades", "روٹاویٹر بلیڈ", "8432.9000", "Heat-treated replacement blades."),
    ],
    certs: [["ISO 9001", 35]],
    markets: ["AF", "KE", "TZ", "SD", "UZ"],
    associations: [],
  },
  "sargodha-kinnow": {
    count: 4, microW: 3, mediumW: 2, womenW: 1, kindEn: "kinnow grower and packer",
    suffixes: [S.agro, S.orchards, S.foods],
    products: [
      P("Fresh kinnow, waxed and graded", "تازہ کینو، ویکس شدہ اور درجہ بند", "0805.2100", "Washed, waxed and size-graded kinnow mandarins."),
      P("Export-grade kinnow in 10 kg cartons", "برآمدی معیار کا کینو، دس کلو کارٹن", "0805.2100", "Packed to importer specification, cold-chain ready."),
      P("Fresh mosambi (sweet oranges)", "تازہ موسمی", "0805.1000", "Sweet oranges for juice and table use."),
    ],
    certs: [["GlobalG.A.P.", 55], ["HACCP", 30], ["ISO 22000", 15]],
    markets: ["RU", "ID", "PH", "AE", "AF", "KE"],
    associations: [],
  },
  "multan-mango": {
    count: 4, microW: 3, mediumW: 1, womenW: 2, kindEn: "mango grower and packer",
    suffixes: [S.agro, S.orchards, S.foods],
    products: [
      P("Fresh Chaunsa mangoes", "تازہ چونسہ آم", "0804.5000", "Hot-water treated Chaunsa mangoes in 5 kg boxes."),
      P("Fresh Anwar Ratol mangoes", "تازہ انور رٹول آم", "0804.5000", "Early-season Anwar Ratol mangoes, hand-picked."),
      P("Fresh Dussehri mangoes", "تازہ دسہری آم", "0804.5000", "Fibreless Dussehri mangoes for retail."),
    ],
    certs: [["GlobalG.A.P.", 55], ["HACCP", 25]],
    markets: ["AE", "GB", "CN", "SA", "MY", "AZ"],
    associations: [],
  },
  "multan-bed-wear-handloom": {
    count: 4, microW: 3, mediumW: 1, womenW: 3, kindEn: "bed wear and handloom weaver",
    suffixes: [S.looms, S.textiles, S.crafts],
    products: [
      P("Handloom khes", "دستی کھڈی کا کھیس", "6302.3100", "Double-cloth cotton khes woven on pit looms."),
      P("Printed cotton bedsheets", "پرنٹ شدہ سوتی بیڈ شیٹس", "6302.2100", "Printed bedsheet sets with pillow covers."),
      P("Cotton table linen", "سوتی ٹیبل لینن", "6302.5100", "Handloom tablecloths and napkins."),
    ],
    certs: [["OEKO-TEX Standard 100", 30], ["ISO 9001", 15]],
    markets: ["US", "GB", "DE", "AE"],
    associations: ["apbuma"],
  },
  "south-punjab-embroidery-crafts": {
    count: 5, microW: 6, mediumW: 0, womenW: 7, kindEn: "embroidery and crafts enterprise",
    suffixes: [S.crafts, S.handicrafts, S.enterprises],
    products: [
      P("Hand-embroidered kurta panels", "ہاتھ کی کڑھائی والے کرتے کے پینل", "5810.9100", "Cotton panels with hand embroidery, ready for stitching."),
      P("Mirror-work embroidered fabric", "شیشے کے کام والا کڑھائی دار کپڑا", "5810.9100", "Cotton fabric with mirror-work and chain-stitch embroidery."),
      P("Machine-embroidered lace borders", "مشینی کڑھائی والی لیس", "5810.9200", "Polyester lace and borders for garment trims."),
      P("Cutwork embroidery motifs", "کٹ ورک کڑھائی کے نمونے", "5810.1000", "Cutwork motifs without visible ground, for appliqué."),
    ],
    certs: [["WFTO Guaranteed Fair Trade", 15]],
    markets: ["US", "GB", "AE", "DE", "CA"],
    associations: [],
  },
  "hala-ajrak-blue-pottery": {
    count: 5, microW: 6, mediumW: 0, womenW: 5, kindEn: "ajrak and pottery workshop",
    suffixes: [S.crafts, S.handicrafts, S.works],
    products: [
      P("Hand block-printed ajrak", "ہاتھ کے ٹھپے والی اجرک", "5208.5200", "Resist-dyed, hand block-printed cotton ajrak in indigo and madder."),
      P("Ajrak-print cotton yardage", "اجرک پرنٹ سوتی کپڑا", "5208.5100", "Lightweight block-printed cotton by the metre."),
      P("Blue pottery vases", "نیلے ظروف کے گلدان", "6913.9000", "Hand-painted blue-glazed earthenware vases."),
      P("Blue pottery decorative plates", "نیلے ظروف کی آرائشی پلیٹیں", "6913.9000", "Wall plates in traditional blue and turquoise glazes."),
    ],
    certs: [["WFTO Guaranteed Fair Trade", 15]],
    markets: ["US", "GB", "AE", "DE", "AU"],
    associations: [],
  },
  "hyderabad-glass-bangles": {
    count: 4, microW: 5, mediumW: 0, womenW: 5, kindEn: "glass bangle maker",
    suffixes: [S.crafts, S.traders, S.enterprises],
    products: [
      P("Glass bangles, assorted colours", "رنگ برنگی کانچ کی چوڑیاں", "7018.1000", "Hand-finished glass bangles in dozens of shades."),
      P("Bridal glass bangle sets", "دلہن کے لیے کانچ کی چوڑیوں کے سیٹ", "7018.1000", "Decorated bangle sets with gold-tone work."),
      P("Glass beads", "کانچ کے موتی", "7018.1000", "Lamp-worked glass beads for jewellery makers."),
    ],
    certs: [["WFTO Guaranteed Fair Trade", 5]],
    markets: ["AE", "GB", "IN", "BD"],
    associations: [],
  },
  "kunri-red-chillies": {
    count: 3, microW: 3, mediumW: 1, womenW: 2, kindEn: "chilli processor",
    suffixes: [S.foods, S.agro, S.traders],
    products: [
      P("Whole dried red chillies", "ثابت سوکھی لال مرچ", "0904.2100", "Sun-dried, de-stemmed Kunri chillies, sorted by colour."),
      P("Red chilli powder", "پسی ہوئی لال مرچ", "0904.2200", "Steam-sterilised chilli powder, tested for aflatoxin."),
      P("Crushed chilli flakes", "کٹی ہوئی لال مرچ", "0904.2200", "Crushed chillies for retail and food service."),
    ],
    certs: [["Halal (PHA)", 40], ["HACCP", 30], ["ISO 22000", 15]],
    markets: ["AE", "SA", "MY", "BD", "LK", "GB"],
    associations: [],
  },
  "mirpurkhas-mango-guava-onion": {
    count: 3, microW: 3, mediumW: 1, womenW: 2, kindEn: "fruit processor",
    suffixes: [S.foods, S.agro, S.orchards],
    products: [
      P("Fresh Sindhri mangoes", "تازہ سندھڑی آم", "0804.5000", "Sindhri mangoes, hot-water treated, in 5 kg boxes."),
      P("Fresh guavas", "تازہ امرود", "0804.5000", "Graded guavas for domestic and Gulf markets."),
      P("Aseptic mango pulp", "آم کا گودا (ایسیپٹک)", "2007.9900", "Sindhri mango pulp in aseptic drums and cans."),
      P("Guava jam", "امرود کا جام", "2007.9900", "Guava jam in glass jars."),
    ],
    certs: [["HACCP", 40], ["Halal (PHA)", 30], ["GlobalG.A.P.", 30], ["BRCGS", 10]],
    markets: ["AE", "SA", "GB", "OM", "QA"],
    associations: [],
  },
  "tharparkar-ralli-embroidery": {
    count: 4, microW: 6, mediumW: 0, womenW: 7, kindEn: "ralli and embroidery enterprise",
    suffixes: [S.crafts, S.handicrafts, S.enterprises],
    products: [
      P("Hand-stitched ralli quilts", "ہاتھ سے سلی رلی", "6304.1900", "Patchwork and appliqué cotton quilts, hand-stitched."),
      P("Embroidered cushion covers", "کڑھائی والے کشن کور", "6304.9200", "Cotton cushion covers with Thari embroidery."),
      P("Appliqué wall hangings", "ایپلیک دیواری آرائش", "6304.9200", "Ralli-style appliqué hangings."),
    ],
    certs: [["WFTO Guaranteed Fair Trade", 20]],
    markets: ["US", "GB", "DE", "AU"],
    associations: [],
  },
  "karachi-tanneries": {
    count: 5, microW: 0, mediumW: 5, womenW: 1, kindEn: "tannery",
    suffixes: [S.tannery, S.leather, S.industries],
    products: [
      P("Full-grain cow crust leather", "فل گرین گائے کا کرسٹ چمڑا", "4107.1100", "Whole-hide crust leather for shoe and bag makers."),
      P("Corrected-grain upholstery leather", "کریکٹڈ گرین اپہولسٹری چمڑا", "4107.1200", "Embossed and pigmented leather for furniture and car seats."),
      P("Buffalo leather sides", "بھینس کے چمڑے کی سائیڈز", "4107.9100", "Full-grain buffalo sides for belts and bags."),
      P("Finished shoe-upper leather", "جوتوں کے اوپری حصے کا تیار چمڑا", "4107.9900", "Finished cow leather for shoe uppers."),
    ],
    certs: [["LWG (Leather Working Group)", 45], ["ISO 14001", 35], ["ISO 9001", 35]],
    markets: ["IT", "CN", "VN", "KR", "DE", "HK"],
    associations: ["pta"],
  },
  "karachi-export-furniture": {
    count: 4, microW: 1, mediumW: 3, womenW: 1, kindEn: "export furniture maker",
    suffixes: [S.furniture, S.woodcrafts, S.industries],
    products: [
      P("Solid wood dining sets", "ٹھوس لکڑی کے ڈائننگ سیٹ", "9403.6000", "Dining sets in sheesham and imported oak."),
      P("Hotel bedroom furniture", "ہوٹل کے بیڈروم فرنیچر", "9403.5000", "Contract furniture for hotels, to project drawings."),
      P("Office workstations", "دفتری ورک اسٹیشن", "9403.3000", "Modular office workstations in wood and laminate."),
      P("Metal-frame outdoor furniture", "دھاتی فریم کا بیرونی فرنیچر", "9403.2000", "Powder-coated steel garden and terrace furniture."),
    ],
    certs: [["FSC Chain of Custody", 35], ["ISO 9001", 35]],
    markets: ["AE", "SA", "QA", "OM", "GB", "US"],
    associations: ["pfc"],
  },
  "karachi-marble": {
    count: 4, microW: 1, mediumW: 3, womenW: 1, kindEn: "marble processor",
    suffixes: [S.marble, S.stone, S.industries],
    products: [
      ...marbleProducts,
      P("Marble mosaic and inlay", "ماربل موزیک اور پچی کاری", "6802.9100", "Water-jet cut mosaics and inlay medallions."),
    ],
    certs: [["ISO 9001", 30], ["CE (EN 1469)", 20], ["ISO 14001", 10]],
    markets: ["CN", "AE", "SA", "US", "IT", "QA"],
    associations: ["apmia"],
  },
  "swat-silk-honey": {
    count: 4, microW: 5, mediumW: 0, womenW: 5, kindEn: "silk weaver and honey producer",
    suffixes: [S.crafts, S.textiles, S.foods],
    products: [
      P("Swati silk fabric", "سواتی ریشمی کپڑا", "5007.2000", "Power-loom silk fabric from Swat, plain and jacquard."),
      P("Woven silk shawl lengths", "ریشمی شال کا کپڑا", "5007.9000", "Silk-blend shawl lengths with woven borders."),
      P("Natural sidr (bair) honey", "خالص بیری کا شہد", "0409.0000", "Raw sidr honey from Swat valley apiaries."),
      P("Acacia (phulai) honey", "پھلاہی کا شہد", "0409.0000", "Light acacia honey, filtered and jarred."),
    ],
    certs: [["Halal (PHA)", 25], ["WFTO Guaranteed Fair Trade", 10]],
    markets: ["AE", "SA", "GB", "QA"],
    associations: [],
  },
  "mardan-marble": {
    count: 3, microW: 2, mediumW: 1, womenW: 1, kindEn: "marble processor",
    suffixes: [S.marble, S.stone, S.traders],
    products: marbleProducts,
    certs: [["ISO 9001", 20]],
    markets: ["CN", "AE", "SA", "AF"],
    associations: ["apmia"],
  },
  "buner-mohmand-marble": {
    count: 2, microW: 2, mediumW: 1, womenW: 1, kindEn: "marble quarrying and processing unit",
    suffixes: [S.marble, S.stone, S.traders],
    products: [
      P("Crude marble blocks", "خام ماربل بلاک", "2515.1100", "Crude and roughly trimmed blocks from Buner quarries."),
      P("Sawn marble blocks", "کٹے ہوئے ماربل بلاک", "2515.1200", "Blocks squared by wire saw for export."),
      P("Polished marble tiles", "پالش شدہ ماربل ٹائلیں", "6802.9100", "Calibrated, polished floor and wall tiles."),
      P("Marble slabs", "ماربل کی سلیں", "6802.2100", "Gang-saw cut slabs, 2 cm and 3 cm."),
    ],
    certs: [["ISO 9001", 15]],
    markets: ["CN", "AE", "SA"],
    associations: ["apmia"],
  },
  "peshawar-furniture-chappal-gems": {
    count: 5, microW: 3, mediumW: 1, womenW: 1, kindEn: "furniture, footwear and gems enterprise",
    suffixes: [S.crafts, S.gems, S.woodcrafts, S.traders],
    products: [
      P("Peshawari chappal", "پشاوری چپل", "6403.5900", "Hand-made leather chappal with leather soles."),
      P("Carved walnut furniture", "اخروٹ کی لکڑی کا تراشیدہ فرنیچر", "9403.6000", "Walnut tables, screens and chests with Swati carving."),
      P("Cut and polished peridot", "تراشا ہوا پیریڈوٹ", "7103.9900", "Faceted peridot from northern Pakistan, calibrated sizes."),
      P("Rough tourmaline", "خام ٹورملین", "7103.1000", "Rough tourmaline crystals for cutters."),
      P("Cut emeralds", "تراشے ہوئے زمرد", "7103.9100", "Faceted emeralds, graded by colour and clarity."),
    ],
    certs: [["ISO 9001", 10]],
    markets: ["AE", "AF", "TH", "HK", "US"],
    associations: ["pfc"],
  },
  "chitral-patti-woollen-cloth": {
    count: 3, microW: 6, mediumW: 0, womenW: 5, kindEn: "patti weaving enterprise",
    suffixes: [S.crafts, S.handicrafts, S.textiles],
    products: [
      P("Hand-woven patti cloth", "ہاتھ سے بنا پٹی کپڑا", "5111.1900", "Heavy carded-wool patti woven on hand looms."),
      P("Lightweight patti shawl fabric", "ہلکا پٹی شال کا کپڑا", "5111.1100", "Fine patti under 300 g/m2 for shawls."),
      P("Patti waistcoat lengths", "پٹی کی واسکٹ کا کپڑا", "5111.1900", "Cut lengths for Chitrali waistcoats and caps."),
    ],
    certs: [["WFTO Guaranteed Fair Trade", 10]],
    markets: ["GB", "US", "AE"],
    associations: [],
  },
  "balochistan-marble-onyx": {
    count: 3, microW: 2, mediumW: 1, womenW: 3, kindEn: "marble and onyx processor",
    suffixes: [S.marble, S.stone, S.traders],
    products: [
      P("Onyx blocks", "اونکس کے بلاک", "2515.1200", "Sawn onyx blocks in green, banded and white."),
      P("Polished onyx tiles", "پالش شدہ اونکس ٹائلیں", "6802.9100", "Backlit-grade polished onyx tiles."),
      P("Onyx decorative articles", "اونکس کی آرائشی اشیا", "6802.9100", "Hand-turned onyx bowls, vases and lamps."),
      P("White marble slabs", "سفید ماربل کی سلیں", "6802.2100", "White marble slabs, gang-saw cut."),
    ],
    certs: [["ISO 9001", 15]],
    markets: ["CN", "AE", "US", "IT"],
    associations: ["apmia"],
  },
  "gilgit-baltistan-apricots-cherries-crafts": {
    count: 4, microW: 5, mediumW: 0, womenW: 4, kindEn: "fruit and crafts enterprise",
    suffixes: [S.foods, S.orchards, S.crafts],
    products: [
      P("Sun-dried apricots", "دھوپ میں سکھائی خوبانی", "0813.1000", "Whole and halved apricots, sun-dried without sulphur."),
      P("Fresh sweet cherries", "تازہ میٹھی چیری", "0809.2900", "Hand-picked cherries packed in 2 kg boxes."),
      P("Fresh apricots", "تازہ خوبانی", "0809.1000", "Summer apricots for nearby markets."),
      P("Dried apricot and mulberry mix", "خشک خوبانی اور شہتوت کا آمیزہ", "0813.5000", "Mixed dried fruit in retail pouches."),
    ],
    certs: [["Halal (PHA)", 25], ["HACCP", 25], ["EU organic", 10]],
    markets: ["CN", "AE", "GB", "SA", "MY"],
    associations: [],
  },
};

