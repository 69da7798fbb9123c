import type { Route } from "./+types/catalogue-product";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { catalogueProduct } from "../operations/catalogue";
import { cataloguePath, Ltr, nameOf, StallOnMap } from "./parts";

// A product's public page (issue #12, item 6): shareable, with its HS code, its maker and the stall.

export function meta({ matches, data: d }: Route.MetaArgs) {
  const title = pageTitle(matches, "exhibitors.catalogue.title")[0]!.title;
  return d ? [{ title: `${d.product.nameEn} · ${d.exhibitor.nameEn} · ${title}` }] : [{ title }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.productId);
  return loadOr(request, () => catalogueProduct(context.ctx, { slug: params.slug, exhibitor: params.exhibitor, productId: params.productId }));
}

export default function CatalogueProductPage({ loaderData: { edition, exhibitor: e, product: p, location } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={cataloguePath(edition.slug)}>{t("exhibitors.catalogue.back")}</a> · <a href={cataloguePath(edition.slug, e.slug)}>{nameOf(locale, e)}</a>
      </p>
      <h1>{pick(locale, p.nameEn, p.nameUr)}</h1>
      <p>
        <Ltr>{t("exhibitors.catalogue.hs", { code: p.hsCode })}</Ltr>
      </p>
      <p>{pick(locale, p.descriptionEn, p.descriptionUr)}</p>
      <p>
        {t("exhibitors.catalogue.madeBy", { name: nameOf(locale, e) })} · <a href={cataloguePath(edition.slug, e.slug)}>{t("exhibitors.catalogue.about")}</a>
      </p>
      <StallOnMap slug={edition.slug} stall={e.stall} location={location} locale={locale} t={t} />
    </section>
  );
}
