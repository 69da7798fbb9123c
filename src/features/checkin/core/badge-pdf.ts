import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { z } from "zod";
import { textColourOn } from "./colour";
import { urduFeatures } from "./urdu-shaping";

// The printable badge: A6 portrait, category colour band, name in Latin and (when given) Urdu
// script, organisation, and the signed QR code drawn as vector squares (crisp at any printer
// resolution). pdfkit reads WOFF through fontkit and shapes Nastaliq, so the Urdu font comes
// straight from @fontsource; right-to-left word order needs the `rtla` feature (checked by eye
// on a rendered badge: without it the words of a two-word name come out swapped).

export const badgePdfSchema = z
  .object({
    code: z.string().regex(/^[0-9]+$/),
    editionName: z.string().min(1).max(120),
    name: z.string().trim().min(1).max(120),
    nameUr: z.string().trim().max(120).optional(),
    organisation: z.string().trim().max(160).optional(),
    categoryName: z.string().min(1).max(60),
    categoryNameUr: z.string().max(60).optional(),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    /** Printed under the QR (e.g. "No. 1042 · 12–14 Mar"), a human-readable fallback. */
    footer: z.string().max(120).optional(),
    /** The short code (core/short-code.ts, `2026-04817-K`), printed large under the QR: what gate
     *  staff type when the camera fails. */
    shortCode: z.string().regex(/^[0-9]{4}-[0-9]{5,10}-[A-Z]$/).optional(),
    /** A TTF/OTF/WOFF font with Arabic script; defaults to Noto Nastaliq Urdu from @fontsource. */
    urduFontPath: z.string().optional(),
  })
  .strict();
export type BadgePdfInput = z.input<typeof badgePdfSchema>;

const A6 = { width: 297.64, height: 419.53 };
const MARGIN = 18;
const BAND = 44;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function defaultUrduFontPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("@fontsource/noto-nastaliq-urdu/package.json");
    const path = pkg.replace(/package\.json$/, "files/noto-nastaliq-urdu-arabic-400-normal.woff");
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export { textColourOn };

type Doc = InstanceType<typeof PDFDocument>;

/** Largest font size (down to `min`) at which `text` fits `width` on one line. */
function fitSize(doc: Doc, text: string, width: number, max: number, min: number, shaping?: () => object): number {
  for (let size = max; size > min; size -= 1) {
    doc.fontSize(size);
    if (doc.widthOfString(text, shaping ? shaping() : {}) <= width) return size;
  }
  return min;
}

function drawQr(doc: Doc, code: string, x: number, y: number, size: number): void {
  // Error correction M: 15 % of a scuffed or folded badge can be lost. Numeric mode is what makes
  // a 200-digit badge fit version 5 (37 modules); see docs/badges.md.
  const qr = QRCode.create([{ data: code, mode: "numeric" }], { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill("#ffffff");
  doc.fillColor("#000000");
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (quiet + c) * cell, y + (quiet + r) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** Render the badge. `urduRendered` is false when Urdu text was given but no usable font was found,
 *  or fontkit could not lay a string out even without mark positioning (urdu-shaping.ts)
 *  (the badge is still printed, Latin only, rather than failing a print run). */
export async function renderBadgePdf(input: BadgePdfInput): Promise<{ pdf: Buffer; urduRendered: boolean }> {
  const o = badgePdfSchema.parse(input);
  const doc = new PDFDocument({ size: "A6", margin: MARGIN, info: { Title: `${o.editionName} badge`, Producer: "Numaish" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const wantsUrdu = Boolean(o.nameUr || o.categoryNameUr || (o.organisation && ARABIC_SCRIPT.test(o.organisation)));
  let urdu = false;
  const fontPath = o.urduFontPath ?? defaultUrduFontPath();
  if (wantsUrdu) {
    try {
      if (fontPath && existsSync(fontPath)) {
        doc.registerFont("urdu", fontPath);
        urdu = true;
      }
    } catch {
      urdu = false;
    }
  }
  // How each Urdu string lays out (urdu-shaping.ts): null when fontkit cannot lay it out at all,
  // and then the badge prints without it rather than failing.
  const shape = (text: string | undefined) => (urdu && text ? urduFeatures(fontPath!, text) : null);
  let droppedUrdu = false;
  const shaped = (text: string | undefined) => {
    const s = shape(text);
    if (urdu && text && !s) droppedUrdu = true;
    return s;
  };
  const inner = A6.width - 2 * MARGIN;

  // Category band across the top.
  const ink = textColourOn(o.colour);
  doc.rect(0, 0, A6.width, BAND).fill(o.colour);
  doc.fillColor(ink).font("Helvetica-Bold").fontSize(15).text(o.categoryName.toUpperCase(), MARGIN, 15, { width: inner, lineBreak: false });
  const categoryShaping = shaped(o.categoryNameUr);
  if (categoryShaping) {
    doc.font("urdu").fontSize(13).text(o.categoryNameUr!, MARGIN, 4, { width: inner, align: "right", lineBreak: false, ...categoryShaping() });
  }

  let y = BAND + 10;
  doc.fillColor("#444444").font("Helvetica").fontSize(9).text(o.editionName, MARGIN, y, { width: inner, lineBreak: false, ellipsis: true });
  y += 18;

  doc.font("Helvetica-Bold");
  const nameSize = fitSize(doc, o.name, inner, 24, 11);
  doc.fillColor("#000000").fontSize(nameSize).text(o.name, MARGIN, y, { width: inner, lineBreak: false, ellipsis: true });
  y += nameSize + 6;

  const nameShaping = shaped(o.nameUr);
  if (nameShaping) {
    doc.font("urdu");
    const size = fitSize(doc, o.nameUr!, inner, 20, 10, nameShaping);
    // Nastaliq sits high and descends deep: give it about 2.6 times its size in height.
    doc.fontSize(size).text(o.nameUr!, MARGIN, y, { width: inner, align: "right", lineBreak: false, ...nameShaping() });
    y += size * 2.6;
  }

  if (o.organisation) {
    const organisationShaping = ARABIC_SCRIPT.test(o.organisation) ? shaped(o.organisation) : null;
    const arabic = !!organisationShaping;
    if (arabic || !ARABIC_SCRIPT.test(o.organisation)) {
      doc.font(arabic ? "urdu" : "Helvetica").fillColor("#222222");
      const size = fitSize(doc, o.organisation, inner, 12, 8, organisationShaping ?? undefined);
      doc.fontSize(size).text(o.organisation, MARGIN, y, { width: inner, align: arabic ? "right" : "left", lineBreak: false, ellipsis: true, ...(organisationShaping ? organisationShaping() : {}) });
      y += arabic ? size * 2.6 : size + 6;
    }
  }

  // QR: as large as the space left allows, centred, with room for the short code and the footer.
  const codeH = o.shortCode ? 20 : 0;
  const footerH = o.footer ? 16 : 0;
  const qrSize = Math.min(inner, A6.height - MARGIN - footerH - codeH - y - 4);
  const qrY = A6.height - MARGIN - footerH - codeH - qrSize;
  drawQr(doc, o.code, (A6.width - qrSize) / 2, qrY, qrSize);
  if (o.shortCode) {
    doc.font("Courier-Bold").fontSize(16).fillColor("#000000").text(o.shortCode, MARGIN, qrY + qrSize + 3, { width: inner, align: "center", lineBreak: false, characterSpacing: 1 });
  }
  if (o.footer) {
    doc.font("Helvetica").fontSize(9).fillColor("#444444").text(o.footer, MARGIN, A6.height - MARGIN - 11, { width: inner, align: "center", lineBreak: false });
  }
  doc.end();
  return { pdf: await done, urduRendered: (urdu && !droppedUrdu) || !wantsUrdu };
}
