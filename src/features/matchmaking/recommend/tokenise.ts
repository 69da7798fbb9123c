/**
 * Tokens for BM25, in English and Urdu alike. A run of Arabic-script letters
 * is one token and a run of other letters/digits is another, so "ISO-13485"
 * and mixed-script strings split where a reader would split them.
 */
import { displayForm, isArabicScript, normaliseText, WORD } from "./normalise";
import { stem } from "./stemmer";

// Lookaheads rather than the v flag's set operations: the project targets ES2023.
const TOKEN = /(?:(?=\p{Script=Arabic})\p{L})+|(?:(?!\p{Script=Arabic})[\p{L}\p{N}])+/gu;

/**
 * Function words carry no evidence of fit and would inflate every score.
 * Kept short on purpose: BM25's idf already discounts common words, the list
 * only removes the ones that appear in nearly every description.
 */
const ENGLISH_STOPWORDS = new Set(
  (
    "a an and are as at be by for from has have in is it its of on or our that the their this to we with " +
    "you your who which will can also all any other such into per"
  ).split(" "),
);
/** Urdu postpositions, conjunctions and copulas, written in the normalised letters. */
const URDU_STOPWORDS = new Set(
  [
    "کا",
    "کی",
    "کے",
    "میں",
    "اور",
    "سے",
    "کو",
    "ہے",
    "ہیں",
    "پر",
    "یہ",
    "وہ",
    "نے",
    "بھی",
    "کہ",
    "تک",
    "لیے",
    "لئے",
    "ایک",
    "ہم",
  ].map((w) => normaliseText(w)),
);

export interface Token {
  /** What BM25 indexes: the Porter2 stem for English, the normalised word for Urdu. */
  term: string;
  /** The word as written (see displayForm): shown in reasons, so Urdu readers see "آلات", not the folded "الات". */
  surface: string;
}

/** The words of one written word, normalised (`word`) and as indexed (`term`: stemmed if English). */
function wordsOf(written: string): { word: string; term: string }[] {
  const out: { word: string; term: string }[] = [];
  for (const match of normaliseText(written).matchAll(TOKEN)) {
    const word = match[0];
    if (isArabicScript(word)) {
      if (!URDU_STOPWORDS.has(word)) out.push({ word, term: word });
      continue;
    }
    // Single letters are noise; single digits are kept (HS chapters, sizes).
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (ENGLISH_STOPWORDS.has(word)) continue;
    out.push({ word, term: /\d/.test(word) ? word : stem(word) });
  }
  return out;
}

/** Tokens of one written word; words repeat across descriptions, so callers may memoise this. */
function tokeniseWord(written: string): Token[] {
  const surface = displayForm(written);
  return wordsOf(written).map(({ term }) => ({ term, surface }));
}

/** The words of a search, normalised and unstemmed, each with its term (the public catalogue
 *  matches stored words by their start: a word or its stem). */
export function searchWords(text: string): { word: string; term: string }[] {
  return [...text.matchAll(WORD)].flatMap((m) => wordsOf(m[0]));
}

/**
 * Words are cut from the original text first and normalised one by one, so
 * each token can carry the word it came from; normalising the whole text at
 * once would lose the link (folding removes characters). `cache` maps a
 * written word to its tokens: one run over thousands of descriptions sees the
 * same few thousand words again and again, and normalising plus stemming
 * each occurrence was the bulk of preparation time.
 */
export function tokenise(text: string, cache?: Map<string, Token[]>): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const written = match[0];
    let tokens = cache?.get(written);
    if (!tokens) {
      tokens = tokeniseWord(written);
      cache?.set(written, tokens);
    }
    for (const t of tokens) out.push(t);
  }
  return out;
}

/** Just the terms, for indexing and querying. */
export function terms(text: string): string[] {
  return tokenise(text).map((t) => t.term);
}
