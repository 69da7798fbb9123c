import { Form } from "react-router";
import type { FormFailure } from "../../../web/actions";
import { Field, SelectField } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { areaKinds, type FloorPoint } from "../tables";

// The plan editor's forms for areas (change, delete) and the background drawing (issue #12,
// item 2), apart from pages/floor-editor.tsx to keep it readable. Plain forms: they work without
// JavaScript; the page's action (floor-editor.tsx) runs them.

const m = (n: number) => String(Math.round(n * 1000) / 1000);

/** The rectangle of an axis-aligned four-corner outline, else null (a polygon keeps its outline). */
function rectOf(p: readonly FloorPoint[]) {
  if (p.length !== 4) return null;
  const xs = [...new Set(p.map((q) => q.x))];
  const ys = [...new Set(p.map((q) => q.y))];
  if (xs.length !== 2 || ys.length !== 2) return null;
  return { x: Math.min(...xs), y: Math.min(...ys), w: Math.abs(xs[1]! - xs[0]!), h: Math.abs(ys[1]! - ys[0]!) };
}

interface AreaRowLike {
  id: string;
  kind: (typeof areaKinds)[number];
  clusterId: string | null;
  code: string;
  nameEn: string;
  nameUr: string;
  polygon: FloorPoint[];
}

export function AreaForms(props: {
  base: string;
  areas: readonly AreaRowLike[];
  selected: AreaRowLike | null;
  clusters: readonly { id: string; nameEn: string; nameUr: string }[];
  failure: (intent: string) => FormFailure | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const { base, areas, selected: a, clusters, failure: f } = props;
  const r = a ? rectOf(a.polygon) : null;
  return (
    <>
      <h2 id="areas">{t("floor.editor.areas.title")}</h2>
      {areas.length === 0 ? <p className="muted">{t("floor.editor.areas.none")}</p> : null}
      <ul className="floor-area-list" aria-labelledby="areas">
        {areas.map((x) => {
          const name = pick(locale, x.nameEn, x.nameUr);
          return (
            <li key={x.id}>
              <a href={`${base}?area=${x.id}#edit-area`} aria-current={x.id === a?.id ? "true" : undefined}>
                {t("floor.editor.areas.choose", { name })}
              </a>{" "}
              <span className="muted" dir="ltr">
                {x.code}
              </span>
            </li>
          );
        })}
      </ul>
      {a ? (
        <section aria-labelledby="edit-area" className="card">
          <h3 id="edit-area" tabIndex={-1}>
            {t("floor.editor.areas.edit", { name: pick(locale, a.nameEn, a.nameUr) })}
          </h3>
          <Form method="post" data-testid="edit-area">
            <input type="hidden" name="intent" value="areaEdit" />
            <input type="hidden" name="areaId" value={a.id} />
            <SelectField form="ae" name="kind" label={t("floor.editor.field.kind")} failure={f("areaEdit")} defaultValue={a.kind} options={areaKinds.map((v) => ({ value: v, label: t(`floor.editor.kind.${v}`) }))} />
            <SelectField
              form="ae"
              name="clusterId"
              label={t("floor.editor.field.cluster")}
              hint={t("floor.editor.field.clusterHint")}
              failure={f("areaEdit")}
              defaultValue={a.clusterId ?? ""}
              options={[{ value: "", label: t("floor.editor.noCluster") }, ...clusters.map((c) => ({ value: c.id, label: pick(locale, c.nameEn, c.nameUr) }))]}
            />
            <Field form="ae" name="code" label={t("floor.editor.field.areaCode")} failure={f("areaEdit")} defaultValue={a.code} dir="ltr" required />
            <Field form="ae" name="nameEn" label={t("field.nameEn")} failure={f("areaEdit")} defaultValue={a.nameEn} dir="ltr" required />
            <Field form="ae" name="nameUr" label={t("field.nameUr")} failure={f("areaEdit")} defaultValue={a.nameUr} dir="rtl" required />
            <p className="hint">{t("floor.editor.areas.rectHint")}</p>
            <Field form="ae" name="x" label={t("floor.editor.field.x")} failure={f("areaEdit")} defaultValue={r ? m(r.x) : ""} dir="ltr" />
            <Field form="ae" name="y" label={t("floor.editor.field.y")} failure={f("areaEdit")} defaultValue={r ? m(r.y) : ""} dir="ltr" />
            <Field form="ae" name="w" label={t("floor.editor.field.w")} failure={f("areaEdit")} defaultValue={r ? m(r.w) : ""} dir="ltr" />
            <Field form="ae" name="h" label={t("floor.editor.field.d")} failure={f("areaEdit")} defaultValue={r ? m(r.h) : ""} dir="ltr" />
            <button type="submit" className="primary">
              {t("floor.editor.areas.save")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="areaDelete" />
            <input type="hidden" name="areaId" value={a.id} />
            <p className="hint">{t("floor.editor.areas.deleteHint")}</p>
            <button type="submit" className="danger">
              {t("floor.editor.areas.delete", { name: pick(locale, a.nameEn, a.nameUr) })}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export interface BackgroundView {
  contentType: string;
  size: number;
  pixelWidth: number;
  pixelHeight: number;
  widthM: number;
  offsetX: number;
  offsetY: number;
  public: boolean;
}

export function BackgroundForm({ background: b, hallWidthM, failure: f }: { background: BackgroundView | null; hallWidthM: number; failure: (intent: string) => FormFailure | undefined }) {
  const t = useT();
  const placement = (form: string, failure: FormFailure | undefined) => (
    <>
      <Field form={form} name="widthM" label={t("floor.editor.bg.widthM")} hint={t("floor.editor.bg.widthHint")} failure={failure} defaultValue={m(b?.widthM ?? hallWidthM)} dir="ltr" required />
      <Field form={form} name="offsetX" label={t("floor.editor.bg.offsetX")} failure={failure} defaultValue={m(b?.offsetX ?? 0)} dir="ltr" />
      <Field form={form} name="offsetY" label={t("floor.editor.bg.offsetY")} failure={failure} defaultValue={m(b?.offsetY ?? 0)} dir="ltr" />
      <div className="field">
        <label>
          <input type="checkbox" name="public" defaultChecked={b?.public ?? false} /> {t("floor.editor.bg.public")}
        </label>
      </div>
    </>
  );
  return (
    <>
      <h2 id="background">{t("floor.editor.bg.title")}</h2>
      <p className="hint">{t("floor.editor.bg.hint")}</p>
      {b ? (
        <div className="card">
          <p data-testid="background-now">{t("floor.editor.bg.current", { type: b.contentType === "image/png" ? "PNG" : "JPEG", w: b.pixelWidth, h: b.pixelHeight, kb: Math.ceil(b.size / 1024) })}</p>
          <Form method="post" data-testid="place-background">
            <input type="hidden" name="intent" value="backgroundPlace" />
            {placement("bgp", f("backgroundPlace"))}
            <button type="submit">{t("floor.editor.bg.place")}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="backgroundRemove" />
            <button type="submit" className="danger">
              {t("floor.editor.bg.remove")}
            </button>
          </Form>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card" aria-labelledby="background" data-testid="upload-background">
        <input type="hidden" name="intent" value="background" />
        <Field form="bg" name="file" label={t("floor.editor.bg.file")} failure={f("background")}>
          <input id="bg-file" name="file" type="file" accept="image/png,image/jpeg,.png,.jpg,.jpeg" required />
        </Field>
        {placement("bg", f("background"))}
        <button type="submit" className="primary">
          {t("floor.editor.bg.upload")}
        </button>
      </Form>
    </>
  );
}
