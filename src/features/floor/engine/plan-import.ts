import { parse } from "csv-parse/sync";
import DxfParser from "dxf-parser";
import { centroid, polygonArea, strictlyInside, type Pt, type Rect } from "./geometry";

// Reading stalls from an uploaded file (issue #12, item 2), pure: text in, stalls or a report out.
// A CSV (columns number, x, y, width, depth, area: the code of the hall's area, optional) gives
// rectangles; a DXF drawing gives a polygon for every closed LWPOLYLINE/POLYLINE on the chosen
// layer, numbered by the TEXT/MTEXT inside it (else in drawing order, after the hall's last). The
// report names each bad row or entity; the operation imports nothing when it is not empty.

export interface ImportIssue {
  /** The CSV line (1 = the header) or the DXF entity's position among the layer's shapes (1-based). */
  at: number;
  code: string;
  params?: Record<string, string | number>;
}
export interface ImportedStall {
  at: number;
  number: string | null;
  rect: Rect | null;
  polygon: Pt[] | null;
  areaM2: number;
  areaCode: string | null;
}
export interface ImportResult {
  stalls: ImportedStall[];
  issues: ImportIssue[];
}

const COLUMNS = ["number", "x", "y", "width", "depth"] as const;

export function readStallCsv(text: string): ImportResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\ufeff/, ""), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { stalls: [], issues: [{ at: line, code: "floor_import_unreadable" }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { stalls: [], issues: [{ at: 1, code: "floor_import_columns", params: { columns: missing.join(", ") } }] };
  const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? "";
  const stalls: ImportedStall[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((row, i) => {
    const at = i + 2;
    const number = col(row, "number");
    if (!number || number.length > 40) return void issues.push({ at, code: "floor_import_number" });
    if (seen.has(number.toLowerCase())) return void issues.push({ at, code: "floor_import_duplicate", params: { number, first: seen.get(number.toLowerCase())! } });
    seen.set(number.toLowerCase(), at);
    const nums = (["x", "y", "width", "depth"] as const).map((k) => ({ k, v: Number(col(row, k).replace(",", ".")) }));
    const bad = nums.find(({ k, v }) => col(row, k) === "" || !Number.isFinite(v) || v < 0 || ((k === "width" || k === "depth") && v <= 0));
    if (bad) return void issues.push({ at, code: "floor_import_value", params: { column: bad.k, number } });
    const [x, y, w, h] = nums.map((n) => n.v) as [number, number, number, number];
    const area = header.includes("area") ? col(row, "area") : "";
    stalls.push({ at, number, rect: { x, y, w, h }, polygon: null, areaM2: w * h, areaCode: area || null });
  });
  if (!stalls.length && !issues.length) issues.push({ at: 1, code: "floor_import_empty" });
  return { stalls, issues };
}

interface DxfEntity {
  type: string;
  layer?: string;
  shape?: boolean;
  vertices?: { x: number; y: number }[];
  text?: string;
  startPoint?: { x: number; y: number };
  position?: { x: number; y: number };
}

/** The layers of a DXF drawing that hold closed polylines, for the uploader to choose from. */
export function dxfLayers(text: string): string[] {
  const entities = dxfEntities(text);
  return entities ? [...new Set(entities.filter(isPolyline).map((e) => e.layer ?? "0"))].sort() : [];
}

const isPolyline = (e: DxfEntity) => e.type === "LWPOLYLINE" || e.type === "POLYLINE";

function dxfEntities(text: string): DxfEntity[] | null {
  try {
    const dxf = new DxfParser().parseSync(text) as { entities?: DxfEntity[] } | null;
    return dxf?.entities ?? null;
  } catch {
    return null;
  }
}

/**
 * Stalls from the closed polylines of `layer`. The drawing's y axis points up (CAD) while the
 * hall's points down: y is flipped within the hall's depth, and drawing units are metres
 * multiplied by `scale` (1 for metres, 0.001 for millimetres).
 */
export function readStallDxf(text: string, opts: { layer: string; depthM: number; scale?: number }): ImportResult {
  const entities = dxfEntities(text);
  if (!entities) return { stalls: [], issues: [{ at: 0, code: "floor_import_unreadable" }] };
  const scale = opts.scale ?? 1;
  const onLayer = (e: DxfEntity) => (e.layer ?? "0").toLowerCase() === opts.layer.toLowerCase();
  const toHall = (p: { x: number; y: number }): Pt => ({ x: round(p.x * scale), y: round(opts.depthM - p.y * scale) });
  const labels = entities
    .filter((e) => (e.type === "TEXT" || e.type === "MTEXT") && e.text && (e.startPoint ?? e.position))
    .map((e) => ({ text: plainMtext(e.text!), at: toHall((e.startPoint ?? e.position)!) }))
    .filter((l) => l.text);
  const stalls: ImportedStall[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  entities.filter((e) => isPolyline(e) && onLayer(e)).forEach((e, i) => {
    const at = i + 1;
    const points = dedupe((e.vertices ?? []).map(toHall));
    if (!e.shape && !(points.length > 3 && same(points[0]!, points[points.length - 1]!))) return void issues.push({ at, code: "floor_import_unclosed" });
    if (points.length > 3 && same(points[0]!, points[points.length - 1]!)) points.pop();
    const areaM2 = round(polygonArea(points));
    if (points.length < 3 || areaM2 <= 0) return void issues.push({ at, code: "floor_import_degenerate" });
    const inside = labels.filter((l) => strictlyInside(l.at, points));
    const number = inside.length ? inside.sort((p, q) => dist(p.at, centroid(points)) - dist(q.at, centroid(points)))[0]!.text.slice(0, 40) : null;
    if (number && seen.has(number.toLowerCase())) return void issues.push({ at, code: "floor_import_duplicate", params: { number, first: 0 } });
    if (number) seen.add(number.toLowerCase());
    stalls.push({ at, number, rect: null, polygon: points, areaM2, areaCode: null });
  });
  if (!stalls.length && !issues.length) issues.push({ at: 0, code: "floor_import_no_shapes", params: { layer: opts.layer } });
  return { stalls, issues };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const same = (a: Pt, b: Pt) => Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);
const dedupe = (p: Pt[]) => p.filter((v, i) => i === 0 || !same(v, p[i - 1]!));
/** MTEXT carries formatting codes ("\\P", "{\\fArial;…}"): the words only. */
const plainMtext = (s: string) =>
  s
    .replace(/\\[A-Za-z][^;\\{}]*;/g, "")
    .replace(/\\P/g, " ")
    .replace(/[{}]/g, "")
    .trim();
