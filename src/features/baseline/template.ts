import { exportCountries } from "./engine/countries";
import type { Option, QuestionKind } from "./engine/questions";

// The ready "SME baseline" template (issue #15, item 1): six sections, our own questions, after the
// themes of ITC's SME Competitiveness grid (compete / connect / change) and the World Bank
// Enterprise Surveys. Every question carries the indicator code the scoring engine and the
// dashboards read (docs/baseline.md lists them all). An organiser starts a survey from it and edits.

export interface TemplateQuestion {
  code: string;
  kind: QuestionKind;
  en: string;
  ur: string;
  required?: boolean;
  options?: Option[];
  unit?: string;
  min?: number;
  max?: number;
  showIf?: { code: string; equals: string };
}
export interface TemplateSection {
  key: string;
  en: string;
  ur: string;
  questions: TemplateQuestion[];
}

const o = (value: string, en: string, ur: string): Option => ({ value, en, ur });
const obstacle = (key: string, en: string, ur: string): TemplateQuestion => ({ code: `obstacles.${key}`, kind: "scale", en, ur, required: true, min: 1, max: 5 });

export const smeBaseline: { en: string; ur: string; sections: TemplateSection[] } = {
  en: "SME baseline",
  ur: "ایس ایم ای بنیادی جائزہ",
  sections: [
    {
      key: "firm",
      en: "Your firm",
      ur: "آپ کا کاروبار",
      questions: [
        { code: "firm.year_founded", kind: "year", en: "In which year did the firm start?", ur: "کاروبار کس سال شروع ہوا؟", required: true },
        {
          code: "firm.legal_form",
          kind: "single",
          en: "Legal form",
          ur: "قانونی حیثیت",
          required: true,
          options: [o("sole_proprietor", "Sole proprietor", "واحد ملکیت"), o("partnership", "Partnership", "شراکت داری"), o("private_limited", "Private limited company", "پرائیویٹ لمیٹڈ کمپنی"), o("other", "Other", "دیگر")],
        },
        { code: "firm.ntn_registered", kind: "yes_no", en: "Is the firm registered for tax (NTN)?", ur: "کیا کاروبار ٹیکس (این ٹی این) میں رجسٹرڈ ہے؟", required: true },
        { code: "firm.employees_women", kind: "number", en: "Women working full time", ur: "کل وقتی کام کرنے والی خواتین", unit: "persons", required: true, max: 100000 },
        { code: "firm.employees_men", kind: "number", en: "Men working full time", ur: "کل وقتی کام کرنے والے مرد", unit: "persons", required: true, max: 100000 },
        { code: "firm.women_owned", kind: "yes_no", en: "Do women own at least half of the firm?", ur: "کیا کم از کم آدھی ملکیت خواتین کی ہے؟", required: true },
        { code: "firm.women_manager", kind: "yes_no", en: "Is the top manager a woman?", ur: "کیا اعلیٰ ترین منتظم خاتون ہیں؟", required: true },
        {
          code: "firm.turnover_band",
          kind: "single",
          en: "Sales in the last financial year (rupees)",
          ur: "پچھلے مالی سال کی فروخت (روپے)",
          required: true,
          options: [
            o("lt_5m", "Under 5 million", "50 لاکھ سے کم"),
            o("5m_25m", "5 to 25 million", "50 لاکھ سے ڈھائی کروڑ"),
            o("25m_100m", "25 to 100 million", "ڈھائی کروڑ سے 10 کروڑ"),
            o("100m_400m", "100 to 400 million", "10 کروڑ سے 40 کروڑ"),
            o("gt_400m", "Over 400 million", "40 کروڑ سے زیادہ"),
          ],
        },
      ],
    },
    {
      key: "products",
      en: "Products and capacity",
      ur: "مصنوعات اور پیداواری صلاحیت",
      questions: [
        { code: "products.hs_codes", kind: "hs_codes", en: "HS codes of your main products (2 to 8 digits, separated by commas)", ur: "اہم مصنوعات کے ایچ ایس کوڈ (2 سے 8 ہندسے، کاما سے الگ)", required: true },
        { code: "products.capacity_used", kind: "percentage", en: "Share of production capacity used last year", ur: "پچھلے سال پیداواری صلاحیت کا کتنا حصہ استعمال ہوا", unit: "%", required: true },
        { code: "products.output_value", kind: "currency", en: "Value of production last year (rupees)", ur: "پچھلے سال کی پیداوار کی مالیت (روپے)", unit: "PKR" },
      ],
    },
    {
      key: "markets",
      en: "Markets",
      ur: "منڈیاں",
      questions: [
        {
          code: "markets.domestic_reach",
          kind: "single",
          en: "Where in Pakistan do you sell?",
          ur: "پاکستان میں آپ کہاں فروخت کرتے ہیں؟",
          required: true,
          options: [o("district", "Own district", "اپنا ضلع"), o("province", "Own province", "اپنا صوبہ"), o("national", "Across Pakistan", "پورا پاکستان")],
        },
        { code: "markets.exports", kind: "yes_no", en: "Did you export in the last year?", ur: "کیا آپ نے پچھلے سال برآمد کیا؟", required: true },
        { code: "markets.export_share", kind: "percentage", en: "Share of sales exported", ur: "فروخت کا برآمد شدہ حصہ", unit: "%", required: true, showIf: { code: "markets.exports", equals: "yes" } },
        { code: "markets.export_markets", kind: "countries", en: "Countries you export to", ur: "جن ممالک کو آپ برآمد کرتے ہیں", options: exportCountries, required: true, showIf: { code: "markets.exports", equals: "yes" } },
        { code: "markets.first_export_year", kind: "year", en: "Year of your first export", ur: "پہلی برآمد کا سال", showIf: { code: "markets.exports", equals: "yes" } },
        {
          code: "markets.certifications",
          kind: "multiple",
          en: "Certifications held",
          ur: "حاصل شدہ سرٹیفکیشنز",
          options: [
            o("iso9001", "ISO 9001 (quality)", "آئی ایس او 9001 (معیار)"),
            o("iso14001", "ISO 14001 (environment)", "آئی ایس او 14001 (ماحول)"),
            o("ce", "CE marking", "سی ای مارکنگ"),
            o("halal", "Halal", "حلال"),
            o("psqca", "PSQCA", "پی ایس کیو سی اے"),
            o("other", "Other", "دیگر"),
            o("none", "None", "کوئی نہیں"),
          ],
        },
      ],
    },
    {
      key: "connect",
      en: "Connect",
      ur: "رابطے",
      questions: [
        { code: "connect.website", kind: "yes_no", en: "Does the firm have a website?", ur: "کیا کاروبار کی ویب سائٹ ہے؟", required: true },
        { code: "connect.online_sales", kind: "yes_no", en: "Do you sell online (own shop or marketplace)?", ur: "کیا آپ آن لائن فروخت کرتے ہیں (اپنی دکان یا مارکیٹ پلیس)؟", required: true },
        { code: "connect.digital_payments", kind: "yes_no", en: "Do you accept digital payments?", ur: "کیا آپ ڈیجیٹل ادائیگیاں قبول کرتے ہیں؟", required: true },
        { code: "connect.trade_body_member", kind: "yes_no", en: "Are you a member of a chamber or trade association?", ur: "کیا آپ کسی چیمبر یا تجارتی انجمن کے رکن ہیں؟", required: true },
        { code: "connect.buyer_meetings", kind: "number", en: "Meetings with new buyers in the last year", ur: "پچھلے سال نئے خریداروں سے ملاقاتیں", unit: "meetings", max: 10000 },
      ],
    },
    {
      key: "change",
      en: "Change and investment",
      ur: "تبدیلی اور سرمایہ کاری",
      questions: [
        { code: "change.bank_account", kind: "yes_no", en: "Does the firm have its own bank account?", ur: "کیا کاروبار کا اپنا بینک اکاؤنٹ ہے؟", required: true },
        { code: "change.credit_applied", kind: "yes_no", en: "Did you apply for a loan in the last two years?", ur: "کیا آپ نے پچھلے دو سال میں قرض کے لیے درخواست دی؟", required: true },
        { code: "change.credit_received", kind: "yes_no", en: "Did you receive it?", ur: "کیا قرض ملا؟", required: true, showIf: { code: "change.credit_applied", equals: "yes" } },
        { code: "change.equipment_investment", kind: "yes_no", en: "Did you buy new machinery or equipment last year?", ur: "کیا آپ نے پچھلے سال نئی مشینری یا آلات خریدے؟", required: true },
        { code: "change.equipment_amount", kind: "currency", en: "How much did it cost (rupees)?", ur: "اس پر کتنی لاگت آئی (روپے)؟", unit: "PKR", showIf: { code: "change.equipment_investment", equals: "yes" } },
        { code: "change.product_development", kind: "yes_no", en: "Did you develop a new or improved product last year?", ur: "کیا آپ نے پچھلے سال کوئی نئی یا بہتر مصنوعات تیار کی؟", required: true },
        { code: "change.staff_training", kind: "yes_no", en: "Did your staff receive formal training last year?", ur: "کیا پچھلے سال آپ کے عملے کو باقاعدہ تربیت ملی؟", required: true },
      ],
    },
    {
      key: "obstacles",
      en: "Obstacles",
      ur: "رکاوٹیں",
      questions: [
        obstacle("finance", "Access to finance (1 = no obstacle, 5 = very severe)", "مالی وسائل تک رسائی (1 = کوئی رکاوٹ نہیں، 5 = بہت شدید)"),
        obstacle("power", "Electricity and gas supply (1 = no obstacle, 5 = very severe)", "بجلی اور گیس کی فراہمی (1 = کوئی رکاوٹ نہیں، 5 = بہت شدید)"),
        obstacle("skills", "Finding skilled workers (1 = no obstacle, 5 = very severe)", "ہنر مند کارکنوں کی دستیابی (1 = کوئی رکاوٹ نہیں، 5 = بہت شدید)"),
        obstacle("regulation", "Taxes and regulation (1 = no obstacle, 5 = very severe)", "ٹیکس اور ضوابط (1 = کوئی رکاوٹ نہیں، 5 = بہت شدید)"),
        obstacle("market_access", "Reaching new markets (1 = no obstacle, 5 = very severe)", "نئی منڈیوں تک رسائی (1 = کوئی رکاوٹ نہیں، 5 = بہت شدید)"),
        { code: "obstacles.other", kind: "text", en: "Anything else that holds the firm back?", ur: "کوئی اور بات جو کاروبار کی ترقی میں رکاوٹ ہے؟" },
      ],
    },
  ],
};
