import { Form, Link } from "react-router";
import type { Route } from "./+types/directory";
import { loadOr } from "../../../web/actions";
import { Field, SelectField } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { directory, directoryChoices } from "../operations/directory";
import { exportReadiness, participantKinds } from "../tables";
import { ParticipantCard } from "./participant-card";
import { ParticipantNav } from "./participant-nav";
import { participantBase, refOf } from "./who";

// The directory (issue #11, item 3): the other side of the programme, searched and filtered with
// a plain GET form (works without JavaScript; the search is in the address, the participant's
// token is the path it already opened). 20 cards a page.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.directory.title");
}

const FILTERS = ["q", "kind", "sector", "cluster", "province", "sizeClass", "certification", "exportReadiness", "exportBand"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const url = new URL(request.url);
  const get = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  const raw: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = get(k);
    if (v) raw[k] = v;
  }
  const page = Math.max(1, Math.min(10_000, Number(get("page") ?? 1) || 1));
  const womenLed = url.searchParams.get("womenLed") === "1";
  const [list, choices] = await Promise.all([
    loadOr(request, () => directory(context.ctx, { ...ref, ...raw, ...(womenLed ? { womenLed: true } : {}), page })),
    loadOr(request, () => directoryChoices(context.ctx, ref)),
  ]);
  // The choices travel with the data: the page's module imports no table code.
  return { list, choices, kinds: [...participantKinds], readiness: [...exportReadiness], filters: { ...raw, womenLed } as Record<string, string | boolean> };
}

export default function DirectoryPage({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const who = params.who;
  const f = d.filters;
  const any = { value: "", label: t("b2b.directory.any") };
  const smeSide = d.list.viewer.side === "buyer";
  const pageLink = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) q.set(k, v === true ? "1" : String(v));
    q.set("page", String(page));
    return `${participantBase(who)}/directory?${q.toString()}`;
  };
  return (
    <section>
      <h1>{t("b2b.directory.title")}</h1>
      <ParticipantNav who={who} />
      <p className="hint">{t("b2b.directory.hint")}</p>
      <Form method="get" className="card" role="search" data-testid="b2b-directory-search">
        <Field name="q" type="search" label={t("b2b.directory.q")} defaultValue={String(f.q ?? "")} />
        <SelectField
          name="kind"
          label={t("b2b.directory.kind")}
          defaultValue={String(f.kind ?? "")}
          options={[any, ...d.kinds.filter((k) => (smeSide ? k === "sme" : k !== "sme")).map((k) => ({ value: k, label: t(`b2b.kind.${k}`) }))]}
        />
        {smeSide ? (
          <>
            <SelectField name="sector" label={t("b2b.directory.sector")} defaultValue={String(f.sector ?? "")} options={[any, ...d.choices.sectors.map((s) => ({ value: s.code, label: pick(locale, s.nameEn, s.nameUr) }))]} />
            <SelectField name="cluster" label={t("b2b.directory.cluster")} defaultValue={String(f.cluster ?? "")} options={[any, ...d.choices.clusters.map((c) => ({ value: c.slug, label: pick(locale, c.nameEn, c.nameUr) }))]} />
            <SelectField name="province" label={t("b2b.directory.province")} defaultValue={String(f.province ?? "")} options={[any, ...d.choices.provinces.map((p) => ({ value: p, label: p }))]} />
            <SelectField
              name="sizeClass"
              label={t("b2b.directory.sizeClass")}
              defaultValue={String(f.sizeClass ?? "")}
              options={[any, ...(["micro", "small", "medium"] as const).map((s) => ({ value: s, label: t(`b2b.size.${s}`) }))]}
            />
            <SelectField
              name="exportReadiness"
              label={t("b2b.directory.exportReadiness")}
              defaultValue={String(f.exportReadiness ?? "")}
              options={[any, ...d.readiness.map((s) => ({ value: s, label: t(`b2b.exportReadiness.${s}`) }))]}
            />
            <SelectField
              name="exportBand"
              label={t("b2b.directory.exportBand")}
              defaultValue={String(f.exportBand ?? "")}
              options={[any, ...(["developing", "ready", "advanced"] as const).map((s) => ({ value: s, label: t("b2b.directory.exportBandAtLeast", { band: t(`b2b.exportBand.${s}`) }) }))]}
            />
            <Field name="certification" label={t("b2b.directory.certification")} defaultValue={String(f.certification ?? "")} />
            <div className="field">
              <label>
                <input type="checkbox" name="womenLed" value="1" defaultChecked={f.womenLed === true} /> {t("b2b.directory.womenLed")}
              </label>
            </div>
          </>
        ) : (
          <SelectField name="sector" label={t("b2b.directory.sector")} defaultValue={String(f.sector ?? "")} options={[any, ...d.choices.sectors.map((s) => ({ value: s.code, label: pick(locale, s.nameEn, s.nameUr) }))]} />
        )}
        <button type="submit" className="primary">
          {t("b2b.directory.search")}
        </button>
      </Form>

      <h2 aria-live="polite">{t("b2b.directory.found", { total: d.list.total })}</h2>
      {d.list.cards.length === 0 ? <p>{t("b2b.directory.none")}</p> : null}
      <div style={{ display: "grid", gap: "0.75rem" }}>
        {d.list.cards.map((c) => (
          <ParticipantCard key={c.id} card={c} who={who} />
        ))}
      </div>
      {d.list.pages > 1 ? (
        <nav aria-label={t("b2b.directory.pages")} style={{ display: "flex", gap: "1rem", flexWrap: "wrap", marginBlock: "1rem" }}>
          {d.list.page > 1 ? <Link to={pageLink(d.list.page - 1)}>{t("b2b.directory.prev")}</Link> : null}
          <span>{t("b2b.directory.page", { page: d.list.page, pages: d.list.pages })}</span>
          {d.list.page < d.list.pages ? <Link to={pageLink(d.list.page + 1)}>{t("b2b.directory.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
