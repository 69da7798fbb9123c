import type { Route } from "./+types/floor";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { formatNumber } from "../../../platform/i18n/format";
import { publicPlan } from "../operations/plan";
import { searchLoadedFloor } from "../operations/search";
import { floorPath, Hits, query, SearchForm } from "../components/floor-parts";
import "./floor-map.css";

// The public floor of an edition (issue #12, item 4): its halls, a search over every hall, the hits
// as a list linking to each stall. Server-rendered, no JavaScript.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "floor.map.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const from = url.searchParams.get("from");
  const plan = await loadOr(request, () => publicPlan(context.ctx, { slug: params.slug }));
  return { edition: plan.edition, halls: plan.halls, q, from, hits: q.trim() ? searchLoadedFloor(plan, q) : null };
}

export default function Floor({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { edition, halls, q, from, hits } = loaderData;
  const n = (x: number) => formatNumber(x, locale);
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${edition.slug}`}>{pick(locale, edition.nameEn, edition.nameUr)}</a>
      </p>
      <h1>{t("floor.map.title")}</h1>
      <p><a href={`${floorPath(edition.slug)}/rule`}>{t("floor.rule.title")}</a></p>
      {halls.length === 0 ? (
        <p>{t("floor.map.none")}</p>
      ) : (
        <>
          <p>{t("floor.map.intro")}</p>
          <SearchForm action={floorPath(edition.slug)} q={q} from={from} t={t} />
          {hits ? <Hits hits={hits} q={q} slug={edition.slug} locale={locale} t={t} from={from} /> : null}
          <h2>{t("floor.map.halls")}</h2>
          <ul className="floor-halls">
            {halls.map((h) => (
              <li key={h.id}>
                <a href={`${floorPath(edition.slug, h.code)}${query({ q, from })}`}>
                  <strong>{pick(locale, h.nameEn, h.nameUr)}</strong>
                </a>
                <br />
                <span className="muted">{t("floor.map.hallStats", { stalls: n(h.stallCount), exhibitors: n(h.exhibitorCount) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
