import type { ReactNode } from "react";
import type { Locale } from "../../../platform/i18n/locales";
import type { Translate } from "../../../platform/i18n/translate";
import { pick } from "../../../web/i18n";
import type { FloorShape } from "../tables";
import type { PublicArea, PublicHall, PublicStall } from "../operations/plan";

// A hall drawn as server-rendered SVG (issue #12, item 4): works without JavaScript, prints, and
// is read by screen readers. One unit is one metre; the viewBox scales the drawing to the width of
// the page (or 2× / 3× the width inside a scrolling box, `zoom`). Every stall is a link, in the
// order of the aisles, named "Stall 2-114, <exhibitor>", to its entry in the list under the plan.

export const stallAnchor = (number: string) => `stall-${number.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** The name a stall is read out by ("Stall 2-114, Sialkot Surgical Works"). */
export function stallName(t: Translate, locale: Locale, s: PublicStall): string {
  if (s.blocked) return t("floor.map.stallBlocked", { number: s.number });
  if (!s.exhibitor) return t("floor.map.stallEmpty", { number: s.number });
  return t("floor.map.stallLabel", { number: s.number, exhibitor: pick(locale, s.exhibitor.nameEn, s.exhibitor.nameUr) });
}

const AREA_CLASS: Record<PublicArea["kind"], string> = {
  cluster_pavilion: "fa-pavilion",
  women_enclave: "fa-women",
  enclave: "fa-enclave",
  b2b_lounge: "fa-lounge",
  stage: "fa-stage",
  food_court: "fa-food",
  services: "fa-services",
};

const pts = (p: readonly { x: number; y: number }[]) => p.map((q) => `${r(q.x)},${r(q.y)}`).join(" ");
const r = (n: number) => Math.round(n * 100) / 100;
const boxOf = (p: readonly { x: number; y: number }[]) => {
  const xs = p.map((q) => q.x);
  const ys = p.map((q) => q.y);
  return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
};
const shapeBox = (s: FloorShape) => (s.kind === "rect" ? s : boxOf(s.points));

function Shape({ shape, className }: { shape: FloorShape; className: string }) {
  return shape.kind === "rect" ? (
    <rect className={className} x={r(shape.x)} y={r(shape.y)} width={r(shape.w)} height={r(shape.h)} />
  ) : (
    <polygon className={className} points={pts(shape.points)} />
  );
}

export interface HallMapProps {
  hall: PublicHall;
  areas: readonly PublicArea[];
  stalls: readonly PublicStall[];
  locale: Locale;
  t: Translate;
  /** An area to mark (its id): drawn outlined in full. */
  marked?: string;
  /** Stalls found by a search: drawn highlighted. */
  hits?: ReadonlySet<string>;
  /** The stall of a stall page: drawn selected. */
  selected?: string | null;
  /** An entrance's code: "you are here". */
  from?: string | null;
  /** 1, 2 or 3: the drawing's width as a multiple of the page's. */
  zoom?: number;
  /** A walk to draw (metres), from an entrance to a stall. */
  route?: readonly { x: number; y: number }[] | null;
  /** Where a stall links: its anchor in the list (the default) or a page. */
  href?: (s: PublicStall) => string;
  /** The hall's background drawing, under everything else (metres in the hall's frame). */
  background?: { href: string; x: number; y: number; w: number; h: number } | null;
  /** Drawn over the plan (the editor's drag layer). */
  children?: ReactNode;
}

export function HallMap({ hall, areas, stalls, locale, t, hits, selected, from, zoom = 1, route, href, background, marked, children }: HallMapProps) {
  const here = from ? hall.entrances.find((e) => e.code.toLowerCase() === from.toLowerCase()) : undefined;
  const title = t("floor.map.planLabel", { hall: pick(locale, hall.nameEn, hall.nameUr) });
  const link = href ?? ((s: PublicStall) => `#${stallAnchor(s.number)}`);
  return (
    <div className="floor-map" dir="ltr" role="region" aria-label={title} tabIndex={0}>
      <svg
        viewBox={`-1 -1 ${r(hall.widthM + 2)} ${r(hall.depthM + 2)}`}
        style={{ width: `${zoom * 100}%` }}
        role="group"
        aria-label={title}
        className={background ? "f-has-bg" : undefined}
        data-testid="hall-map"
      >
        <rect className="f-hall" x={0} y={0} width={r(hall.widthM)} height={r(hall.depthM)} />
        {background ? (
          <image className="f-background" href={background.href} x={r(background.x)} y={r(background.y)} width={r(background.w)} height={r(background.h)} preserveAspectRatio="none" aria-hidden="true" data-testid="hall-background" />
        ) : null}
        {areas.map((a) => {
          const b = boxOf(a.polygon);
          const name = pick(locale, a.nameEn, a.nameUr);
          const size = Math.max(0.7, Math.min(1.4, (b.w - 0.4) / (Math.max(name.length, 4) * 0.5)));
          return (
            <g key={a.id} aria-hidden="true">
              <polygon className={`f-area ${AREA_CLASS[a.kind]}${a.id === marked ? " f-area-marked" : ""}`} points={pts(a.polygon)} data-marked={a.id === marked ? "" : undefined} />
              <text className="f-area-label" x={r(b.x + b.w / 2)} y={r(b.y - 0.35)} fontSize={r(size)} textAnchor="middle">
                {name}
              </text>
            </g>
          );
        })}
        {hall.obstacles.map((o, i) => (
          <Shape key={`o${i}`} shape={o.shape} className="f-obstacle" />
        ))}
        {hall.entrances.map((e) => {
          const b = shapeBox(e.shape);
          return (
            <g key={e.code} aria-hidden="true">
              <Shape shape={e.shape} className="f-entrance" />
              <text className="f-entrance-label" x={r(b.x + b.w / 2)} y={r(b.y + b.h + 1.3)} fontSize={1.1} textAnchor="middle">
                {pick(locale, e.nameEn, e.nameUr)}
              </text>
            </g>
          );
        })}
        {stalls.map((s) => {
          const b = s.rect ?? boxOf(s.polygon ?? []);
          const cls = s.id === selected ? "st-selected" : hits?.has(s.id) ? "st-hit" : s.blocked ? "st-blocked" : s.exhibitor ? "st-taken" : "st-free";
          const name = stallName(t, locale, s);
          return (
            <a key={s.id} href={link(s)} aria-label={name} className={`f-stall ${cls}`} data-stall={s.number}>
              <title>{name}</title>
              {s.rect ? <rect x={r(b.x)} y={r(b.y)} width={r(b.w)} height={r(b.h)} /> : <polygon points={pts(s.polygon ?? [])} />}
              <text x={r(b.x + b.w / 2)} y={r(b.y + b.h / 2 + 0.25)} fontSize={r(Math.min(0.75, b.w / 4))} textAnchor="middle" aria-hidden="true">
                {s.number}
              </text>
            </a>
          );
        })}
        {route && route.length > 1 ? (
          <g className="f-here" aria-hidden="true">
            <polyline className="f-route" points={pts(route)} data-testid="route" />
            <circle cx={r(route[0]!.x)} cy={r(route[0]!.y)} r={0.8} />
          </g>
        ) : null}
        {here
          ? (() => {
              const b = shapeBox(here.shape);
              const [cx, cy] = [b.x + b.w / 2, b.y + b.h + 2.6];
              return (
                <g className="f-here" data-testid="you-are-here" aria-hidden="true">
                  <circle cx={r(cx)} cy={r(cy)} r={1.1} />
                  <text x={r(cx + 1.6)} y={r(cy + 0.45)} fontSize={1.3}>
                    {t("floor.map.youAreHere")}
                  </text>
                </g>
              );
            })()
          : null}
        {children}
      </svg>
    </div>
  );
}
