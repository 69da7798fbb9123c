import { Form, redirect } from "react-router";
import type { Route } from "./+types/invitations";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { inviteByCategory, inviteToSession, sessionInvitations } from "../operations/invitations";

// Invitations to a session (issue #13, agenda item 4), for the organiser's staff: invite every
// approved registration of chosen visitor categories, or find people by name or email and tick
// them; the list of who is invited and whether they hold a seat. Plain forms (no JavaScript).

export function meta({ data: d }: Route.MetaArgs) {
  return d ? [{ title: d.session.titleEn }] : [];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const sessionId = uuidParam(params.sessionId);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const view = await loadOr(request, () => sessionInvitations(context.ctx, { editionId, sessionId, ...(q ? { q } : {}) }));
  const invited = url.searchParams.get("invited");
  return { ...view, done: invited === null ? null : { invited: Number(invited) || 0, already: Number(url.searchParams.get("already")) || 0 } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const sessionId = uuidParam(params.sessionId);
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    form.get("intent") === "categories"
      ? inviteByCategory(context.ctx, { editionId, sessionId, categoryIds: form.getAll("categoryIds").map(String) })
      : inviteToSession(context.ctx, { editionId, sessionId, registrationIds: form.getAll("registrationIds").map(String) }),
  );
  if (!result.ok) return result.response;
  return redirect(`?invited=${result.value.invited}&already=${result.value.already}`);
}

export default function InvitationsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const category = new Map(d.categories.map((c) => [c.id, pick(locale, c.nameEn, c.nameUr)]));
  const rsvp = (r: string | null) => t(r === "seated" ? "programme.invite.rsvpSeated" : r === "waitlisted" ? "programme.invite.rsvpWaitlisted" : "programme.invite.rsvpNone");
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/back-office/editions/${d.edition.id}/programme?day=${d.session.day}`}>{t("programme.editor.title")}</a>
      </p>
      <h1>{t("programme.invite.title", { session: pick(locale, d.session.titleEn, d.session.titleUr) })}</h1>
      {d.done ? <Notice>{t("programme.invite.done", d.done)}</Notice> : null}
      <FormError failure={failure} />
      {d.session.access !== "invitation" ? <p className="hint">{t("programme.invite.notInvitationOnly")}</p> : null}

      <h2>{t("programme.invite.byCategory")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="categories" />
        <fieldset>
          <legend>{t("programme.field.categories")}</legend>
          <p className="hint">{t("programme.invite.byCategoryHint")}</p>
          {d.categories.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" name="categoryIds" value={c.id} /> {pick(locale, c.nameEn, c.nameUr)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t("programme.invite.inviteCategories")}
        </button>
      </Form>

      <h2>{t("programme.invite.byPerson")}</h2>
      <Form method="get">
        <Field name="q" form="find" label={t("programme.invite.search")} defaultValue={d.q} type="search" />
        <button type="submit">{t("programme.invite.find")}</button>
      </Form>
      {d.q && d.found.length === 0 ? <p>{t("programme.invite.noneFound")}</p> : null}
      {d.found.length ? (
        <Form method="post">
          <input type="hidden" name="intent" value="people" />
          <fieldset>
            <legend>{t("programme.invite.byPerson")}</legend>
            {d.found.map((f) => (
              <label key={f.id} className="check">
                <input type="checkbox" name="registrationIds" value={f.id} disabled={f.invited} /> {f.name} · <span dir="ltr">{f.email}</span> · {category.get(f.categoryId)}
                {f.invited ? <> ({t("programme.invite.already")})</> : null}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {t("programme.invite.invite")}
          </button>
        </Form>
      ) : null}

      <h2>
        {t("programme.invite.invited")} ({d.invited.length})
      </h2>
      {d.invited.length === 0 ? (
        <p>{t("programme.invite.none")}</p>
      ) : (
        <ul className="plain" data-testid="invited">
          {d.invited.map((i) => (
            <li key={i.id}>
              {i.name}
              {i.organisation ? <>, {i.organisation}</> : null} · {category.get(i.categoryId)} · {rsvp(i.rsvp)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
