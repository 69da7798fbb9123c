import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { defaultUrduFontPath } from "#features/checkin";

// A participant's printable meeting schedule: A4, bilingual. Each meeting is one English line
// (left) and the same in Urdu (right-aligned, Noto Nastaliq from @fontsource, shaped by pdfkit's
// fontkit; the `rtla` feature keeps right-to-left word order, as on the badge). Pure: the caller
// passes the words in both languages.

export interface ScheduleRow {
  /** "Day 1 — 2026-03-12" / "دن 1 — 2026-03-12": a new day starts a heading. */
  dayEn: string;
  dayUr: string;
  time: string;
  en: string;
  ur: string;
  cancelled: boolean;
}

export interface SchedulePdfInput {
  titleEn: string;
  titleUr: string;
  editionEn: string;
  editionUr: string;
  who: string;
  rows: ScheduleRow[];
  noneEn: string;
  noneUr: string;
  urduFontPath?: string;
}

const MARGIN = 40;

export async function renderSchedulePdf(o: SchedulePdfInput): Promise<{ pdf: Buffer; urduRendered: boolean }> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${o.titleEn} — ${o.editionEn}`, Producer: "Numaish" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const path = o.urduFontPath ?? defaultUrduFontPath();
  let urdu = false;
  try {
    if (path && existsSync(path)) {
      doc.registerFont("urdu", path);
      urdu = true;
    }
  } catch {
    urdu = false;
  }
  const width = doc.page.width - 2 * MARGIN;
  const rtl = { features: ["rtla"], align: "right", width } as object;
  // fontkit 2 crashes in GPOS mark positioning on some Nastaliq sequences (e.g. "میز", "ڈرز": an
  // anchor it reads as null); such a line is laid out again without the `mark` feature.
  const rtlNoMark = { features: { rtla: true, mark: false }, align: "right", width } as object;
  const bottom = doc.page.height - MARGIN;
  const room = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };
  const urduLine = (raw: string, size: number) => {
    if (!urdu) return;
    // Noto Nastaliq has no Latin digits: Urdu lines use the Urdu ones (۰–۹).
    const text = raw.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d))).replace(/—/g, "-");
    const y = doc.y;
    doc.font("urdu").fontSize(size);
    try {
      doc.text(text, MARGIN, y, rtl);
    } catch {
      doc.text(text, MARGIN, y, rtlNoMark);
    }
  };

  doc.font("Helvetica-Bold").fontSize(16).text(`${o.titleEn} — ${o.editionEn}`, MARGIN, MARGIN, { width });
  urduLine(`${o.titleUr} — ${o.editionUr}`, 14);
  doc.font("Helvetica").fontSize(11).fillColor("#444444").text(o.who, MARGIN, doc.y + 2, { width });
  doc.fillColor("#000000").moveDown(0.5);

  if (o.rows.length === 0) {
    doc.font("Helvetica").fontSize(11).text(o.noneEn, { width });
    urduLine(o.noneUr, 11);
  }
  let day = "";
  for (const r of o.rows) {
    if (r.dayEn !== day) {
      day = r.dayEn;
      room(60);
      doc.moveDown(0.5);
      doc.font("Helvetica-Bold").fontSize(13).text(r.dayEn, MARGIN, doc.y, { width });
      urduLine(r.dayUr, 12);
      doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).strokeColor("#999999").stroke();
      doc.moveDown(0.3);
    }
    room(50);
    doc.fillColor(r.cancelled ? "#888888" : "#000000");
    doc.font("Helvetica-Bold").fontSize(10.5).text(`${r.time}  `, MARGIN, doc.y, { continued: true, width });
    doc.font("Helvetica").text(r.en, { width });
    urduLine(r.ur, 10);
    doc.fillColor("#000000").moveDown(0.3);
  }
  doc.end();
  return { pdf: await done, urduRendered: urdu };
}
