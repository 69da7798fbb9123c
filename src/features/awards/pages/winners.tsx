import type { Route } from "./+types/winners";
import { loadOr } from "../../../web/actions";
import { pick, useLocale, useT } from "../../../web/i18n";
import { publicWinners } from "../operations/results";

// /editions/:slug/awards — the published winners and runners-up per category, with their stall on
// the floor map, their catalogue profile and their certificates. Categories appear at their
// publication time, not before.

export function meta({ data: d }: Route.MetaArgs) {
  return d ? [{ title: `${d.edition.nameEn}: awards` }] : [];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => publicWinners(context.ctx, { slug: params.slug }));
}

export default function WinnersPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const base = `/editions/${d.edition.slug}`;
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={base}>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</a>
      </p>
      <h1>{t("awards.winners.title")}</h1>
      <p>
        <a href={`${base}/awards/transparency`}>{t("awards.transparency.link")}</a>
      </p>
      {d.categories.length === 0 ? <p>{t("awards.winners.none")}</p> : null}
      {d.categories.map((c) => (
        <section key={c.id} aria-labelledby={`cat-${c.slug}`}>
          <h2 id={`cat-${c.slug}`}>{pick(locale, c.nameEn, c.nameUr)}</h2>
          <ol className="cards plain">
            {c.places.map((p) => (
              <li key={p.entryId} className="card">
                <p className="eyebrow">{t(p.place === "winner" ? "awards.place.winner" : "awards.place.runner_up")}</p>
                <h3 lang={locale === "ur" && p.nameUr ? "ur" : undefined}>{pick(locale, p.nameEn, p.nameUr)}</h3>
                <p>
                  {p.stall ? <a href={`${base}/floor/${encodeURIComponent(p.stall.hall.toLowerCase())}/stalls/${encodeURIComponent(p.stall.number)}`}>{t("awards.stall", { hall: p.stall.hall, number: p.stall.number })}</a> : null}
                  {p.stall && p.profileSlug ? " · " : null}
                  {p.profileSlug ? <a href={`${base}/catalogue/${encodeURIComponent(p.profileSlug)}`}>{t("awards.profile")}</a> : null}
                </p>
                <p>
                  <a href={`${base}/awards/${c.id}/certificates/${p.entryId}?in=en`}>{t("awards.certificate")}</a> ·{" "}
                  <a href={`${base}/awards/${c.id}/certificates/${p.entryId}?in=ur`}>{t("awards.certificateUr")}</a>
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
