/**
 * Text normalisation for matching English and Urdu descriptions.
 *
 * Urdu text typed on phones arrives in many shapes: Arabic keyboards produce
 * Arabic yeh/kaf/heh instead of the Urdu letters, people add or omit harakat,
 * and keyboards insert zero-width joiners or tatweel for shaping. Two
 * descriptions of the same product must end up with the same tokens, so every
 * variant is folded onto one canonical form before tokenising. Folding is
 * deliberately lossy (hamza is dropped, for instance): we only need equal
 * inputs to stay equal and variants to meet, never to print the result.
 */

/** Invisible characters that only steer shaping or direction, never meaning (plus soft hyphen and tatweel). */
const INVISIBLE_CHARS = "\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD\u0640";
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, "g");

/**
 * A word as the writer typed it: letters, marks, digits, and the invisible
 * characters above, which sit inside words (ZWNJ in Urdu compounds, tatweel
 * for stretching) and must not split them.
 */
export const WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}${INVISIBLE_CHARS}]+`, "gu");

/** A word fit to show back to people: as written (harakat and all), minus invisible characters, in composed form. */
export function displayForm(word: string): string {
  return word.replace(INVISIBLE, "").normalize("NFC").toLowerCase();
}

/**
 * Combining marks: harakat, tanwin, shadda, sukun, superscript alef, Quranic
 * annotation marks, and Latin accents (after NFKD, "café" becomes "cafe" + mark).
 */
const MARKS = /\p{M}/gu;

/** Arabic code points folded onto the letter an Urdu writer means. */
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ["\u064A", "\u06CC"], // Arabic yeh ي -> Farsi/Urdu yeh ی
  ["\u0649", "\u06CC"], // alef maksura ى -> ی
  ["\u06D0", "\u06CC"], // yeh with two dots below ې -> ی
  ["\u0643", "\u06A9"], // Arabic kaf ك -> keheh ک
  ["\u06AA", "\u06A9"], // swash kaf ڪ -> ک
  ["\u0647", "\u06C1"], // Arabic heh ه -> heh goal ہ
  ["\u06D5", "\u06C1"], // ae ە -> ہ
  ["\u0629", "\u06C3"], // teh marbuta ة -> Urdu teh marbuta goal ۃ
  ["\u0671", "\u0627"], // alef wasla ٱ -> alef ا
  ["\u0672", "\u0627"], // alef with wavy hamza -> ا
  ["\u0673", "\u0627"],
  ["\u0675", "\u0627"], // high hamza alef -> ا
]);

/** Arabic-Indic (U+0660..) and Extended/Urdu (U+06F0..) digits to ASCII, so HS codes typed in Urdu match. */
function foldDigit(ch: string): string | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x0660 && cp <= 0x0669) return String(cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String(cp - 0x06f0);
  return undefined;
}

const FOLDABLE = /[\u0649\u064A\u06D0\u0643\u06AA\u0647\u06D5\u0629\u0671-\u0675\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Canonical form of a piece of text, in both scripts.
 *
 * NFKD first: it maps Arabic presentation forms (what some PDFs and old
 * keyboards emit) to base letters and splits alef-with-hamza/madda, heh goal
 * with hamza and yeh barree with hamza into a base letter plus a mark, which
 * the mark removal then drops. Lower-casing only affects Latin (and other cased) text.
 */
export function normaliseText(input: string): string {
  return (
    input
      // Lower-case between two decompositions: compatibility forms such as "ℌ" decompose to
      // capitals, and lower-casing "İ" yields a combining dot; both must be settled before marks go.
      .normalize("NFKD")
      .toLowerCase()
      .normalize("NFKD")
      .replace(INVISIBLE, "")
      .replace(MARKS, "")
      .replace(FOLDABLE, (ch) => LETTER_FOLDS.get(ch) ?? foldDigit(ch) ?? ch)
  );
}

/** True when the token is written in Arabic script (Urdu), so it skips English stemming. */
export function isArabicScript(token: string): boolean {
  return /\p{Script=Arabic}/u.test(token);
}
