// The baseline's question model (issue #15, item 1), pure: the kinds of question, the value each
// kind stores, how a form's raw input becomes that value (with a stable error code per refusal),
// and the show-when condition. No I/O: the operations, the pages and the scoring engine share it.

export const questionKinds = ["single", "multiple", "number", "currency", "percentage", "year", "yes_no", "hs_codes", "countries", "scale", "text"] as const;
export type QuestionKind = (typeof questionKinds)[number];

export interface Option {
  value: string;
  en: string;
  ur: string;
}

/** A question as the answering and the scoring need it (one version of it). */
export interface QuestionDef {
  code: string;
  kind: QuestionKind;
  required: boolean;
  options: Option[];
  unit: string | null;
  min: number | null;
  max: number | null;
  /** Shown only when the answer to `code` equals `equals` ("yes"/"no" for a yes/no question). */
  showIf: { code: string; equals: string } | null;
}

export type AnswerValue = string | number | boolean | string[];
export type Answers = ReadonlyMap<string, AnswerValue>;

/** A refusal of one answer: a `validation.<code>` text with its parameters. */
export interface AnswerIssue {
  code: string;
  params: Record<string, string | number>;
}

/** The indicator code: lower-case words joined by dots or underscores ("markets.export_share"). */
export const INDICATOR_CODE = /^[a-z][a-z0-9_]{0,30}(\.[a-z][a-z0-9_]{0,30}){0,2}$/;
export const MAX_TEXT = 300;
export const MAX_LIST = 20;

/** Does `value` satisfy the condition's expected answer? */
function matches(value: AnswerValue | undefined, equals: string): boolean {
  if (value === undefined) return false;
  if (typeof value === "boolean") return (value ? "yes" : "no") === equals;
  if (Array.isArray(value)) return value.includes(equals);
  return String(value) === equals;
}

/** Is the question shown, given the answers so far? A question whose condition's question is itself
 *  hidden is hidden too (conditions chain), at most a few levels deep. */
export function isVisible(q: QuestionDef, answers: Answers, byCode: ReadonlyMap<string, QuestionDef>, depth = 0): boolean {
  if (!q.showIf) return true;
  if (depth > 5) return false;
  const parent = byCode.get(q.showIf.code);
  if (parent && !isVisible(parent, answers, byCode, depth + 1)) return false;
  return matches(answers.get(q.showIf.code), q.showIf.equals);
}

const issue = (code: string, params: Record<string, string | number> = {}): { issue: AnswerIssue } => ({ issue: { code, params } });

function asList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter(Boolean);
  if (typeof raw === "string")
    return raw
      .split(/[,،;\s]+/)
      .map((v) => v.trim())
      .filter(Boolean);
  return [];
}

function asNumber(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : NaN;
  if (typeof raw !== "string" || !raw.trim()) return null;
  // Accept Urdu/Arabic-Indic digits and thousands separators as typed on a phone.
  const latin = raw.trim().replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[,٬\s]/g, "");
  return /^-?\d+(\.\d+)?$/.test(latin) ? Number(latin) : NaN;
}

const empty = (raw: unknown) => raw === undefined || raw === null || raw === "" || (Array.isArray(raw) && raw.length === 0);

/**
 * One raw answer (a form field's text, a list of checked boxes, or a JSON value from the API) as
 * the value the question stores, or the reason it is refused. `null` is "not answered" (allowed
 * for an optional question). `thisYear` bounds a year.
 */
export function parseAnswer(q: QuestionDef, raw: unknown, thisYear: number): { value: AnswerValue | null } | { issue: AnswerIssue } {
  if (empty(raw)) return q.required ? issue("required") : { value: null };
  switch (q.kind) {
    case "single": {
      const v = typeof raw === "string" ? raw : Array.isArray(raw) && raw.length === 1 ? raw[0] : null;
      return typeof v === "string" && q.options.some((o) => o.value === v) ? { value: v } : issue("baseline_option");
    }
    case "multiple": {
      const list = [...new Set(asList(raw))];
      if (list.length > MAX_LIST || list.some((v) => !q.options.some((o) => o.value === v))) return issue("baseline_option");
      return { value: list };
    }
    case "yes_no": {
      if (raw === true || raw === "yes") return { value: true };
      if (raw === false || raw === "no") return { value: false };
      return issue("baseline_option");
    }
    case "hs_codes": {
      const list = [...new Set(asList(raw))];
      if (list.length > MAX_LIST) return issue("too_big", { max: MAX_LIST });
      if (list.some((c) => !/^\d{2,8}$/.test(c))) return issue("baseline_hs_codes");
      return { value: list };
    }
    case "countries": {
      const list = [...new Set(asList(raw).map((c) => c.toUpperCase()))];
      if (list.length > MAX_LIST) return issue("too_big", { max: MAX_LIST });
      if (list.some((c) => !/^[A-Z]{2}$/.test(c)) || (q.options.length && list.some((c) => !q.options.some((o) => o.value === c)))) return issue("baseline_country");
      return { value: list };
    }
    case "text": {
      if (typeof raw !== "string") return issue("invalid_type");
      const v = raw.trim();
      if (!v) return q.required ? issue("required") : { value: null };
      return v.length > MAX_TEXT ? issue("too_long", { max: MAX_TEXT }) : { value: v };
    }
    default: {
      const n = asNumber(raw);
      if (n === null) return q.required ? issue("required") : { value: null };
      if (Number.isNaN(n)) return issue("baseline_number");
      const [min, max, whole] = bounds(q, thisYear);
      if (whole && !Number.isInteger(n)) return issue("baseline_whole");
      if (n < min) return issue("too_small", { min });
      if (n > max) return issue("too_big", { max });
      return { value: n };
    }
  }
}

/** The range a numeric kind accepts: the question's own bounds within the kind's. */
export function bounds(q: QuestionDef, thisYear: number): [min: number, max: number, whole: boolean] {
  const kind: Record<string, [number, number, boolean]> = {
    number: [0, 1e9, false],
    currency: [0, 1e13, true],
    percentage: [0, 100, false],
    year: [1900, thisYear, true],
    scale: [1, 5, true],
  };
  const [lo, hi, whole] = kind[q.kind] ?? [0, 1e9, false];
  return [Math.max(lo, q.min ?? lo), Math.min(hi, q.max ?? hi), whole];
}

/** A stored value as a form field shows it again. */
export function formValue(value: AnswerValue | undefined): string | string[] {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value;
  return String(value);
}
