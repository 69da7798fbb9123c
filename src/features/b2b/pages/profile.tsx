import { Form, redirect } from "react-router";
import type { Route } from "./+types/profile";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { GoneLinkError } from "../../../web/components/gone-link";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { withdrawParticipant } from "../operations/participants";
import { getMyProfile, updateMyProfile } from "../operations/profiles";
import { lookingForOptions, profileSchemas } from "../schemas";
import { exportReadiness } from "../tables";
import { ParticipantNav } from "./participant-nav";
import { participantBase, refOf } from "./who";

// The participant's own profile (issue #11, item 2), opened by its signed link (/b2b/<token>) or,
// signed in, by its id: who it is, how complete the profile is and what is missing, and the form
// of its kind (every field of profileSchemas[kind]) as a plain POST form: texts in English and
// Urdu, lists separated by commas, "looking for" as checkboxes, consent to be listed, and a
// separate form to withdraw. Refusals are shown on their field, in the reader's language.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.profile.title");
}

type Kind = keyof typeof profileSchemas;
const LONG = new Set(["offersEn", "offersUr", "needsEn", "needsUr", "productsEn", "productsUr"]);
const LISTS = new Set(["hsCodes", "certifications", "requiredCertifications", "markets", "languages", "sectors", "financingProducts"]);
const NUMBERS = new Set(["ticketMin", "ticketMax"]);
const fieldsOf = (kind: Kind) => Object.keys(profileSchemas[kind].shape);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const mine = await loadOr(request, () => getMyProfile(context.ctx, ref));
  const url = new URL(request.url);
  // The choices travel with the data: the page's module imports no schema or table code.
  return { ...mine, fields: fieldsOf(mine.participant.kind), lookingForOptions: [...lookingForOptions], readiness: [...exportReadiness], done: url.searchParams.get("done") };
}

/** The form's text → the operation's profile: only the kind's fields; lists split on commas. */
function profileOf(kind: Kind, form: FormData, issues: FieldIssue[]) {
  const out: Record<string, unknown> = {};
  for (const k of fieldsOf(kind)) {
    const name = `profile.${k}`;
    if (k === "lookingFor") {
      out[k] = form.getAll(name).map(String);
      continue;
    }
    const v = String(form.get(name) ?? "").trim();
    if (LISTS.has(k)) out[k] = v.split(/[,،;\n]+/).map((x) => x.trim()).filter(Boolean);
    else if (NUMBERS.has(k)) {
      const digits = v.replace(/[\s,]/g, "");
      if (digits === "") out[k] = null;
      else if (/^\d{1,15}$/.test(digits)) out[k] = Number(digits);
      else issues.push({ path: name, code: "b2b_whole_number" });
    } else if (k === "exportReadiness" || k === "country") out[k] = v === "" ? null : k === "country" ? v.toUpperCase() : v;
    else out[k] = v;
  }
  return out;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ref = refOf(params.who);
  const form = await request.formData();
  const base = participantBase(params.who);
  if (form.get("intent") === "withdraw") {
    const result = await runForm(context.ctx.locale, form, () => withdrawParticipant(context.ctx, ref));
    if (!result.ok) return result.response;
    return redirect(`${base}?done=withdrawn`);
  }
  const result = await runForm(context.ctx.locale, form, async () => {
    const { participant } = await getMyProfile(context.ctx, ref);
    const issues: FieldIssue[] = [];
    const profile = profileOf(participant.kind, form, issues);
    if (issues.length) throw new DomainError("validation_failed", { fields: issues });
    return updateMyProfile(context.ctx, { ...ref, optedIn: form.get("optedIn") === "1", profile });
  });
  if (!result.ok) return result.response;
  return redirect(`${base}?done=saved`);
}

const listText = (v: unknown) => (Array.isArray(v) ? v.join(", ") : v == null ? "" : String(v));

export default function ProfilePage({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const withdrawn = d.participant.withdrawnAt !== null;
  const about = d.about as Record<string, string | boolean | null | undefined>;
  const profile = d.profile as unknown as Record<string, unknown>;
  const name = pick(locale, String(about.nameEn ?? ""), (about.nameUr as string | null) ?? null);
  const place = [about.district, about.province].filter(Boolean).join(locale === "ur" ? "، " : ", ");
  const failed = failure && failure.values.intent !== "withdraw" ? failure : undefined;
  const value = (k: string) => (failed ? (failed.values[`profile.${k}`] ?? "") : listText(profile[k]));
  const lookingFor = failed ? d.lookingForOptions.filter((o) => Object.entries(failed.values).some(([k, v]) => k === "profile.lookingFor" && v === o)) : ((profile.lookingFor as string[]) ?? []);
  const optedIn = failed ? failed.values.optedIn === "1" : d.participant.optedIn;
  return (
    <section>
      <h1>{t("b2b.profile.title")}</h1>
      <ParticipantNav who={params.who} />
      {d.done === "saved" ? <Notice>{t("b2b.profile.saved")}</Notice> : null}
      {withdrawn ? <Notice>{t("b2b.profile.withdrawn")}</Notice> : null}

      <div className="card">
        <h2>{t("b2b.profile.about")}</h2>
        <p style={{ marginBlock: "0.25rem" }}>
          <strong>{name}</strong> · {t(`b2b.kind.${d.participant.kind}`)}
        </p>
        {about.organisation ? <p style={{ marginBlock: "0.25rem" }}>{t("b2b.profile.organisation", { organisation: String(about.organisation) })}</p> : null}
        {about.sizeClass || about.cluster || place ? (
          <p className="muted" style={{ marginBlock: "0.25rem" }}>
            {[about.sizeClass ? t(`b2b.size.${String(about.sizeClass)}`) : "", about.cluster ? String(about.cluster) : "", place].filter(Boolean).join(" · ")}
          </p>
        ) : null}
        {about.womenLed ? <p className="badge">{t("b2b.card.womenLed")}</p> : null}
        <p style={{ marginBlock: "0.5rem 0.25rem" }}>
          <label htmlFor="completeness">{t("b2b.profile.completeness", { score: d.completeness })}</label>
        </p>
        <meter id="completeness" min={0} max={100} low={50} high={99} optimum={100} value={d.completeness} style={{ width: "100%" }}>
          {d.completeness}%
        </meter>
        <p data-testid="b2b-missing">{d.missing.length ? t("b2b.profile.missing", { parts: d.missing.map((m) => t(`b2b.part.${m}`)).join(locale === "ur" ? "، " : ", ") }) : t("b2b.profile.complete")}</p>
        {!d.saved ? <p className="hint">{t("b2b.profile.prefilled")}</p> : null}
      </div>

      {!withdrawn ? (
        <>
          <FormError failure={failed} />
          <Form method="post" className="card" data-testid="b2b-profile" noValidate>
            <h2>{t("b2b.profile.form")}</h2>
            {d.fields.map((k) => {
              const name = `profile.${k}`;
              const label = t(`b2b.field.${k}`);
              if (LONG.has(k)) {
                const ur = k.endsWith("Ur");
                const error = failed?.fields[name];
                return (
                  <Field key={k} name={name} label={label} failure={failed}>
                    <textarea
                      id={`f-${name}`}
                      name={name}
                      rows={3}
                      defaultValue={value(k)}
                      lang={ur ? "ur" : "en"}
                      dir={ur ? "rtl" : "ltr"}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `f-${name}-error` : undefined}
                    />
                  </Field>
                );
              }
              if (k === "lookingFor") {
                return (
                  <fieldset key={k} className="field">
                    <legend>{label}</legend>
                    {d.lookingForOptions.map((o) => (
                      <label key={o} style={{ display: "block" }}>
                        <input type="checkbox" name={name} value={o} defaultChecked={lookingFor.includes(o)} /> {t(`b2b.lookingFor.${o}`)}
                      </label>
                    ))}
                  </fieldset>
                );
              }
              if (k === "exportReadiness") {
                return (
                  <SelectField
                    key={k}
                    name={name}
                    label={label}
                    failure={failed}
                    defaultValue={value(k)}
                    options={[{ value: "", label: t("b2b.exportReadiness.unset") }, ...d.readiness.map((v) => ({ value: v, label: t(`b2b.exportReadiness.${v}`) }))]}
                  />
                );
              }
              return (
                <Field
                  key={k}
                  name={name}
                  label={label}
                  failure={failed}
                  defaultValue={value(k)}
                  dir={LISTS.has(k) || NUMBERS.has(k) || k === "country" ? "ltr" : undefined}
                  inputMode={NUMBERS.has(k) ? "numeric" : undefined}
                  hint={k === "hsCodes" ? t("b2b.field.hsCodesHint") : LISTS.has(k) ? t("b2b.profile.listHint") : undefined}
                />
              );
            })}
            <div className="field">
              <label>
                <input type="checkbox" name="optedIn" value="1" defaultChecked={optedIn} /> {t("b2b.profile.optIn")}
              </label>
            </div>
            <button type="submit" className="primary" name="intent" value="save">
              {t("b2b.profile.save")}
            </button>
          </Form>

          <Form method="post" className="card">
            <h2>{t("b2b.profile.withdrawTitle")}</h2>
            <p className="hint">{t("b2b.profile.withdrawHint")}</p>
            <FormError failure={failure && failure.values.intent === "withdraw" ? failure : undefined} />
            <button type="submit" name="intent" value="withdraw">
              {t("b2b.profile.withdraw")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

/** An unknown or replaced link (410): say so. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="b2b.profile.title" goneKey="error.token_invalid" />;
}
