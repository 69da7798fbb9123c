import { Form } from "react-router";
import type { Route } from "./+types/join";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { GoneLinkError } from "../../../web/components/gone-link";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { joinAsBuyer, joinOptions } from "../operations/participants";
import { oneOf } from "../../../web/form-fields";

// A trade visitor joins B2B matchmaking from their registration's manage link (issue #11, "Who
// takes part"; the token is the credential, no account needed): the kinds its category may take
// part as, or why it cannot join now; joining shows its private B2B link once (joining again
// gives a new one). A plain POST form, no JavaScript; English and Urdu.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.join.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => joinOptions(context.ctx, { registrationToken: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    joinAsBuyer(context.ctx, { registrationToken: params.token, kind: oneOf(form, "kind", ["buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"]), locale: context.ctx.locale }),
  );
  if (!result.ok) return result.response;
  const path = `/b2b/${result.value.accessToken!}`;
  return { ok: true as const, joined: { created: result.value.created, path, link: `${context.ctx.config.publicUrl}${path}` } };
}

export default function JoinB2bPage({ loaderData: d, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const joined = actionData && "joined" in actionData ? actionData.joined : null;
  const chosen = failure?.values.kind ?? d.participant?.kind ?? d.kinds[0];
  return (
    <section className="page narrow">
      <h1>{t("b2b.join.title")}</h1>
      <p>
        {d.registration.name} · {pick(locale, d.category.nameEn, d.category.nameUr)} · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      {joined ? (
        <>
          <Notice>{t("b2b.join.done")}</Notice>
          <div className="field">
            <label htmlFor="b2b-link">{t("b2b.join.yourLink")}</label>
            <input id="b2b-link" type="url" readOnly value={joined.link} dir="ltr" />
          </div>
          <p>
            <a href={joined.path}>{t("b2b.join.open")}</a>
          </p>
        </>
      ) : null}
      <FormError failure={failure} />
      {!joined && d.participant ? <p data-testid="b2b-join-state">{t(d.participant.withdrawn ? "b2b.join.withdrawn" : "b2b.join.in", { kind: t(`b2b.kind.${d.participant.kind}`) })}</p> : null}
      {d.refusal ? (
        <div data-testid="b2b-join-refusal">
          <p>
            <strong>{t("b2b.join.cannot")}</strong>
          </p>
          <p>{t(`error.${d.refusal.code}`, d.refusal.params)}</p>
        </div>
      ) : joined ? null : (
        <>
          <p>{t("b2b.join.intro")}</p>
          <p className="hint">{t("b2b.join.linkHint")}</p>
          <Form method="post" className="card" data-testid="b2b-join">
            <fieldset>
              <legend>{t("b2b.join.kind")}</legend>
              {d.kinds.map((k) => (
                <div key={k}>
                  <label>
                    <input type="radio" name="kind" value={k} defaultChecked={k === chosen} /> {t(`b2b.kind.${k}`)}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit">{t(d.participant ? "b2b.join.again" : "b2b.join.submit")}</button>
          </Form>
        </>
      )}
      <p>
        <a href={`/registration/${encodeURIComponent(params.token)}`}>{t("b2b.join.back")}</a>
      </p>
    </section>
  );
}

/** An unknown or replaced link (410): say so, and offer a new one by email. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="b2b.join.title" goneKey="error.token_invalid" />;
}
