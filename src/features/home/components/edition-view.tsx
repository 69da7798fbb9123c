import { Link } from "react-router";
import type { EditionDetails } from "#features/editions";
import { formatDateRange, formatNumber, formatTimeZone } from "../../../platform/i18n/format";
import { placeNamesUr } from "#features/catalogue/client";
import { pick, useLocale, useT } from "../../../web/i18n";
import { offersRegistration } from "../standing";
import type { PastEdition, StandingView } from "../standing.server";

// React Router's single fetch keeps Dates as Dates, so the loader's type is the prop type.
type Props = { details: EditionDetails; standing: StandingView; past?: PastEdition[] };

/** A past edition's results as links (the transparency report first), or a line saying they will come. */
function Results({ results, testId }: { results: StandingView["results"]; testId?: string }) {
  const t = useT();
  if (results.length === 0) return <p className="muted">{t("home.results.none")}</p>;
  return (
    <ul className="results" data-testid={testId}>
      {results.map((r) => (
        <li key={r.kind}>
          <Link to={r.to}>{t(`home.result.${r.kind}`)}</Link>
        </li>
      ))}
    </ul>
  );
}

/** A district or city in the reader's language: clusters store the English name; the Urdu comes
 *  from the gazetteer of Pakistan's place names (the English one when it has none). */
export const placeName = (name: string, locale: "en" | "ur") => (locale === "ur" ? (placeNamesUr[name] ?? name) : name);

/** The public face of an edition: when, where, which sectors and clusters, who nominates. */
export function EditionView({ details, standing, past = [] }: Props) {
  const t = useT();
  const locale = useLocale();
  const { edition, venue, spaces, sectors, clusters, tradeBodies, visitorCategories } = details;
  const kinds = ["chamber", "women_chamber", "association"] as const;
  const n = (x: number) => formatNumber(x, locale);
  return (
    <article className="edition">
      <header className="hero">
        <p className="eyebrow">{pick(locale, details.organiser.nameEn, details.organiser.nameUr)}</p>
        <h1>{pick(locale, edition.nameEn, edition.nameUr)}</h1>
        {edition.taglineEn ? <p className="tagline">{pick(locale, edition.taglineEn, edition.taglineUr)}</p> : null}
        <dl className="facts">
          <div>
            <dt>{t("home.dates")}</dt>
            <dd>
              <time dateTime={edition.startsOn}>{formatDateRange(edition.startsOn, edition.endsOn, locale)}</time>
            </dd>
          </div>
          <div>
            <dt>{t("home.venue")}</dt>
            <dd>
              {pick(locale, venue.nameEn, venue.nameUr)}
              <br />
              {locale === "ur" && venue.addressUr ? (
                <span className="muted">{venue.addressUr}</span>
              ) : (
                <span className="muted" dir="ltr">
                  {venue.address}
                </span>
              )}
            </dd>
          </div>
        </dl>
        <p className="muted">{t("home.timezone", { timezone: formatTimeZone(edition.timezone, locale, `${edition.startsOn}T12:00:00Z`) })}</p>
        {standing.standing === "took_place" ? (
          <section aria-labelledby="results-h" data-testid="edition-took-place">
            <p>{t("home.standing.tookPlace", { dates: formatDateRange(edition.startsOn, edition.endsOn, locale) })}</p>
            <h2 id="results-h">{t("home.results")}</h2>
            <Results results={standing.results} testId="edition-results" />
          </section>
        ) : null}
        {standing.standing === "on_now" ? <p className="alert alert-ok">{t("home.standing.onNow")}</p> : null}
        {standing.standing === "upcoming" ? <p className="muted">{t("home.standing.upcoming")}</p> : null}
        {offersRegistration(standing.standing) ? (
          <p>
            <Link className="button primary" to={`/editions/${edition.slug}/register`}>
              {t("registration.page.title")}
            </Link>
          </p>
        ) : null}
        <p>
          <Link to={`/editions/${edition.slug}/floor`}>{t("floor.map.link")}</Link>
          {" · "}<Link to={`/editions/${edition.slug}/catalogue`}>{t("exhibitors.catalogue.link")}</Link>
          {" · "}<Link to={`/editions/${edition.slug}/programme`}>{t("programme.agenda.title")}</Link>
        </p>
        {/* Figures, not links: there is no page of them to go to. */}
        <p className="stats">
          <span>{t("home.clustersCount", { count: n(clusters.length) })}</span>
          <span>{t("home.enterprisesCount", { count: n(details.enterpriseCount) })}</span>
          <span>{t("home.womenLedCount", { count: n(details.womenLedCount) })}</span>
        </p>
      </header>

      {past.length > 0 ? (
        <section aria-labelledby="past-h" data-testid="past-editions">
          <h2 id="past-h">{t("home.pastEditions")}</h2>
          <ul className="past-editions">
            {past.map((p) => (
              <li key={p.slug}>
                <Link to={`/editions/${p.slug}`}>{pick(locale, p.nameEn, p.nameUr)}</Link>{" "}
                <span className="muted">
                  {t("home.pastEditions.took", { dates: formatDateRange(p.startsOn, p.endsOn, locale) })}
                </span>
                <Results results={p.results} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="spaces-h">
        <h2 id="spaces-h">{t("home.spaces")}</h2>
        <ul className="chips">
          {spaces.map((s) => (
            <li key={s.id}>{pick(locale, s.nameEn, s.nameUr)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="clusters-h">
        <h2 id="clusters-h">{t("home.clusters")}</h2>
        {[
          ...sectors.map((s) => ({ key: s.code, title: pick(locale, s.nameEn, s.nameUr), sectorId: s.id as string | null })),
          { key: "other", title: t("home.otherSector"), sectorId: null },
        ].map((group) => {
          const own = clusters.filter((c) => c.sectorId === group.sectorId);
          if (own.length === 0) return null;
          return (
            <section key={group.key} className="sector" aria-labelledby={`sector-${group.key}`}>
              <h3 id={`sector-${group.key}`}>{group.title}</h3>
              {/* Facts, not links: drawn as a plain list, not as clickable tiles. */}
              <ul className="cards static">
                {own.map((c) => (
                  <li key={c.id} className="card">
                    <strong>{pick(locale, c.nameEn, c.nameUr)}</strong>
                    <span className="muted">
                      {t("home.districtProvince", { district: placeName(c.district, locale), province: t(`province.${c.province}`) })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="tb-h">
        <h2 id="tb-h">{t("home.tradeBodies")}</h2>
        <div className="columns">
          {kinds.map((kind) => (
            <section key={kind} aria-labelledby={`tb-${kind}`}>
              <h3 id={`tb-${kind}`}>{t(`tradeBody.kind.${kind}`)}</h3>
              <ul>
                {tradeBodies
                  .filter((b) => b.kind === kind)
                  .map((b) => (
                    <li key={b.id}>{pick(locale, b.nameEn, b.nameUr)}</li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      </section>

      {visitorCategories.length > 0 ? (
        <section aria-labelledby="vc-h">
          <h2 id="vc-h">{t("home.visitorCategories")}</h2>
          <ul className="chips">
            {visitorCategories.map((v) => (
              <li key={v.id}>{pick(locale, v.nameEn, v.nameUr)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
