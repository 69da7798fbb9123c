/**
 * English stemmer: Porter2 (the Snowball "english" algorithm), written out
 * here because the project takes no extra dependencies. It conflates
 * "instruments"/"instrument" and "surgical"/"surgically" so BM25 matches a
 * buyer's wording to an SME's. Steps follow the published definition at
 * snowballstem.org/algorithms/english/stemmer.html; step names match it.
 */

const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ["skis", "ski"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["only", "onli"],
  ["singly", "singl"],
  ["sky", "sky"],
  ["news", "news"],
  ["howe", "howe"],
  ["atlas", "atlas"],
  ["cosmos", "cosmos"],
  ["bias", "bias"],
  ["andes", "andes"],
]);

/** Words left alone after step 1a (they would otherwise lose a real ending). */
const EXCEPTIONS_AFTER_1A = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);

const isVowel = (c: string | undefined): boolean => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";
const DOUBLES = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
const LI_ENDINGS = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);

/** Start of the region after the first non-vowel that follows a vowel, searching from `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
}

/** Short syllable ending at index `end` (exclusive): (non-vowel) vowel non-vowel-not-wxY, or vowel non-vowel at the start. */
function endsShortSyllable(w: string, end: number): boolean {
  const c = w[end - 1];
  const v = w[end - 2];
  if (end === 2) return isVowel(v) && !isVowel(c);
  if (end < 3) return false;
  const before = w[end - 3];
  return !isVowel(before) && isVowel(v) && !isVowel(c) && c !== "w" && c !== "x" && c !== "Y";
}

/** Longest suffix of `w` from `list` (callers pass lists longest-first). */
function longestSuffix(w: string, list: readonly string[]): string | undefined {
  return list.find((s) => w.endsWith(s));
}

const STEP1B = ["eedly", "ingly", "edly", "eed", "ing", "ed"];
const STEP2: ReadonlyArray<readonly [string, string]> = [
  ["ization", "ize"],
  ["ational", "ate"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["tional", "tion"],
  ["biliti", "ble"],
  ["lessli", "less"],
  ["entli", "ent"],
  ["ation", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["ousli", "ous"],
  ["iviti", "ive"],
  ["fulli", "ful"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["izer", "ize"],
  ["ator", "ate"],
  ["alli", "al"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["li", ""],
];
const STEP3: ReadonlyArray<readonly [string, string]> = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ative", ""],
  ["ical", "ic"],
  ["ness", ""],
  ["ful", ""],
];
const STEP4 = [
  "ement",
  "ance",
  "ence",
  "able",
  "ible",
  "ment",
  "ant",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "ion",
  "al",
  "er",
  "ic",
];

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/^'/, "");
  if (w.length <= 2) return w;
  const exception = EXCEPTIONS.get(w);
  if (exception !== undefined) return exception;

  // Prelude: a y acting as a consonant becomes Y so vowel tests skip it.
  if (w.startsWith("y")) w = "Y" + w.slice(1);
  w = w.replace(/([aeiouy])y/g, "$1Y");

  const p1 = /^(gener|commun|arsen)/.exec(w)?.[0].length ?? regionAfter(w, 0);
  const p2 = regionAfter(w, p1);

  // Step 0: possessives.
  const s0 = longestSuffix(w, ["'s'", "'s", "'"]);
  if (s0) w = w.slice(0, -s0.length);

  // Step 1a: plurals.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ied") || w.endsWith("ies")) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
  else if (w.endsWith("us") || w.endsWith("ss")) {
    // unchanged
  } else if (w.endsWith("s") && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);

  if (EXCEPTIONS_AFTER_1A.has(w)) return w;

  // Step 1b: past tense and gerunds.
  const s1b = longestSuffix(w, STEP1B);
  if (s1b === "eed" || s1b === "eedly") {
    if (w.length - s1b.length >= p1) w = w.slice(0, -s1b.length) + "ee";
  } else if (s1b) {
    const stemPart = w.slice(0, -s1b.length);
    if (/[aeiouy]/.test(stemPart)) {
      w = stemPart;
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      else if (DOUBLES.has(w.slice(-2))) w = w.slice(0, -1);
      else if (p1 >= w.length && endsShortSyllable(w, w.length)) w += "e";
    }
  }

  // Step 1c: final y after a consonant that is not the first letter.
  const last = w[w.length - 1];
  if ((last === "y" || last === "Y") && w.length > 2 && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + "i";

  // Step 2: derivational suffixes in R1.
  const s2 = STEP2.find(([suffix]) => w.endsWith(suffix));
  if (s2 && w.length - s2[0].length >= p1) {
    const [suffix, replacement] = s2;
    const before = w[w.length - suffix.length - 1];
    if (suffix === "ogi") {
      if (before === "l") w = w.slice(0, -3) + replacement;
    } else if (suffix === "li") {
      if (before !== undefined && LI_ENDINGS.has(before)) w = w.slice(0, -2);
    } else w = w.slice(0, -suffix.length) + replacement;
  }

  // Step 3: more derivational suffixes in R1 ("ative" only in R2).
  const s3 = STEP3.find(([suffix]) => w.endsWith(suffix));
  if (s3 && w.length - s3[0].length >= p1) {
    const [suffix, replacement] = s3;
    if (suffix !== "ative" || w.length - suffix.length >= p2) w = w.slice(0, -suffix.length) + replacement;
  }

  // Step 4: residual suffixes in R2.
  const s4 = longestSuffix(w, STEP4);
  if (s4 && w.length - s4.length >= p2) {
    if (s4 !== "ion") w = w.slice(0, -s4.length);
    else if (/[st]ion$/.test(w)) w = w.slice(0, -3);
  }

  // Step 5: final e and ll.
  if (w.endsWith("e")) {
    const at = w.length - 1;
    if (at >= p2 || (at >= p1 && !endsShortSyllable(w, at))) w = w.slice(0, -1);
  } else if (w.endsWith("ll") && w.length - 1 >= p2) w = w.slice(0, -1);

  return w.replace(/Y/g, "y");
}
