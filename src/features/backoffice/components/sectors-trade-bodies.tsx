import type { ReactNode } from "react";
import { Form } from "react-router";
import type { FormFailure } from "../../../web/actions";
import { Field, FormError, SelectField, failureOf } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { formatNumber } from "../../../platform/i18n/format";

interface Named {
  id: string;
  nameEn: string;
  nameUr: string;
}

export function SectorsSection(props: { sectors: (Named & { code: string })[]; failure?: FormFailure; notice: ReactNode; formKey: string | null }) {
  const t = useT();
  const locale = useLocale();
  const f = failureOf(props.failure, "sector-add");
  return (
    <section>
      <h2 id="sectors-h">{t("bo.sectors.title")}</h2>
      <ul className="chips">
        {props.sectors.map((s) => (
          <li key={s.id}>
            {pick(locale, s.nameEn, s.nameUr)}{" "}
            <span className="muted" dir="ltr">
              ({s.code})
            </span>
          </li>
        ))}
      </ul>
      {props.notice}
      <FormError failure={f} />
      <Form method="post" noValidate key={props.formKey ?? "sector"}>
        <h3 id="sector-add-h">{t("bo.sectors.new")}</h3>
        <input type="hidden" name="intent" value="sector-add" />
        <div className="inline-form">
          <Field form="sec" name="code" label={t("field.code")} failure={f} required dir="ltr" />
          <Field form="sec" name="nameEn" label={t("bo.sectors.nameEn")} failure={f} required dir="ltr" />
          <Field form="sec" name="nameUr" label={t("bo.sectors.nameUr")} failure={f} required dir="rtl" />
        </div>
        <p>
          <button type="submit">{t("bo.sectors.add")}</button>
        </p>
      </Form>
    </section>
  );
}

const kinds = ["chamber", "women_chamber", "association"] as const;
type TradeBody = Named & { slug: string; kind: (typeof kinds)[number]; city: string | null; nominationQuota: number };

export function TradeBodiesSection(props: { tradeBodies: TradeBody[]; failure?: FormFailure; notice: ReactNode; formKey: string | null }) {
  const t = useT();
  const locale = useLocale();
  const f = failureOf(props.failure, "tradebody-add");
  return (
    <section>
      <h2 id="tb-h">{t("bo.tradeBodies.title")}</h2>
      {kinds.map((kind) => {
        const own = props.tradeBodies.filter((b) => b.kind === kind);
        return (
          <section key={kind}>
            <h3 id={`tb-${kind}`}>{t(`tradeBody.kind.${kind}`)}</h3>
            {own.length === 0 ? (
              <p className="muted">{t("common.empty")}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby={`tb-${kind}`} tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("bo.tradeBodies.name")}</th>
                      <th scope="col">{t("field.city")}</th>
                      <th scope="col">{t("bo.tradeBodies.quota")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {own.map((b) => (
                      <tr key={b.id}>
                        <td>{pick(locale, b.nameEn, b.nameUr)}</td>
                        <td>{b.city ?? ""}</td>
                        <td>{formatNumber(b.nominationQuota, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      {props.notice}
      <FormError failure={f} />
      <Form method="post" noValidate key={props.formKey ?? "tb"}>
        <h3 id="tb-add-h">{t("bo.tradeBodies.new")}</h3>
        <input type="hidden" name="intent" value="tradebody-add" />
        <SelectField
          form="tb"
          name="kind"
          label={t("field.kind")}
          failure={f}
          options={kinds.map((k) => ({ value: k, label: t(`tradeBody.kind.${k}`) }))}
        />
        <Field form="tb" name="slug" label={t("bo.tradeBodies.slug")} failure={f} required dir="ltr" />
        <Field form="tb" name="nameEn" label={t("bo.tradeBodies.nameEn")} failure={f} required dir="ltr" />
        <Field form="tb" name="nameUr" label={t("bo.tradeBodies.nameUr")} failure={f} required dir="rtl" />
        <div className="inline-form">
          <Field form="tb" name="city" label={t("field.city")} failure={f} />
          <Field form="tb" name="nominationQuota" type="number" inputMode="numeric" label={t("bo.tradeBodies.quota")} failure={f} defaultValue={10} />
        </div>
        <p>
          <button type="submit">{t("bo.tradeBodies.add")}</button>
        </p>
      </Form>
    </section>
  );
}
