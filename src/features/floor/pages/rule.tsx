import type { Route } from "./+types/rule";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { visibleEdition } from "../operations/plan";

// The published allocation rule (issue #12, item 3): how stalls are given, in plain words, in
// English and Urdu. What it says is what engine/allocate.ts does (docs/floor.md says the same at
// more length). Public for a published edition; no JavaScript.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "floor.rule.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const e = await loadOr(request, () => visibleEdition(context.ctx, { slug: params.slug }));
  return { edition: { slug: e.slug, nameEn: e.nameEn, nameUr: e.nameUr } };
}

const steps = ["kept", "home", "inside", "full", "last"] as const;

export default function FloorRule({ loaderData: { edition } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const name = pick(locale, edition.nameEn, edition.nameUr);
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${edition.slug}`}>{name}</a>
      </p>
      <h1>{t("floor.rule.title")}</h1>
      <p>{t("floor.rule.intro", { edition: name })}</p>
      {steps.map((s) => (
        <div key={s}>
          <h2>{t(`floor.rule.${s}.title`)}</h2>
          <p>{t(`floor.rule.${s}`)}</p>
        </div>
      ))}
      <p>{t("floor.rule.same")}</p>
      <p>
        <a href={`/editions/${edition.slug}/floor`}>{t("floor.rule.map")}</a>
      </p>
    </section>
  );
}
