import { Form, Link } from "react-router";
import type { Route } from "./+types/nominations";
import { isDomainError, DomainError } from "../../../platform/errors";
import { formatDateTime } from "../../../platform/i18n/format";
import { hasMessage, translate } from "../../../platform/i18n/translate";
import { loadOr, runForm, toFailure } from "../../../web/actions";
import { limitedForm } from "./body-limit";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { findCurrentEdition, loadEditionDetails } from "#features/editions";
import { callsForTradeBody, editionBySlug } from "../operations/call";
import { acceptRows, checkUpload, listNominations, nominateOne, reissueLink, tradeBodyOf } from "../operations/nominate";
import { RawRow } from "../engine/rows";
import { z } from "zod";
import { LinkPanel, NomineeList, type IssuedLink } from "./nominee-list";
import { UploadReport, type ReportData } from "./upload-report";

// The issued link's copy button and focus: the page needs its JavaScript.
export const handle = { hydrate: true };

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.title");
}

// Without ?edition: the edition whose call is open for the representative's
// trade body, else the current edition.
async function editionFor(ctx: Route.LoaderArgs["context"]["ctx"], url: URL) {
  const slug = url.searchParams.get("edition");
  const body = tradeBodyOf(ctx);
  const open = !slug && body ? (await callsForTradeBody(ctx.db, body, ctx.clock.now())).find((c) => c.open) : undefined;
  const edition = slug ? await editionBySlug(ctx.db, slug) : open ? await editionBySlug(ctx.db, open.slug) : await findCurrentEdition(ctx.db);
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  return edition;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return loadOr(request, async () => {
    const ctx = context.ctx;
    if (ctx.actor.kind === "user" && !tradeBodyOf(ctx)) return { rep: false as const };
    const edition = await editionFor(ctx, url);
    const list = await listNominations(ctx, { editionId: edition.id });
    const clusters = await loadEditionDetails(ctx.db, edition.id);
    const calls = (await callsForTradeBody(ctx.db, list.tradeBodyId, ctx.clock.now())).map((c) => ({ slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr, open: c.open, closesAt: c.closesAt }));
    return { rep: true as const, ...list, slug: edition.slug, calls, clusters: clusters?.clusters.map((c) => ({ slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr })) ?? [] };
  });
}

/** This page's fuller text of a refusal (the quota's figures), where it has one. */
const problemMessage = (locale: "en" | "ur", e: DomainError) =>
  hasMessage(`nominations.error.${e.code}`) ? translate(locale, `nominations.error.${e.code}`, e.params) : undefined;

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = context.ctx;
  const url = new URL(request.url);
  const form = await limitedForm(request, 8 * 1024 * 1024);
  const intent = String(form.get("intent") ?? "");
  const edition = await editionFor(ctx, url);
  const fail = (e: unknown) => {
    if (!isDomainError(e)) throw e;
    // The shared mapping (web/actions.ts: translated with the refusal's parameters, a generic text
    // for an unknown code); this page only adds its fuller texts (the quota's figures).
    return { ok: false as const, intent, message: problemMessage(ctx.locale, e) ?? toFailure(ctx.locale, e, {}).message, report: null };
  };
  if (intent === "check") {
    const file = form.get("file");
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    try {
      const r = await checkUpload(ctx, { editionId: edition.id, file: bytes });
      const validRows = r.rows.filter((row) => r.valid.some((v) => v.row === row.row));
      const report: ReportData = { problems: r.problems, validRows, rows: r.rows, alreadyNominated: r.alreadyNominated, quota: r.quota };
      return { ok: true as const, intent, report };
    } catch (e) {
      return fail(e);
    }
  }
  if (intent === "accept") {
    try {
      const rows = z.array(RawRow).parse(JSON.parse(String(form.get("rows") ?? "[]")));
      const { created } = await acceptRows(ctx, { editionId: edition.id, rows });
      return { ok: true as const, intent, created: created.length };
    } catch (e) {
      if (e instanceof SyntaxError || e instanceof z.ZodError) return fail(new DomainError("bad_request"));
      return fail(e);
    }
  }
  if (intent === "link") {
    try {
      const { link } = await reissueLink(ctx, { nominationId: String(form.get("nominationId") ?? "") });
      return { ok: true as const, intent, link, name: String(form.get("name") ?? ""), nominationId: String(form.get("nominationId") ?? "") };
    } catch (e) {
      return fail(e);
    }
  }
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const result = await runForm(ctx.locale, form, () => nominateOne(ctx, { ...fields, editionId: edition.id }));
  if (!result.ok) return result.response;
  return { ok: true as const, intent: "one", link: result.value.link, name: result.value.enterpriseName, nominationId: result.value.id };
}

export default function Nominations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  if (!loaderData.rep) {
    return (
      <section className="page narrow">
        <h1>{t("nominations.title")}</h1>
        <p>{t("nominations.noTradeBody")}</p>
      </section>
    );
  }
  const d = loaderData;
  const done = actionData && "ok" in actionData && actionData.ok ? (actionData as Record<string, unknown>) : undefined;
  const refused = actionData && "ok" in actionData && !actionData.ok && "intent" in actionData && "message" in actionData ? (actionData as { message?: string }) : undefined;
  const action = `/nominations?edition=${encodeURIComponent(d.slug)}`;
  const used = d.quota - d.remaining;
  const issued: IssuedLink | undefined =
    done && (done.intent === "link" || done.intent === "one") ? { nominationId: String(done.nominationId), name: String(done.name), link: String(done.link), first: done.intent === "one" } : undefined;
  return (
    <section className="page">
      <h1>{t("nominations.title")}</h1>
      <p>
        <a href="/nominations/figures">{t("nominations.figuresLink")}</a>
      </p>
      <p>
        {d.call ? t("nominations.intro", { edition: pick(locale, d.edition.nameEn, d.edition.nameUr), closes: formatDateTime(d.call.closesAt, locale, d.edition.timezone) }) : null}
      </p>
      {d.calls.length > 1 ? (
        <nav aria-label={t("nominations.calls.title")}>
          <ul className="chips">
            {d.calls.map((c) => (
              <li key={c.slug}>
                {c.slug === d.slug ? (
                  <strong aria-current="page">{pick(locale, c.nameEn, c.nameUr)}</strong>
                ) : (
                  <Link to={`/nominations?edition=${encodeURIComponent(c.slug)}`}>{pick(locale, c.nameEn, c.nameUr)}</Link>
                )}{" "}
                <span className="badge">{c.open ? t("nominations.calls.open", { closes: formatDateTime(c.closesAt, locale, d.edition.timezone) }) : t("nominations.calls.closed")}</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        <strong>{t("nominations.quota", { used, quota: d.quota, remaining: d.remaining })}</strong>
      </p>
      {refused?.message ? (
        <div className="alert alert-error" role="alert">
          <p>{refused.message}</p>
        </div>
      ) : null}
      {done?.intent === "accept" ? <Notice>{t("nominations.accepted", { count: Number(done.created) })}</Notice> : null}
      {done?.intent === "one" ? <Notice>{t("nominations.one.done", { name: String(done.name) })}</Notice> : null}
      {issued?.first ? <LinkPanel issued={issued} /> : null}

      {d.callOpen ? (
        <>
          <section className="card" aria-labelledby="upload-title">
            <h2 id="upload-title">{t("nominations.upload.title")}</h2>
            <p>
              <a href={`/nominations/template.xlsx?edition=${encodeURIComponent(d.slug)}`} download>
                {t("nominations.upload.template")}
              </a>
            </p>
            <Form method="post" action={action} encType="multipart/form-data">
              <input type="hidden" name="intent" value="check" />
              <Field name="file" type="file" label={t("nominations.upload.file")} hint={t("nominations.upload.hint")} required />
              <button type="submit" className="primary">
                {t("nominations.upload.check")}
              </button>
            </Form>
          </section>
          {done?.intent === "check" && done.report ? <UploadReport report={done.report as ReportData} editionSlug={d.slug} /> : null}
          <details className="card">
            <summary>{t("nominations.one.title")}</summary>
            <FormError failure={failure} />
            <Form method="post" action={action} noValidate>
              <input type="hidden" name="intent" value="one" />
              <Field name="enterpriseName" label={t("nominations.col.enterpriseName")} failure={failure} required />
              <Field name="ntn" label={t("nominations.col.ntn")} failure={failure} hint={"\u20661234567-8\u2069"} dir="ltr" required />
              <SelectField name="cluster" label={t("nominations.col.cluster")} failure={failure} options={d.clusters.map((c) => ({ value: c.slug, label: pick(locale, c.nameEn, c.nameUr) }))} />
              <SelectField name="sizeClass" label={t("nominations.col.sizeClass")} failure={failure} options={["micro", "small", "medium"].map((s) => ({ value: s, label: t(`nominations.size.${s}`) }))} />
              <Field name="annualTurnoverPkr" label={t("nominations.col.annualTurnoverPkr")} failure={failure} inputMode="numeric" dir="ltr" required />
              <Field name="employees" label={t("nominations.col.employees")} failure={failure} inputMode="numeric" dir="ltr" required />
              <SelectField name="womenLed" label={t("nominations.col.womenLed")} failure={failure} options={[{ value: "no", label: t("nominations.no") }, { value: "yes", label: t("nominations.yes") }]} />
              <Field name="contactName" label={t("nominations.col.contactName")} failure={failure} required />
              <Field name="email" type="email" label={t("nominations.col.email")} failure={failure} dir="ltr" />
              <Field name="phone" label={t("nominations.col.phone")} failure={failure} inputMode="numeric" dir="ltr" hint={"\u20660300-1234567\u2069"} />
              <Field name="district" label={t("nominations.col.district")} failure={failure} />
              <button type="submit" className="primary">
                {t("nominations.one.submit")}
              </button>
            </Form>
          </details>
        </>
      ) : (
        <p>{t("nominations.closed")}</p>
      )}

      <h2>{t("nominations.list.title")}</h2>
      {d.nominations.length === 0 ? (
        <p>{t("nominations.list.empty")}</p>
      ) : (
        <NomineeList nominations={d.nominations} action={action} issued={issued && !issued.first ? issued : undefined} />
      )}
      {d.edition.status === "published" ? (
        <p>
          <Link to={`/editions/${d.slug}`}>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</Link>
        </p>
      ) : null}
    </section>
  );
}

