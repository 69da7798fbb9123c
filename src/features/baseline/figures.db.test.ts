import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { isDomainError } from "../../platform/errors";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { baselineDashboard } from "./operations/dashboard";
import { dashboardExport, dashboardTable } from "./operations/exports";
import { baselineOpenData, openDataCsv } from "./operations/open-data";
import { baselineReport } from "./operations/report";
import { storeScores } from "./operations/stored-scores";
import { surveyOfEdition } from "./operations/structure";
import { baselineAnswers, baselineQuestions, baselineResponses } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// Issue #15, items 5 and 6: the dashboard's charts beside their tables, the comparison of the
// same indicator codes in 2026 and 2027 (each edition's column suppressed on its own), every table
// as CSV and XLSX, and the public open data with small cells withheld by the transparency
// report's rule (never a lone hidden group, never a count from 1 to 4).

let t: TestDb;
let y2026: string;
let y2027: string;
const FIRMS_2027 = 12;

beforeAll(async () => {
  t = await openTestDb();
  y2026 = (await demoShow(t.db)).editionId;
  y2027 = (await demoShow(t.db, "sme-showcase-2027")).editionId;
  // 2027: twelve of 2026's firms answer again; every one of them now exports.
  const s26 = (await surveyOfEdition(t.db, y2026))!;
  const s27 = (await surveyOfEdition(t.db, y2027))!;
  const old = await t.db.select().from(baselineResponses).where(and(eq(baselineResponses.surveyId, s26.id), eq(baselineResponses.status, "submitted"))).limit(FIRMS_2027);
  const questions = new Map((await t.db.select().from(baselineQuestions).where(and(eq(baselineQuestions.surveyId, s27.id), isNull(baselineQuestions.retiredAt)))).map((q) => [q.code, q.id]));
  const at = new Date("2027-03-01T10:00:00Z");
  for (const r of old) {
    const [fresh] = await t.db.insert(baselineResponses).values({ surveyId: s27.id, enterpriseId: r.enterpriseId, sectionsDone: r.sectionsDone, status: "submitted", submittedAt: at }).returning();
    const answers = await t.db.select().from(baselineAnswers).where(eq(baselineAnswers.responseId, r.id));
    const rows = answers.filter((a) => questions.has(a.code)).map((a) => ({ responseId: fresh!.id, surveyId: s27.id, code: a.code, questionId: questions.get(a.code)!, value: a.code === "markets.exports" ? true : a.value }));
    await t.db.insert(baselineAnswers).values(rows);
    // Written as the answering operation writes them: the scores stored with the response.
    await storeScores(t.db, [fresh!.id]);
  }
});
afterAll(async () => t?.close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
};
const organiser = async (locale: "en" | "ur" = "en") => ctxFor(t.db, await actorFor(t.db, demo.organiser), locale);

describe("the dashboard", () => {
  it("draws each figure as an aria-hidden SVG beside its table, by micro among the breakdowns, in Urdu mirrored", async () => {
    const d = await baselineDashboard(await organiser("ur"), { editionId: y2026, by: "micro" });
    expect(d.rows.map((r) => r.name)).toEqual(["چھوٹا یا درمیانہ", "مائیکرو"]);
    expect(d.charts.scores).toMatch(/^<svg class="chart" aria-hidden="true"[^>]* direction="rtl"/);
    expect(d.charts.scores).toContain("مائیکرو");
    expect(d.charts.scores).toContain(`>${d.rows.find((r) => !r.suppressed)!.exportMedian}<`);
    expect(await code(baselineDashboard(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId: y2026 }))).toBe("forbidden");
  });

  it("compares 2026 with 2027 on the same indicator codes, each edition's column suppressed on its own", async () => {
    const d = await baselineDashboard(await organiser(), { editionId: y2027, by: "size", indicator: "markets.exports" });
    const c = d.comparison;
    if (!c.other) throw new Error("no edition to compare with");
    expect(c.other.id).toBe(y2026);
    expect(c.columns.map((e) => e.key)).toEqual(["2026", "2027"]);
    expect(c.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(["score.export", "score.investment", "markets.exports", "connect.website"]));
    expect(c.indicator).toMatchObject({ code: "markets.exports", measure: "share" });
    const [a, b] = c.total.cells;
    expect(a!.firms).toBeGreaterThan(100);
    expect(b).toEqual({ edition: "2027", firms: FIRMS_2027, value: 100, suppressed: false });
    expect(a!.value).toBeLessThan(100);
    // 2027's size groups: each shown group has at least 5 answers, never exactly one hidden.
    const col = c.rows.map((r) => r.cells[1]!);
    expect(col.filter((x) => !x.suppressed).every((x) => x.firms! >= 5 || x.firms === 0)).toBe(true);
    expect(col.filter((x) => x.suppressed).length).not.toBe(1);
    expect(col.filter((x) => !x.suppressed && x.firms! > 0).every((x) => x.value === 100)).toBe(true);
    // The chart: two series (a legend with both years).
    expect(c.chart).toContain(">2026<");
    expect(c.chart).toContain(">2027<");
    // Every indicator both share, totals side by side.
    const exports = c.summary.find((i) => i.code === "markets.exports")!;
    expect(exports.cells.map((x) => x.value)).toEqual([a!.value, 100]);
    // 2026's own dashboard compares with 2027 (the one after it) by default.
    expect((await baselineDashboard(await organiser(), { editionId: y2026 })).comparison.other?.id).toBe(y2027);
    expect(await code(baselineDashboard(await organiser(), { editionId: y2026, compare: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
  });

  it("hands out every table as CSV and XLSX with the page's figures", async () => {
    const ctx = await organiser();
    const figures = await dashboardTable(ctx, { editionId: y2026, by: "women_led", table: "figures" });
    expect(figures.rows[0]).toEqual(["Group", "Firms", "Export readiness (median)", "Investment readiness (median)", "Exporting (%)", "With a website (%)", "Note"]);
    expect(figures.rows.map((r) => r[0])).toEqual(["Group", "Not women-led", "Women-led", "All firms"]);
    const xlsx = await dashboardExport(ctx, { editionId: y2026, by: "women_led", table: "figures", format: "xlsx" });
    expect(xlsx.filename).toBe("baseline-showcase-2026-women_led.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(figures.rows.length);
    expect(sheet.getRow(4).getCell(2).value).toBe(figures.rows[3]![1]);
    const csv = await dashboardExport(ctx, { editionId: y2027, by: "size", table: "compare", indicator: "markets.exports", format: "csv" });
    expect(csv.body.toString("utf8")).toContain("markets.exports 2027");
    const summary = await dashboardTable(await organiser("ur"), { editionId: y2027, table: "summary" });
    expect(summary.rows[0]!.slice(0, 3)).toEqual(["اشاریے کا کوڈ", "اشاریہ", "پیمانہ"]);
    const urXlsx = await dashboardExport(await organiser("ur"), { editionId: y2027, table: "summary", format: "xlsx" });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(urXlsx.body as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.views[0]!.rightToLeft).toBe(true);
  });
});

describe("the report for the ministry", () => {
  it("prints the edition's figures as a PDF in English and in Urdu, whatever the organiser's language; refused to others", async () => {
    const en = await baselineReport(await organiser("ur"), { editionId: y2026, lang: "en" });
    const ur = await baselineReport(await organiser(), { editionId: y2026, lang: "ur" });
    for (const r of [en, ur]) {
      expect(r.body.subarray(0, 5).toString()).toBe("%PDF-");
      expect(r.body.length).toBeGreaterThan(5000);
    }
    expect([en.filename, ur.filename]).toEqual(["baseline-report-showcase-2026-en.pdf", "baseline-report-showcase-2026-ur.pdf"]);
    if (process.env.BASELINE_PDF_OUT) for (const r of [en, ur]) (await import("node:fs")).writeFileSync(`${process.env.BASELINE_PDF_OUT}-${r.filename}`, r.body);
    expect(await code(baselineReport(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId: y2026 }))).toBe("forbidden");
    expect(await code(baselineReport(await organiser(), invalid({ editionId: y2026, lang: "fr" })))).toBe("validation_failed");
  }, 120_000); // Nastaliq shaping through fontkit: ~0.1–0.3 s per distinct Urdu string
});

describe("the open data", () => {
  it("publishes aggregates by every breakdown with small cells withheld as the transparency report does", async () => {
    // Two firms alone in a province: their group is withheld, and one more with it.
    const s26 = (await surveyOfEdition(t.db, y2026))!;
    const two = (await t.db.select({ id: baselineResponses.enterpriseId }).from(baselineResponses).where(eq(baselineResponses.surveyId, s26.id)).limit(2)).map((r) => r.id);
    await t.db.update(enterprises).set({ province: "Gilgit-Baltistan" }).where(inArray(enterprises.id, two));
    const data = await baselineOpenData(ctxFor(t.db), { slug: "showcase-2026" });
    expect(data.threshold).toBe(5);
    expect(data.tables.map((x) => x.by)).toEqual(["cluster", "sector", "province", "district", "size", "women_led", "micro"]);
    expect(data.total.firms).toBeGreaterThan(100);
    const province = data.tables.find((x) => x.by === "province")!;
    const gb = province.rows.find((r) => r.group === "Gilgit-Baltistan")!;
    expect(gb).toMatchObject({ suppressed: true, firms: null, exportMedian: null, websiteShare: null });
    for (const table of data.tables) {
      const hidden = table.rows.filter((r) => r.suppressed);
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
      for (const r of table.rows) if (!r.suppressed) expect(r.firms === 0 || r.firms! >= 5).toBe(true);
      for (const r of hidden) expect([r.firms, r.exportMedian, r.investmentMedian, r.exportingShare, r.websiteShare]).toEqual([null, null, null, null, null]);
    }
    expect(province.rows.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(2);
    const csv = openDataCsv(data);
    expect(csv).toContain("province,Gilgit-Baltistan,گلگت بلتستان,,,,,,withheld");
    expect(JSON.stringify(data)).not.toMatch(/enterpriseId|ntn|email/i);
  });

  it("is not published for a draft edition or a survey still in draft", async () => {
    await t.db.update(editions).set({ status: "draft" }).where(eq(editions.id, y2027));
    expect(await code(baselineOpenData(ctxFor(t.db), { slug: "sme-showcase-2027" }))).toBe("not_found");
    expect(await code(baselineOpenData(ctxFor(t.db), { slug: "no-such-edition" }))).toBe("not_found");
    await t.db.update(editions).set({ status: "published" }).where(eq(editions.id, y2027));
  });
});

describe("the API", () => {
  it("serves the figures with charts and comparison, the exports to the organiser and the open data to anyone", async () => {
    const api = testApp(t.db);
    const staff = (await api.call("/api/v1/auth/sign-in", { json: { email: demo.organiser, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const figures = await api.call(`/api/v1/editions/${y2027}/baseline/figures?by=micro&indicator=markets.exports`, { cookie: staff });
    expect(figures.status).toBe(200);
    expect(figures.body.charts.scores).toContain('aria-hidden="true"');
    expect(figures.body.comparison.total.cells[1]).toEqual({ edition: "2027", firms: FIRMS_2027, value: 100, suppressed: false });
    const xlsx = await api.call(`/api/v1/editions/${y2026}/baseline/export?table=figures&format=xlsx&by=province`, { cookie: staff });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await api.call(`/api/v1/editions/${y2026}/baseline/export?format=pdf`, { cookie: staff })).status).toBe(400);
    expect((await api.call(`/api/v1/editions/${y2026}/baseline/export`)).status).toBe(401);
    const open = await api.call("/api/v1/editions/showcase-2026/baseline/open-data");
    expect(open.status).toBe(200);
    expect(open.body.tables).toHaveLength(7);
    expect((await api.call("/api/v1/editions/no-such-show/baseline/open-data")).status).toBe(404);
    const doc = JSON.stringify((await api.call("/api/v1/openapi.json")).body);
    for (const id of ["getBaselineFigures", "exportBaselineTable", "getBaselineReportPdf", "getBaselineOpenData", "BaselineComparison"]) expect(doc).toContain(id);
  });
});

describe("published tables that nest", () => {
  it("hides more clusters where a shown province would give a hidden one away (the open data and the PDF)", async () => {
    const anyone = ctxFor(t.db);
    const before = await baselineOpenData(anyone, { slug: "showcase-2026" });
    const clusterRows = before.tables.find((x) => x.by === "cluster")!.rows;
    const shown = clusterRows.filter((r) => !r.suppressed).sort((a, b) => a.firms! - b.firms!)[0]!.group;
    const hidden = clusterRows.find((r) => r.suppressed)!.group;
    // Both clusters' firms move to a province of their own: it is shown (at least 5 firms) and
    // holds one hidden cluster, so without more hiding, province minus shown cluster = hidden one.
    const moved = await t.db.select({ id: enterprises.id, province: enterprises.province }).from(enterprises).where(inArray(enterprises.clusterSlug, [shown, hidden]));
    await t.db.update(enterprises).set({ province: "Islamabad Capital Territory" }).where(inArray(enterprises.id, moved.map((m) => m.id)));
    try {
      const after = await baselineOpenData(anyone, { slug: "showcase-2026" });
      const byGroup = (by: string) => new Map(after.tables.find((x) => x.by === by)!.rows.map((r) => [r.group, r]));
      const clusters = byGroup("cluster");
      const provinces = byGroup("province");
      // Closed one way or the other: the shown cluster withheld too, or the province itself (the
      // moved firms keep their districts, so its districts may give it away as well).
      expect(clusters.get(hidden)!.suppressed).toBe(true);
      expect(clusters.get(shown)!.suppressed || provinces.get("Islamabad Capital Territory")!.suppressed).toBe(true);
      // The rule, for every shown province: none or at least two of its clusters hidden.
      const pairs = await t.db.selectDistinct({ c: enterprises.clusterSlug, p: enterprises.province }).from(enterprises).innerJoin(baselineResponses, eq(baselineResponses.enterpriseId, enterprises.id)).where(and(eq(baselineResponses.surveyId, (await surveyOfEdition(t.db, y2026))!.id), eq(baselineResponses.round, "baseline"), eq(baselineResponses.status, "submitted")));
      for (const [p, row] of provinces) {
        if (row.suppressed || p === "total") continue;
        const inside = new Set(pairs.filter((x) => (x.p ?? "unknown") === p).map((x) => x.c ?? "unknown"));
        expect([...inside].filter((c) => clusters.get(c)?.suppressed).length, p).not.toBe(1);
      }
    } finally {
      for (const m of moved) await t.db.update(enterprises).set({ province: m.province }).where(eq(enterprises.id, m.id));
    }
  });
});

