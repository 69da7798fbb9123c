/**
 * Typed values out of a submitted form or a query string, for building an operation's
 * `Input<typeof schema>` in a page's action or loader. These helpers only type and read: they never
 * refuse. A value the page's own form would never send (a crafted post, an old tab) still reaches
 * the operation, whose `parseInput` refuses it with its field error in the reader's language, as it
 * would refuse anything else.
 */

/** What a form or a query string offers: `FormData` and `URLSearchParams` both fit. */
export interface FieldSource {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

/** A value outside an enum (or a missing number), typed as it: the one place a value from the wire is cast: the operation's schema refuses it. */
const passedOn = <T>(v: unknown) => v as T;

const asText = (v: FormDataEntryValue | null): string | undefined => (typeof v === "string" ? v : undefined);

/** The field's text; "" when it is missing (or is a file where text was expected). */
export function text(src: FieldSource, name: string): string {
  return asText(src.get(name)) ?? "";
}

/** The field's text, or undefined when it is missing or empty. */
export function optionalText(src: FieldSource, name: string): string | undefined {
  return asText(src.get(name)) || undefined;
}

/** Every value of a repeated field (checkboxes, a multi-select), files left out. */
export function texts(src: FieldSource, name: string): string[] {
  return src.getAll(name).flatMap((v) => (typeof v === "string" ? [v] : []));
}

/**
 * The field's value as one of `values` (the operation's enum), "" when missing. A value outside
 * them is passed on as it came, typed as the union: the operation's schema refuses it with the same
 * field error as before, rather than the page quietly dropping it.
 */
export function oneOf<const V extends readonly string[]>(src: FieldSource, name: string, values: V): V[number] {
  return asOneOf(text(src, name), values);
}

/** A text from the wire (a form field, a split query parameter) typed as one of `values`; a value
 *  outside them is passed on as it came, for the operation's schema to refuse. */
export function asOneOf<const V extends readonly string[]>(value: string, values: V): V[number] {
  return (values as readonly string[]).includes(value) ? (value as V[number]) : passedOn<V[number]>(value);
}

/** As `oneOf`, but undefined when the field is missing or empty (an optional enum). */
export function optionalOneOf<const V extends readonly string[]>(src: FieldSource, name: string, values: V): V[number] | undefined {
  const v = optionalText(src, name);
  return v === undefined ? undefined : oneOf(src, name, values);
}

/** Every value of a repeated field as `values`' union (a value outside them is passed on, as in `oneOf`). */
export function someOf<const V extends readonly string[]>(src: FieldSource, name: string, values: V): V[number][] {
  return texts(src, name).map((v) => asOneOf(v, values));
}

/**
 * The field as a number (`Number` of its text, so "abc" is NaN and refused as such). A blank or
 * missing field is passed on as missing, typed as a number: the schema answers "required".
 */
export function numberOf(src: FieldSource, name: string): number {
  const v = text(src, name);
  return v.trim() === "" ? passedOn<never>(undefined) : Number(v);
}
