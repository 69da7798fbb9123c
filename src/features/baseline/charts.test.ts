import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { barChartSvg } from "./charts";

const bars = (svg: string) => (svg.match(/ecmeta_ssr_type="chart"/g) ?? []).length;

describe("barChartSvg", () => {
  it("draws one bar per shown value, hides itself from screen readers and keeps the labels", () => {
    const svg = barChartSvg({ categories: ["Sialkot sports goods", "Multan mangoes", "Hidden"], series: [{ name: "median", values: [62, 48, null] }], max: 100 });
    expect(svg.startsWith('<svg class="chart" aria-hidden="true" focusable="false"')).toBe(true);
    expect(svg).toContain('viewBox="0 0 640');
    expect(svg).not.toMatch(/^<svg[^>]* width=/);
    expect(bars(svg)).toBe(2); // the suppressed cell draws nothing
    expect(svg).toContain("Sialkot sports goods");
    expect(svg).toContain(">62<");
    expect(svg).toContain(">48<");
    expect(svg).not.toContain("<legend");
  });

  it("groups bars by series for an edition comparison, with a legend", () => {
    const svg = barChartSvg({ categories: ["Punjab", "Sindh"], series: [{ name: "2026", values: [40, 55] }, { name: "2027", values: [45, 60] }], max: 100 });
    expect(bars(svg)).toBe(4);
    expect(svg).toContain(">2026<");
    expect(svg).toContain(">2027<");
  });

  it("a chart drawn again from the same figures is the same bytes, and any change of the figures draws anew (drawn charts are kept by their input)", () => {
    const values: (number | null)[] = [40, 55];
    const input = { categories: ["Punjab", "Sindh"], series: [{ name: "2026", values }], max: 100 };
    const first = barChartSvg(input);
    expect(barChartSvg({ ...input, categories: ["Punjab", "Sindh"] })).toBe(first);
    // Kept by value, not by the array: changing the caller's figures afterwards draws the new ones.
    values[1] = 70;
    const changed = barChartSvg(input);
    expect(changed).toContain(">70<");
    expect(changed).not.toContain(">55<");
    expect(barChartSvg({ ...input, rtl: true })).toContain('direction="rtl"');
    expect(barChartSvg({ ...input, series: [{ name: "2026", values: [40, 55] }] })).toBe(first);
  });

  it("mirrors the value axis for Urdu: labels on the right, bars growing leftwards", () => {
    const ltr = barChartSvg({ categories: ["پنجاب"], series: [{ name: "x", values: [50] }], max: 100 });
    const rtl = barChartSvg({ categories: ["پنجاب"], series: [{ name: "x", values: [50] }], max: 100, rtl: true });
    expect(rtl).toContain("پنجاب");
    expect(rtl).toContain('direction="rtl"');
    const barPath = (svg: string) => /<path d="M([\d.]+) [\d.]+l(-?[\d.]+) /.exec(svg.slice(svg.indexOf('ecmeta_ssr_type="chart"') - 200))!;
    expect(Number(barPath(ltr)[2])).toBeGreaterThan(0);
    expect(Number(barPath(rtl)[2])).toBeLessThan(0);
  });

  it("does not keep the process alive (the instance is disposed)", () => {
    for (let i = 0; i < 5; i++) barChartSvg({ categories: ["a"], series: [{ name: "x", values: [i] }] });
    // vitest would hang on exit otherwise; nothing more to assert here than that rendering returns.
    expect(true).toBe(true);
  });
});

describe("the chart module stays on the server", () => {
  const src = join(__dirname, "../..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) files.push(p);
    }
  };
  walk(src);
  const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/^import[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);

  it("only charts.ts imports echarts", () => {
    const users = files.filter((f) => importsOf(f).some((i) => i === "echarts" || i.startsWith("echarts/") || i.startsWith("zrender"))).map((f) => relative(src, f));
    expect(users).toEqual(["features/baseline/charts.ts"]);
  });

  it("charts.ts is imported by server modules only (operations, API, the feature's server surface), never by a page, component or client module", () => {
    const users = files.filter((f) => importsOf(f).some((i) => /(^|\/)charts$/.test(i) && i.startsWith("."))).map((f) => relative(src, f));
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !/\/operations\/[^/]+\.ts$|\/api\.ts$|^features\/baseline\/index\.ts$/.test(f))).toEqual([]);
    // Other features reach it through the server surface (`#features/baseline`), from operations only.
    const through = files.filter((f) => !f.includes("/baseline/") && /barChartSvg/.test(readFileSync(f, "utf8"))).map((f) => relative(src, f));
    expect(through.filter((f) => !/\/operations\/[^/]+\.ts$/.test(f))).toEqual([]);
  });
});
