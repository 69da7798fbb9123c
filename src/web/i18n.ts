import { useRouteLoaderData } from "react-router";
import { dirOf, type Locale } from "../platform/i18n/locales";
import { translator, type Translate } from "../platform/i18n/translate";

export interface RootData {
  locale: Locale;
  user: { name: string; email: string } | null;
  canBackOffice: boolean;
  /** The signed-in person's role pages for the header (message key of each link's text). */
  roleLinks?: { to: string; label: string }[];
  /** The CSP nonce of this response, for React Router's inline scripts. */
  nonce?: string;
}

export function useRootData(): RootData {
  return (useRouteLoaderData("root") as RootData | undefined) ?? { locale: "en", user: null, canBackOffice: false };
}

export function useLocale(): Locale {
  return useRootData().locale;
}

export function useT(): Translate {
  return translator(useLocale());
}

export function useDir() {
  return dirOf(useLocale());
}

/** Pick the field in the reader's language, falling back to English when the Urdu one is empty. */
export function pick(locale: Locale, en: string, ur: string | null | undefined): string {
  return locale === "ur" && ur ? ur : en;
}

type MetaMatch = { id: string; data?: unknown } | undefined;

/** A page title in the reader's language, e.g. "Sign in · Numaish" / "سائن اِن · نمائش". */
export function pageTitle(matches: MetaMatch[], ...keys: string[]) {
  const root = matches.find((m) => m?.id === "root")?.data as RootData | undefined;
  const t = translator(root?.locale ?? "en");
  return [{ title: [...keys.map((k) => t(k)), t("app.name")].join(" · ") }];
}
