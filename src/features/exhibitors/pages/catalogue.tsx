import type { Route } from "./+types/catalogue";
import { loadOr } from "../../../web/actions";
import { formatNumber } from "../../../platform/i18n/format";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { catalogue, placeUr } from "../operations/catalogue";
import { cataloguePath, nameOf, StallLink } from "./parts";

// The public "Made in Pakistan" catalogue of an edition (issue #12, item 6): a plain GET form to
// search (English or Urdu) and filter, the exhibitors found with their first products and their
// stall on the plan, pages of 40. Server-rendered, no JavaScript; open data linked at the foot.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "exhibitors.catalogue.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const s = (k: string, max = 100) => (url.searchParams.get(k) ?? "").slice(0, max);
  const page = Math.max(1, Math.min(1000, Number.parseInt(s("page", 5), 10) || 1));
  const size = s("size");
  return loadOr(request, () =>
    catalogue(context.ctx, {
      slug: params.slug,
      q: s("q", 200),
      sector: s("sector", 40),
      cluster: s("cluster"),
      province: s("province", 60),
      district: s("district", 60),
      womenLed: url.searchParams.get("womenLed") === "1",
      size: size === "micro" || size === "small" || size === "medium" ? size : "",
      page,
    }),
  );
}

export default function Catalogue({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const f = d.filters;
  const n = (x: number) => formatNumber(x, locale);
  const place = (x: string) => (locale === "ur" ? (placeUr(x) ?? x) : x);
  const base = cataloguePath(d.edition.slug);
  const pageLink = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: f.q, sector: f.sector, cluster: f.cluster, province: f.province, district: f.district, size: f.size })) if (v) q.set(k, v);
    if (f.womenLed) q.set("womenLed", "1");
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const select = (name: string, label: string, value: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`c-${name}`}>{label}</label>
      <select id={`c-${name}`} name={name} defaultValue={value}>
        <option value="">{t("exhibitors.catalogue.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${d.edition.slug}`}>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</a>
      </p>
      <h1>{t("exhibitors.catalogue.title")}</h1>
      <p>{t("exhibitors.catalogue.intro")}</p>
      <form method="get" action={base} role="search">
        <div className="field">
          <label htmlFor="c-q">{t("exhibitors.catalogue.search")}</label>
          <input id="c-q" name="q" type="search" defaultValue={f.q} maxLength={200} autoComplete="off" />
        </div>
        <details open={!!(f.sector || f.cluster || f.province || f.district || f.size || f.womenLed)}>
          <summary>{t("exhibitors.catalogue.sector")} · {t("exhibitors.catalogue.cluster")} · {t("exhibitors.catalogue.province")}</summary>
          {select("sector", t("exhibitors.catalogue.sector"), f.sector, d.facets.sectors.map((s) => ({ value: s.code, label: pick(locale, s.nameEn, s.nameUr) })))}
          {select("cluster", t("exhibitors.catalogue.cluster"), f.cluster, d.facets.clusters.map((c) => ({ value: c.slug, label: pick(locale, c.nameEn, c.nameUr) })))}
          {select("province", t("exhibitors.catalogue.province"), f.province, d.facets.provinces.map((p) => ({ value: p, label: place(p) })))}
          {select("district", t("exhibitors.catalogue.district"), f.district, d.facets.districts.map((p) => ({ value: p, label: place(p) })))}
          {select("size", t("exhibitors.catalogue.size"), f.size, (["micro", "small", "medium"] as const).map((s) => ({ value: s, label: t(`exhibitors.catalogue.size.${s}`) })))}
          <div className="field">
            <label>
              <input type="checkbox" name="womenLed" value="1" defaultChecked={f.womenLed} /> {t("exhibitors.catalogue.womenLed")}
            </label>
          </div>
        </details>
        <button type="submit" className="primary">
          {t("exhibitors.catalogue.apply")}
        </button>
      </form>
      <p role="status" data-testid="catalogue-count">
        {t("exhibitors.catalogue.count", { count: n(d.count), total: n(d.total) })}
      </p>
      {d.exhibitors.length === 0 ? (
        <p>{t("exhibitors.catalogue.none")}</p>
      ) : (
        <ul className="catalogue-list" data-testid="catalogue-list">
          {d.exhibitors.map((e) => (
            <li key={e.slug}>
              <a href={cataloguePath(d.edition.slug, e.slug)}>
                <strong>{nameOf(locale, e)}</strong>
              </a>
              <br />
              <span className="muted">
                {[e.cluster ? pick(locale, e.cluster.nameEn, e.cluster.nameUr) : null, e.district ? place(e.district) : null, e.womenLed ? t("exhibitors.catalogue.womenLed.badge") : null]
                  .filter(Boolean)
                  .join(locale === "ur" ? "، " : ", ")}
              </span>
              {e.products.length ? (
                <>
                  <br />
                  {[...new Set(e.products.map((p) => pick(locale, p.nameEn, p.nameUr)))].slice(0, 3).join(locale === "ur" ? "، " : ", ")}
                </>
              ) : null}
              <br />
              <StallLink slug={d.edition.slug} stall={e.stall} t={t} />
            </li>
          ))}
        </ul>
      )}
      {d.pages > 1 ? (
        <nav aria-label={t("exhibitors.catalogue.page", { page: n(f.page), pages: n(d.pages) })}>
          <p>
            {f.page > 1 ? <a href={pageLink(f.page - 1)}>{t("exhibitors.catalogue.previous")}</a> : null} {t("exhibitors.catalogue.page", { page: n(f.page), pages: n(d.pages) })}{" "}
            {f.page < d.pages ? <a href={pageLink(f.page + 1)}>{t("exhibitors.catalogue.next")}</a> : null}
          </p>
        </nav>
      ) : null}
      <p>
        {t("exhibitors.catalogue.openData")} <a href={`${base}.csv`}>CSV</a> · <a href={`${base}.json`}>JSON</a>
      </p>
    </section>
  );
}
