import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/setup";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { checkBox, checkRow } from "#features/registration/client";
import { checkinSetup, createGate, createZone, updateGate, updateZone } from "../operations/setup";
import { rehearsalState, setRehearsal } from "../operations/rehearsal";
import { setStaffQuota } from "../operations/staff-badges";
import { uuidParam } from "../../../web/params";
import { text } from "../../../web/form-fields";

// Organisers set up check-in: zones, gates and exhibitors' staff-badge quotas. Plain forms that
// work without JavaScript; each form names itself (`key`) so an error shows on that form only.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.setup.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const view = await loadOr(request, () => checkinSetup(context.ctx, { editionId: params.editionId }));
  const rehearsal = await rehearsalState(context.ctx, { editionId: params.editionId });
  return { ...view, rehearsal, done: new URL(request.url).searchParams.has("done") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const get = (k: string) => text(form, k);
  const names = { nameEn: get("nameEn"), nameUr: get("nameUr") };
  const result = await runForm(context.ctx.locale, form, async () => {
    const intent = form.get("intent");
    const editionId = params.editionId;
    if (intent === "rehearsal-start") return setRehearsal(context.ctx, { editionId, dayIndex: form.get("dayIndex") ?? undefined });
    if (intent === "rehearsal-end") return setRehearsal(context.ctx, { editionId, dayIndex: null });
    if (intent === "zone-create") return createZone(context.ctx, { editionId, code: get("code"), ...names });
    if (intent === "zone-update") return updateZone(context.ctx, { zoneId: get("id"), ...names });
    const gate = { ...names, zoneId: get("zoneId"), reentryAllowed: form.get("reentryAllowed") === "on" };
    if (intent === "gate-create") return createGate(context.ctx, { editionId, code: get("code"), ...gate });
    if (intent === "gate-update") return updateGate(context.ctx, { gateId: get("id"), ...gate });
    return setStaffQuota(context.ctx, { editionId, enterpriseId: get("enterpriseId"), quota: form.get("quota") ?? undefined });
  });
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${params.editionId}/checkin-setup?done=1`);
}

export default function CheckinSetupPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const all = useFailure();
  // The failure belongs to the form that was sent; the others keep their own values.
  const failureFor = (key: string) => (all?.values.key === key ? all : undefined);
  const zoneOptions = [{ value: "", label: t("checkin.setup.hall") }, ...d.zones.map((z) => ({ value: z.id, label: pick(locale, z.nameEn, z.nameUr) }))];

  const names = (key: string, en = "", ur = "") => (
    <>
      <input type="hidden" name="key" value={key} />
      <Field form={key} name="nameEn" label={t("checkin.setup.nameEn")} failure={failureFor(key)} defaultValue={en} required dir="ltr" />
      <Field form={key} name="nameUr" label={t("checkin.setup.nameUr")} failure={failureFor(key)} defaultValue={ur} required dir="rtl" />
    </>
  );
  const gateFields = (key: string, zoneId: string | null, reentry: boolean) => (
    <>
      <SelectField form={key} name="zoneId" label={t("checkin.setup.zone")} failure={failureFor(key)} defaultValue={zoneId ?? ""} options={zoneOptions} />
      <label style={checkRow}>
        <input type="checkbox" name="reentryAllowed" defaultChecked={reentry} style={checkBox} /> <span>{t("checkin.setup.reentry")}</span>
      </label>
    </>
  );
  const code = (key: string) => <Field form={key} name="code" label={t("checkin.setup.code")} failure={failureFor(key)} required dir="ltr" />;

  return (
    <section>
      <h1>{t("checkin.setup.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done ? <Notice>{t("checkin.setup.saved")}</Notice> : null}
      <FormError failure={all} />

      <h2 id="rehearsal">{t("checkin.rehearsal.title")}</h2>
      <p className="hint">{t("checkin.rehearsal.hint")}</p>
      {d.rehearsal.eventDay ? (
        <p>{t("checkin.rehearsal.eventDay")}</p>
      ) : d.rehearsal.active ? (
        <Form method="post" className="card">
          <input type="hidden" name="key" value="rehearsal" />
          <p className="alert alert-ok" role="status">
            {t("checkin.rehearsal.active", { date: d.rehearsal.active.onDate, day: d.rehearsal.active.dayIndex + 1 })}
          </p>
          <button type="submit" name="intent" value="rehearsal-end">
            {t("checkin.rehearsal.end")}
          </button>
        </Form>
      ) : (
        <Form method="post" className="card">
          <input type="hidden" name="key" value="rehearsal" />
          <SelectField
            form="rehearsal"
            name="dayIndex"
            label={t("checkin.rehearsal.day")}
            failure={failureFor("rehearsal")}
            defaultValue="0"
            options={Array.from({ length: d.rehearsal.dayCount }, (_, i) => ({ value: String(i), label: String(i + 1) }))}
          />
          <button type="submit" name="intent" value="rehearsal-start" className="primary">
            {t("checkin.rehearsal.start")}
          </button>
        </Form>
      )}

      <h2>{t("checkin.setup.zones")}</h2>
      <p className="hint">{t("checkin.setup.zonesHint")}</p>
      <p>
        <Link to={`/back-office/editions/${d.edition.id}/zone-access`}>{t("checkin.zoneAccess.link")}</Link>
      </p>
      {d.zones.length === 0 ? <p>{t("checkin.setup.noZones")}</p> : null}
      <ul className="cards">
        {d.zones.map((z) => (
          <li key={z.id} className="card">
            <p style={{ margin: 0 }}>
              <strong dir="ltr">{z.code}</strong> · {t("checkin.setup.bit", { bit: z.bit })}
            </p>
            <Form method="post">
              <input type="hidden" name="id" value={z.id} />
              {names(`zone-${z.id}`, z.nameEn, z.nameUr)}
              <button type="submit" name="intent" value="zone-update">
                {t("checkin.setup.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="card">
        <h3>{t("checkin.setup.addZone")}</h3>
        {code("zone-new")}
        {names("zone-new")}
        <button type="submit" name="intent" value="zone-create" className="primary">
          {t("checkin.setup.addZone")}
        </button>
      </Form>

      <h2>{t("checkin.setup.gates")}</h2>
      {d.gates.length === 0 ? <p>{t("checkin.setup.noGates")}</p> : null}
      <ul className="cards">
        {d.gates.map((g) => (
          <li key={g.id} className="card">
            <p style={{ margin: 0 }}>
              <strong dir="ltr">{g.code}</strong>
            </p>
            <Form method="post">
              <input type="hidden" name="id" value={g.id} />
              {names(`gate-${g.id}`, g.nameEn, g.nameUr)}
              {gateFields(`gate-${g.id}`, g.zoneId, g.reentryAllowed)}
              <button type="submit" name="intent" value="gate-update">
                {t("checkin.setup.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="card">
        <h3>{t("checkin.setup.addGate")}</h3>
        {code("gate-new")}
        {names("gate-new")}
        {gateFields("gate-new", null, false)}
        <button type="submit" name="intent" value="gate-create" className="primary">
          {t("checkin.setup.addGate")}
        </button>
      </Form>

      <h2>{t("checkin.setup.quotas")}</h2>
      {d.quotas.length === 0 ? (
        <p>{t("checkin.setup.noQuotas")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("checkin.setup.quotas")} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("checkin.setup.exhibitor")}</th>
                <th scope="col">{t("checkin.setup.quota")}</th>
              </tr>
            </thead>
            <tbody>
              {d.quotas.map((q) => (
                <tr key={q.enterpriseId}>
                  <td dir="auto">{pick(locale, q.nameEn, q.nameUr ?? q.nameEn)}</td>
                  <td>{q.quota}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.exhibitors.length > 0 ? (
        <Form method="post" className="card">
          <input type="hidden" name="key" value="quota" />
          <SelectField
            form="quota"
            name="enterpriseId"
            label={t("checkin.setup.exhibitor")}
            failure={failureFor("quota")}
            options={d.exhibitors.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr ?? e.nameEn) }))}
            required
          />
          <Field form="quota" name="quota" label={t("checkin.setup.quota")} failure={failureFor("quota")} inputMode="numeric" required dir="ltr" />
          <button type="submit" name="intent" value="quota" className="primary">
            {t("checkin.setup.setQuota")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
