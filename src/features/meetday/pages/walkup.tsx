import { Form, redirect } from "react-router";
import type { Route } from "./+types/walkup";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { ParticipantNav } from "#features/b2b/client";
import { participantBase, refOf } from "#features/b2b/client";
import { answerWalkUp, proposeWalkUp, walkUpPage, withdrawWalkUp, type WalkUpView } from "../operations/walkups";

// /b2b/:who/walk-up — walk-up meetings during the event (issue #14, item 3): the proposals made to
// the participant (confirm, decline) and by it (withdraw); finding a participant of the other
// side, then the times when both are free and a place is free (the engine's free slots), one of
// which it proposes. Every form is a plain POST or GET (works without JavaScript).

const DONE = ["proposed", "confirmed", "declined", "withdrawn"] as const;

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.walkup.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) || undefined;
  const withId = url.searchParams.get("with") || undefined;
  const done = url.searchParams.get("done");
  const view = await loadOr(request, () => walkUpPage(context.ctx, { ...ref, q, with: withId }));
  return { who: params.who, q: q ?? "", done: (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null, ...view };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ref = refOf(params.who);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const ctx = context.ctx;
  const intent = text("intent");
  const result = await runForm(ctx.locale, form, async () => {
    if (intent === "propose") {
      const [day, start] = text("slot").split("|");
      await proposeWalkUp(ctx, { ...ref, to: text("to"), day: day ?? "", start: start ?? "", message: text("message") });
      return "proposed";
    }
    if (intent === "withdraw") return (await withdrawWalkUp(ctx, { ...ref, walkUpId: text("walkUpId") })).status;
    return (await answerWalkUp(ctx, { ...ref, walkUpId: text("walkUpId"), decision: intent === "confirm" ? "confirm" : "decline" })).status;
  });
  if (!result.ok) return result.response;
  return redirect(`${participantBase(params.who)}/walk-up?done=${result.value}`);
}

function Proposal({ w, children }: { w: WalkUpView; children?: React.ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="card" data-testid="walkup" data-status={w.status} style={{ marginBlock: "0.5rem" }}>
      <h3 style={{ marginBlock: 0 }}>
        <time dateTime={w.startsAt}>{t("meetday.walkup.when", { day: w.day, date: w.date, start: w.start, end: w.end })}</time> · {pick(locale, w.partner.nameEn, w.partner.nameUr)}
      </h3>
      <dl>
        {w.partner.organisation && w.partner.organisation !== w.partner.nameEn ? <dd>{w.partner.organisation}</dd> : null}
        <dt>{t("meetday.walkup.place")}</dt>
        <dd>{w.place === "table" ? t("b2b.meetings.place.table", { table: w.tableNo ?? "" }) : t("b2b.meetings.place.stall")}</dd>
        {w.message ? (
          <>
            <dt>{t("meetday.walkup.note")}</dt>
            <dd dir="auto">{w.message}</dd>
          </>
        ) : null}
        <dt>{t("meetday.walkup.status")}</dt>
        <dd>
          <strong>{t(`meetday.walkup.status.${w.status}`)}</strong>
        </dd>
      </dl>
      {children}
    </li>
  );
}

function Buttons({ id, intents }: { id: string; intents: ("confirm" | "decline" | "withdraw")[] }) {
  const t = useT();
  return (
    <Form method="post" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
      <input type="hidden" name="walkUpId" value={id} />
      {intents.map((i) => (
        <button key={i} type="submit" name="intent" value={i} className={i === "confirm" ? "primary" : undefined}>
          {t(`meetday.walkup.${i}`)}
        </button>
      ))}
    </Form>
  );
}

export default function WalkUpPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const base = participantBase(d.who);
  return (
    <section>
      <h1>{t("meetday.walkup.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <ParticipantNav who={d.who} />
      {d.done ? <Notice>{t(d.done === "proposed" ? "meetday.walkup.proposed" : `meetday.walkup.done.${d.done}`)}</Notice> : null}
      <FormError failure={failure} />
      <p>{t("meetday.walkup.intro")}</p>
      {d.open ? null : <p className="alert">{t("meetday.walkup.closed")}</p>}

      <h2>{t("meetday.walkup.incoming")}</h2>
      {d.incoming.length === 0 ? <p>{t("meetday.walkup.noneIncoming")}</p> : null}
      <ul style={{ listStyle: "none", padding: 0 }}>
        {d.incoming.map((w) => (
          <Proposal key={w.id} w={w}>
            {w.status === "proposed" ? <Buttons id={w.id} intents={["confirm", "decline"]} /> : null}
          </Proposal>
        ))}
      </ul>

      <h2>{t("meetday.walkup.outgoing")}</h2>
      {d.outgoing.length === 0 ? <p>{t("meetday.walkup.noneOutgoing")}</p> : null}
      <ul style={{ listStyle: "none", padding: 0 }}>
        {d.outgoing.map((w) => (
          <Proposal key={w.id} w={w}>
            {w.status === "proposed" ? <Buttons id={w.id} intents={["withdraw"]} /> : null}
          </Proposal>
        ))}
      </ul>

      {d.open ? (
        <section aria-labelledby="propose" className="card">
          <h2 id="propose">{t("meetday.walkup.find")}</h2>
          <Form method="get">
            <Field name="q" label={t("meetday.walkup.search")} defaultValue={d.q} dir="auto" />
            <button type="submit">{t("meetday.walkup.searchButton")}</button>
          </Form>
          {d.q && d.matches.length === 0 ? <p>{t("meetday.walkup.noMatch")}</p> : null}
          {d.matches.length ? (
            <ul>
              {d.matches.map((m) => (
                <li key={m.id}>
                  <a href={`${base}/walk-up?with=${m.id}`} aria-label={t("meetday.walkup.choose", { name: pick(locale, m.nameEn, m.nameUr) })}>
                    {pick(locale, m.nameEn, m.nameUr)}
                  </a>
                  {m.organisation && m.organisation !== m.nameEn ? ` · ${m.organisation}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {d.proposal ? (
            <>
              <h3>{t("meetday.walkup.with", { partner: pick(locale, d.proposal.partner.nameEn, d.proposal.partner.nameUr) })}</h3>
              {d.proposal.alreadyMeeting ? (
                <p>
                  <a href={`${base}/meetings`}>{t("meetday.walkup.alreadyMeeting", { partner: pick(locale, d.proposal.partner.nameEn, d.proposal.partner.nameUr) })}</a>
                </p>
              ) : d.proposal.places.length === 0 ? (
                <p>{t("meetday.walkup.noSlots")}</p>
              ) : (
                <Form method="post" data-testid="walkup-propose">
                  <input type="hidden" name="intent" value="propose" />
                  <input type="hidden" name="to" value={d.proposal.partner.id} />
                  <fieldset>
                    <legend>{t("meetday.walkup.slots")}</legend>
                    {d.proposal.places.map((p, i) => (
                      <div key={`${p.day}-${p.start}`}>
                        <label>
                          <input type="radio" name="slot" value={`${p.day}|${p.start}`} defaultChecked={i === 0} />{" "}
                          {t("meetday.walkup.when", { day: p.day, date: p.date, start: p.start, end: p.end })} · {p.place === "table" ? t("b2b.meetings.place.table", { table: p.tableNo ?? "" }) : t("b2b.meetings.place.stall")}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                  <Field name="message" label={t("meetday.walkup.message")} failure={failure} dir="auto" />
                  <button type="submit" className="primary">
                    {t("meetday.walkup.propose")}
                  </button>
                </Form>
              )}
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
