import { en, type MessageKey } from "./messages/en";
import { ur } from "./messages/ur";
import type { Locale } from "./locales";

export type { MessageKey };
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, ur };

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

/** Look up a message and fill `{name}` placeholders; falls back to English, then to the key. */
export function translate(locale: Locale, key: MessageKey | string, params: Params = {}): string {
  const k = key as MessageKey;
  const template = catalogues[locale][k] ?? en[k] ?? key;
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
