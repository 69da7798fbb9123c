import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import type { FormFailure } from "../../../web/actions";
import { Field, FormError, SelectField, failureOf } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { Translate } from "../../../platform/i18n/translate";
import { provinces } from "#features/editions/client";

interface Sector {
  id: string;
  nameEn: string;
  nameUr: string;
}
interface Cluster {
  id: string;
  slug: string;
  sectorId: string | null;
  nameEn: string;
  nameUr: string;
  district: string;
  province: string;
  hsCodes: string[];
}

/** The cluster fields, shared by the add form and the edit form (different id prefixes). */
function ClusterFields({ prefix, t, sectors, failure, value }: { prefix: string; t: Translate; sectors: Sector[]; failure?: FormFailure; value?: Cluster }) {
  const locale = useLocale();
  return (
    <>
      <Field form={prefix} name="slug" label={t("field.slug")} failure={failure} defaultValue={value?.slug} required dir="ltr" />
      <Field form={prefix} name="nameEn" label={t("field.nameEn")} failure={failure} defaultValue={value?.nameEn} required dir="ltr" />
      <Field form={prefix} name="nameUr" label={t("field.nameUr")} failure={failure} defaultValue={value?.nameUr} required dir="rtl" />
      <SelectField
        form={prefix}
        name="sectorId"
        label={t("field.sector")}
        failure={failure}
        defaultValue={value?.sectorId ?? ""}
        options={[{ value: "", label: t("field.none") }, ...sectors.map((s) => ({ value: s.id, label: pick(locale, s.nameEn, s.nameUr) }))]}
      />
      <div className="inline-form">
        <Field form={prefix} name="district" label={t("field.district")} failure={failure} defaultValue={value?.district} required />
        <SelectField
          form={prefix}
          name="province"
          label={t("field.province")}
          failure={failure}
          defaultValue={value?.province ?? "Punjab"}
          options={provinces.map((p) => ({ value: p, label: t(`province.${p}`) }))}
        />
      </div>
      <Field form={prefix} name="hsCodes" label={t("field.hsCodes")} failure={failure} defaultValue={value?.hsCodes.join(", ")} dir="ltr" inputMode="numeric" />
    </>
  );
}

export function ClustersSection(props: {
  editionId: string;
  sectors: Sector[];
  clusters: Cluster[];
  editing: Cluster | null;
  failure?: FormFailure;
  notice: ReactNode;
  formKey: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const sectorName = new Map(props.sectors.map((s) => [s.id, pick(locale, s.nameEn, s.nameUr)]));
  const addFailure = failureOf(props.failure, "cluster-add");
  const deleteFailure = failureOf(props.failure, "cluster-delete");
  const editFailure = props.editing ? failureOf(props.failure, "cluster-update", props.editing.id) : undefined;
  const base = `/back-office/editions/${props.editionId}`;
  return (
    <section>
      <h2 id="clusters">{t("bo.clusters.title")}</h2>
      {props.notice}
      <FormError failure={deleteFailure} />
      {props.editing ? (
        <div className="card" id="edit-cluster">
          <h3>{t("bo.clusters.editTitle", { name: pick(locale, props.editing.nameEn, props.editing.nameUr) })}</h3>
          <FormError failure={editFailure} />
          <Form method="post" noValidate action={`${base}?edit=${props.editing.id}`}>
            <input type="hidden" name="intent" value="cluster-update" />
            <input type="hidden" name="clusterId" value={props.editing.id} />
            <ClusterFields prefix="ce" t={t} sectors={props.sectors} failure={editFailure} value={props.editing} />
            <p className="inline-form">
              <button type="submit" className="primary">
                {t("common.save")}
              </button>
              <Link to={`${base}#clusters`} className="button">
                {t("common.cancel")}
              </Link>
            </p>
          </Form>
        </div>
      ) : null}
      <div className="table-scroll" role="region" aria-labelledby="clusters" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("bo.clusters.name")}</th>
              <th scope="col">{t("bo.clusters.sector")}</th>
              <th scope="col">{t("bo.clusters.place")}</th>
              <th scope="col">{t("bo.clusters.hs")}</th>
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {props.clusters.map((c) => (
              <tr key={c.id}>
                <td>
                  {pick(locale, c.nameEn, c.nameUr)}
                  <br />
                  <span className="muted" dir="ltr">
                    {c.slug}
                  </span>
                </td>
                <td>{c.sectorId ? sectorName.get(c.sectorId) : t("field.none")}</td>
                <td>{t("home.districtProvince", { district: c.district, province: t(`province.${c.province}`) })}</td>
                <td dir="ltr">{c.hsCodes.join(", ")}</td>
                <td>
                  <div className="inline-form">
                    <Link to={`${base}?edit=${c.id}#edit-cluster`}>{t("common.edit")}</Link>
                    <Form method="post">
                      <input type="hidden" name="intent" value="cluster-delete" />
                      <input type="hidden" name="clusterId" value={c.id} />
                      <button type="submit" className="danger">
                        {t("common.delete")}
                      </button>
                    </Form>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("bo.clusters.new")}</h3>
      <FormError failure={addFailure} />
      <Form method="post" noValidate key={props.formKey ?? "cluster"}>
        <input type="hidden" name="intent" value="cluster-add" />
        <ClusterFields prefix="cl" t={t} sectors={props.sectors} failure={addFailure} />
        <button type="submit" className="primary">
          {t("bo.clusters.add")}
        </button>
      </Form>
    </section>
  );
}
