// Validation of nomination rows (from a spreadsheet upload or a one-by-one form).
//
// Every problem is reported as {row, column, code, params} with a stable code the
// UI translates; row numbers are those the spreadsheet program shows (the header
// is row 1). Valid rows are returned normalised (NTN with its dash, phone in
// +92 form, cluster id), so valid rows can be accepted and the rest fixed.
// Size classes follow the SME Policy 2021 turnover bands: micro up to PKR 30
// million; small up to PKR 150 million with at most 50 employees; medium up to
// PKR 800 million. Above that an enterprise is not an SME.
import { z } from "zod";
import { SizeClass } from "./groups";

export const MICRO_MAX_TURNOVER = 30_000_000;
export const SMALL_MAX_TURNOVER = 150_000_000;
export const SMALL_MAX_EMPLOYEES = 50;
export const MEDIUM_MAX_TURNOVER = 800_000_000;

// The columns, in template order, with the header texts accepted in each language.
export const nominationColumns = [
  { key: "enterpriseName", en: "Enterprise name", ur: "ادارے کا نام", required: true },
  { key: "ntn", en: "NTN", ur: "این ٹی این", required: true },
  { key: "cluster", en: "Cluster", ur: "کلسٹر", required: true },
  { key: "sizeClass", en: "Size class", ur: "ادارے کا حجم", required: true },
  { key: "annualTurnoverPkr", en: "Annual turnover (PKR)", ur: "سالانہ ٹرن اوور (روپے)", required: true },
  { key: "employees", en: "Employees", ur: "ملازمین", required: true },
  { key: "womenLed", en: "Women-led", ur: "خواتین کی زیرِ قیادت", required: true },
  { key: "contactName", en: "Contact person", ur: "رابطہ شخص", required: true },
  { key: "email", en: "Email", ur: "ای میل", required: false },
  { key: "phone", en: "Mobile", ur: "موبائل", required: false },
  { key: "district", en: "District", ur: "ضلع", required: false },
] as const;
export type ColumnKey = (typeof nominationColumns)[number]["key"];

export const ProblemCode = z.enum([
  // file level
  "file_unreadable",
  "file_empty",
  "header_missing", // {column}
  "header_duplicate", // {column}
  "too_many_rows", // {max}
  // row level
  "required",
  "too_long", // {max}
  "ntn_format",
  "number_format",
  "integer_format",
  "size_class_unknown",
  "size_class_mismatch", // {declared, expected}
  "turnover_above_sme_limit", // {limit}
  "cluster_unknown",
  "women_led_unknown",
  "email_format",
  "phone_format",
  "contact_missing",
  "duplicate_in_file", // {firstRow}
  "already_nominated",
  "nominated_by_another_trade_body",
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({
  row: z.number().int(), // 0 for the file as a whole
  column: z.string().nullable(),
  code: ProblemCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Problem = z.infer<typeof Problem>;

export const RawRow = z.object({ row: z.number().int().min(1), values: z.record(z.string(), z.string()) });
export type RawRow = z.infer<typeof RawRow>;

export const ClusterRef = z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameUr: z.string().default("") });
export type ClusterRef = z.input<typeof ClusterRef>;

export const NominationRow = z.object({
  row: z.number().int(),
  enterpriseName: z.string(),
  ntn: z.string(),
  clusterId: z.string(),
  sizeClass: SizeClass,
  annualTurnoverPkr: z.number(),
  employees: z.number().int(),
  womenLed: z.boolean(),
  contactName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  district: z.string().nullable(),
});
export type NominationRow = z.infer<typeof NominationRow>;

// Urdu (and Persian) digits become ASCII so "۰۳۰۰" and "0300" are the same number.
export const asciiDigits = (s: string) => s.replace(/[۰-۹٠-٩]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
export const clean = (s: string | undefined) => asciiDigits((s ?? "").normalize("NFC").replace(/\s+/g, " ").trim());
const fold = (s: string) => clean(s).toLowerCase();

export function normaliseNtn(value: string): string | null {
  const v = clean(value).replace(/\s/g, "");
  if (/^\d{7}-\d$/.test(v)) return v;
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 7)}-${v.slice(7)}`;
  return null;
}

// Pakistani mobiles: 03XX-XXXXXXX, 03XXXXXXXXX, +92 3XX XXXXXXX, 0092…, 92…, and
// 3XXXXXXXXX (a spreadsheet that stored the number as a number dropped the 0).
export function normalisePhone(value: string): string | null {
  const v = clean(value).replace(/[\s\-().]/g, "");
  const m = /^(?:\+92|0092|92|0)?(3\d{9})$/.exec(v);
  return m ? `+92${m[1]}` : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function parseAmount(value: string): number | null {
  const v = clean(value).replace(/^(pkr|rs\.?|روپے)\s*/i, "").replace(/[,\s]/g, "");
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

const YES = new Set(["yes", "y", "true", "1", "ہاں", "جی ہاں", "ہاں جی", "جی"]);
const NO = new Set(["no", "n", "false", "0", "نہیں", "جی نہیں", "نہیں جی"]);
const SIZE_WORDS: Record<string, SizeClass> = {
  micro: "micro",
  small: "small",
  medium: "medium",
  مائیکرو: "micro",
  "چھوٹا": "small",
  "چھوٹی": "small",
  "چھوٹے": "small",
  "درمیانہ": "medium",
  "درمیانی": "medium",
  "درمیانے": "medium",
};

/** The size class the SME Policy bands give; null above the medium band. */
export function expectedSizeClass(turnover: number, employees: number): SizeClass | null {
  if (turnover <= MICRO_MAX_TURNOVER) return "micro";
  if (turnover <= SMALL_MAX_TURNOVER && employees <= SMALL_MAX_EMPLOYEES) return "small";
  if (turnover <= MEDIUM_MAX_TURNOVER) return "medium";
  return null;
}

type Issue = { column: ColumnKey; code: ProblemCode; params?: Record<string, string | number> };
const fail = (ctx: z.RefinementCtx, column: ColumnKey, code: ProblemCode, params: Record<string, string | number> = {}) => {
  ctx.addIssue({ code: "custom", path: [column], message: code, params: { problem: { column, code, params } satisfies Issue } });
  return z.NEVER;
};

const text = (column: ColumnKey, max: number, required: boolean) =>
  z.string().transform((raw, ctx) => {
    const v = clean(raw);
    if (!v) return required ? fail(ctx, column, "required") : null;
    if (v.length > max) return fail(ctx, column, "too_long", { max });
    return v;
  });

/** The zod schema for one row, given the clusters of the edition. */
export function rowSchema(clusters: ClusterRef[]) {
  const clusterIndex = new Map<string, string>();
  for (const c of clusters.map((x) => ClusterRef.parse(x))) {
    for (const name of [c.id, c.slug, c.nameEn, c.nameUr]) if (name) clusterIndex.set(fold(name), c.id);
  }
  const field = <T>(column: ColumnKey, parse: (v: string) => T | null, code: ProblemCode) =>
    text(column, 500, true).transform((v, ctx) => {
      if (v === null) return z.NEVER;
      const out = parse(v);
      return out === null ? fail(ctx, column, code) : out;
    });
  return z
    .object({
      enterpriseName: text("enterpriseName", 200, true),
      ntn: field("ntn", normaliseNtn, "ntn_format"),
      cluster: field("cluster", (v) => clusterIndex.get(fold(v)) ?? null, "cluster_unknown"),
      sizeClass: field("sizeClass", (v) => SIZE_WORDS[fold(v)] ?? null, "size_class_unknown"),
      annualTurnoverPkr: field("annualTurnoverPkr", parseAmount, "number_format"),
      employees: field("employees", (v) => (/^\d+$/.test(v.replace(/,/g, "")) ? Number(v.replace(/,/g, "")) : null), "integer_format"),
      womenLed: field("womenLed", (v) => (YES.has(fold(v)) ? true : NO.has(fold(v)) ? false : null), "women_led_unknown"),
      contactName: text("contactName", 120, true),
      email: text("email", 254, false).transform((v, ctx) => (v === null ? null : EMAIL.test(v) ? v.toLowerCase() : fail(ctx, "email", "email_format"))),
      phone: text("phone", 40, false).transform((v, ctx) => (v === null ? null : (normalisePhone(v) ?? fail(ctx, "phone", "phone_format")))),
      district: text("district", 80, false),
    })
    .superRefine((r, ctx) => {
      // zod may run this after a field failed; only cross-check fields that parsed.
      if (r === null || typeof r !== "object") return;
      if (r.email === null && r.phone === null) fail(ctx, "phone", "contact_missing");
      if (typeof r.annualTurnoverPkr !== "number" || typeof r.employees !== "number" || typeof r.sizeClass !== "string") return;
      const expected = expectedSizeClass(r.annualTurnoverPkr, r.employees);
      if (expected === null) fail(ctx, "annualTurnoverPkr", "turnover_above_sme_limit", { limit: MEDIUM_MAX_TURNOVER });
      else if (expected !== r.sizeClass) fail(ctx, "sizeClass", "size_class_mismatch", { declared: r.sizeClass, expected });
    }, { when: () => true });
}

export const ValidateRowsInput = z.object({
  rows: z.array(RawRow),
  clusters: z.array(ClusterRef),
  tradeBodyId: z.string().min(1),
  existing: z.array(z.object({ ntn: z.string(), tradeBodyId: z.string() })).default([]),
  remainingQuota: z.number().int().min(0),
});
export type ValidateRowsInput = z.input<typeof ValidateRowsInput>;

export const ValidateRowsResult = z.object({
  valid: z.array(NominationRow),
  problems: z.array(Problem),
  quota: z.object({ remaining: z.number().int(), valid: z.number().int(), exceededBy: z.number().int(), ok: z.boolean() }),
});
export type ValidateRowsResult = z.infer<typeof ValidateRowsResult>;

export function validateNominationRows(raw: ValidateRowsInput): ValidateRowsResult {
  const input = ValidateRowsInput.parse(raw);
  const schema = rowSchema(input.clusters);
  const owner = new Map<string, string>();
  for (const e of input.existing) owner.set(normaliseNtn(e.ntn) ?? clean(e.ntn), e.tradeBodyId);
  const firstRow = new Map<string, number>();
  const valid: NominationRow[] = [];
  const problems: Problem[] = [];

  for (const { row, values } of [...input.rows].sort((a, b) => a.row - b.row)) {
    const parsed = schema.safeParse(Object.fromEntries(nominationColumns.map((c) => [c.key, values[c.key] ?? ""])));
    const rowProblems: Problem[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const p = (issue as { params?: { problem?: Issue } }).params?.problem;
        if (p) rowProblems.push({ row, column: p.column, code: p.code, params: p.params ?? {} });
      }
    }
    // Duplicates are checked on the NTN even when another field is wrong, so
    // every problem of the row shows at once.
    const ntn = normaliseNtn(values.ntn ?? "");
    if (ntn) {
      const first = firstRow.get(ntn);
      if (first !== undefined) rowProblems.push({ row, column: "ntn", code: "duplicate_in_file", params: { firstRow: first } });
      else firstRow.set(ntn, row);
      const holder = owner.get(ntn);
      // Never name the other trade body: a trade body must not learn another's nominees.
      if (holder !== undefined) rowProblems.push({ row, column: "ntn", code: holder === input.tradeBodyId ? "already_nominated" : "nominated_by_another_trade_body", params: {} });
    }
    if (rowProblems.length > 0 || !parsed.success) {
      problems.push(...rowProblems);
      continue;
    }
    const { cluster, ...rest } = parsed.data;
    valid.push({ row, ...rest, clusterId: cluster, enterpriseName: rest.enterpriseName!, contactName: rest.contactName! });
  }
  const order = new Map(nominationColumns.map((c, i) => [c.key as string, i]));
  problems.sort((a, b) => a.row - b.row || (order.get(a.column ?? "") ?? -1) - (order.get(b.column ?? "") ?? -1));
  const exceededBy = Math.max(0, valid.length - input.remainingQuota);
  return { valid, problems, quota: { remaining: input.remainingQuota, valid: valid.length, exceededBy, ok: exceededBy === 0 } };
}
