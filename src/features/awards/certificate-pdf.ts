import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { defaultUrduFontPath } from "#features/checkin";
import { urduFeatures } from "#features/checkin";

// The certificate of a winner or runner-up: A4 landscape, in English or Urdu, with the
// enterprise's name in both scripts when it has an Urdu one. The Urdu font and the right-to-left
// shaping are the badges' (checkin/core/badge-pdf.ts: Noto Nastaliq Urdu through fontkit, the
// `rtla` feature). fontkit can throw on some Urdu sequences: every Urdu string is first laid out on
// a scratch document, again without mark positioning if it throws (urduFeatures), and left out only
// if that throws too (the certificate still prints, and `urduRendered` says so) rather than failing
// the request halfway through a PDF.

export interface CertificateInput {
  locale: "en" | "ur";
  title: string; // "Certificate of Excellence" in the locale
  placeLine: string; // "Winner" / "Runner-up" in the locale
  categoryName: string;
  editionName: string;
  enterpriseName: string;
  enterpriseNameUr: string | null;
  dateLine: string;
  urduFontPath?: string;
}

const A4L = { width: 841.89, height: 595.28 };
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

type Doc = InstanceType<typeof PDFDocument>;

export async function renderCertificatePdf(o: CertificateInput): Promise<{ pdf: Buffer; urduRendered: boolean }> {
  const doc: Doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 48, info: { Title: `${o.title}: ${o.enterpriseName}`, Producer: "Numaish" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fontPath = o.urduFontPath ?? defaultUrduFontPath();
  const hasFont = !!fontPath && existsSync(fontPath);
  if (hasFont) doc.registerFont("urdu", fontPath!);
  let wantedUrdu = false;
  let droppedUrdu = false;
  const inner = A4L.width - 96;

  /** One centred line: Urdu-script text in the Urdu font (right to left) when it lays out. */
  const line = (text: string, y: number, size: number, latinFont = "Helvetica") => {
    if (ARABIC_SCRIPT.test(text)) {
      wantedUrdu = true;
      const shaping = hasFont ? urduFeatures(fontPath!, text) : null;
      if (!shaping) {
        droppedUrdu = true;
        return y;
      }
      doc.font("urdu").fontSize(size).fillColor("#111111").text(text, 48, y, { width: inner, align: "center", lineBreak: false, ...shaping() });
      return y + size * 2.4;
    }
    doc.font(latinFont).fontSize(size).fillColor("#111111").text(text, 48, y, { width: inner, align: "center", lineBreak: false, ellipsis: true });
    return y + size * 1.5;
  };

  doc.lineWidth(6).strokeColor("#0b6e4f").rect(20, 20, A4L.width - 40, A4L.height - 40).stroke();
  doc.lineWidth(1).strokeColor("#c9a227").rect(32, 32, A4L.width - 64, A4L.height - 64).stroke();
  let y = 70;
  y = line(o.editionName, y, 16);
  y = line(o.title, y + 10, 34, "Helvetica-Bold");
  y = line(o.placeLine, y + 10, 22, "Helvetica-Bold");
  y = line(o.categoryName, y + 6, 18);
  y = line(o.enterpriseName, y + 24, 30, "Helvetica-Bold");
  if (o.enterpriseNameUr && o.enterpriseNameUr !== o.enterpriseName) y = line(o.enterpriseNameUr, y + 4, 26);
  line(o.dateLine, Math.max(y + 30, A4L.height - 110), 12);
  doc.end();
  return { pdf: await done, urduRendered: !wantedUrdu || !droppedUrdu };
}
