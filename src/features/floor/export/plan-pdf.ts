import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { defaultUrduFontPath } from "#features/checkin";
import type { FloorPoint } from "../tables";

// The hall's plan as a PDF (issue #12, item 2: export), for printing: A3 landscape, the hall to
// scale, areas dashed with their names, obstacles filled, each stall outlined with its number.
// The title is in English and, where the Urdu font is installed, in Urdu too.

export interface PlanPdfInput {
  titleEn: string;
  titleUr: string;
  subtitle: string;
  widthM: number;
  depthM: number;
  areas: { nameEn: string; polygon: FloorPoint[] }[];
  obstacles: FloorPoint[][];
  stalls: { number: string; points: FloorPoint[] }[];
}

const MARGIN = 36;

export async function renderPlanPdf(o: PlanPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A3", layout: "landscape", margin: MARGIN, info: { Title: o.titleEn, Producer: "Numaish" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font("Helvetica-Bold").fontSize(16).text(o.titleEn, MARGIN, MARGIN, { width });
  const font = defaultUrduFontPath();
  if (font && existsSync(font)) {
    try {
      doc.registerFont("urdu", font);
      doc.font("urdu").fontSize(14).text(o.titleUr, MARGIN, MARGIN, { width, align: "right", features: ["rtla"] } as object);
    } catch {
      // The plan prints without the Urdu title rather than not at all.
    }
  }
  doc.font("Helvetica").fontSize(9).fillColor("#444").text(o.subtitle, MARGIN, MARGIN + 24, { width });
  const top = MARGIN + 44;
  const scale = Math.min(width / o.widthM, (doc.page.height - top - MARGIN) / o.depthM);
  const P = (p: FloorPoint): [number, number] => [MARGIN + p.x * scale, top + p.y * scale];
  const path = (pts: FloorPoint[]) => {
    const [first, ...rest] = pts.map(P);
    doc.moveTo(...first!);
    for (const q of rest) doc.lineTo(...q);
    doc.closePath();
  };
  doc.lineWidth(1.2).rect(MARGIN, top, o.widthM * scale, o.depthM * scale).stroke("#1b1f1c");
  for (const a of o.areas) {
    path(a.polygon);
    doc.lineWidth(0.6).dash(4, { space: 3 }).fillAndStroke("#eef5f0", "#6b756e").undash();
    const [x, y] = P({ x: Math.min(...a.polygon.map((p) => p.x)), y: Math.min(...a.polygon.map((p) => p.y)) });
    doc.font("Helvetica-Bold").fontSize(8).fillColor("#1b1f1c").text(a.nameEn, x + 2, y - 10, { lineBreak: false });
  }
  for (const ob of o.obstacles) {
    path(ob);
    doc.fill("#4a514c");
  }
  for (const s of o.stalls) {
    path(s.points);
    doc.lineWidth(0.4).fillAndStroke("#ffffff", "#1b1f1c");
    const xs = s.points.map((p) => p.x);
    const ys = s.points.map((p) => p.y);
    const [cx, cy] = P({ x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 });
    const size = Math.max(4, Math.min(9, ((Math.max(...xs) - Math.min(...xs)) * scale) / Math.max(3, s.number.length) * 1.6));
    doc.font("Helvetica").fontSize(size).fillColor("#1b1f1c");
    const w = doc.widthOfString(s.number);
    doc.text(s.number, cx - w / 2, cy - size / 2, { lineBreak: false });
  }
  doc.end();
  return done;
}
