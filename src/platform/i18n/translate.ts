import { catalogue, type MessageKey } from "./catalogue";
import type { Locale } from "./locales";

export type { MessageKey };
export type Params = Record<string, string | number>;

export function hasMessage(key: string): key is MessageKey {
  return key in catalogue("en");
}

/** Look up a message and fill `{name}` placeholders; falls back to English, then to the key. */
export function translate(locale: Locale, key: MessageKey | string, params: Params = {}): string {
  const template = catalogue(locale)[key] ?? catalogue("en")[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey | string, params?: Params) => string;
export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

/** An error's text: `error.<code>`, or the generic text when the code has none. */
export function errorText(locale: Locale, code: string, params: Params = {}): string {
  return hasMessage(`error.${code}`) ? translate(locale, `error.${code}`, params) : translate(locale, "error.generic");
}

export function fieldIssueText(locale: Locale, code: string, params: Params = {}): string {
  return hasMessage(`validation.${code}`)
    ? translate(locale, `validation.${code}`, params)
    : translate(locale, "validation.invalid");
}
