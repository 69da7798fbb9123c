import type { Locale } from "../../../platform/i18n/locales";
import type { Translate } from "../../../platform/i18n/translate";
import { pick } from "../../../web/i18n";
import type { FloorHit } from "../operations/search";
import type { PublicExhibitor } from "../operations/plan";

// The parts the floor's public pages share: the search form (a plain GET form) and the hits.

export const floorPath = (slug: string, hall?: string, stall?: string) =>
  `/editions/${slug}/floor${hall ? `/${hall}` : ""}${stall ? `/stalls/${encodeURIComponent(stall)}` : ""}`;

/** The anchor of a hall page's "… is marked on the map" line (`?area=<code>#marked`). */
export const MARKED_ANCHOR = "marked";

/** "?q=…&from=…&zoom=…" with only the parameters that have a value. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "" && !(k === "zoom" && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function SearchForm({ action, q, from, t }: { action: string; q: string; from?: string | null; t: Translate }) {
  return (
    <form method="get" action={action} className="floor-search" role="search">
      <label htmlFor="floor-q">{t("floor.map.search.label")}</label>
      <input id="floor-q" name="q" type="search" defaultValue={q} maxLength={200} autoComplete="off" />
      {from ? <input type="hidden" name="from" value={from} /> : null}
      <button type="submit">{t("floor.map.search.button")}</button>
    </form>
  );
}

export const Num = ({ children }: { children: string }) => <bdi dir="ltr">{children}</bdi>;

export function productsText(locale: Locale, t: Translate, e: Pick<PublicExhibitor, "products">, max = 3): string {
  const names = [...new Map(e.products.map((p) => [pick(locale, p.nameEn, p.nameUr), p])).keys()];
  return names.slice(0, max).join(locale === "ur" ? "، " : ", ") + (names.length > max ? "…" : "");
}

export function Hits({ hits, q, slug, locale, t, from }: { hits: FloorHit[]; q: string; slug: string; locale: Locale; t: Translate; from?: string | null }) {
  const sep = locale === "ur" ? "، " : ", ";
  return (
    <section aria-labelledby="hits-h" data-testid="floor-hits">
      <h2 id="hits-h">{hits.length ? t("floor.map.search.results", { q, count: hits.length }) : t("floor.map.search.none", { q })}</h2>
      {hits.length ? (
        <ul className="floor-hits">
          {hits.map((h) => (
            <li key={h.stall.id}>
              <a href={`${floorPath(slug, h.hall.code, h.stall.number)}${query({ q, from })}`}>
                {t("floor.map.stall.title", { number: h.stall.number })}
              </a>{" "}
              — {pick(locale, h.hall.nameEn, h.hall.nameUr)}
              {h.area ? `${sep}${pick(locale, h.area.nameEn, h.area.nameUr)}` : ""}
              {h.stall.exhibitor ? (
                <>
                  <br />
                  <strong>{pick(locale, h.stall.exhibitor.nameEn, h.stall.exhibitor.nameUr)}</strong>
                </>
              ) : null}
              {h.products.length ? (
                <>
                  <br />
                  {h.products.slice(0, 3).map((p, i) => (
                    <span key={`${p.hsCode}-${i}`}>
                      {i ? sep : ""}
                      {pick(locale, p.nameEn, p.nameUr)} (<Num>{p.hsCode}</Num>)
                    </span>
                  ))}
                </>
              ) : null}
              <br />
              <span className="muted">{t("floor.map.matchedBy", { fields: h.matched.map((m) => t(`floor.map.matched.${m}`)).join(sep) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
