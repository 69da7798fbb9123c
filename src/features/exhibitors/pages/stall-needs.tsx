import { SelectField } from "../../../web/components/form";
import type { FormFailure } from "../../../web/actions";
import { formatNumber } from "../../../platform/i18n/format";
import { useLocale, useT } from "../../../web/i18n";
import type { PowerNeed } from "../tables";

// The stall-needs part of the exhibitor's profile form (issue #12, item 3: "requested stall size
// and features met"). What outranks the pavilion and what is only a wish:
// docs/decisions/0017-stall-needs.md; the allocation reads these through floor/stall-needs-port.ts.

export interface StallNeedsValues {
  powerNeed: PowerNeed | null;
  stepFree: boolean;
  wantsCorner: boolean;
  stallAreaM2: number | null;
  womenEnclave: boolean | null;
}

export function StallNeedsFields(props: { values: StallNeedsValues; sizes: number[]; womenEnclave: boolean; failure: FormFailure | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { values: v, failure } = props;
  const checked = (name: string, saved: boolean) => (failure ? failure.values[name] === "on" : saved);
  // A size is worth asking only where the plan has more than one (the smallest is the standard).
  const sizes = props.sizes.length > 1 ? props.sizes.slice(1) : [];
  return (
    <fieldset>
      <legend>{t("exhibitors.stallNeeds")}</legend>
      <p className="muted">{t("exhibitors.stallNeeds.hint")}</p>
      <SelectField
        name="powerNeed"
        label={t("exhibitors.field.powerNeed")}
        hint={t("exhibitors.field.powerNeedHint")}
        failure={failure}
        defaultValue={v.powerNeed ?? ""}
        options={[{ value: "", label: t("exhibitors.power.unset") }, ...(["none", "single_phase", "three_phase"] as const).map((x) => ({ value: x, label: t(`exhibitors.power.${x}`) }))]}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="stepFree" value="on" defaultChecked={checked("stepFree", v.stepFree)} /> {t("exhibitors.field.stepFree")}
        </label>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="wantsCorner" value="on" defaultChecked={checked("wantsCorner", v.wantsCorner)} /> {t("exhibitors.field.wantsCorner")}
        </label>
      </div>
      {sizes.length || v.stallAreaM2 !== null ? (
        <SelectField
          name="stallAreaM2"
          label={t("exhibitors.field.stallArea")}
          hint={t("exhibitors.field.stallAreaHint")}
          failure={failure}
          defaultValue={v.stallAreaM2 === null ? "" : String(v.stallAreaM2)}
          options={[
            { value: "", label: t("exhibitors.stallArea.standard") },
            ...[...new Set([...sizes, ...(v.stallAreaM2 === null ? [] : [v.stallAreaM2])])].sort((a, b) => a - b).map((m2) => ({ value: String(m2), label: t("exhibitors.stallArea.m2", { m2: formatNumber(m2, locale) }) })),
          ]}
        />
      ) : null}
      {props.womenEnclave ? (
        <SelectField
          name="womenEnclave"
          label={t("exhibitors.field.womenEnclave")}
          failure={failure}
          defaultValue={v.womenEnclave === false ? "no" : "yes"}
          options={[
            { value: "yes", label: t("exhibitors.womenEnclave.yes") },
            { value: "no", label: t("exhibitors.womenEnclave.no") },
          ]}
        />
      ) : null}
    </fieldset>
  );
}
