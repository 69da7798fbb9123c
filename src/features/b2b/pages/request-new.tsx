import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/request-new";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { isUuid } from "../../../web/params";
import { requestTarget, sendRequest } from "../operations/requests";
import { ParticipantNav } from "./participant-nav";
import { PartySummary } from "./request-parts";
import { participantBase, refOf } from "./who";
import { oneOf } from "../../../web/form-fields";

// Asking another participant for a meeting: who they are (public summary only), a short message,
// the priority and, optionally, preferred days. A plain POST form; refusals (the cap, a duplicate,
// the window) show at the top, field errors beside their field.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.requests.new.title");
}

function targetOf(request: Request) {
  const to = new URL(request.url).searchParams.get("to");
  if (!isUuid(to)) throw data({ code: "not_found" }, { status: 404 });
  return to;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const to = targetOf(request);
  return loadOr(request, () => requestTarget(context.ctx, { ...ref, to }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ref = refOf(params.who);
  const to = targetOf(request);
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    sendRequest(context.ctx, {
      ...ref,
      to,
      message: String(form.get("message") ?? ""),
      priority: oneOf(form, "priority", ["must", "would_like"]),
      preferredDays: form.getAll("preferredDays").map(Number),
    }),
  );
  if (!result.ok) return result.response;
  return redirect(`${participantBase(params.who)}/requests?done=sent`);
}

export default function RequestNewPage({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  // A refused form keeps what was typed (formValues keeps one value per name: the last day ticked).
  const chosenDays = new Set(failure?.values.preferredDays ? [failure.values.preferredDays] : []);
  const name = pick(locale, d.target.nameEn, d.target.nameUr);
  return (
    <section className="page narrow">
      <h1>{t("b2b.requests.new.title")}</h1>
      <ParticipantNav who={params.who} />
      <p className="muted">{t("b2b.requests.new.with", { name })}</p>
      <div className="card">
        <PartySummary who={d.target} as="h2" />
      </div>
      <FormError failure={failure} />
      <Form method="post" className="card" data-testid="b2b-request-new">
        <Field name="message" label={t("b2b.requests.message")} hint={t("b2b.requests.new.messageHint")} failure={failure}>
          <textarea
            id="f-message"
            name="message"
            rows={4}
            maxLength={500}
            defaultValue={failure?.values.message ?? ""}
            dir="auto"
            aria-invalid={failure?.fields.message ? true : undefined}
            aria-describedby={`f-message-hint${failure?.fields.message ? " f-message-error" : ""}`}
          />
        </Field>
        <SelectField
          name="priority"
          label={t("b2b.requests.new.priority")}
          failure={failure}
          defaultValue="would_like"
          options={(["must", "would_like"] as const).map((v) => ({ value: v, label: t(`b2b.requests.priority.${v}`) }))}
        />
        {d.days.length ? (
          <fieldset className="field">
            <legend>{t("b2b.requests.preferredDays")}</legend>
            {d.days.map((day) => (
              <label key={day} style={{ display: "inline-flex", gap: "0.25rem", marginInlineEnd: "1rem" }}>
                <input type="checkbox" name="preferredDays" value={day} defaultChecked={chosenDays.has(String(day))} /> {t("b2b.requests.day", { day })}
              </label>
            ))}
            {failure?.fields.preferredDays || Object.keys(failure?.fields ?? {}).some((k) => k.startsWith("preferredDays.")) ? (
              <p className="error">{failure!.fields.preferredDays ?? Object.entries(failure!.fields).find(([k]) => k.startsWith("preferredDays."))![1]}</p>
            ) : null}
          </fieldset>
        ) : null}
        <button type="submit" className="primary">
          {t("b2b.requests.new.send")}
        </button>
      </Form>
    </section>
  );
}
