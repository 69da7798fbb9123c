import { createHash } from "node:crypto";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// The dashboards' charts (decision 0010): figures in, an SVG string out, drawn by Apache ECharts'
// server-side SVG renderer. Server-only: operations call it in loaders and API handlers, and no
// page, component or client module imports it (charts.test.ts checks the imports; the browser
// bundle test lists echarts among the server-only libraries). The SVG is `aria-hidden`: the page
// puts the same figures beside it as a table, which is what a screen reader reads. Bars are
// horizontal (long Urdu and cluster names fit on a phone); for Urdu the value axis runs right to
// left and the category labels sit on the right. Text is left to the browser, so Urdu shapes.

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export interface BarSeries {
  /** Shown in the legend when there is more than one series (e.g. "2026", "2027"). */
  name: string;
  /** One value per category; null draws no bar (a suppressed cell). */
  values: readonly (number | null)[];
}
export interface BarChartInput {
  categories: readonly string[];
  /** One series draws plain bars, several draw grouped bars (an edition comparison). */
  series: readonly BarSeries[];
  rtl?: boolean;
  /** The value axis' upper end (100 for scores and shares); the data's maximum when absent. */
  max?: number;
  width?: number;
}

const COLOURS = ["#166534", "#1d4ed8", "#b45309", "#7e22ce"];
const ROW = 22;

// Drawn charts by their input: the same figures always give the same bytes (below), and drawing
// one costs ~50 ms of CPU (30 bars), most of a dashboard view's Node time once the figures come
// from stored counts. A dashboard viewed again with unchanged figures draws nothing. The key is the
// whole input, so the cache is harmless across databases and tests; at most CACHE charts are kept.
const CACHE = 64;
const drawn = new Map<string, string>();

/** A horizontal bar chart (grouped when several series) as an `aria-hidden` SVG string. */
export function barChartSvg(input: BarChartInput): string {
  const key = JSON.stringify([input.categories, input.series, input.rtl ?? false, input.max ?? null, input.width ?? null]);
  const hit = drawn.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest goes first.
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const svg = drawBarChart(input);
  drawn.set(key, svg);
  if (drawn.size > CACHE) drawn.delete(drawn.keys().next().value!);
  return svg;
}

function drawBarChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const legend = input.series.length > 1;
  const height = Math.max(120, 40 + (legend ? 28 : 0) + input.categories.length * Math.max(1, input.series.length) * ROW + input.categories.length * 8);
  const rtl = input.rtl ?? false;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: COLOURS,
      textStyle: { fontFamily: "inherit", fontSize: 13 },
      legend: legend ? { show: true, top: 0, [rtl ? "right" : "left"]: 0, data: input.series.map((s) => s.name) } : { show: false },
      grid: { top: legend ? 32 : 8, bottom: 24, left: 8, right: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value", min: 0, max: input.max, inverse: rtl, splitNumber: 4 },
      // Categories top to bottom in the table's order.
      yAxis: { type: "category", data: [...input.categories], inverse: true, position: rtl ? "right" : "left", axisLabel: { width: 160, overflow: "truncate" } },
      series: input.series.map((s) => ({
        type: "bar",
        name: s.name,
        data: s.values.map((v) => (v === null ? "-" : v)),
        barMaxWidth: 18,
        label: { show: true, position: rtl ? "left" : "right", fontSize: 11 },
      })),
    });
    const svg = chart.renderToSVGString();
    // The fixed size becomes a viewBox only, so the chart shrinks to a 360 px screen.
    // ECharts numbers its CSS classes across every chart the process has drawn ("zr5-cls-19");
    // renumbered per SVG, the same figures always give the same bytes.
    // The prefix comes from the drawing itself, so two different charts on one page keep apart.
    const prefix = `ch${createHash("sha1").update(svg.replace(/zr\d+-cls-\d+/g, "")).digest("hex").slice(0, 8)}`;
    const classes = new Map<string, string>();
    const stable = svg.replace(/zr\d+-cls-\d+/g, (c) => classes.get(c) ?? (classes.set(c, `${prefix}-${classes.size}`), `${prefix}-${classes.size - 1}`));
    return stable.replace(/^<svg width="\d+" height="\d+"/, `<svg class="chart" aria-hidden="true" focusable="false"${rtl ? ' direction="rtl"' : ""}`);
  } finally {
    // An undisposed instance keeps timers that hold the Node process open.
    chart.dispose();
  }
}
