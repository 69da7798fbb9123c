import type { Locale } from "../../../platform/i18n/locales";
import type { Translate } from "../../../platform/i18n/translate";
import { pick } from "../../../web/i18n";
import type { Box, StallLocation } from "../operations/stall-location";

// A small map that says where a stall is (issue #12, item 6: the catalogue's exhibitor and product
// pages show "its stall on the map"): the hall's outline, its entrances and columns, the other
// stalls faint, the stall's pavilion dashed, and the stall dark with its number above it. Server-
// rendered SVG, so it works without JavaScript, prints and costs a few hundred bytes: the other
// stalls are one path, there are no links (the page links to the full plan). A screen reader reads
// the caption under it (where the stall is, in words), not the drawing. Drawn left to right in Urdu too: a plan
// is not mirrored by the reading direction.

const r = (n: number) => Math.round(n * 10) / 10;
const boxPath = (bs: readonly Box[]) => bs.map((b) => `M${r(b.x)} ${r(b.y)}h${r(b.w)}v${r(b.h)}h${r(-b.w)}z`).join("");
const boxOfShape = (s: StallLocation["hall"]["entrances"][number]["shape"]): Box => {
  if (s.kind === "rect") return s;
  const xs = s.points.map((p) => p.x);
  const ys = s.points.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
};

/** Where stall `number` is, in words: "Stall 2-114: Hall 2, Sialkot surgical instruments". */
export function stallWhere(t: Translate, locale: Locale, loc: StallLocation): string {
  const hall = pick(locale, loc.hall.nameEn, loc.hall.nameUr);
  return loc.area
    ? t("floor.locator.where", { number: loc.stall.number, hall, area: pick(locale, loc.area.nameEn, loc.area.nameUr) })
    : t("floor.locator.whereNoArea", { number: loc.stall.number, hall });
}

export function StallLocator({ location: loc, locale, t }: { location: StallLocation; locale: Locale; t: Translate }) {
  const { hall, stall } = loc;
  const s = stall.box;
  const where = stallWhere(t, locale, loc);
  // The number, big enough to read on a 360 px phone (about 11 px there for a 90 m hall), above the
  // stall, or under it by the hall's near wall; kept inside the drawing.
  const size = r(Math.max(2.4, hall.widthM / 30));
  const half = (size * 0.62 * stall.number.length) / 2;
  const cx = r(Math.min(Math.max(s.x + s.w / 2, half), hall.widthM - half));
  const above = s.y - size * 0.5 > size;
  const ty = r(above ? s.y - size * 0.45 : s.y + s.h + size * 1.05);
  const ring = Math.max(s.w, s.h) / 2 + size * 0.6;
  return (
    <figure className="stall-locator" dir="ltr" style={{ margin: "0.5rem 0", maxWidth: "36rem" }} data-testid="stall-locator" data-stall={stall.number}>
      <svg viewBox={`-1 -1 ${r(hall.widthM + 2)} ${r(hall.depthM + 2)}`} width="100%" aria-hidden="true" style={{ display: "block", height: "auto", fontFamily: "system-ui, sans-serif" }}>
        <rect x={0} y={0} width={r(hall.widthM)} height={r(hall.depthM)} fill="#fbfcfa" stroke="#1b1f1c" strokeWidth={0.3} />
        {loc.area ? (
          <rect x={r(loc.area.box.x)} y={r(loc.area.box.y)} width={r(loc.area.box.w)} height={r(loc.area.box.h)} fill="#eef5f0" stroke="#4a514c" strokeWidth={0.2} strokeDasharray="0.6 0.4" />
        ) : null}
        <path d={boxPath(loc.others)} fill="#d5dbd7" stroke="#fff" strokeWidth={0.15} />
        <path d={boxPath(hall.obstacles.map((o) => boxOfShape(o.shape)))} fill="#4a514c" />
        <path d={boxPath(hall.entrances.map((e) => boxOfShape(e.shape)))} fill="#1f7a4d" />
        <circle cx={r(s.x + s.w / 2)} cy={r(s.y + s.h / 2)} r={r(ring)} fill="none" stroke="#b35c00" strokeWidth={0.5} />
        <rect x={r(s.x)} y={r(s.y)} width={r(s.w)} height={r(s.h)} fill="#0b4f33" stroke="#000" strokeWidth={0.2} data-testid="locator-stall" />
        <text x={cx} y={ty} fontSize={size} fontWeight={700} textAnchor="middle" fill="#1b1f1c" stroke="#fff" strokeWidth={size / 6} paintOrder="stroke" direction="ltr">
          {stall.number}
        </text>
      </svg>
      <figcaption className="muted">{where}</figcaption>
    </figure>
  );
}
