import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { defaultUrduFontPath } from "#features/checkin";

// The printable baseline report of an edition for the ministry (issue #15, item 6): A4 portrait,
// in English or Urdu, key figures, one table per breakdown with a bar per group drawn with pdfkit
// primitives from the same figures, and the method notes. Server-only. Urdu text goes through the
// badges' font and shaping (checkin/core/urdu-shaping.ts: Noto Nastaliq, `rtla`, mark positioning
// dropped where fontkit throws) and is right-aligned with the columns mirrored. Numbers are always
// set apart in their own cells (Helvetica), never inside an Urdu run, because pdfkit does no
// bidirectional reordering.

export interface ReportTable {
  title: string;
  /** Header cells: the group, then the measures. */
  head: string[];
  rows: { name: string; values: (number | null)[] }[];
  /** Which value column the bars draw (0–100). */
  bar: number;
}
export interface ReportInput {
  locale: "en" | "ur";
  title: string;
  edition: string;
  keyFiguresTitle: string;
  keyFigures: { label: string; value: string }[];
  tables: ReportTable[];
  /** The sentence saying that "—" marks a withheld cell and why. */
  withheld: string;
  methodTitle: string;
  method: string[];
  footer: string;
  urduFontPath?: string;
}

const A4 = { width: 595.28, height: 841.89 };
const M = 44;
const W = A4.width - 2 * M;
const URDU_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** What the Urdu font can draw, as pdfkit lays it out. The font has no Latin digits, parentheses,
 *  colon, dash or per cent sign: digits become Urdu digits, and a run of them is reversed because
 *  pdfkit reverses the whole right-to-left run without bidirectional reordering (a number would
 *  otherwise read backwards); "%" becomes "٪"; parentheses and colons become Urdu commas. */
export function urduSafe(s: string): string {
  return s
    .replace(/[0-9]+/g, (run) => [...run].reverse().map((d) => URDU_DIGITS[Number(d)]!).join(""))
    .replace(/%/g, "٪")
    .replace(/\s*\(\s*/g, "، ")
    .replace(/\s*\)/g, "")
    .replace(/\s*:\s*/g, "، ")
    .replace(/[\u2013\u2014-]/g, " ");
}

export async function renderBaselineReportPdf(o: ReportInput): Promise<{ pdf: Buffer; urduRendered: boolean }> {
  const doc = new PDFDocument({ size: "A4", margin: M, info: { Title: `${o.title}: ${o.edition}`, Producer: "Numaish" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fontPath = o.urduFontPath ?? defaultUrduFontPath();
  const hasFont = !!fontPath && existsSync(fontPath);
  if (hasFont) doc.registerFont("urdu", fontPath!);
  const rtl = o.locale === "ur";
  // How each Urdu string lays out, once per string, with the shaping helper's two tries
  // (urdu-shaping.ts: `rtla`, else without mark positioning, where fontkit's GPOS throws) made on
  // this document rather than a scratch one: a layout that throws does so while measuring, before
  // anything is written, and a fresh document (and font) per string cost seconds for a report
  // with dozens of Urdu names.
  const shapes = new Map<string, (() => object) | null>();
  const tries: (() => object)[] = [() => ({ features: ["rtla"] }), () => ({ features: { rtla: true, mark: false } })];
  const shapingOf = (s: string) => {
    if (!shapes.has(s)) {
      const found =
        tries.find((options) => {
          try {
            doc.font("urdu").widthOfString(s, options());
            return true;
          } catch {
            return false;
          }
        }) ?? null;
      shapes.set(s, found);
    }
    return shapes.get(s)!;
  };
  let dropped = false;
  let y = M;

  /** Text in a box: Urdu script shaped right to left in the Urdu font, else Helvetica. Returns the height used. */
  const text = (s: string, x: number, top: number, width: number, size: number, opts: { bold?: boolean; align?: "left" | "right" | "center"; wrap?: boolean } = {}) => {
    const align = opts.align ?? (rtl ? "right" : "left");
    if (ARABIC_SCRIPT.test(s)) {
      s = urduSafe(s);
      const shaping = hasFont ? shapingOf(s) : null;
      if (!shaping) {
        dropped = true;
        return size * 1.4;
      }
      doc.font("urdu").fontSize(size);
      const o2 = { width, align, lineBreak: opts.wrap ?? false, ...shaping() };
      const h = opts.wrap ? doc.heightOfString(s, o2) : size * 2.2;
      doc.text(s, x, top, o2);
      return h;
    }
    doc.font(opts.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
    const o2 = opts.wrap ? { width, align } : { width, align, height: size * 1.25, ellipsis: true };
    const h = opts.wrap ? doc.heightOfString(s, o2) : size * 1.4;
    doc.text(s, x, top, o2);
    return h;
  };
  const room = (h: number) => {
    if (y + h > A4.height - M - 20) {
      doc.addPage();
      y = M;
    }
  };
  /** Column x positions, mirrored for Urdu: the group's name first in reading order. */
  const columns = (n: number) => {
    const nameW = W * 0.34;
    const barW = W * 0.22;
    const valW = (W - nameW - barW) / n;
    const lay = (x: number, w: number) => (rtl ? { x: A4.width - M - x - w, w } : { x: M + x, w });
    return { name: lay(0, nameW), bar: lay(nameW, barW), values: Array.from({ length: n }, (_, i) => lay(nameW + barW + i * valW, valW)) };
  };

  doc.fillColor("#111111");
  y += text(o.edition, M, y, W, 12);
  y += text(o.title, M, y, W, 22, { bold: true }) + 8;
  doc.lineWidth(2).strokeColor("#166534").moveTo(M, y).lineTo(A4.width - M, y).stroke();
  y += 14;
  y += text(o.keyFiguresTitle, M, y, W, 15, { bold: true }) + 4;
  for (const k of o.keyFigures) {
    room(28);
    const c = columns(1);
    text(k.label, rtl ? c.bar.x : c.name.x, y, c.name.w + c.bar.w, 11);
    // Nastaliq sits lower in its line than Helvetica: numbers beside Urdu move down to meet it.
    text(k.value, c.values[0]!.x, y + (rtl ? 6 : 0), c.values[0]!.w, 12, { bold: true, align: rtl ? "left" : "right" });
    y += rtl ? 26 : 18;
  }
  // A withheld cell reads "—" (Helvetica): one Urdu string less to shape in every table.
  y += 4;
  text("—", rtl ? A4.width - M - 14 : M, y, 14, 9);
  y += text(o.withheld, rtl ? M : M + 16, y, W - 16, 9) + 2;
  for (const table of o.tables) {
    room(90);
    y += 14;
    y += text(table.title, M, y, W, 14, { bold: true }) + 4;
    const c = columns(table.head.length - 1);
    const headH = rtl ? 34 : 24;
    doc.rect(M, y - 2, W, headH).fill("#f1f5f2");
    doc.fillColor("#111111");
    text(table.head[0]!, c.name.x, y, c.name.w, 9, { bold: true });
    table.head.slice(1).forEach((h, i) => text(h, c.values[i]!.x, y, c.values[i]!.w, 8, { bold: true, align: "center", wrap: true }));
    y += headH + 2;
    for (const r of table.rows) {
      const rowH = rtl ? 26 : 17;
      room(rowH);
      text(r.name, c.name.x, y, c.name.w, 9);
      const v = r.values[table.bar];
      if (v !== null && v !== undefined) {
        const len = Math.max(0, Math.min(100, v)) / 100 * (c.bar.w - 8);
        doc.rect(rtl ? c.bar.x + c.bar.w - 4 - len : c.bar.x + 4, y + 2, len, 8).fill("#166534");
        doc.fillColor("#111111");
      }
      r.values.forEach((x, i) => text(x === null ? "—" : String(x), c.values[i]!.x, y + (rtl ? 4 : 0), c.values[i]!.w, 9, { align: "center" }));
      y += rowH;
      doc.lineWidth(0.3).strokeColor("#d1d5db").moveTo(M, y - 3).lineTo(A4.width - M, y - 3).stroke();
    }
  }
  room(120);
  y += 16;
  y += text(o.methodTitle, M, y, W, 14, { bold: true }) + 4;
  for (const p of o.method) {
    room(60);
    y += text(p, M, y, W, 10, { wrap: true }) + 6;
  }
  room(30);
  text(o.footer, M, y + 8, W, 8);
  doc.end();
  return { pdf: await done, urduRendered: !dropped };
}
