import type { Route } from "./+types/stall";
import { loadOr } from "../../../web/actions";
import { formatNumber } from "../../../platform/i18n/format";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { publicStall } from "../operations/plan";
import { HallMap, stallAnchor } from "../components/hall-map";
import { floorPath, Num, query } from "../components/floor-parts";
import "./floor-map.css";

// A stall's public page (issue #12, items 4 and 6): its exhibitor with products and HS codes, its
// place (hall, pavilion), its features, its neighbours, and the hall's plan with the stall marked.

export function meta({ matches, data: d }: Route.MetaArgs) {
  const title = pageTitle(matches, "floor.map.title")[0]!.title;
  return d ? [{ title: `${d.stall.number} · ${title}` }] : [{ title }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const from = url.searchParams.get("from")?.slice(0, 40) ?? null;
  const r = await loadOr(request, () => publicStall(context.ctx, { slug: params.slug, hall: params.hall, number: params.number, from }));
  return { edition: r.edition, hall: r.hall!, areas: r.areas, stalls: r.stalls, stall: r.stall, area: r.area, neighbours: r.neighbours, route: r.route, q, from };
}

export default function Stall({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { edition, hall, areas, stalls, stall, area, neighbours, route, q, from } = loaderData;
  const sep = locale === "ur" ? "، " : ", ";
  const e = stall.exhibitor;
  const hallPath = floorPath(edition.slug, hall.code);
  const features = (["power", "water", "corner", "accessible"] as const).filter((f) => stall[f]).map((f) => t(`floor.map.stall.${f}`));
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${edition.slug}`}>{pick(locale, edition.nameEn, edition.nameUr)}</a> ·{" "}
        <a href={`${floorPath(edition.slug)}${query({ q, from })}`}>{t("floor.map.allHalls")}</a> ·{" "}
        <a href={`${hallPath}${query({ q, from })}`}>{pick(locale, hall.nameEn, hall.nameUr)}</a>
      </p>
      <h1>{t("floor.map.stall.title", { number: stall.number })}</h1>
      <p>{t("floor.map.stall.where", { hall: pick(locale, hall.nameEn, hall.nameUr), area: area ? pick(locale, area.nameEn, area.nameUr) : t("floor.area.none") })}</p>
      <section aria-labelledby="ex-h">
        <h2 id="ex-h">{t("floor.map.stall.exhibitor")}</h2>
        {e ? (
          <>
            <p data-testid="stall-exhibitor">
              <strong>{pick(locale, e.nameEn, e.nameUr)}</strong>
              {locale === "ur" && e.nameUr ? (
                <>
                  <br />
                  <span dir="ltr">{e.nameEn}</span>
                </>
              ) : null}
              {e.cluster ? (
                <>
                  <br />
                  {pick(locale, e.cluster.nameEn, e.cluster.nameUr)}
                </>
              ) : null}
              {e.womenLed ? (
                <>
                  <br />
                  {t("floor.map.womenLed")}
                </>
              ) : null}
            </p>
            {e.products.length ? (
              <>
                <h3>{t("floor.map.stall.products")}</h3>
                <ul>
                  {e.products.map((p, i) => (
                    <li key={`${p.hsCode}-${i}`}>
                      {pick(locale, p.nameEn, p.nameUr)} — <Num>{t("floor.map.stall.hs", { code: p.hsCode })}</Num>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p>{t("floor.map.stall.noExhibitor")}</p>
        )}
      </section>
      <section aria-labelledby="feat-h">
        <h2 id="feat-h">{t("floor.map.stall.features")}</h2>
        <p>{[t("floor.map.stall.size", { m2: formatNumber(stall.areaM2, locale) }), ...features].join(sep)}</p>
      </section>
      <HallMap
        hall={hall}
        areas={areas}
        stalls={stalls}
        locale={locale}
        t={t}
        selected={stall.id}
        from={from}
        route={route?.points}
        href={(s) => `${floorPath(edition.slug, hall.code, s.number)}${query({ q, from })}`}
      />
      {route ? (
        <p data-testid="route-text">
          {t("floor.map.route", { metres: formatNumber(route.lengthM, locale), entrance: pick(locale, route.entrance.nameEn, route.entrance.nameUr) })}
        </p>
      ) : null}
      <p>
        <a href={`${hallPath}${query({ q, from })}#${stallAnchor(stall.number)}`}>{t("floor.map.stall.onPlan")}</a>
      </p>
      {neighbours.length ? (
        <section aria-labelledby="nb-h">
          <h2 id="nb-h">{t("floor.map.stall.neighbours")}</h2>
          <ul>
            {neighbours.map((s) => (
              <li key={s.id}>
                <a href={`${floorPath(edition.slug, hall.code, s.number)}${query({ q, from })}`}>{t("floor.map.stall.title", { number: s.number })}</a>
                {s.exhibitor ? ` — ${pick(locale, s.exhibitor.nameEn, s.exhibitor.nameUr)}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
