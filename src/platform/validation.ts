import type { z } from "zod";
import { DomainError, type FieldIssue } from "./errors";

// Turn zod issues into field issues with stable codes; the i18n catalogues hold
// `validation.<code>` texts so a form shows them in the reader's language.
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue | FieldIssue[] => {
    // A strict object reports its unknown keys at the object's own path: name each field instead.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join("."), code: "unrecognized_key", params: {} }));
    }
    const params: Record<string, string | number> = {};
    let code: string = issue.code;
    if (issue.code === "too_small") {
      params.min = Number(issue.minimum);
      code = issue.origin === "string" ? (Number(issue.minimum) === 1 ? "required" : "too_short") : "too_small";
    } else if (issue.code === "too_big") {
      params.max = Number(issue.maximum);
      code = issue.origin === "string" ? "too_long" : "too_big";
    } else if (issue.code === "invalid_format") {
      // A schema may name its own code as the message (e.g. "invalid_hs_code").
      code = /^[a-z_]+$/.test(issue.message) ? issue.message : `invalid_${issue.format}`;
    } else if (issue.code === "invalid_type") {
      // zod 4 leaves `input` out of issues unless asked to report it; its message still says what came.
      const missing = "input" in issue ? issue.input === undefined || issue.input === null : /received (undefined|null)$/.test(issue.message);
      code = missing ? "required" : "invalid_type";
    } else if (issue.code === "custom" && typeof issue.params?.code === "string") {
      code = issue.params.code;
      // The schema's other parameters (e.g. a limit) fill the message's placeholders.
      for (const [k, v] of Object.entries(issue.params)) if (k !== "code" && (typeof v === "number" || typeof v === "string")) params[k] = v;
    }
    return { path: issue.path.map(String).join("."), code, params };
  });
}

/**
 * Paths of strings that are not well-formed UTF-16 (a lone surrogate such as "\ud800"): PostgreSQL
 * refuses them in jsonb and silently replaces them in text, so they never get past the edge.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one (no
// lookbehind and no String.prototype.isWellFormed: this module also runs in older phone browsers).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

export function illFormedTextPaths(input: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
  if (typeof input === "string") {
    if (!wellFormed(input)) found.push(path.join("."));
  } else if (input && typeof input === "object" && !ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer) && depth < 32 && found.length < 50) {
    // Bytes (an upload) hold no text: walking them key by key cost ~13 s for 2 MB.
    for (const [key, value] of Object.entries(input)) {
      if (!wellFormed(key)) found.push([...path, "?"].join("."));
      else illFormedTextPaths(value, [...path, key], found, depth + 1);
    }
  }
  return found;
}

/** What a caller hands an operation: its schema's input shape. Pages and adapters build it typed
 *  (a misspelt or missing field is a compile error at the call site); the operation still parses it
 *  with `parseInput`, because the value may come from a form, a JSON body or a queue at run time.
 *  Where the schema coerces (form text to numbers, dates), the input type accepts what it coerces. */
export type Input<S extends z.ZodType> = z.input<S>;

/** Every operation's input passes here: ill-formed text first (one field error per string), then its schema. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const illFormed = illFormedTextPaths(input);
  if (illFormed.length) {
    throw new DomainError("validation_failed", { fields: illFormed.map((path) => ({ path, code: "ill_formed_text", params: {} })) });
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError("validation_failed", { fields: toFieldIssues(result.error) });
  }
  return result.data;
}
