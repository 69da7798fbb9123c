// Subsets Noto Nastaliq Urdu (weight 400) to the characters Urdu text uses, keeping every
// OpenType layout table and feature (Nastaliq's joining, cursive attachment and mark placement
// live in GSUB/GPOS). The fontsource "arabic" file covers Persian, Sindhi, Pashto and Quranic
// letters too: 159 KB; the Urdu subset is ~116 KB (docs/decisions/0006-html-first-pages.md).
// Runs before every build; its output is committed so a fresh clone and the dev server work
// without a build. Writes src/styles/fonts/noto-nastaliq-urdu-400.woff2.
import { Buffer } from "node:buffer";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

const require = createRequire(import.meta.url);
const source = require.resolve("@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2");
const target = fileURLToPath(import.meta.resolve("../src/styles/fonts/noto-nastaliq-urdu-400.woff2"));

// Keep in step with the unicode-range in src/styles/urdu-font.css.
const URDU_RANGES = [
  [0x060c, 0x060c], // ، comma
  [0x061b, 0x061b], // ؛ semicolon
  [0x061f, 0x061f], // ؟ question mark
  [0x0621, 0x063a], // hamza … ghain
  [0x0640, 0x0655], // tatweel, fa … yeh, harakat and hamza marks
  [0x0660, 0x0669], // Arabic-Indic digits
  [0x0670, 0x0670], // superscript alef
  [0x0679, 0x0679], // ٹ
  [0x067e, 0x067e], // پ
  [0x0686, 0x0686], // چ
  [0x0688, 0x0688], // ڈ
  [0x0691, 0x0691], // ڑ
  [0x0698, 0x0698], // ژ
  [0x06a9, 0x06a9], // ک
  [0x06af, 0x06af], // گ
  [0x06ba, 0x06ba], // ں
  [0x06be, 0x06be], // ھ
  [0x06c1, 0x06c3], // ہ ۂ ۃ
  [0x06cc, 0x06cc], // ی
  [0x06d2, 0x06d4], // ے ۓ ۔
  [0x06f0, 0x06f9], // Urdu (extended Arabic-Indic) digits
  [0x200c, 0x200f], // ZWNJ, ZWJ, LRM, RLM
];

let text = " ";
for (const [from, to] of URDU_RANGES) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);

const out = await subsetFont(readFileSync(source), text, { targetFormat: "woff2" });
let same = false;
try {
  same = Buffer.compare(readFileSync(target), out) === 0;
} catch {
  // first run
}
if (!same) writeFileSync(target, out);
console.log(`urdu font: ${out.length} B${same ? " (unchanged)" : ""}`);
