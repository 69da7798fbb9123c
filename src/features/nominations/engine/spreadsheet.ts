// Reading an uploaded nomination spreadsheet (XLSX or CSV) into raw rows, and
// writing the template. Pure apart from exceljs's in-memory (de)serialisation:
// buffers in, rows or a buffer out.
import ExcelJS from "exceljs";
import { clean, nominationColumns, type ClusterRef, type ColumnKey, type Problem, type RawRow } from "./rows";

export const MAX_ROWS = 2000;
export const NOMINATIONS_SHEET = "Nominations";
const NOMINATIONS_SHEET_UR = "نامزدگیاں";

export interface ParsedSheet {
  rows: RawRow[];
  problems: Problem[]; // file-level only; rows are validated by validateNominationRows
}

const fold = (s: string) => clean(s).toLowerCase().replace(/\*/g, "").trim();
const headerIndex = new Map<string, ColumnKey>();
for (const c of nominationColumns) {
  for (const name of [c.key, c.en, c.ur, `${c.en} / ${c.ur}`, c.en.replace(/\s*\(.*\)$/, "")]) headerIndex.set(fold(name), c.key);
}

/** A header cell names a column by its key, English or Urdu text, or the template's "English / Urdu". */
export function columnForHeader(text: string): ColumnKey | null {
  const whole = headerIndex.get(fold(text));
  if (whole) return whole;
  for (const part of text.split("/")) {
    const key = headerIndex.get(fold(part));
    if (key) return key;
  }
  return null;
}

function fromGrid(grid: { row: number; cells: string[] }[], maxRows: number): ParsedSheet {
  const problems: Problem[] = [];
  const header = grid[0];
  if (!header || grid.length < 2) return { rows: [], problems: [{ row: 0, column: null, code: "file_empty", params: {} }] };
  const columnAt = new Map<number, ColumnKey>();
  const seen = new Set<ColumnKey>();
  header.cells.forEach((text, i) => {
    const key = columnForHeader(text);
    if (!key) return; // extra columns (notes, row numbers) are ignored
    if (seen.has(key)) problems.push({ row: header.row, column: key, code: "header_duplicate", params: { column: key } });
    else columnAt.set(i, key);
    seen.add(key);
  });
  for (const c of nominationColumns) {
    if (c.required && !seen.has(c.key)) problems.push({ row: header.row, column: c.key, code: "header_missing", params: { column: c.key } });
  }
  const rows: RawRow[] = [];
  for (const line of grid.slice(1)) {
    if (line.cells.every((c) => clean(c) === "")) continue;
    const values: Record<string, string> = {};
    for (const [i, key] of columnAt) values[key] = line.cells[i] ?? "";
    rows.push({ row: line.row, values });
  }
  if (rows.length === 0) problems.push({ row: 0, column: null, code: "file_empty", params: {} });
  if (rows.length > maxRows) return { rows: [], problems: [...problems, { row: 0, column: null, code: "too_many_rows", params: { max: maxRows } }] };
  // A missing required column makes every row wrong: report that once instead.
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM; `;` or tab when the header uses it. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  // A number keeps all its digits (an NTN or mobile typed without a dash arrives as one).
  if (typeof v === "number") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
  return cell.text ?? "";
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads an uploaded file; XLSX is recognised by its zip signature, anything else is read as CSV (UTF-8, or UTF-16 with a BOM). */
export async function parseNominationFile(buffer: Uint8Array, options: { maxRows?: number } = {}): Promise<ParsedSheet> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const unreadable: ParsedSheet = { rows: [], problems: [{ row: 0, column: null, code: "file_unreadable", params: {} }] };
  if (!isZip(buffer)) {
    let text: string;
    try {
      // Excel's "Unicode text" is UTF-16 with a byte-order mark; everything else must be UTF-8.
      const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe;
      text = new TextDecoder(utf16 ? "utf-16le" : "utf-8", { fatal: true }).decode(buffer);
    } catch {
      return unreadable;
    }
    if (text.includes("\u0000")) return unreadable;
    return fromGrid(parseCsv(text).map((cells, i) => ({ row: i + 1, cells })), maxRows);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(buffer) as never);
  } catch {
    return unreadable;
  }
  const sheet =
    workbook.getWorksheet(NOMINATIONS_SHEET) ??
    workbook.getWorksheet(NOMINATIONS_SHEET_UR) ??
    workbook.worksheets.find((w) => !/instruction|ہدایات|cluster|کلسٹر/i.test(w.name));
  if (!sheet) return { rows: [], problems: [{ row: 0, column: null, code: "file_empty", params: {} }] };
  if (sheet.actualRowCount > maxRows + 1) return { rows: [], problems: [{ row: 0, column: null, code: "too_many_rows", params: { max: maxRows } }] };
  const grid: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
    grid.push({ row: rowNumber, cells });
  });
  return fromGrid(grid, maxRows);
}

const instructions: Record<ColumnKey, { en: string; ur: string }> = {
  enterpriseName: { en: "Registered name of the enterprise.", ur: "ادارے کا رجسٹرڈ نام۔" },
  ntn: { en: "National Tax Number: 7 digits, a dash, 1 digit (1234567-8).", ur: "نیشنل ٹیکس نمبر: سات ہندسے، ڈیش، ایک ہندسہ (1234567-8)۔" },
  cluster: { en: "The cluster's name or code, as on the Clusters sheet.", ur: "کلسٹر کا نام یا کوڈ، جیسا کہ کلسٹرز کی شیٹ پر ہے۔" },
  sizeClass: {
    en: "micro (turnover up to PKR 30 million), small (up to PKR 150 million and at most 50 employees) or medium (up to PKR 800 million).",
    ur: "مائیکرو (ٹرن اوور 3 کروڑ روپے تک)، چھوٹا (15 کروڑ روپے تک اور زیادہ سے زیادہ 50 ملازمین) یا درمیانہ (80 کروڑ روپے تک)۔",
  },
  annualTurnoverPkr: { en: "Last year's turnover in rupees, digits only (25000000).", ur: "پچھلے سال کا ٹرن اوور روپوں میں، صرف ہندسے (25000000)۔" },
  employees: { en: "Number of employees, a whole number.", ur: "ملازمین کی تعداد، پورا عدد۔" },
  womenLed: { en: "yes or no (ہاں or نہیں): owned and led by a woman.", ur: "ہاں یا نہیں (yes یا no): کیا ادارہ کسی خاتون کی ملکیت اور قیادت میں ہے۔" },
  contactName: { en: "Person who will complete the application.", ur: "وہ شخص جو درخواست مکمل کرے گا۔" },
  email: { en: "Email of the contact person. Email or mobile is required.", ur: "رابطہ شخص کی ای میل۔ ای میل یا موبائل میں سے ایک ضروری ہے۔" },
  phone: { en: "Pakistani mobile: 0300-1234567 or +92 300 1234567.", ur: "پاکستانی موبائل نمبر: 0300-1234567 یا 92 300 1234567+۔" },
  district: { en: "District (optional).", ur: "ضلع (اختیاری)۔" },
};

/** The XLSX template: a Nominations sheet with bilingual headers, Instructions, and the Clusters if given. */
export async function nominationTemplate(options: { clusters?: ClusterRef[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Numaish";
  const sheet = workbook.addWorksheet(NOMINATIONS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = nominationColumns.map((c) => ({ header: `${c.en}${c.required ? " *" : ""} / ${c.ur}`, key: c.key, width: 28 }));
  sheet.getRow(1).font = { bold: true };
  // Text format keeps the leading 0 of mobiles and the dash of NTNs.
  for (const key of ["ntn", "phone"] as const) sheet.getColumn(key).numFmt = "@";
  const letter = (key: ColumnKey) => String.fromCharCode(65 + nominationColumns.findIndex((c) => c.key === key));
  for (let r = 2; r <= 201; r++) {
    sheet.getCell(`${letter("womenLed")}${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ['"yes,no,ہاں,نہیں"'] };
    sheet.getCell(`${letter("sizeClass")}${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ['"micro,small,medium,مائیکرو,چھوٹا,درمیانہ"'] };
  }

  const help = workbook.addWorksheet("Instructions");
  help.columns = [
    { header: "Column", width: 26 },
    { header: "کالم", width: 26 },
    { header: "Required / ضروری", width: 16 },
    { header: "How to fill", width: 70 },
    { header: "کیسے بھریں", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of nominationColumns) {
    help.addRow([c.en, c.ur, c.required ? "yes / ہاں" : "no / نہیں", instructions[c.key].en, instructions[c.key].ur]);
  }
  help.addRow([]);
  help.addRow(["One row per enterprise. Rows with problems are reported by row and column; valid rows can be accepted and the rest fixed and uploaded again."]);
  help.addRow(["ہر ادارے کے لیے ایک قطار۔ غلطی والی قطاروں کی نشاندہی قطار اور کالم کے ساتھ کی جاتی ہے؛ درست قطاریں قبول کی جا سکتی ہیں اور باقی درست کر کے دوبارہ اپ لوڈ کی جا سکتی ہیں۔"]);

  if (options.clusters?.length) {
    const list = workbook.addWorksheet("Clusters");
    list.columns = [
      { header: "Code", width: 24 },
      { header: "Cluster", width: 40 },
      { header: "کلسٹر", width: 40 },
    ];
    list.getRow(1).font = { bold: true };
    for (const c of options.clusters) list.addRow([c.slug, c.nameEn, c.nameUr ?? ""]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export { nominationTemplate as template };
