import { StallLocator, type StallLocation } from "#features/floor/client";
import type { Locale } from "../../../platform/i18n/locales";
import type { Translate } from "../../../platform/i18n/translate";
import { pick } from "../../../web/i18n";
import type { CatalogueExhibitor } from "../operations/catalogue";

// What the catalogue's pages share: paths, the stall link to the floor's page with the small map of
// where the stall is (the floor's locator), a bidi-safe number.

export { cataloguePath, filePath } from "../paths";

export const stallPath = (slug: string, stall: { hall: string; number: string }) => `/editions/${slug}/floor/${stall.hall}/stalls/${encodeURIComponent(stall.number)}`;

export const Ltr = ({ children }: { children: string }) => <bdi dir="ltr">{children}</bdi>;

export function StallLink({ slug, stall, t }: { slug: string; stall: CatalogueExhibitor["stall"]; t: Translate }) {
  if (!stall) return <span className="muted">{t("exhibitors.catalogue.noStall")}</span>;
  return (
    <a href={stallPath(slug, stall)} data-testid="stall-link">
      {t("exhibitors.catalogue.onMap", { number: stall.number })}
    </a>
  );
}

/** The stall link, and under it the small map of the hall with the stall drawn (when it has one). */
export function StallOnMap({ slug, stall, location, locale, t }: { slug: string; stall: CatalogueExhibitor["stall"]; location: StallLocation | null; locale: Locale; t: Translate }) {
  return (
    <>
      <p>
        <StallLink slug={slug} stall={stall} t={t} />
      </p>
      {location ? <StallLocator location={location} locale={locale} t={t} /> : null}
    </>
  );
}

export const nameOf = (locale: Locale, e: Pick<CatalogueExhibitor, "nameEn" | "nameUr">) => pick(locale, e.nameEn, e.nameUr);
