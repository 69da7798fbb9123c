import { Form, Link } from "react-router";
import type { Route } from "./+types/participants-admin";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { listParticipants } from "../operations/participants-admin";
import { enrolExhibitors, sendAccessLink } from "../operations/participants";

// Organisers (issue #11, items 2 and 4): the edition's B2B participants, both sides, with kind,
// profile completeness, consent and withdrawal; counts at the top; "only empty or incomplete"
// is the list to chase, each with a button that emails it a new signed link; one button enrols
// the selected exhibitors. Plain forms: GET to filter, POST to act.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.admin.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const url = new URL(request.url);
  const side = url.searchParams.get("side");
  const incomplete = url.searchParams.get("incomplete") === "1";
  const list = await loadOr(request, () =>
    listParticipants(context.ctx, { editionId, ...(incomplete ? { incomplete: true } : {}), ...(side === "sme" || side === "buyer" ? { side } : {}) }),
  );
  return { ...list, filters: { incomplete, side: side === "sme" || side === "buyer" ? side : "" } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const send = form.get("send");
  if (typeof send === "string" && send) {
    const result = await runForm(context.ctx.locale, form, () => sendAccessLink(context.ctx, { participantId: send }));
    if (!result.ok) return result.response;
    return { ok: true as const, done: result.value.sent ? ("sent" as const) : ("noAddress" as const), participantId: send };
  }
  const result = await runForm(context.ctx.locale, form, () => enrolExhibitors(context.ctx, { editionId }));
  if (!result.ok) return result.response;
  return { ok: true as const, done: "enrolled" as const, enrolled: result.value.enrolled, already: result.value.already };
}

export default function ParticipantsAdminPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = actionData && "done" in actionData ? actionData : undefined;
  const nameOf = (id: string) => {
    const p = d.participants.find((x) => x.id === id);
    return p ? pick(locale, p.nameEn, p.nameUr) : "";
  };
  return (
    <section>
      <h1>{t("b2b.admin.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p data-testid="b2b-admin-counts">{t("b2b.admin.counts", d.counts)}</p>
      {done?.done === "enrolled" ? <Notice>{t("b2b.admin.enrolled", { enrolled: done.enrolled, already: done.already })}</Notice> : null}
      {done?.done === "sent" ? <Notice>{t("b2b.admin.linkSent", { name: nameOf(done.participantId) })}</Notice> : null}
      {done?.done === "noAddress" ? <Notice>{t("b2b.admin.noAddress", { name: nameOf(done.participantId) })}</Notice> : null}
      <FormError failure={failure} />

      <Form method="post">
        <button type="submit" name="intent" value="enrol">
          {t("b2b.admin.enrol")}
        </button>
      </Form>

      <Form method="get" className="card" style={{ marginBlock: "1rem" }}>
        <SelectField
          form="flt"
          name="side"
          label={t("b2b.admin.side")}
          defaultValue={d.filters.side}
          options={[{ value: "", label: t("b2b.directory.any") }, { value: "sme", label: t("b2b.admin.side.sme") }, { value: "buyer", label: t("b2b.admin.side.buyer") }]}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="incomplete" value="1" defaultChecked={d.filters.incomplete} /> {t("b2b.admin.incompleteOnly")}
          </label>
        </div>
        <button type="submit">{t("b2b.admin.show")}</button>
      </Form>

      {d.participants.length === 0 ? (
        <p>{t("b2b.admin.none")}</p>
      ) : (
        <Form method="post">
          <div className="table-scroll" role="region" tabIndex={0} aria-label={t("b2b.admin.title")}>
            <table className="stack-table" data-testid="b2b-admin-participants">
              <thead>
                <tr>
                  <th scope="col">{t("b2b.admin.name")}</th>
                  <th scope="col">{t("b2b.admin.kind")}</th>
                  <th scope="col">{t("b2b.admin.completeness")}</th>
                  <th scope="col">{t("b2b.admin.optedIn")}</th>
                  <th scope="col">{t("b2b.admin.withdrawn")}</th>
                  <th scope="col">{t("b2b.admin.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {d.participants.map((p) => {
                  const name = pick(locale, p.nameEn, p.nameUr);
                  return (
                    <tr key={p.id}>
                      <td className="cell-title">
                        {name}
                        {p.organisation ? <span className="hint"> · {p.organisation}</span> : null}
                      </td>
                      <td className="cell-2" data-label={t("b2b.admin.kind")}>
                        {t(`b2b.kind.${p.kind}`)}
                      </td>
                      <td className="cell-1" data-label={t("b2b.admin.completeness")}>
                        <span dir="ltr">{p.completeness}%</span>
                      </td>
                      <td className="cell-1" data-label={t("b2b.admin.optedIn")}>
                        {p.optedIn ? t("b2b.yes") : t("b2b.no")}
                      </td>
                      <td className="cell-1" data-label={t("b2b.admin.withdrawn")}>
                        {p.withdrawnAt ? t("b2b.yes") : t("b2b.no")}
                      </td>
                      <td className="cell-2" data-label={t("b2b.admin.actions")}>
                        {p.withdrawnAt ? null : (
                          <button type="submit" name="send" value={p.id} aria-label={t("b2b.admin.sendLinkTo", { name })}>
                            {t("b2b.admin.sendLink")}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Form>
      )}
      <p>
        <Link to={`/back-office/editions/${d.edition.id}/b2b`}>{t("b2b.programme.title")}</Link>
      </p>
    </section>
  );
}
