import { data } from "react-router";
import type { Route } from "./+types/hall";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { hallByCode, publicPlan, type PublicArea, type PublicStall } from "../operations/plan";
import { searchLoadedFloor } from "../operations/search";
import { publicBackgroundPlace } from "../operations/plan-background";
import { HallMap, stallAnchor } from "../components/hall-map";
import { floorPath, Hits, MARKED_ANCHOR, productsText, query, SearchForm } from "../components/floor-parts";
import "./floor-map.css";

// One hall of the public floor (issue #12, item 4): the plan as inline SVG (stalls are links, in
// aisle order, with their names for screen readers), search hits highlighted (`?q=`), "you are
// here" from an entrance's QR code (`?from=<entrance code>`), an area marked (`?area=<code>`: a
// room of the agenda on its stage), a larger plan without JavaScript
// (`?zoom=2|3`: the drawing scrolls inside its box), and under it the same content as a list by
// pavilion → stall → exhibitor, each stall an anchor the plan links to.

export function meta({ matches, data: d }: Route.MetaArgs) {
  return d ? [{ title: `${pick(d.locale, d.hall.nameEn, d.hall.nameUr)} · ${pageTitle(matches, "floor.map.title")[0]!.title}` }] : pageTitle(matches, "floor.map.title");
}

export const zoomOf = (v: string | null) => Math.min(3, Math.max(1, Number.parseInt(v ?? "1", 10) || 1));

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const from = url.searchParams.get("from")?.slice(0, 40) ?? null;
  const zoom = zoomOf(url.searchParams.get("zoom"));
  const area = url.searchParams.get("area")?.slice(0, 60) ?? null;
  const plan = await loadOr(request, () => publicPlan(context.ctx, { slug: params.slug }));
  const hall = hallByCode(plan.halls, params.hall);
  if (!hall) throw data({ code: "not_found" }, { status: 404 });
  const hits = q.trim() ? searchLoadedFloor(plan, q) : null;
  // The organiser's background drawing, only if it is ticked for the public map.
  const place = await publicBackgroundPlace(context.ctx, { slug: plan.edition.slug, hall: hall.code });
  const background = place ? { ...place, href: `${floorPath(plan.edition.slug, hall.code)}/background` } : null;
  return {
    background,
    locale: context.ctx.locale,
    edition: plan.edition,
    hall,
    halls: plan.halls,
    areas: plan.areas.filter((a) => a.hallId === hall.id),
    stalls: plan.stalls.filter((s) => s.hallId === hall.id),
    q,
    from,
    zoom,
    hits,
    area,
  };
}

export default function Hall({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { edition, hall, halls, areas, stalls, q, from, zoom, hits, background, area } = loaderData;
  const marked = area ? areas.find((a) => a.code === area) : undefined;
  const here = from ? hall.entrances.find((e) => e.code.toLowerCase() === from.toLowerCase()) : undefined;
  const hitIds = new Set((hits ?? []).filter((h) => h.stall.hallId === hall.id).map((h) => h.stall.id));
  const self = floorPath(edition.slug, hall.code);
  const hallName = pick(locale, hall.nameEn, hall.nameUr);
  const sep = locale === "ur" ? "، " : ", ";
  const groups: { area: PublicArea | null; stalls: PublicStall[] }[] = [
    ...areas.map((a) => ({ area: a as PublicArea | null, stalls: stalls.filter((s) => s.areaId === a.id) })),
    { area: null, stalls: stalls.filter((s) => !s.areaId || !areas.some((a) => a.id === s.areaId)) },
  ];
  const outlines = groups.filter((g) => g.area && g.stalls.length === 0).map((g) => pick(locale, g.area!.nameEn, g.area!.nameUr));
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${edition.slug}`}>{pick(locale, edition.nameEn, edition.nameUr)}</a> ·{" "}
        <a href={`${floorPath(edition.slug)}${query({ q, from })}`}>{t("floor.map.allHalls")}</a>
      </p>
      <h1>{hallName}</h1>
      {here ? (
        <p className="floor-here" data-testid="you-are-here-text">
          {t("floor.map.youAreHereAt", { entrance: pick(locale, here.nameEn, here.nameUr) })}
        </p>
      ) : null}
      <SearchForm action={self} q={q} from={from} t={t} />
      {hits ? <p aria-live="polite">{t("floor.map.search.inHall", { count: hitIds.size })}</p> : null}
      <nav className="floor-tools" aria-label={t("floor.map.zoom")}>
        <span>{t("floor.map.zoom")}:</span>
        {zoom < 3 ? <a href={`${self}${query({ q, from, zoom: zoom + 1 })}`}>{t("floor.map.zoomIn")}</a> : null}
        {zoom > 1 ? <a href={`${self}${query({ q, from, zoom: zoom - 1 })}`}>{t("floor.map.zoomOut")}</a> : null}
        {halls
          .filter((h) => h.id !== hall.id)
          .map((h) => (
            <a key={h.id} href={`${floorPath(edition.slug, h.code)}${query({ q })}`}>
              {pick(locale, h.nameEn, h.nameUr)}
            </a>
          ))}
      </nav>
      {marked ? (
        <p className="floor-here" id={MARKED_ANCHOR} data-testid="area-marked">
          {t("floor.map.areaMarked", { area: pick(locale, marked.nameEn, marked.nameUr) })}
        </p>
      ) : null}
      <HallMap hall={hall} areas={areas} stalls={stalls} locale={locale} t={t} hits={hitIds} from={from} zoom={zoom} background={background} marked={marked?.id} />
      <p className="hint">{t("floor.map.legend")}</p>
      {hall.entrances.length ? <p className="hint">{t("floor.map.entrances", { list: hall.entrances.map((e) => pick(locale, e.nameEn, e.nameUr)).join(sep) })}</p> : null}
      {hits ? <Hits hits={hits} q={q} slug={edition.slug} locale={locale} t={t} from={from} /> : null}

      <section aria-labelledby="list-h" className="floor-list" data-testid="hall-list">
        <h2 id="list-h">{t("floor.map.list", { hall: hallName })}</h2>
        {outlines.length ? <p>{t("floor.map.alsoInHall", { list: outlines.join(sep) })}</p> : null}
        {groups
          .filter((g) => g.stalls.length > 0)
          .map((g) => (
            <section key={g.area?.id ?? "none"} aria-labelledby={`area-${g.area?.code ?? "none"}`}>
              <h3 id={`area-${g.area?.code ?? "none"}`}>{g.area ? pick(locale, g.area.nameEn, g.area.nameUr) : t("floor.map.otherStalls")}</h3>
              <ul>
                {g.stalls.map((s) => (
                  <li key={s.id} id={stallAnchor(s.number)} className={hitIds.has(s.id) ? "hit" : undefined}>
                    <a href={`${floorPath(edition.slug, hall.code, s.number)}${query({ q, from })}`}>{t("floor.map.stall.title", { number: s.number })}</a>
                    {s.exhibitor ? (
                      <>
                        {" — "}
                        <strong>{pick(locale, s.exhibitor.nameEn, s.exhibitor.nameUr)}</strong>
                        {s.exhibitor.products.length ? <span className="muted">{` · ${productsText(locale, t, s.exhibitor)}`}</span> : null}
                      </>
                    ) : (
                      <span className="muted">{` — ${t(s.blocked ? "floor.map.notInUse" : "floor.map.noExhibitorShort")}`}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </section>
    </section>
  );
}
