import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/requests";
import type { FormFailure } from "../../../web/actions";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { editRequest, listMyRequests, respondToRequest, withdrawRequest } from "../operations/requests";
import { ParticipantNav } from "./participant-nav";
import { PartySummary, RequestFacts } from "./request-parts";
import { participantBase, refOf } from "./who";
import { oneOf } from "../../../web/form-fields";

// A participant's meeting requests: those to it (accept, or decline with an optional reason) and
// those it sent (change the message, priority or days while pending; withdraw). Plain POST forms,
// one per request, so it works without JavaScript; after each action a notice says what happened.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.requests.title");
}

const DONE = ["sent", "accepted", "declined", "withdrawn", "edited"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const data = await loadOr(request, () => listMyRequests(context.ctx, ref));
  const done = new URL(request.url).searchParams.get("done");
  return { ...data, done: (DONE as readonly string[]).includes(done ?? "") ? done : null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ref = refOf(params.who);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "");
  const intent = text("intent");
  const requestId = text("requestId");
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "accept" || intent === "decline") {
      const r = await respondToRequest(context.ctx, { ...ref, requestId, decision: intent, reason: text("reason") || undefined });
      return r.status;
    }
    if (intent === "withdraw") return (await withdrawRequest(context.ctx, { ...ref, requestId })).status;
    await editRequest(context.ctx, { ...ref, requestId, message: text("message"), priority: oneOf(form, "priority", ["must", "would_like"]), preferredDays: form.getAll("preferredDays").map(Number) });
    return "edited";
  });
  if (!result.ok) return result.response;
  return redirect(`${participantBase(params.who)}/requests?done=${result.value}`);
}

const rowFailure = (failure: FormFailure | undefined, id: string) => (failure?.values.requestId === id ? failure : undefined);

export default function RequestsPage({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  return (
    <section className="page narrow">
      <h1>{t("b2b.requests.title")}</h1>
      <ParticipantNav who={params.who} />
      {d.done ? <Notice>{t(`b2b.requests.done.${d.done}`)}</Notice> : null}
      <FormError failure={failure} />

      <h2>{t("b2b.requests.incoming")}</h2>
      {d.incoming.length === 0 ? <p className="muted">{t("b2b.requests.none")}</p> : null}
      <ul className="plain" style={{ display: "grid", gap: "0.75rem", padding: 0, listStyle: "none" }}>
        {d.incoming.map((r) => (
          <li key={r.id} className="card" data-testid="b2b-incoming">
            <PartySummary who={r.other} />
            <RequestFacts r={r} />
            <Contact contact={r.contact} accepted={r.status === "accepted"} />
            {r.status === "pending" ? (
              <Form method="post">
                <input type="hidden" name="requestId" value={r.id} />
                <Field form={`in-${r.id}`} name="reason" label={t("b2b.requests.reason")} failure={rowFailure(failure, r.id)} dir="auto" />
                <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
                  <button type="submit" name="intent" value="accept" className="primary">
                    {t("b2b.requests.accept")}
                  </button>
                  <button type="submit" name="intent" value="decline">
                    {t("b2b.requests.decline")}
                  </button>
                </div>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t("b2b.requests.outgoing")}</h2>
      {d.outgoing.length === 0 ? (
        <p className="muted">
          {t("b2b.requests.none")} <Link to={`${participantBase(params.who)}/directory`}>{t("b2b.requests.findHint")}</Link>
        </p>
      ) : null}
      <ul className="plain" style={{ display: "grid", gap: "0.75rem", padding: 0, listStyle: "none" }}>
        {d.outgoing.map((r) => {
          const f = rowFailure(failure, r.id);
          return (
            <li key={r.id} className="card" data-testid="b2b-outgoing">
              <PartySummary who={r.other} />
              <RequestFacts r={r} />
              <Contact contact={r.contact} accepted={r.status === "accepted"} />
              {r.status === "pending" ? (
                <>
                  <details>
                    <summary>{t("b2b.requests.edit")}</summary>
                    <Form method="post">
                      <input type="hidden" name="requestId" value={r.id} />
                      <Field form={`out-${r.id}`} name="message" label={t("b2b.requests.message")} failure={f}>
                        <textarea id={`out-${r.id}-message`} name="message" rows={3} maxLength={500} defaultValue={f?.values.message ?? r.message} dir="auto" />
                      </Field>
                      <SelectField
                        form={`out-${r.id}`}
                        name="priority"
                        label={t("b2b.requests.new.priority")}
                        failure={f}
                        defaultValue={r.priority}
                        options={(["must", "would_like"] as const).map((v) => ({ value: v, label: t(`b2b.requests.priority.${v}`) }))}
                      />
                      {r.preferredDays.map((day) => (
                        <input key={day} type="hidden" name="preferredDays" value={day} />
                      ))}
                      <button type="submit" name="intent" value="edit">
                        {t("b2b.requests.edit")}
                      </button>
                    </Form>
                  </details>
                  <Form method="post">
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" name="intent" value="withdraw">
                      {t("b2b.requests.withdraw")}
                    </button>
                  </Form>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Contact({ contact, accepted }: { contact: { name: string; email: string | null; phone: string | null } | null; accepted: boolean }) {
  const t = useT();
  if (contact) {
    const parts = [contact.name, contact.email, contact.phone].filter(Boolean).join(" · ");
    return (
      <p dir="auto" data-testid="b2b-contact" style={{ overflowWrap: "anywhere" }}>
        {t("b2b.requests.contact", { contact: parts })}
      </p>
    );
  }
  return accepted ? null : <p className="hint">{t("b2b.requests.noContact")}</p>;
}
