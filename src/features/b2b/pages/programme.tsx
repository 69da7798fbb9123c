import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/programme";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { formatSession, formatSessions, hhmm, localInstant, minutesOf, parseSessions, wallTime } from "../core/slots";
import { getB2bProgramme, setB2bProgramme } from "../operations/programme";
import { numberOf, oneOf } from "../../../web/form-fields";

// Organisers: the edition's B2B programme on one form that works without JavaScript. Each meeting
// day is one text field ("10:00-13:00, 14:30-17:30"), breaks are lines ("1 13:00-13:30"),
// interpreters "ur 4, en 4, zh 2"; times are the edition's local time (Pakistan time for the
// show). The page only turns this text into the operation's input; setB2bProgramme decides.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.programme.title");
}

const localInput = (iso: string | null, timeZone: string) => {
  if (!iso) return "";
  const w = wallTime(new Date(iso), timeZone);
  return `${w.date}T${hhmm(w.minute)}`;
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadOr(request, () => getB2bProgramme(context.ctx, { editionId: params.editionId }));
  const { programme: p, edition } = view;
  const sessionsOf = (day: number) => p.days.find((d) => d.day === day)?.sessions ?? [];
  return {
    ...view,
    form: {
      days: Array.from({ length: edition.dayCount }, (_, i) => formatSessions(sessionsOf(i + 1).map((s) => ({ start: minutesOf(s.start)!, end: minutesOf(s.end)! })))),
      breaks: p.breaks.map((b) => `${b.day} ${b.start}-${b.end}`).join("\n"),
      interpreters: Object.entries(p.interpreters)
        .map(([l, n]) => `${l} ${n}`)
        .join(", "),
      windowOpens: localInput(p.windowOpensAt, edition.timezone),
      windowCloses: localInput(p.windowClosesAt, edition.timezone),
    },
    done: new URL(request.url).searchParams.has("done"),
  };
}

type Issues = FieldIssue[];

/** "2026-01-05T09:00" in the edition's timezone → ISO instant; "" → null. */
function instantOf(text: string, field: string, timeZone: string, issues: Issues): string | null {
  if (!text.trim()) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(text.trim());
  const minute = m ? minutesOf(m[2]!) : undefined;
  if (!m || minute === undefined || minute >= 1440) {
    issues.push({ path: field, code: "b2b_datetime_format" });
    return null;
  }
  return localInstant(m[1]!, minute, timeZone).toISOString();
}

function breaksOf(text: string, issues: Issues) {
  const out: { day: number; start: string; end: string }[] = [];
  for (const line of text.split(/\n+/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(\d{1,2})\s+(.+)$/.exec(line);
    const parsed = m ? parseSessions(m[2]!) : undefined;
    if (!m || !parsed?.ok || parsed.sessions.length !== 1) {
      issues.push({ path: "breaks", code: "b2b_break_format" });
      continue;
    }
    const [s] = parsed.sessions;
    out.push({ day: Number(m[1]), start: hhmm(s!.start), end: hhmm(s!.end) });
  }
  return out;
}

function interpretersOf(text: string, issues: Issues) {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,،\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-zA-Z]{2,3})\s*[: ]\s*(\d{1,3})$/.exec(part);
    if (!m) {
      issues.push({ path: "interpreters", code: "b2b_interpreters_format" });
      continue;
    }
    out[m[1]!.toLowerCase()] = Number(m[2]);
  }
  return out;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "");
  const num = (k: string) => numberOf(form, k);
  const result = await runForm(context.ctx.locale, form, async () => {
    const { edition } = await getB2bProgramme(context.ctx, { editionId: params.editionId });
    const issues: Issues = [];
    const days = Array.from({ length: edition.dayCount }, (_, i) => {
      const parsed = parseSessions(text(`days.${i}.sessions`));
      if (!parsed.ok) issues.push({ path: `days.${i}.sessions`, code: parsed.code, params: parsed.params });
      return { day: i + 1, sessions: parsed.ok ? parsed.sessions.map((s) => ({ start: hhmm(s.start), end: hhmm(s.end) })) : [] };
    });
    const input = {
      editionId: params.editionId,
      enabled: form.has("enabled"),
      windowOpensAt: instantOf(text("windowOpensAt"), "windowOpensAt", edition.timezone, issues),
      windowClosesAt: instantOf(text("windowClosesAt"), "windowClosesAt", edition.timezone, issues),
      days,
      breaks: breaksOf(text("breaks"), issues),
      slotMinutes: num("slotMinutes"),
      loungeTables: num("loungeTables"),
      stallMeetings: form.has("stallMeetings"),
      allowRegulators: form.has("allowRegulators"),
      interpreters: interpretersOf(text("interpreters"), issues),
      maxMeetingsPerDay: num("maxMeetingsPerDay"),
      maxRequestsSent: num("maxRequestsSent"),
      requestDirection: oneOf(form, "requestDirection", ["buyer_to_sme", "sme_to_buyer", "both"]),
      requestExpiryDays: num("requestExpiryDays"),
    };
    if (issues.length) throw new DomainError("validation_failed", { fields: issues });
    return setB2bProgramme(context.ctx, input);
  });
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${params.editionId}/b2b?done=1`);
}

export default function B2bProgrammePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const p = d.programme;
  const checked = (name: string, saved: boolean) => (failure ? failure.values[name] !== undefined : saved);
  return (
    <section>
      <h1>{t("b2b.programme.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done ? <Notice>{t("b2b.programme.saved", { slots: d.slots })}</Notice> : null}
      <FormError failure={failure} />
      <p className="hint">{t("b2b.programme.hint")}</p>
      <p>
        <Link to={`/back-office/editions/${d.edition.id}/b2b/participants`}>{t("b2b.admin.link")}</Link>
        <Link to={`/back-office/editions/${d.edition.id}/b2b/runs`}>{t("b2b.runs.programmeLink")}</Link>
      </p>
      <Form method="post" className="card" data-testid="b2b-programme">
        <div className="field">
          <label>
            <input type="checkbox" name="enabled" defaultChecked={checked("enabled", p.enabled)} /> {t("b2b.programme.enabled")}
          </label>
        </div>
        <h2>{t("b2b.programme.window")}</h2>
        <p className="hint">{t("b2b.programme.localTime", { zone: d.edition.timezone })}</p>
        <Field name="windowOpensAt" type="datetime-local" label={t("b2b.programme.opens")} failure={failure} defaultValue={d.form.windowOpens} dir="ltr" />
        <Field name="windowClosesAt" type="datetime-local" label={t("b2b.programme.closes")} failure={failure} defaultValue={d.form.windowCloses} dir="ltr" />

        <h2>{t("b2b.programme.days")}</h2>
        <p className="hint">{t("b2b.programme.daysHint")}</p>
        {d.form.days.map((value, i) => (
          <Field
            key={i}
            name={`days.${i}.sessions`}
            label={t("b2b.programme.day", { day: i + 1 })}
            failure={failure}
            defaultValue={value}
            dir="ltr"
            hint={i === 0 ? t("b2b.programme.dayExample", { example: formatSession({ start: 600, end: 780 }) + ", " + formatSession({ start: 870, end: 1050 }) }) : undefined}
          />
        ))}
        <Field name="breaks" label={t("b2b.programme.breaks")} hint={t("b2b.programme.breaksHint")} failure={failure} dir="ltr">
          <textarea id="f-breaks" name="breaks" rows={3} defaultValue={failure?.values.breaks ?? d.form.breaks} dir="ltr" aria-describedby={`f-breaks-hint${failure?.fields.breaks || Object.keys(failure?.fields ?? {}).some((k) => k.startsWith("breaks.")) ? " f-breaks-error" : ""}`} />
        </Field>
        <Field name="slotMinutes" type="number" inputMode="numeric" label={t("b2b.programme.slotMinutes")} failure={failure} defaultValue={p.slotMinutes} required />

        <h2>{t("b2b.programme.places")}</h2>
        <Field name="loungeTables" type="number" inputMode="numeric" label={t("b2b.programme.loungeTables")} failure={failure} defaultValue={p.loungeTables} required />
        <div className="field">
          <label>
            <input type="checkbox" name="stallMeetings" defaultChecked={checked("stallMeetings", p.stallMeetings)} /> {t("b2b.programme.stallMeetings")}
          </label>
        </div>
        <Field name="interpreters" label={t("b2b.programme.interpreters")} hint={t("b2b.programme.interpretersHint")} failure={failure} defaultValue={d.form.interpreters} dir="ltr" />

        <h2>{t("b2b.programme.requests")}</h2>
        <Field name="maxMeetingsPerDay" type="number" inputMode="numeric" label={t("b2b.programme.maxMeetingsPerDay")} failure={failure} defaultValue={p.maxMeetingsPerDay} required />
        <Field name="maxRequestsSent" type="number" inputMode="numeric" label={t("b2b.programme.maxRequestsSent")} failure={failure} defaultValue={p.maxRequestsSent} required />
        <SelectField
          name="requestDirection"
          label={t("b2b.programme.direction")}
          failure={failure}
          defaultValue={p.requestDirection}
          options={(["both", "buyer_to_sme", "sme_to_buyer"] as const).map((v) => ({ value: v, label: t(`b2b.programme.direction.${v}`) }))}
        />
        <Field name="requestExpiryDays" type="number" inputMode="numeric" label={t("b2b.programme.expiryDays")} failure={failure} defaultValue={p.requestExpiryDays} required />
        <div className="field">
          <label>
            <input type="checkbox" name="allowRegulators" defaultChecked={checked("allowRegulators", p.allowRegulators)} /> {t("b2b.programme.allowRegulators")}
          </label>
        </div>
        <button type="submit" className="primary">
          {t("b2b.programme.save")}
        </button>
      </Form>
    </section>
  );
}
