import type { Option } from "./questions";

// The country list a "countries" question offers (ISO 3166-1 alpha-2 codes): Pakistan's main
// export markets and neighbours, in English and Urdu. A firm ticks the ones it sells to.
export const exportCountries: Option[] = [
  ["US", "United States", "امریکہ"],
  ["GB", "United Kingdom", "برطانیہ"],
  ["DE", "Germany", "جرمنی"],
  ["NL", "Netherlands", "نیدرلینڈز"],
  ["FR", "France", "فرانس"],
  ["IT", "Italy", "اٹلی"],
  ["ES", "Spain", "اسپین"],
  ["BE", "Belgium", "بیلجیم"],
  ["AE", "United Arab Emirates", "متحدہ عرب امارات"],
  ["SA", "Saudi Arabia", "سعودی عرب"],
  ["QA", "Qatar", "قطر"],
  ["OM", "Oman", "عمان"],
  ["CN", "China", "چین"],
  ["AF", "Afghanistan", "افغانستان"],
  ["BD", "Bangladesh", "بنگلہ دیش"],
  ["LK", "Sri Lanka", "سری لنکا"],
  ["MY", "Malaysia", "ملائیشیا"],
  ["TR", "Türkiye", "ترکیہ"],
  ["KE", "Kenya", "کینیا"],
  ["ZA", "South Africa", "جنوبی افریقہ"],
  ["AU", "Australia", "آسٹریلیا"],
  ["CA", "Canada", "کینیڈا"],
  ["JP", "Japan", "جاپان"],
  ["UZ", "Uzbekistan", "ازبکستان"],
].map(([value, en, ur]) => ({ value: value!, en: en!, ur: ur! }));
