import { Form } from "react-router";
import type { Route } from "./+types/leads";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { formatDateTime } from "../../../platform/i18n/format";
import { ownLeads, updateLead } from "../operations/own-leads";
import { scanLead, stallScanKeys } from "../operations/scan";
import type { LeadView } from "../operations/view";
import type { MessageKey } from "../../../platform/i18n/catalogue";
import { ScanForm } from "#features/checkin/client";
import { verificationReason } from "#features/checkin/client";

// The exhibitor's leads (issue #14, item 7): record a visitor by the badge code (typed, or typed
// by a keyboard-wedge scanner that ends with Enter), see the list with the details the visitors
// share, keep a note, a rating and tags per lead, and download the list. Plain forms, no
// JavaScript; the enterprise is always the account's own (operations/exhibitor.ts). With JavaScript
// the code field is the shared scanner (checkin/client/scan-form.tsx): camera where the browser has
// BarcodeDetector, every scan queued on the phone with a nonce and uploaded at once through the
// API (POST /api/v1/leads/scans), decided again and kept once; offline, the badge's signature is
// checked on the phone and the queue is sent when the network is back.

// The scanner needs its JavaScript (camera, offline queue); the forms work without it.
export const handle = { hydrate: true };

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "leads.page.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const edition = new URL(request.url).searchParams.get("edition");
  const d = await loadOr(request, () => ownLeads(context.ctx, { editionId: edition }));
  // The edition's public keys: the stall phone checks a badge's signature when offline.
  return { ...d, timezone: d.edition.timezone, offline: await stallScanKeys(context.ctx, { editionId: d.edition.id }) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const text = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : undefined);
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "scan") return { scan: await scanLead(context.ctx, { editionId: text("editionId") || null, code: text("code") ?? "" }) };
    if (intent === "lead") return { lead: await updateLead(context.ctx, { leadId: text("leadId") ?? "", note: text("note"), rating: text("rating"), tags: text("tags") }) };
    return {};
  });
  if (!result.ok) return result.response;
  return { intent, ...result.value };
}

function LeadCard({ l, timezone, failure }: { l: LeadView; timezone: string; failure: ReturnType<typeof useFailure> }) {
  const t = useT();
  const locale = useLocale();
  const state = l.withdrawn ? t("leads.page.withdrawn") : l.touch !== "none" ? t(`leads.page.touch.${l.touch}`) : null;
  const f = failure && failure.values.intent === "lead" && failure.values.leadId === l.id ? failure : undefined;
  const prefix = `lead-${l.id.slice(0, 8)}`;
  return (
    <article className="card" data-testid={`lead-${l.id}`} data-shared={l.shared ? "yes" : "no"}>
      <h3>{l.contact ? l.contact.name : t("leads.page.hidden")}</h3>
      {l.contact ? (
        <p>
          {l.contact.organisation ? <>{l.contact.organisation} · </> : null}
          <span dir="ltr">{l.contact.email}</span>
        </p>
      ) : null}
      <p>
        {t("leads.page.firstScanned", { at: formatDateTime(l.firstScannedAt, locale, timezone), count: l.scanCount })}
        {state ? ` · ${state}` : ""}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="lead" />
        <input type="hidden" name="leadId" value={l.id} />
        <Field form={prefix} name="note" label={t("leads.page.note")} failure={f} defaultValue={l.note} />
        <SelectField
          form={prefix}
          name="rating"
          label={t("leads.page.rating")}
          failure={f}
          defaultValue={l.rating ?? ""}
          options={[{ value: "", label: t("leads.page.ratingNone") }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: "★".repeat(n) + ` ${n}` }))]}
        />
        <Field form={prefix} name="tags" label={t("leads.page.tags")} failure={f} defaultValue={l.tags.join(", ")} />
        <button type="submit">{t("leads.page.save")}</button>
      </Form>
    </article>
  );
}

export default function LeadsPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = actionData && "intent" in actionData ? actionData : undefined;
  const scan = done && "scan" in done ? done.scan : undefined;
  const q = `edition=${d.edition.id}`;
  return (
    <section className="page">
      <h1>{t("leads.page.title")}</h1>
      <p>
        {d.enterpriseName ? pick(locale, d.enterpriseName.en, d.enterpriseName.ur) : null} · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      <p>{t("leads.page.intro")}</p>
      {d.choices.length > 1 ? (
        <Form method="get" className="inline-form">
          <SelectField name="edition" label={t("leads.page.edition")} options={d.choices.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))} defaultValue={d.edition.id} />
          <button type="submit">{t("leads.page.show")}</button>
        </Form>
      ) : null}
      {scan ? (
        <Notice>
          <span data-testid="scan-result" data-result={scan.result} data-shared={scan.lead?.shared ? "yes" : "no"}>
            {scan.message}
            {scan.lead?.contact ? ` — ${scan.lead.contact.name}${scan.lead.contact.organisation ? `, ${scan.lead.contact.organisation}` : ""}` : ""}
          </span>
        </Notice>
      ) : done?.intent === "lead" ? (
        <Notice>{t("leads.page.saved")}</Notice>
      ) : null}
      <FormError failure={failure} />
      <ScanForm
        testId="lead"
        url="/api/v1/leads/scans"
        body={{ editionId: d.edition.id }}
        offline={d.offline}
        // A typed short code (a few characters) carries no signature: only the server can tell.
        decide={(v, code) => (v.ok ? { result: "ok", reason: "ok" } : code.length <= 20 ? null : { result: "refuse", reason: verificationReason(v) })}
        reasonText={(reason) => t(`leads.reason.${reason}` as MessageKey)}
      >
        <input type="hidden" name="intent" value="scan" />
        <input type="hidden" name="editionId" value={d.edition.id} />
        <Field form="scan" name="code" label={t("leads.page.code")} hint={t("leads.page.codeHint")} failure={failureOf(failure, "scan")} autoComplete="off" dir="ltr" required />
        <button type="submit">{t("leads.page.scan")}</button>
      </ScanForm>
      <h2>{t("leads.page.title")}</h2>
      <p data-testid="lead-counts">{t("leads.page.counts", d.counts)}</p>
      <p>
        {t("leads.page.export")}: <a href={`/account/exhibitor/leads/export?${q}&format=csv`}>{t("leads.page.exportCsv")}</a>
        {" · "}
        <a href={`/account/exhibitor/leads/export?${q}&format=xlsx`}>{t("leads.page.exportXlsx")}</a>
      </p>
      {d.leads.length === 0 ? <p>{t("leads.page.empty")}</p> : null}
      {d.leads.map((l) => (
        <LeadCard key={l.id} l={l} timezone={d.timezone} failure={failure} />
      ))}
      <p>
        <a href={`/account/exhibitor?${q}`}>{t("leads.page.back")}</a>
      </p>
    </section>
  );
}
