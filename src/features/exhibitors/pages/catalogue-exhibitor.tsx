import type { Route } from "./+types/catalogue-exhibitor";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { catalogueExhibitor, placeUr } from "../operations/catalogue";
import { cataloguePath, filePath, Ltr, nameOf, StallOnMap } from "./parts";

// An exhibitor's public page in the catalogue (issue #12, item 6): shareable, its description,
// products, certifications, contact, logo and photos, and its stall on the floor plan.

export function meta({ matches, data: d }: Route.MetaArgs) {
  const title = pageTitle(matches, "exhibitors.catalogue.title")[0]!.title;
  return d ? [{ title: `${d.exhibitor.nameEn} · ${title}` }] : [{ title }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => catalogueExhibitor(context.ctx, { slug: params.slug, exhibitor: params.exhibitor }));
}

export default function CatalogueExhibitorPage({ loaderData: { edition, exhibitor: e, location } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const name = nameOf(locale, e);
  const sep = locale === "ur" ? "، " : ", ";
  const place = (x: string | null) => (x ? (locale === "ur" ? (placeUr(x) ?? x) : x) : null);
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${edition.slug}`}>{pick(locale, edition.nameEn, edition.nameUr)}</a> · <a href={cataloguePath(edition.slug)}>{t("exhibitors.catalogue.back")}</a>
      </p>
      {e.logoId ? <img src={filePath(edition.slug, e.slug, e.logoId)} alt={t("exhibitors.file.logoAlt", { name })} width={96} height={96} style={{ objectFit: "contain" }} /> : null}
      <h1>{name}</h1>
      {locale === "ur" ? <p lang="en" dir="ltr">{e.nameEn}</p> : e.nameUr ? <p lang="ur" dir="rtl" className="other-script">{e.nameUr}</p> : null}
      <p className="muted">
        {[e.cluster ? pick(locale, e.cluster.nameEn, e.cluster.nameUr) : null, place(e.district), place(e.province), t(`exhibitors.catalogue.size.${e.sizeClass}`), e.womenLed ? t("exhibitors.catalogue.womenLed.badge") : null]
          .filter(Boolean)
          .join(sep)}
      </p>
      <StallOnMap slug={edition.slug} stall={e.stall} location={location} locale={locale} t={t} />
      <h2>{t("exhibitors.catalogue.about")}</h2>
      <p>{pick(locale, e.descriptionEn, e.descriptionUr)}</p>
      <h2>{t("exhibitors.catalogue.products")}</h2>
      <ul>
        {e.products.map((p) => (
          <li key={p.id}>
            <a href={cataloguePath(edition.slug, e.slug, p.id)}>{pick(locale, p.nameEn, p.nameUr)}</a> — <Ltr>{t("exhibitors.catalogue.hs", { code: p.hsCode })}</Ltr>
          </li>
        ))}
      </ul>
      {e.certifications.length ? (
        <>
          <h2>{t("exhibitors.catalogue.certifications")}</h2>
          <p dir="ltr">{e.certifications.join(", ")}</p>
        </>
      ) : null}
      {e.website || e.email || e.phone ? (
        <>
          <h2>{t("exhibitors.catalogue.contact")}</h2>
          <ul>
            {e.website ? (
              <li>
                <a href={e.website} rel="nofollow noopener" dir="ltr">
                  {e.website}
                </a>
              </li>
            ) : null}
            {e.email ? (
              <li>
                <a href={`mailto:${e.email}`} dir="ltr">
                  {e.email}
                </a>
              </li>
            ) : null}
            {e.phone ? (
              <li>
                <a href={`tel:${e.phone}`} dir="ltr">
                  {e.phone}
                </a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {e.photoIds.length ? (
        <p>
          {e.photoIds.map((id, i) => (
            <img key={id} src={filePath(edition.slug, e.slug, id)} alt={t("exhibitors.file.photoAlt", { n: i + 1, name })} width={160} height={120} loading="lazy" style={{ objectFit: "cover", margin: "0.25rem" }} />
          ))}
        </p>
      ) : null}
    </section>
  );
}
