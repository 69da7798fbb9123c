// What an audit entry's data says, as lines an organiser can read: "field: before → after" for
// a change, "field: value" for a value set. Pure (no I/O), so the page and its tests share it.
//
// The operations record changes in a few shapes, all read here:
//   { changes: { field: { before, after } } }   (the shape new entries use)
//   { changed: { field: { from, to } } }         (edition.updated)
//   { before: {…}, after: {…} }                  (cluster.updated)
//   { from, to }                                 (a single value changed, e.g. capacity)
// Anything else is a value set.

import { formatDateTime, formatDay, formatList, formatNumber } from "../../../platform/i18n/format";
import type { Locale } from "../../../platform/i18n/locales";
import { hasMessage, type Translate } from "../../../platform/i18n/translate";

export type AuditLine = { kind: "change"; field: string; before: unknown; after: unknown } | { kind: "value"; field: string; value: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `{before, after}` or `{from, to}` as one change, else null. */
function asChange(v: unknown): { before: unknown; after: unknown } | null {
  if (!isObject(v)) return null;
  const keys = Object.keys(v).sort().join(",");
  if (keys === "after,before") return { before: v.before, after: v.after };
  if (keys === "from,to") return { before: v.from, after: v.to };
  return null;
}

export function auditLines(data: Record<string, unknown>): AuditLine[] {
  const lines: AuditLine[] = [];
  const rest: Record<string, unknown> = { ...data };
  for (const key of ["changes", "changed"]) {
    const v = rest[key];
    if (!isObject(v)) continue;
    const entries = Object.entries(v).map(([field, c]) => [field, asChange(c)] as const);
    if (!entries.every(([, c]) => c)) continue;
    for (const [field, c] of entries) lines.push({ kind: "change", field, before: c!.before, after: c!.after });
    delete rest[key];
  }
  if (isObject(rest.before) && isObject(rest.after)) {
    const before = rest.before;
    const after = rest.after;
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (field in after && JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
        lines.push({ kind: "change", field, before: before[field], after: after[field] });
      }
    }
    delete rest.before;
    delete rest.after;
  }
  if ("from" in rest && "to" in rest && !isObject(rest.from) && !isObject(rest.to)) {
    lines.push({ kind: "change", field: "value", before: rest.from, after: rest.to });
    delete rest.from;
    delete rest.to;
  }
  for (const [field, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    lines.push({ kind: "value", field, value });
  }
  return lines;
}

/** The field's name in the reader's language when the log knows it, else the key made readable. */
export function fieldName(t: Translate, field: string): string {
  const key = `bo.audit.field.${field}`;
  if (hasMessage(key)) return t(key);
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A recorded value as text: numbers, days and instants in the reader's language, lists joined. */
export function formatValue(t: Translate, locale: Locale, timeZone: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("bo.audit.empty");
  if (typeof value === "boolean") return t(value ? "bo.audit.yes" : "bo.audit.no");
  if (typeof value === "number") return formatNumber(value, locale, { useGrouping: !/serial|number|no$/i.test(field) });
  if (typeof value === "string") {
    if (field === "role" && hasMessage(`role.${value}`)) return t(`role.${value}`);
    // A registration's status, or a selection decision's.
    if (field === "status" || field === "to" || field === "before") {
      for (const key of [`registration.status.${value}`, `nominations.decision.${value}`]) if (hasMessage(key)) return t(key);
    }
    if (field === "locale" && (value === "en" || value === "ur")) return value === "en" ? "English" : "اردو";
    if (isoDay.test(value)) return formatDay(value, locale);
    if (isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, locale, timeZone);
    return value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    if (value.length === 0) return t("bo.audit.empty");
    // Days are stored from 0; people count them from 1.
    const items = field === "days" ? value.map((d) => formatNumber(Number(d) + 1, locale)) : value.map((v) => (typeof v === "number" ? formatNumber(v, locale) : v));
    return formatList(items, locale);
  }
  return JSON.stringify(value);
}
