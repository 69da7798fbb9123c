import { Link, redirect } from "react-router";
import type { Route } from "./+types/edition";
import { DomainError } from "../../../platform/errors";
import { formatDateRange } from "../../../platform/i18n/format";
import { loadOr, runForm } from "../../../web/actions";
import { Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { badgeDateCheck, reissueEditionBadges } from "#features/checkin";
import { BadgeDatesWarning } from "#features/checkin/client";
import { copiedFromName } from "../operations/edition-page";
import { createCluster, deleteCluster, provinces, updateCluster } from "#features/editions";
import { copyEdition } from "#features/editions";
import { getEditionForStaff } from "#features/editions";
import { addTradeBody, createSector } from "#features/editions";
import { updateEdition } from "#features/editions";
import { ClustersSection } from "../components/clusters-section";
import { CopyForm, SettingsForm } from "../components/edition-forms";
import { SectorsSection, TradeBodiesSection } from "../components/sectors-trade-bodies";
import { uuidParam } from "../../../web/params";
import { oneOf, text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "bo.edition.settings", "bo.title");
}


export async function loader({ context, request, params }: Route.LoaderArgs) {
  // A malformed id is simply a page that does not exist (and must not reach the database as a uuid).
  uuidParam(params.editionId);
  const url = new URL(request.url);
  return loadOr(request, async () => {
    const details = await getEditionForStaff(context.ctx, params.editionId);
    const editId = url.searchParams.get("edit");
    const editing = editId ? (details.clusters.find((c) => c.id === editId) ?? null) : null;
    const copiedFrom = url.searchParams.get("copied") ? await copiedFromName(context.ctx, details.edition) : null;
    // Issued badges sign the dates: the settings warn before and after a change (checkin).
    const badgeDates = await badgeDateCheck(context.ctx, { editionId: params.editionId });
    return { details, editing, copiedFrom, badgeDates, savedCluster: url.searchParams.get("saved") === "cluster" };
  });
}

/** Notices the action can report, by intent. */
const notices = {
  settings: "bo.edition.saved",
  "sector-add": "bo.sectors.added",
  "cluster-add": "bo.clusters.added",
  "cluster-update": "bo.clusters.saved",
  "cluster-delete": "bo.clusters.deleted",
  "tradebody-add": "bo.tradeBodies.added",
} as const;

// One action for the page's forms; each form says what it does in a hidden `intent` field.
export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const ctx = context.ctx;
  const editionId = params.editionId;
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  const intent = fields.intent ?? "";
  // Each operation gets the fields of its own form, typed (a field left out stays left out where it is optional).
  const t = (k: string) => text(form, k);
  const names = { nameEn: t("nameEn"), nameUr: t("nameUr") };
  const cluster = () => ({ slug: t("slug"), sectorId: fields.sectorId, ...names, district: t("district"), province: oneOf(form, "province", provinces), hsCodes: fields.hsCodes });
  const operations: Record<string, () => Promise<{ id?: string } | void>> = {
    settings: () => updateEdition(ctx, { editionId, ...names, taglineEn: fields.taglineEn, taglineUr: fields.taglineUr, startsOn: t("startsOn"), endsOn: t("endsOn"), timezone: t("timezone"), status: oneOf(form, "status", ["draft", "published", "archived"]) }),
    copy: () => copyEdition(ctx, { editionId, slug: t("slug"), year: fields.year, startsOn: t("startsOn") }),
    "sector-add": () => createSector(ctx, { editionId, code: t("code"), ...names }),
    "cluster-add": () => createCluster(ctx, { editionId, ...cluster() }),
    "cluster-update": () => updateCluster(ctx, { clusterId: t("clusterId"), ...cluster() }),
    "cluster-delete": () => deleteCluster(ctx, { clusterId: t("clusterId") }),
    "tradebody-add": () => addTradeBody(ctx, { editionId, slug: t("slug"), kind: oneOf(form, "kind", ["chamber", "women_chamber", "association"]), ...names, city: fields.city, province: fields.province, nominationQuota: fields.nominationQuota }),
  };
  if (intent === "reissue-badges") {
    const reissue = await runForm(ctx.locale, form, () => reissueEditionBadges(ctx, { editionId }));
    if (!reissue.ok) return reissue.response;
    // The check as it stands after the reissue goes with the answer: the page renders the action's
    // data before its loader has run again, and "reissued" beside the old warning contradicts itself.
    const badgeDates = await badgeDateCheck(ctx, { editionId });
    return { ok: true as const, intent, notice: null, id: null, reissued: reissue.value.reissued, badgeDates };
  }
  const run = operations[intent] ?? (() => Promise.reject(new DomainError("bad_request")));
  const result = await runForm(ctx.locale, form, run);
  if (!result.ok) return result.response;
  if (intent === "copy" && result.value?.id) return redirect(`/back-office/editions/${result.value.id}?copied=1`);
  // After saving a cluster the edit form closes: back to the page without ?edit.
  if (intent === "cluster-update") return redirect(`/back-office/editions/${editionId}?saved=cluster`);
  return { ok: true as const, intent, notice: notices[intent as keyof typeof notices], id: result.value?.id ?? null };
}

export default function EditionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { details, editing, copiedFrom, savedCluster, badgeDates } = loaderData;
  const { edition } = details;
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const notice = (intent: string) => (done?.intent === intent && done.notice ? <Notice>{t(done.notice)}</Notice> : null);
  return (
    <section>
      <p>
        <Link to="/back-office">{t("bo.nav.dashboard")}</Link>
      </p>
      <h1>{pick(locale, edition.nameEn, edition.nameUr)}</h1>
      <p className="muted">
        {formatDateRange(edition.startsOn, edition.endsOn, locale)} · <span className="badge">{t(`bo.edition.status.${edition.status}`)}</span>
      </p>
      {copiedFrom ? <Notice>{t("bo.editions.copied", { year: edition.year, from: pick(locale, copiedFrom.nameEn, copiedFrom.nameUr) })}</Notice> : null}
      {/* ?saved=cluster comes from the redirect after an edit; a later post on this URL has its own notice. */}
      {savedCluster && !actionData ? <Notice>{t("bo.clusters.saved")}</Notice> : null}

      <SettingsForm
        edition={edition}
        failure={failure}
        notice={
          <>
            {notice("settings")}
            <BadgeDatesWarning
              check={done && "badgeDates" in done && done.badgeDates !== undefined ? done.badgeDates : badgeDates}
              reissued={done && "reissued" in done ? (done.reissued ?? null) : null}
            />
          </>
        }
      />
      <CopyForm edition={edition} failure={failure} />
      <SectorsSection sectors={details.sectors} failure={failure} notice={notice("sector-add")} formKey={done?.intent === "sector-add" ? done.id : null} />
      <ClustersSection
        editionId={edition.id}
        sectors={details.sectors}
        clusters={details.clusters}
        editing={editing}
        failure={failure}
        notice={notice("cluster-add") ?? notice("cluster-delete")}
        formKey={done?.intent === "cluster-add" ? done.id : null}
      />
      <TradeBodiesSection tradeBodies={details.tradeBodies} failure={failure} notice={notice("tradebody-add")} formKey={done?.intent === "tradebody-add" ? done.id : null} />
    </section>
  );
}
