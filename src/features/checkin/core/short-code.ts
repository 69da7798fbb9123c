// The badge's short code: what a person reads aloud or types when the camera fails. It is the
// edition's year and the registration number with one check character, `2026-04817-K`, printed
// on the badge under the QR and shown on the badge pages. It names a badge; it is no credential
// (it is printed in plain sight, like the QR): gate staff see the name and compare.
//
// Check character: the ISO/IEC 7064 pure-system method (Horner with radix 2) over the prime
// modulus 23, the check written with one of 23 letters (no I, O or Q: none reads as 1 or 0).
// The year and number digits d_n … d_1 (d_1 last) weigh 2^i; the check c is the value making
//     c + Σ d_i·2^i ≡ 0 (mod 23).
// 23 is prime, every weight is non-zero and adjacent weights differ (2^i ≢ 2^(i+1)), and digits
// differ by less than 23, so every single wrong character and every swap of two neighbours
// changes the sum (core/short-code.test.ts checks them all). A check swapped with a digit leaves
// a letter among digits: refused by the form itself. Pure, no I/O: the server and the offline
// gate page run it alike.

export const CHECK_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ";
const MODULUS = 23;

/** Characters a person may type: digits, the check letters, and separators (ignored). */
const ACCEPTED = /^[0-9A-Z\s\-–—.]+$/;

/** The check character of a digit string (year then number). */
export function checkCharacter(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new Error("check character of digits only");
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum = (sum + Number(digits[i]) * weight) % MODULUS;
    weight = (weight * 2) % MODULUS;
  }
  return CHECK_ALPHABET[(MODULUS - sum) % MODULUS]!;
}

/** The number part: at least five digits, so codes of one edition line up. */
const numberPart = (registrationNo: number) => String(registrationNo).padStart(5, "0");

/** `2026-04817-K` for registration 4817 of a 2026 edition. */
export function formatShortCode(year: number, registrationNo: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error("year must have four digits");
  if (!Number.isInteger(registrationNo) || registrationNo < 1 || registrationNo > 0xffffffff) throw new Error("registration number out of range");
  const n = numberPart(registrationNo);
  return `${year}-${n}-${checkCharacter(`${year}${n}`)}`;
}

export type ShortCodeParse =
  | { ok: true; year: number; registrationNo: number; code: string }
  /** not_code: not shaped like a short code (a name, say); bad_check: shaped like one, but the
   *  check character does not match (a misread or mistyped character). */
  | { ok: false; reason: "not_code" | "bad_check" };

/** Read a typed short code: case, spaces and dashes do not matter; the year may be left out when
 *  the reader knows the edition's (`defaultYear`), as in `04817K` or `4817-k` at the gate. */
export function parseShortCode(text: string, defaultYear?: number): ShortCodeParse {
  const raw = text.trim().toUpperCase();
  if (raw.length === 0 || raw.length > 40 || !ACCEPTED.test(raw)) return { ok: false, reason: "not_code" };
  const compact = raw.replace(/[\s\-–—.]/g, "");
  const m = /^([0-9]+)([A-Z])$/.exec(compact);
  if (!m) return { ok: false, reason: "not_code" };
  const digits = m[1]!;
  const check = m[2]!;
  let year: number;
  let number: string;
  // With the year: four digits of year and at least five of number (as printed); without: the number alone.
  if (digits.length >= 9) {
    year = Number(digits.slice(0, 4));
    number = digits.slice(4);
  } else if (defaultYear !== undefined && digits.length >= 1) {
    year = defaultYear;
    number = digits;
  } else {
    return { ok: false, reason: "not_code" };
  }
  const registrationNo = Number(number);
  if (!Number.isSafeInteger(registrationNo) || registrationNo < 1 || registrationNo > 0xffffffff || year < 1000) return { ok: false, reason: "not_code" };
  // The check covers the number as printed (five digits or more), however many zeros were typed.
  if (checkCharacter(`${year}${numberPart(registrationNo)}`) !== check) return { ok: false, reason: "bad_check" };
  return { ok: true, year, registrationNo, code: formatShortCode(year, registrationNo) };
}
