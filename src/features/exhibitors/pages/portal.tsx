import { Form } from "react-router";
import type { Route } from "./+types/portal";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { formatDateTime } from "../../../platform/i18n/format";
import { isDomainError } from "../../../platform/errors";
import { publicStall } from "#features/floor";
import { HallMap } from "#features/floor/client";
import { limitedForm } from "#features/nominations/client";
import { addProduct, ownPortal, removeFile, removeProduct, saveProfile, uploadFile } from "../operations/profile";
import { MAX_FILE_BYTES, powerNeeds } from "../tables";
import { cataloguePath, filePath, Ltr, stallPath } from "./parts";
import { StallNeedsFields } from "./stall-needs";
import "../../floor/pages/floor-map.css";
import { asOneOf, optionalOneOf } from "../../../web/form-fields";

// The exhibitor's portal (issue #12, item 5): its public profile for an edition in English and
// Urdu, products, logo and photos, the checklist with the organiser's deadlines, its stall on the
// plan with its neighbours, the staff badges link and the organiser's messages. Plain forms, no
// JavaScript; the enterprise is always the account's own (operations/profile.ts).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "exhibitors.portal.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const edition = new URL(request.url).searchParams.get("edition");
  const portal = await loadOr(request, () => ownPortal(context.ctx, edition));
  let plan = null;
  if (portal.stall?.confirmed) {
    try {
      const s = await publicStall(context.ctx, { editionId: portal.edition.id, hall: portal.stall.hall, number: portal.stall.number });
      plan = { hall: s.hall!, areas: s.areas, stalls: s.stalls, stallId: s.stall.id, neighbours: s.neighbours.map((n) => ({ id: n.id, number: n.number, exhibitor: n.exhibitor ? { nameEn: n.exhibitor.nameEn, nameUr: n.exhibitor.nameUr } : null })) };
    } catch (e) {
      if (!isDomainError(e)) throw e;
    }
  }
  return { ...portal, plan };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await limitedForm(request, MAX_FILE_BYTES + 64 * 1024);
  const intent = String(form.get("intent") ?? "");
  const editionId = String(form.get("editionId") ?? "") || null;
  const text = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : undefined);
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "profile")
      return saveProfile(context.ctx, {
        editionId,
        descriptionEn: text("descriptionEn"),
        descriptionUr: text("descriptionUr"),
        certifications: text("certifications"),
        email: text("email"),
        phone: text("phone"),
        website: text("website"),
        fasciaEn: text("fasciaEn"),
        fasciaUr: text("fasciaUr"),
        powerNeed: optionalOneOf(form, "powerNeed", powerNeeds),
        stepFree: optionalOneOf(form, "stepFree", ["on"]) ?? "",
        wantsCorner: optionalOneOf(form, "wantsCorner", ["on"]) ?? "",
        stallAreaM2: text("stallAreaM2"),
        womenEnclave: optionalOneOf(form, "womenEnclave", ["yes", "no"]),
        samples: text("samples"),
        published: optionalOneOf(form, "published", ["on", "true"]) ?? "",
      });
    if (intent === "product")
      return addProduct(context.ctx, { editionId, nameEn: text("nameEn") ?? "", nameUr: text("nameUr") ?? "", hsCode: text("hsCode") ?? "", descriptionEn: text("descriptionEn"), descriptionUr: text("descriptionUr") });
    if (intent === "product-remove") return removeProduct(context.ctx, { editionId, productId: text("productId") ?? "" });
    if (intent === "file-remove") return removeFile(context.ctx, { editionId, fileId: text("fileId") ?? "" });
    if (intent === "file") {
      const file = form.get("file");
      const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      return uploadFile(context.ctx, { editionId, kind: asOneOf(text("kind") ?? "", ["logo", "photo"]), bytes });
    }
    return null;
  });
  if (!result.ok) return result.response;
  return { ok: true as const, intent };
}

export default function Portal({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const failed = (intent: string) => (failure && failure.values.intent === intent ? failure : undefined);
  const p = d.profile;
  const name = pick(locale, d.enterprise.nameEn, d.enterprise.nameUr);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="editionId" value={d.edition.id} />
    </>
  );
  return (
    <section className="page narrow">
      <h1>{t("exhibitors.portal.title")}</h1>
      <p>
        <strong>{name}</strong> · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      {d.editions.length > 1 ? (
        <Form method="get" className="inline-form">
          <SelectField name="edition" label={t("exhibitors.portal.edition")} options={d.editions.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))} defaultValue={d.edition.id} />
          <button type="submit">{t("exhibitors.portal.choose")}</button>
        </Form>
      ) : null}
      {actionData && "intent" in actionData ? <Notice>{t("exhibitors.portal.saved")}</Notice> : null}
      <p>
        <a href="/account/exhibitor/baseline">{t("baseline.answerLink")}</a> · <a href="/account/exhibitor/awards">{t("awards.apply.title")}</a>
        {" · "}<a href={`/account/exhibitor/leads?edition=${d.edition.id}`}>{t("leads.page.title")}</a>
        {" · "}<a href="/account/exhibitor/record">{t("baseline.record.ownLink")}</a>
      </p>
      <FormError failure={failure} />

      <h2>{t("exhibitors.portal.checklist")}</h2>
      <ul data-testid="checklist">
        {d.checklist.map((c) => (
          <li key={c.item} data-item={c.item} data-state={c.done ? "done" : c.late ? "late" : "todo"}>
            {t(`exhibitors.item.${c.item}`)}: <strong>{t(c.done ? "exhibitors.status.done" : c.late ? "exhibitors.status.late" : "exhibitors.status.todo")}</strong>
            {c.dueAt ? ` (${t("exhibitors.due", { date: formatDateTime(c.dueAt, locale, d.edition.timezone) })})` : ""}
          </li>
        ))}
      </ul>

      {d.stall ? (
        d.stall.confirmed ? (
          <>
            <p data-testid="own-stall">
              {t("exhibitors.portal.stall", { number: d.stall.number, hall: pick(locale, d.stall.hallEn, d.stall.hallUr) })} ·{" "}
              <a href={stallPath(d.edition.slug, d.stall)}>{t("exhibitors.portal.onPlan")}</a>
            </p>
            {d.plan ? (
              <>
                <HallMap hall={d.plan.hall} areas={d.plan.areas} stalls={d.plan.stalls} locale={locale} t={t} selected={d.plan.stallId} href={(s) => stallPath(d.edition.slug, { hall: d.plan!.hall.code, number: s.number })} />
                <h3>{t("exhibitors.portal.neighbours")}</h3>
                <ul>
                  {d.plan.neighbours.map((n) => (
                    <li key={n.id}>
                      <Ltr>{n.number}</Ltr> — {n.exhibitor ? pick(locale, n.exhibitor.nameEn, n.exhibitor.nameUr) : t("exhibitors.portal.freeStall")}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p>{t("exhibitors.portal.stallDraft", { number: d.stall.number })}</p>
        )
      ) : (
        <p>{t("exhibitors.portal.noStall")}</p>
      )}
      <p>
        <a href={`/account/staff-badges?edition=${d.edition.id}`}>{t("exhibitors.portal.badges")}</a>
        {p.published ? (
          <>
            {" · "}
            <a href={cataloguePath(d.edition.slug, d.enterprise.slug)}>{t("exhibitors.portal.publicPage")}</a>
          </>
        ) : null}
      </p>

      <h2>{t("exhibitors.portal.messages")}</h2>
      {d.messages.length ? (
        <ul data-testid="messages">
          {d.messages.map((m) => (
            <li key={m.id}>
              <span className="muted">{formatDateTime(m.createdAt, locale, d.edition.timezone)}</span>
              <br />
              {pick(locale, m.bodyEn, m.bodyUr)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("exhibitors.portal.noMessages")}</p>
      )}

      <h2>{t("exhibitors.portal.profile")}</h2>
      {!d.saved ? <p className="muted">{t("exhibitors.portal.notSaved")}</p> : null}
      <Form method="post" noValidate>
        {hidden("profile")}
        <Field name="fasciaEn" label={t("exhibitors.field.fasciaEn")} hint={t("exhibitors.field.fasciaHint")} failure={failed("profile")} defaultValue={p.fasciaEn} dir="ltr" />
        <Field name="fasciaUr" label={t("exhibitors.field.fasciaUr")} failure={failed("profile")} defaultValue={p.fasciaUr} dir="rtl" />
        <Field name="descriptionEn" label={t("exhibitors.field.descriptionEn")} failure={failed("profile")}>
          <textarea id="f-descriptionEn" name="descriptionEn" rows={4} dir="ltr" defaultValue={failed("profile")?.values.descriptionEn ?? p.descriptionEn} />
        </Field>
        <Field name="descriptionUr" label={t("exhibitors.field.descriptionUr")} failure={failed("profile")}>
          <textarea id="f-descriptionUr" name="descriptionUr" rows={4} dir="rtl" defaultValue={failed("profile")?.values.descriptionUr ?? p.descriptionUr} />
        </Field>
        <Field name="certifications" label={t("exhibitors.field.certifications")} hint={t("exhibitors.field.certificationsHint")} failure={failed("profile")} defaultValue={p.certifications.join(", ")} dir="ltr" />
        <Field name="email" type="email" label={t("exhibitors.field.email")} failure={failed("profile")} defaultValue={p.email} dir="ltr" autoComplete="email" />
        <Field name="phone" type="tel" label={t("exhibitors.field.phone")} failure={failed("profile")} defaultValue={p.phone} dir="ltr" autoComplete="tel" />
        <Field name="website" type="url" label={t("exhibitors.field.website")} failure={failed("profile")} defaultValue={p.website} dir="ltr" />
        <StallNeedsFields values={p} sizes={d.stallChoices.sizes} womenEnclave={d.stallChoices.womenEnclave} failure={failed("profile")} />
        <Field name="samples" label={t("exhibitors.field.samples")} hint={t("exhibitors.field.samplesHint")} failure={failed("profile")} defaultValue={p.samples} />
        <div className="field">
          <label>
            <input type="checkbox" name="published" value="on" defaultChecked={p.published} /> {t("exhibitors.field.published")}
          </label>
        </div>
        <button type="submit" className="primary">
          {t("exhibitors.save")}
        </button>
      </Form>

      <h2>{t("exhibitors.products")}</h2>
      {d.products.length ? (
        <ul data-testid="products">
          {d.products.map((x) => (
            <li key={x.id}>
              {pick(locale, x.nameEn, x.nameUr)} — <Ltr>{t("exhibitors.catalogue.hs", { code: x.hsCode })}</Ltr>
              <Form method="post" className="inline-form">
                {hidden("product-remove")}
                <input type="hidden" name="productId" value={x.id} />
                <button type="submit">{t("exhibitors.product.remove", { name: pick(locale, x.nameEn, x.nameUr) })}</button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("exhibitors.products.none")}</p>
      )}
      <Form method="post" noValidate>
        {hidden("product")}
        <Field form="p" name="nameEn" label={t("exhibitors.product.nameEn")} failure={failed("product")} dir="ltr" />
        <Field form="p" name="nameUr" label={t("exhibitors.product.nameUr")} failure={failed("product")} dir="rtl" />
        <Field form="p" name="hsCode" label={t("exhibitors.product.hsCode")} hint={t("exhibitors.product.hsHint")} failure={failed("product")} dir="ltr" inputMode="numeric" />
        <Field form="p" name="descriptionEn" label={t("exhibitors.product.descriptionEn")} failure={failed("product")} dir="ltr" />
        <Field form="p" name="descriptionUr" label={t("exhibitors.product.descriptionUr")} failure={failed("product")} dir="rtl" />
        <button type="submit">{t("exhibitors.product.add")}</button>
      </Form>

      <h2>{t("exhibitors.files")}</h2>
      {d.files.length ? (
        <ul>
          {d.files.map((f, i) => (
            <li key={f.id}>
              <img src={filePath(d.edition.slug, d.enterprise.slug, f.id)} alt={f.kind === "logo" ? t("exhibitors.file.logoAlt", { name }) : t("exhibitors.file.photoAlt", { n: i + 1, name })} width={96} height={72} style={{ objectFit: "contain" }} />
              <Form method="post" className="inline-form">
                {hidden("file-remove")}
                <input type="hidden" name="fileId" value={f.id} />
                <button type="submit">{t("exhibitors.file.remove")}</button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        {hidden("file")}
        <SelectField form="u" name="kind" label={t("exhibitors.file.kind")} options={[{ value: "photo", label: t("exhibitors.file.photo") }, { value: "logo", label: t("exhibitors.file.logo") }]} />
        <Field form="u" name="file" type="file" label={t("exhibitors.file.file")} hint={t("exhibitors.file.hint")} failure={failed("file")} />
        <button type="submit">{t("exhibitors.file.upload")}</button>
      </Form>
    </section>
  );
}
