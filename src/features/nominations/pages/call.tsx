import { Form, Link } from "react-router";
import type { Route } from "./+types/call";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { PreferenceRule } from "../engine/call-rules";
import { getCallForStaff, publishCall, saveCall } from "../operations/call";
import { callInputFromForm, toLocalInput } from "./call-form";
import { uuidParam } from "../../../web/params";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.call.title", "bo.title");
}


export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  return loadOr(request, () => getCallForStaff(context.ctx, { editionId: params.editionId }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const ctx = context.ctx;
  const result = await runForm(ctx.locale, form, async () => {
    if (intent === "publish") return publishCall(ctx, { editionId: params.editionId });
    if (intent === "save") return saveCall(ctx, callInputFromForm(params.editionId, form));
    throw new DomainError("bad_request");
  });
  if (!result.ok) return result.response;
  return { ok: true as const, intent };
}

export default function CallPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { edition, call, saved, clusters, sectors, tradeBodies } = loaderData;
  const rule = PreferenceRule.parse(call.rule);
  const target = new Map(call.clusterTargets.map((c) => [c.clusterId, c.places]));
  const sectorTarget = new Map(call.sectorTargets.map((s) => [s.sectorId, s.places]));
  const clustersIn = (sectorId: string) => clusters.filter((c) => c.sectorId === sectorId).length;
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const published = !!call.publishedAt;
  return (
    <section>
      <p>
        <Link to={`/back-office/editions/${edition.id}`}>{pick(locale, edition.nameEn, edition.nameUr)}</Link>
      </p>
      <h1>{t("nominations.call.title")}</h1>
      <p>
        <span className="badge">{t(published ? "nominations.call.published" : saved ? "nominations.call.draft" : "nominations.call.new")}</span>
      </p>
      {done ? <Notice>{t(done.intent === "publish" ? "nominations.call.publishedNotice" : "nominations.call.saved")}</Notice> : null}
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save" />
        <fieldset>
          <legend>{t("nominations.call.window")}</legend>
          <Field name="opensAt" type="datetime-local" label={t("nominations.call.opensAt")} failure={failure} defaultValue={toLocalInput(call.opensAt)} />
          <Field name="closesAt" type="datetime-local" label={t("nominations.call.closesAt")} failure={failure} defaultValue={toLocalInput(call.closesAt)} />
          <Field name="totalStalls" label={t("nominations.call.totalStalls")} inputMode="numeric" failure={failure} defaultValue={call.totalStalls} />
          <Field name="reviewsPerApplication" label={t("nominations.call.reviews")} inputMode="numeric" failure={failure} defaultValue={call.reviewsPerApplication} />
          <Field name="appealDays" label={t("nominations.call.appealDays")} inputMode="numeric" failure={failure} defaultValue={call.appealDays} />
        </fieldset>
        <fieldset>
          <legend>{t("nominations.call.criteria")}</legend>
          {call.criteria.map((c, i) => (
            <div key={c.id} className="card">
              <input type="hidden" name={`crit.${i}.id`} value={c.id} />
              <Field name={`crit.${i}.nameEn`} label={t("nominations.call.nameEn")} failure={failure} defaultValue={c.nameEn} />
              <Field name={`crit.${i}.nameUr`} label={t("nominations.call.nameUr")} failure={failure} defaultValue={c.nameUr} dir="rtl" />
              <Field name={`crit.${i}.weight`} label={t("nominations.call.weight")} failure={failure} defaultValue={c.weight} inputMode="numeric" />
              <Field name={`crit.${i}.guidanceEn`} label={t("nominations.call.guidanceEn")} failure={failure}>
                <textarea id={`f-crit.${i}.guidanceEn`} name={`crit.${i}.guidanceEn`} rows={5} defaultValue={c.guidanceEn.join("\n")} />
              </Field>
              <Field name={`crit.${i}.guidanceUr`} label={t("nominations.call.guidanceUr")} failure={failure}>
                <textarea id={`f-crit.${i}.guidanceUr`} name={`crit.${i}.guidanceUr`} rows={5} dir="rtl" defaultValue={c.guidanceUr.join("\n")} />
              </Field>
            </div>
          ))}
        </fieldset>
        <fieldset disabled={published}>
          <legend>{t("nominations.call.rule")}</legend>
          <p className="hint">{t(published ? "nominations.call.ruleFixed" : "nominations.call.ruleHint")}</p>
          <Field name="bonusWomenLed" label={t("nominations.call.bonusWomenLed")} failure={failure} defaultValue={rule.bonus.womenLed} inputMode="numeric" />
          <Field name="bonusMicro" label={t("nominations.call.bonusMicro")} failure={failure} defaultValue={rule.bonus.micro} inputMode="numeric" />
          <Field name="bonusWomenLedMicro" label={t("nominations.call.bonusWomenLedMicro")} failure={failure} defaultValue={rule.bonus.womenLedMicro} inputMode="numeric" />
          <Field name="shareWomenLedMicro" label={t("nominations.call.shareWomenLedMicro")} failure={failure} defaultValue={pct(rule.reservedShare.womenLedMicro)} inputMode="numeric" />
          <Field name="shareWomenLed" label={t("nominations.call.shareWomenLed")} failure={failure} defaultValue={pct(rule.reservedShare.womenLed)} inputMode="numeric" />
          <Field name="shareMicro" label={t("nominations.call.shareMicro")} failure={failure} defaultValue={pct(rule.reservedShare.micro)} inputMode="numeric" />
          <Field name="minimumScore" label={t("nominations.call.minimumScore")} failure={failure} defaultValue={rule.minimumScore} inputMode="numeric" />
          <Field name="waitlistPerCluster" label={t("nominations.call.waitlist")} failure={failure} defaultValue={rule.waitlistPerCluster ?? ""} inputMode="numeric" />
        </fieldset>
        {/* A disabled fieldset sends nothing: the published rule goes back unchanged. */}
        {published ? <PublishedRule rule={rule} /> : null}
        <fieldset>
          <legend>{t("nominations.call.quotas")}</legend>
          {tradeBodies.map((b) => (
            <Field key={b.id} name={`quota.${b.id}`} label={pick(locale, b.nameEn, b.nameUr)} failure={failure} defaultValue={b.quota} inputMode="numeric" />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("nominations.call.sectorTargets")}</legend>
          <p className="hint">{t("nominations.call.sectorTargetsHint")}</p>
          {sectors.map((s) => (
            <Field
              key={s.id}
              name={`sectorTarget.${s.id}`}
              label={pick(locale, s.nameEn, s.nameUr)}
              hint={t("nominations.call.sectorClusters", { count: clustersIn(s.id) })}
              failure={failure}
              defaultValue={sectorTarget.get(s.id) ?? ""}
              inputMode="numeric"
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("nominations.call.targets")}</legend>
          <p className="hint">{t("nominations.call.targetsHint")}</p>
          {clusters.map((c) => (
            <Field key={c.id} name={`target.${c.id}`} label={pick(locale, c.nameEn, c.nameUr)} failure={failure} defaultValue={target.get(c.id) ?? ""} inputMode="numeric" />
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t("nominations.call.save")}
        </button>
      </Form>
      {saved && !published ? (
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <p className="hint">{t("nominations.call.publishHint")}</p>
          <button type="submit">{t("nominations.call.publish")}</button>
        </Form>
      ) : null}
      <p>
        <Link to={`/back-office/editions/${edition.id}/selection`}>{t("nominations.sel.title")}</Link>
      </p>
    </section>
  );
}

function PublishedRule({ rule }: { rule: PreferenceRule }) {
  return (
    <>
      <input type="hidden" name="bonusWomenLed" value={rule.bonus.womenLed} />
      <input type="hidden" name="bonusMicro" value={rule.bonus.micro} />
      <input type="hidden" name="bonusWomenLedMicro" value={rule.bonus.womenLedMicro} />
      <input type="hidden" name="shareWomenLedMicro" value={pct(rule.reservedShare.womenLedMicro)} />
      <input type="hidden" name="shareWomenLed" value={pct(rule.reservedShare.womenLed)} />
      <input type="hidden" name="shareMicro" value={pct(rule.reservedShare.micro)} />
      <input type="hidden" name="minimumScore" value={rule.minimumScore} />
      <input type="hidden" name="waitlistPerCluster" value={rule.waitlistPerCluster ?? ""} />
    </>
  );
}

// 0.3 × 100 is 30.000000000000004 in floating point: show whole hundredths.
const pct = (share: number) => Math.round(share * 10_000) / 100;
