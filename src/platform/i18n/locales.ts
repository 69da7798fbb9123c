export const locales = ["en", "ur"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export const isLocale = (v: unknown): v is Locale => v === "en" || v === "ur";
export const dirOf = (locale: Locale): "ltr" | "rtl" => (locale === "ur" ? "rtl" : "ltr");
/** BCP 47 tags for Intl: Pakistani Urdu, and English as written in Pakistan. */
export const intlTag = (locale: Locale) => (locale === "ur" ? "ur-PK" : "en-PK");

/** Pick the locale: explicit choice (cookie or account) first, then the browser's Accept-Language. */
export function negotiateLocale(choice: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(choice)) return choice;
  const accepted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of accepted) {
    if (tag.startsWith("ur")) return "ur";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}
