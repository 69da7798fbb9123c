import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { validateNominationRows } from "./rows";
import { clusters, goodValues } from "./test-fixtures";
import { columnForHeader, nominationTemplate, parseCsv, parseNominationFile } from "./spreadsheet";

const headersEn = ["Enterprise name", "NTN", "Cluster", "Size class", "Annual turnover (PKR)", "Employees", "Women-led", "Contact person", "Email", "Mobile", "District"];
const values = (over: Partial<typeof goodValues> = {}) => Object.values({ ...goodValues, ...over });

async function xlsx(rows: (string | number | null)[][], sheetName = "Nominations"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Instructions").addRow(["ignored"]);
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const csv = (rows: string[][]) => new TextEncoder().encode("\uFEFF" + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n"));

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, embedded newlines, CRLF and semicolons", () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,"line\nbreak",3\n')).toEqual([["a", "b,c", 'say "hi"'], ["1", "line\nbreak", "3"]]);
    expect(parseCsv("a;b;c\n1;2;3")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
  });
});

describe("columnForHeader", () => {
  it("knows English, Urdu, keys and the template's bilingual headers", () => {
    expect(columnForHeader("NTN")).toBe("ntn");
    expect(columnForHeader("این ٹی این")).toBe("ntn");
    expect(columnForHeader("Annual turnover (PKR) * / سالانہ ٹرن اوور (روپے)")).toBe("annualTurnoverPkr");
    expect(columnForHeader("annual turnover")).toBe("annualTurnoverPkr");
    expect(columnForHeader("Remarks")).toBeNull();
  });
});

describe("parseNominationFile", () => {
  it("reads an XLSX with mixed valid and invalid rows, numbers as Excel stores them", async () => {
    const buffer = await xlsx([
      headersEn,
      values(),
      [...values({ ntn: "2345678-9", phone: "" }).slice(0, 9), 3001112222, "Lahore"], // mobile stored as a number
      values({ ntn: "bad", womenLed: "ہاں" }),
      [],
      values({ ntn: "1234567-8" }), // duplicate of row 2
      [...values({ ntn: "" }).slice(0, 1), 34567890, ...values().slice(2)], // NTN stored as a number
    ]);
    const parsed = await parseNominationFile(buffer);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4, 6, 7]);
    const result = validateNominationRows({ rows: parsed.rows, clusters, tradeBodyId: "tb", remainingQuota: 2 });
    expect(result.valid.map((r) => [r.row, r.ntn, r.phone])).toEqual([
      [2, "1234567-8", "+923001234567"],
      [3, "2345678-9", "+923001112222"],
      [7, "3456789-0", "+923001234567"],
    ]);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, "ntn", "ntn_format"],
      [6, "ntn", "duplicate_in_file"],
    ]);
    expect(result.quota).toMatchObject({ ok: false, exceededBy: 1 });
  });

  it("reads a CSV with Urdu headers the same way", async () => {
    const header = ["ادارے کا نام", "این ٹی این", "کلسٹر", "ادارے کا حجم", "سالانہ ٹرن اوور (روپے)", "ملازمین", "خواتین کی زیرِ قیادت", "رابطہ شخص", "ای میل", "موبائل", "ضلع"];
    const parsed = await parseNominationFile(csv([header, values({ annualTurnoverPkr: "25,000,000" }), values({ ntn: "9999999-9", email: "x@", phone: "" })]));
    expect(parsed.problems).toEqual([]);
    const result = validateNominationRows({ rows: parsed.rows, clusters, tradeBodyId: "tb", remainingQuota: 5 });
    expect(result.valid.map((r) => r.row)).toEqual([2]);
    // A malformed email is reported as such, not also as "no contact given".
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, "email", "email_format"]]);
  });

  it("reads Excel's tab-separated UTF-16 \"Unicode text\"", async () => {
    const text = "\uFEFF" + [headersEn, values()].map((r) => r.join("\t")).join("\r\n");
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const parsed = await parseNominationFile(bytes);
    expect(parsed.problems).toEqual([]);
    expect(validateNominationRows({ rows: parsed.rows, clusters, tradeBodyId: "tb", remainingQuota: 1 }).valid).toHaveLength(1);
  });

  it("reports missing columns, empty, unreadable and oversized files once, at file level", async () => {
    const noNtn = await parseNominationFile(csv([headersEn.filter((h) => h !== "NTN"), values().slice(1)]));
    expect(noNtn).toEqual({ rows: [], problems: [{ row: 1, column: "ntn", code: "header_missing", params: { column: "ntn" } }] });
    expect((await parseNominationFile(csv([headersEn]))).problems[0]!.code).toBe("file_empty");
    expect((await parseNominationFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).problems[0]!.code).toBe("file_unreadable");
    expect((await parseNominationFile(new Uint8Array([0xc3, 0x28, 0x41]))).problems[0]!.code).toBe("file_unreadable"); // not UTF-8
    const big = csv([headersEn, ...Array.from({ length: 4 }, () => values())]);
    expect((await parseNominationFile(big, { maxRows: 3 })).problems).toEqual([{ row: 0, column: null, code: "too_many_rows", params: { max: 3 } }]);
    const dup = await parseNominationFile(csv([[...headersEn, "NTN"], values()]));
    expect(dup.problems.map((p) => p.code)).toEqual(["header_duplicate"]);
  });
});

describe("nominationTemplate", () => {
  it("writes bilingual headers that read back, instructions and clusters", async () => {
    const buffer = await nominationTemplate({ clusters });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Nominations", "Instructions", "Clusters"]);
    const header = (wb.getWorksheet("Nominations")!.getRow(1).values as string[]).slice(1);
    expect(header[1]).toBe("NTN * / این ٹی این");
    expect(header.map(columnForHeader)).toEqual(["enterpriseName", "ntn", "cluster", "sizeClass", "annualTurnoverPkr", "employees", "womenLed", "contactName", "email", "phone", "district"]);
    expect(wb.getWorksheet("Instructions")!.getCell("E3").text).toContain("1234567-8");
    expect(wb.getWorksheet("Clusters")!.getCell("A2").text).toBe("sialkot-surgical");
    // The size-class dropdown offers the Urdu words too, and each of them reads back as its class.
    const sizeList = wb.getWorksheet("Nominations")!.getCell("D2").dataValidation.formulae![0] as string;
    expect(sizeList).toContain("مائیکرو");
    const sizes = sizeList.replace(/"/g, "").split(",");
    const asRow = (size: string) => ({ row: 2, values: { ...Object.fromEntries(headersEn.map((h, i) => [columnForHeader(h)!, values()[i]!])), sizeClass: size } });
    const classes = sizes.map((s) => validateNominationRows({ rows: [asRow(s)], clusters, tradeBodyId: "tb", remainingQuota: 1 }).problems.filter((p) => p.code === "size_class_unknown").length);
    expect(classes).toEqual(sizes.map(() => 0));

    // The template, filled in, is accepted as an upload.
    wb.getWorksheet("Nominations")!.addRow(values());
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const parsed = await parseNominationFile(filled);
    expect(validateNominationRows({ rows: parsed.rows, clusters, tradeBodyId: "tb", remainingQuota: 1 }).valid).toHaveLength(1);
  });
});
