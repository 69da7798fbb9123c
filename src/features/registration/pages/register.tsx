import { Form, Link } from "react-router";
import type { Route } from "./+types/register";
import { newSecret } from "../../../platform/random";
import { formatDay } from "../../../platform/i18n/format";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { Consents, DaysField, PersonFields, QuestionFields } from "../components/person-fields";
import { isGroupCategory } from "../core/groups";
import { pastDays } from "../core/past-days";
import { getRegistrationForm } from "../operations/questions";
import { register } from "../operations/register";
import { dayOptions, personFrom } from "./form-input";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.page.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const form = await loadOr(request, () =>
    getRegistrationForm(context.ctx, { slug: params.slug, category: url.searchParams.get("category") ?? undefined }),
  );
  const { actor, clock } = context.ctx;
  // Days gone at the venue are not offered (and registration refuses them).
  const past = pastDays(form.edition, form.dayCount, clock.now());
  // Signed in: their name and email fill the form (they may change them).
  const me = actor.kind === "user" ? { name: actor.name, email: actor.email } : null;
  // A fresh key per rendered form: a double click or a resent form is the same registration.
  return { ...form, past, me, idempotencyKey: newSecret(18) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const f = await getRegistrationForm(context.ctx, { slug: params.slug, category: String(form.get("category") ?? "") });
  const result = await runForm(context.ctx.locale, form, () =>
    register(context.ctx, {
      editionId: f.edition.id,
      categoryId: f.category?.id ?? "",
      idempotencyKey: String(form.get("idempotencyKey") ?? "") || undefined,
      locale: context.ctx.locale,
      ...personFrom(form, f.questions),
    }),
  );
  if (!result.ok) return result.response;
  // The same page for a new registration and for an email already registered (which is emailed a
  // new link instead): the page tells nobody who is registered.
  return { ok: true as const, email: String(form.get("email") ?? "").trim(), count: result.value.answer.count };
}

export default function RegisterPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { edition, categories, category, questions, dayCount, idempotencyKey, past, me } = loaderData;
  const sent = actionData && "ok" in actionData && actionData.ok ? actionData : null;
  const days = dayOptions(edition.startsOn, dayCount, (iso) => formatDay(iso, locale, { weekday: "long", day: "numeric", month: "long" })).filter(
    (d) => !past.includes(d.index),
  );
  return (
    <section className="page narrow">
      <h1>{t("registration.page.title")}</h1>
      <p>{pick(locale, edition.nameEn, edition.nameUr)}</p>
      {sent ? (
        <>
          <Notice>
            <p data-testid="registration-sent">{t("registration.page.checkEmail", { email: sent.email })}</p>
          </Notice>
          <p>
            <Link to={`?category=${encodeURIComponent(category?.code ?? "")}`} reloadDocument>
              {t("registration.page.another")}
            </Link>
          </p>
          {me ? (
            <p>
              <Link to="/account/registrations">{t("account.ownPages")}</Link>
            </p>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to={`/registration/lost-link?edition=${encodeURIComponent(edition.slug)}`}>{t("registration.lost.link")}</Link>
      </p>
      {sent ? null : days.length === 0 ? (
        <p className="alert">{t("registration.page.noDaysLeft")}</p>
      ) : !category ? (
        <>
          <h2>{t("registration.page.chooseCategory")}</h2>
          <ul className="cards">
            {categories.map((c) => (
              <li key={c.id} className="card">
                <Link to={`?category=${encodeURIComponent(c.code)}`}>{pick(locale, c.nameEn, c.nameUr)}</Link>
                <p className="hint">{t(c.needsApproval ? "registration.page.needsApproval" : "registration.page.instant")}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2>{pick(locale, category.nameEn, category.nameUr)}</h2>
          <p>
            {t(category.needsApproval ? "registration.page.needsApproval" : "registration.page.instant")}{" "}
            <Link to=".">{t("registration.page.otherCategory")}</Link>
          </p>
          {isGroupCategory(category.code) ? (
            <p>
              <Link to={`group?category=${encodeURIComponent(category.code)}`}>{t("registration.group.link")}</Link>
            </p>
          ) : null}
          <FormError failure={failure} />
          <Form method="post" noValidate>
            <input type="hidden" name="category" value={category.code} />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <PersonFields failure={failure} defaults={me ?? undefined} />
            <DaysField days={days} chosen={[]} failure={failure} />
            <QuestionFields questions={questions} answers={{}} failure={failure} />
            <Consents failure={failure} />
            <button type="submit" className="primary">
              {t("registration.page.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
