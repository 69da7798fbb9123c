import { stringify } from "csv-stringify/sync";

// Every CSV the platform hands out is written here, with csv-stringify (decision 0017) and one
// formula-injection guard: a text cell a spreadsheet would run as a formula is neutralised.

export type Cell = string | number | boolean | null;

/** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with '. */
export function safeCell(v: Cell): Cell {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * Rows as CSV text: CRLF line ends (RFC 4180), quotes where needed, every cell through safeCell.
 * `bom` starts the text with a byte-order mark: Excel reads the file as UTF-8 only with it.
 */
export function toCsv(rows: readonly (readonly Cell[])[], opts: { bom?: boolean } = {}): string {
  const body = stringify(
    rows.map((r) => r.map((c) => safeCell(c))),
    // A lone CR or LF inside a cell is quoted too (csv-stringify only quotes the whole CRLF).
    { record_delimiter: "windows", quoted_match: /[\r\n]/, cast: { boolean: (b) => String(b) } },
  );
  return (opts.bom ? "\ufeff" : "") + body;
}
