import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/zone-access";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { grantZone, revokeZoneGrant, setZoneRules, zoneAccess } from "../operations/zone-access";
import { uuidParam } from "../../../web/params";
import { text } from "../../../web/form-fields";

// Organisers: which visitor categories enter which zone (a matrix of checkboxes, one form), zones
// granted to one registration (by number or email, with a reason) and their revocation. Plain
// forms that work without JavaScript; every change is audited by its operation.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.zoneAccess.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const view = await loadOr(request, () => zoneAccess(context.ctx, { editionId: params.editionId }));
  return { ...view, done: new URL(request.url).searchParams.has("done") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const editionId = params.editionId;
  const get = (k: string) => text(form, k);
  const result = await runForm(context.ctx.locale, form, async () => {
    const intent = form.get("intent");
    if (intent === "rules") {
      // Each ticked box posts "categoryId:zoneId"; unticked ones post nothing.
      const rules = form.getAll("rule").map((v) => {
        const [categoryId = "", zoneId = ""] = String(v).split(":");
        return { categoryId, zoneId };
      });
      return setZoneRules(context.ctx, { editionId, rules });
    }
    if (intent === "revoke") return revokeZoneGrant(context.ctx, { grantId: get("grantId") });
    return grantZone(context.ctx, { editionId, registration: get("registration"), zoneId: get("zoneId"), reason: get("reason") });
  });
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/zone-access?done=1`);
}

export default function ZoneAccessPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const grantFailure = failure?.values.intent === "grant" ? failure : undefined;
  const allowed = new Set(d.rules.map((r) => `${r.categoryId}:${r.zoneId}`));
  const zoneName = (id: string) => {
    const z = d.zones.find((x) => x.id === id);
    return z ? pick(locale, z.nameEn, z.nameUr) : "";
  };
  const fmt = (iso: string) => new Date(iso).toLocaleDateString(locale === "ur" ? "ur-PK" : "en-GB", { day: "numeric", month: "short", year: "numeric" });
  return (
    <section>
      <h1>{t("checkin.zoneAccess.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done ? <Notice>{t("checkin.zoneAccess.saved")}</Notice> : null}
      <FormError failure={failure} />
      <p className="hint">{t("checkin.zoneAccess.hint")}</p>

      <h2>{t("checkin.zoneAccess.matrix")}</h2>
      {d.zones.length === 0 ? (
        <p>
          {t("checkin.zoneAccess.noZones")} <Link to={`/back-office/editions/${d.edition.id}/checkin-setup`}>{t("checkin.nav.setup")}</Link>
        </p>
      ) : (
        <Form method="post" data-testid="zone-rules">
          <input type="hidden" name="intent" value="rules" />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("checkin.zoneAccess.category")}</th>
                  {d.zones.map((z) => (
                    <th scope="col" key={z.id}>
                      {pick(locale, z.nameEn, z.nameUr)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.categories.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{pick(locale, c.nameEn, c.nameUr)}</th>
                    {d.zones.map((z) => {
                      const value = `${c.id}:${z.id}`;
                      return (
                        <td key={z.id} style={{ textAlign: "center" }}>
                          <input
                            type="checkbox"
                            name="rule"
                            value={value}
                            defaultChecked={allowed.has(value)}
                            aria-label={t("checkin.zoneAccess.allow", { category: pick(locale, c.nameEn, c.nameUr), zone: pick(locale, z.nameEn, z.nameUr) })}
                            data-rule={`${c.code}:${z.code}`}
                            style={{ inlineSize: "1.5rem", blockSize: "1.5rem" }}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" className="primary">
            {t("checkin.zoneAccess.saveRules")}
          </button>
        </Form>
      )}

      <h2>{t("checkin.zoneAccess.grants")}</h2>
      <p className="hint">{t("checkin.zoneAccess.grantHint")}</p>
      {d.zones.length > 0 ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="grant" />
          <Field form="grant" name="registration" label={t("checkin.zoneAccess.registration")} failure={grantFailure} required dir="ltr" />
          <SelectField
            form="grant"
            name="zoneId"
            label={t("checkin.zoneAccess.zone")}
            failure={grantFailure}
            options={d.zones.map((z) => ({ value: z.id, label: pick(locale, z.nameEn, z.nameUr) }))}
            required
          />
          <Field form="grant" name="reason" label={t("checkin.zoneAccess.reason")} failure={grantFailure} required dir="auto" />
          <button type="submit" className="primary">
            {t("checkin.zoneAccess.grant")}
          </button>
        </Form>
      ) : null}
      {d.grants.length === 0 ? (
        <p>{t("checkin.zoneAccess.noGrants")}</p>
      ) : (
        <ul className="cards" data-testid="zone-grants">
          {d.grants.map((g) => (
            <li key={g.id} className="card">
              <p style={{ margin: 0, fontWeight: 700 }} dir="auto">
                {g.name} · {t("checkin.zoneAccess.number")} {g.registrationNo}
              </p>
              <p style={{ margin: 0 }}>
                {zoneName(g.zoneId)} · {fmt(g.grantedAt)}
              </p>
              <p style={{ margin: 0 }} dir="auto">
                {g.reason}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="grantId" value={g.id} />
                <button type="submit" aria-label={t("checkin.zoneAccess.revokeLabel", { zone: zoneName(g.zoneId), name: g.name })}>
                  {t("checkin.zoneAccess.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
