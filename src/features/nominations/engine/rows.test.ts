import { describe, expect, it } from "vitest";
import { clusters, goodValues } from "./test-fixtures";
import { expectedSizeClass, normaliseNtn, normalisePhone, parseAmount, validateNominationRows, type RawRow } from "./rows";

const row = (n: number, values: Partial<typeof goodValues>): RawRow => ({ row: n, values: { ...goodValues, ...values } });
const base = { clusters, tradeBodyId: "tb-sialkot", remainingQuota: 10 };

describe("field rules", () => {
  it("normalises NTNs, phones and amounts", () => {
    expect(normaliseNtn(" 1234567-8 ")).toBe("1234567-8");
    expect(normaliseNtn("12345678")).toBe("1234567-8");
    expect(normaliseNtn("۱۲۳۴۵۶۷-۸")).toBe("1234567-8");
    expect(normaliseNtn("123456-78")).toBeNull();
    expect(normaliseNtn("A234567-8")).toBeNull();
    for (const p of ["0300-1234567", "03001234567", "+92 300 1234567", "0092-300-1234567", "923001234567", "3001234567", "۰۳۰۰۱۲۳۴۵۶۷"]) {
      expect(normalisePhone(p)).toBe("+923001234567");
    }
    for (const p of ["042-1234567", "0300-123456", "+44 300 1234567", "03001234567890"]) expect(normalisePhone(p)).toBeNull();
    expect(parseAmount("PKR 1,500,000")).toBe(1_500_000);
    expect(parseAmount("15 lakh")).toBeNull();
  });

  it("derives size classes from the SME Policy bands", () => {
    expect(expectedSizeClass(30_000_000, 500)).toBe("micro");
    expect(expectedSizeClass(30_000_001, 50)).toBe("small");
    expect(expectedSizeClass(150_000_000, 51)).toBe("medium");
    expect(expectedSizeClass(800_000_000, 300)).toBe("medium");
    expect(expectedSizeClass(800_000_001, 10)).toBeNull();
  });
});

describe("validateNominationRows", () => {
  it("accepts a valid row in English or Urdu and returns it normalised", () => {
    const result = validateNominationRows({
      ...base,
      rows: [row(2, {}), row(3, { ntn: "7654321-0", cluster: "سیالکوٹ کھیلوں کا سامان", womenLed: "نہیں", sizeClass: "مائیکرو", email: "", phone: "+92 321 7654321" })],
    });
    expect(result.problems).toEqual([]);
    expect(result.valid[0]).toEqual({
      row: 2,
      enterpriseName: "Fatima Surgical Works",
      ntn: "1234567-8",
      clusterId: "cl-surgical",
      sizeClass: "micro",
      annualTurnoverPkr: 25_000_000,
      employees: 12,
      womenLed: true,
      contactName: "Fatima Bibi",
      email: "fatima@example.pk",
      phone: "+923001234567",
      district: "Sialkot",
    });
    expect(result.valid[1]).toMatchObject({ clusterId: "cl-sports", womenLed: false, email: null, phone: "+923217654321" });
    expect(result.quota).toEqual({ remaining: 10, valid: 2, exceededBy: 0, ok: true });
  });

  it("reports every problem by row and column with stable codes", () => {
    const result = validateNominationRows({
      ...base,
      existing: [
        { ntn: "1111111-1", tradeBodyId: "tb-sialkot" },
        { ntn: "2222222-2", tradeBodyId: "tb-lahore" },
      ],
      rows: [
        row(2, {}),
        row(3, { enterpriseName: "", ntn: "12-3", cluster: "Karachi Textiles" }),
        row(4, { ntn: "4444444-4", sizeClass: "small", womenLed: "maybe", email: "not-an-email", phone: "042-1234567" }),
        row(5, { ntn: "1234567-8", annualTurnoverPkr: "900000000", sizeClass: "medium" }),
        row(6, { ntn: "1111111-1", employees: "12.5" }),
        row(7, { ntn: "2222222-2", email: "", phone: "", sizeClass: "huge" }),
        row(8, { ntn: "3333333-3", annualTurnoverPkr: "120000000", employees: "80", sizeClass: "small" }),
      ],
    });
    expect(result.valid.map((r) => r.row)).toEqual([2]);
    const simplified = result.problems.map((p) => [p.row, p.column, p.code, p.params]);
    expect(simplified).toEqual([
      [3, "enterpriseName", "required", {}],
      [3, "ntn", "ntn_format", {}],
      [3, "cluster", "cluster_unknown", {}],
      [4, "sizeClass", "size_class_mismatch", { declared: "small", expected: "micro" }],
      [4, "womenLed", "women_led_unknown", {}],
      [4, "email", "email_format", {}],
      [4, "phone", "phone_format", {}],
      [5, "ntn", "duplicate_in_file", { firstRow: 2 }],
      [5, "annualTurnoverPkr", "turnover_above_sme_limit", { limit: 800_000_000 }],
      [6, "ntn", "already_nominated", {}],
      [6, "employees", "integer_format", {}],
      [7, "ntn", "nominated_by_another_trade_body", {}],
      [7, "sizeClass", "size_class_unknown", {}],
      [7, "phone", "contact_missing", {}],
      [8, "sizeClass", "size_class_mismatch", { declared: "small", expected: "medium" }],
    ]);
  });

  it("checks the quota against the valid rows", () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i + 2, { ntn: `100000${i}-1` }));
    expect(validateNominationRows({ ...base, rows, remainingQuota: 3 }).quota).toEqual({ remaining: 3, valid: 5, exceededBy: 2, ok: false });
  });

  it("rejects over-long values", () => {
    const result = validateNominationRows({ ...base, rows: [row(2, { enterpriseName: "x".repeat(201) })] });
    expect(result.problems).toEqual([{ row: 2, column: "enterpriseName", code: "too_long", params: { max: 200 } }]);
  });
});
