import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../../platform/i18n/locales";
import { translator } from "../../../platform/i18n/translate";
import { HallMap } from "../components/hall-map";
import type { PublicArea, PublicHall, PublicStall } from "../operations/plan";

// The hall's plan as a standalone SVG file (issue #12, item 2: export): the very drawing of the
// public map (components/hall-map.tsx), with its stylesheet inside so it opens anywhere.

const STYLE = `
svg { font-family: system-ui, sans-serif; }
.f-hall { fill: #fbfcfa; stroke: #1b1f1c; stroke-width: 0.25; }
.f-area { stroke: #6b756e; stroke-width: 0.12; stroke-dasharray: 0.5 0.3; fill: #eef5f0; }
.fa-women { fill: #fbeef3; } .fa-enclave { fill: #edf1fb; } .fa-lounge { fill: #f2edf8; } .fa-stage { fill: #f6f0df; } .fa-food, .fa-services { fill: #f1f1f1; }
.f-area-label { fill: #1b1f1c; }
.f-obstacle { fill: #4a514c; }
.f-entrance { fill: #1f6f43; } .f-entrance-label { fill: #14532d; font-weight: 700; }
.f-stall rect, .f-stall polygon { stroke: #1b1f1c; stroke-width: 0.08; fill: #fff; }
.st-taken rect, .st-taken polygon { fill: #cfe8d6; } .st-blocked rect, .st-blocked polygon { fill: #d9d9d9; }
.f-stall text { fill: #1b1f1c; }
`;

export function planSvg(o: { hall: PublicHall; areas: PublicArea[]; stalls: PublicStall[]; locale: Locale }): string {
  const t = translator(o.locale);
  const html = renderToStaticMarkup(<HallMap hall={o.hall} areas={o.areas} stalls={o.stalls} locale={o.locale} t={t} href={() => "#"} />);
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)![0];
  const width = Math.round(o.hall.widthM * 20);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg
    .replace(/^<svg/, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}"`)
    .replace(/ style="width:[^"]*"/, "")
    .replace(/(<svg[^>]*>)/, `$1<style>${STYLE}</style>`)}\n`;
}
