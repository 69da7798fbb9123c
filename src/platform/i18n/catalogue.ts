import type { Locale } from "./locales";
import { en as platformEn, type PlatformMessageKey } from "./messages/en";
import { ur as platformUr } from "./messages/ur";

// The message catalogues: the platform's own texts plus what each feature adds. Platform never
// imports a feature: src/messages.ts (the composition root, loaded by the app's root, the server,
// the CLI and the test set-up) calls addMessages with each feature's set, and each feature's
// messages.ts adds its keys to the type by declaration merging:
//
//   declare module "../../platform/i18n/catalogue" {
//     interface FeatureMessages extends Record<keyof typeof en, string> {}
//   }

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureMessages {}

export type MessageKey = PlatformMessageKey | Extract<keyof FeatureMessages, string>;
export interface MessageSet {
  en: Record<string, string>;
  ur: Record<string, string>;
}

const catalogues: Record<Locale, Record<string, string>> = { en: { ...platformEn }, ur: { ...platformUr } };

/** Add a feature's texts (idempotent: adding the same set twice changes nothing). */
export function addMessages(set: MessageSet): void {
  Object.assign(catalogues.en, set.en);
  Object.assign(catalogues.ur, set.ur);
}

export function catalogue(locale: Locale): Readonly<Record<string, string>> {
  return catalogues[locale];
}
