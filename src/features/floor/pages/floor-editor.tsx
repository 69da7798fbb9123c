import { useState } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/floor-editor";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { limitedForm } from "#features/nominations/client";
import { HallMap } from "../components/hall-map";
import { mapStall } from "../map-stall";
import type { PublicStall } from "../operations/plan";
import { backgroundBox, floorBackgroundOf, getFloorHall } from "../operations/plan-edit";
import { runEditorIntent } from "./editor-intents";
import { areaKinds, MAX_BACKGROUND_BYTES, stallTypes } from "../tables";
import { DragGrid, DragLayer } from "./editor-drag";
import { AreaForms, BackgroundForm } from "./editor-forms";
import "./floor-map.css";
import "./floor-editor.css";

// Organisers: the plan editor of one hall (issue #12, item 2). The hall is drawn as the public
// map draws it (server-rendered SVG); a stall on it is a link that selects it into the edit form
// (`?stall=<id>`), so everything works without JavaScript: each change is one form, posted with
// its `intent`, checked on the server (operations/plan-edit.ts), and undone by "Undo".

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "floor.editor.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const hallId = uuidParam(params.hallId);
  const view = await loadOr(request, () => getFloorHall(context.ctx, { hallId }));
  if (view.edition.id !== editionId) throw new Response(null, { status: 404 });
  const url = new URL(request.url);
  const selected = view.stalls.find((s) => s.id === url.searchParams.get("stall")) ?? null;
  const stalls: PublicStall[] = view.stalls.map((s) => mapStall(s));
  const areas = view.areas.map((a) => ({ ...a, cluster: null }));
  const hall = { ...view.hall, stallCount: stalls.length, exhibitorCount: 0 };
  const selectedArea = view.areas.find((a) => a.id === url.searchParams.get("area")) ?? null;
  const bg = await floorBackgroundOf(context.ctx, { hallId });
  const background = bg ? { contentType: bg.contentType, size: bg.size, pixelWidth: bg.pixelWidth, pixelHeight: bg.pixelHeight, widthM: bg.widthM, offsetX: bg.offsetX, offsetY: bg.offsetY, public: bg.public } : null;
  const backgroundPlace = bg ? { ...backgroundBox(bg), href: `/back-office/editions/${editionId}/floor/${hallId}/background?v=${bg.uploadedAt.getTime()}` } : null;
  return { ...view, hall, mapStalls: stalls, mapAreas: areas, selected, selectedArea, background, backgroundPlace, done: url.searchParams.get("done"), locale: context.ctx.locale };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const hallId = uuidParam(params.hallId);
  // The largest upload is a background drawing (the import's 1 MB is checked by the intent). Up
  // to twice its limit is read, so that a drawing somewhat too large gets the translated refusal
  // on the form rather than a bare 413.
  const form = await limitedForm(request, 2 * MAX_BACKGROUND_BYTES + 64 * 1024);
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const intent = text("intent");
  const base = `/back-office/editions/${editionId}/floor/${hallId}`;
  const result = await runForm(context.ctx.locale, form, () => runEditorIntent(context.ctx, form, hallId));
  if (!result.ok) return result.response;
  const keep = intent === "move" ? `&stall=${encodeURIComponent(text("stallId"))}` : intent === "areaEdit" ? `&area=${encodeURIComponent(text("areaId"))}` : "";
  return redirect(`${base}?done=${result.value}${keep}`);
}

const m = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(Math.round(n * 1000) / 1000));

export default function FloorEditor({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const f = (intent: string) => failureOf(failure, intent);
  const base = `/back-office/editions/${params.editionId}/floor/${params.hallId}`;
  const s = d.selected;
  const hallName = pick(locale, d.hall.nameEn, d.hall.nameUr);
  const importFailure = f("import");
  const rowIssues = Object.entries(importFailure?.fields ?? {}).filter(([k]) => /^(row|entity)\.\d+$/.test(k));
  const [grid, setGrid] = useState(0.5);
  return (
    <section className="floor-editor">
      <p className="eyebrow">
        <Link to={`/back-office/editions/${d.edition.id}/floor`}>{t("floor.editor.halls.title")}</Link>
      </p>
      <h1>{t("floor.editor.heading", { hall: hallName })}</h1>
      <p className="muted">{t("floor.editor.halls.size", { w: d.hall.widthM, d: d.hall.depthM, stalls: d.stalls.length })}</p>
      {d.done && !failure ? <Notice>{t(`floor.editor.done.${d.done}`)}</Notice> : null}
      {failure && !importFailure ? <FormError failure={failure} /> : null}
      <nav className="floor-tools" aria-label={t("floor.editor.tools")}>
        <a href={`${base}/plan.svg`} download>
          {t("floor.editor.exportSvg")}
        </a>
        <a href={`${base}/plan.pdf`}>{t("floor.editor.exportPdf")}</a>
        <a href={`/editions/${d.edition.slug}/floor/${encodeURIComponent(d.hall.code)}`}>{t("floor.editor.publicMap")}</a>
        <Form method="post">
          <input type="hidden" name="intent" value="undo" />
          <button type="submit" disabled={!d.lastEdit}>
            {d.lastEdit ? t("floor.editor.undoWhat", { what: t(`floor.editor.edit.${d.lastEdit}`) }) : t("floor.editor.undo")}
          </button>
        </Form>
      </nav>
      <p className="hint">{t("floor.editor.mapHint")}</p>
      <DragGrid grid={grid} onGrid={setGrid} />
      <HallMap hall={d.hall} areas={d.mapAreas} stalls={d.mapStalls} locale={locale} t={t} selected={s?.id ?? null} href={(x) => `${base}?stall=${x.id}#edit-stall`} background={d.backgroundPlace}>
        <DragLayer stalls={d.stalls} hall={d.hall} selectedId={s?.id ?? null} grid={grid} />
      </HallMap>

      {s ? (
        <section aria-labelledby="edit-stall" className="card">
          <h2 id="edit-stall" tabIndex={-1}>
            {t("floor.editor.stall", { number: s.number })}
          </h2>
          <p className="muted">{t("floor.editor.stallState", { state: t(`floor.editor.state.${s.state}`), m2: m(s.areaM2) })}</p>
          <Form method="post" data-testid="move-stall">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="stallId" value={s.id} />
            <Field form="move" name="number" label={t("floor.editor.field.number")} failure={f("move")} defaultValue={s.number} dir="ltr" />
            <Field form="move" name="x" label={t("floor.editor.field.x")} failure={f("move")} defaultValue={m(s.x ?? boxX(s.polygon))} dir="ltr" required />
            <Field form="move" name="y" label={t("floor.editor.field.y")} failure={f("move")} defaultValue={m(s.y ?? boxY(s.polygon))} dir="ltr" required />
            {s.w !== null ? (
              <>
                <Field form="move" name="w" label={t("floor.editor.field.w")} failure={f("move")} defaultValue={m(s.w)} dir="ltr" />
                <Field form="move" name="h" label={t("floor.editor.field.d")} failure={f("move")} defaultValue={m(s.h)} dir="ltr" />
              </>
            ) : null}
            <Field form="move" name="grid" label={t("floor.editor.field.grid")} failure={f("move")} defaultValue="0.5" dir="ltr" />
            <button type="submit" className="primary">
              {t("floor.editor.moveButton")}
            </button>
          </Form>
          <Form method="post" data-testid="merge-stall">
            <input type="hidden" name="intent" value="merge" />
            <input type="hidden" name="stallId" value={s.id} />
            <SelectField
              form="merge"
              name="otherId"
              label={t("floor.editor.field.mergeWith")}
              failure={f("merge")}
              options={d.stalls.filter((x) => x.id !== s.id).map((x) => ({ value: x.id, label: x.number }))}
            />
            <button type="submit">{t("floor.editor.mergeButton")}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="stallId" value={s.id} />
            <button type="submit" className="danger">
              {t("floor.editor.deleteButton", { number: s.number })}
            </button>
          </Form>
        </section>
      ) : null}

      <h2 id="add-stalls">{t("floor.editor.add.title")}</h2>
      <p className="hint">{t("floor.editor.add.hint")}</p>
      <Form method="post" className="card" aria-labelledby="add-stalls" data-testid="add-stalls">
        <input type="hidden" name="intent" value="add" />
        <Field form="add" name="first" label={t("floor.editor.field.first")} hint={t("floor.editor.field.firstHint")} failure={f("add")} dir="ltr" required />
        <Field form="add" name="count" label={t("floor.editor.field.count")} failure={f("add")} defaultValue="1" dir="ltr" inputMode="numeric" />
        <Field form="add" name="rows" label={t("floor.editor.field.rows")} failure={f("add")} defaultValue="1" dir="ltr" inputMode="numeric" />
        <Field form="add" name="x" label={t("floor.editor.field.x")} failure={f("add")} dir="ltr" required />
        <Field form="add" name="y" label={t("floor.editor.field.y")} failure={f("add")} dir="ltr" required />
        <Field form="add" name="w" label={t("floor.editor.field.w")} failure={f("add")} defaultValue="3" dir="ltr" required />
        <Field form="add" name="d" label={t("floor.editor.field.d")} failure={f("add")} defaultValue="3" dir="ltr" required />
        <SelectField
          form="add"
          name="direction"
          label={t("floor.editor.field.direction")}
          failure={f("add")}
          defaultValue="right"
          options={(["right", "down", "left", "up"] as const).map((v) => ({ value: v, label: t(`floor.editor.direction.${v}`) }))}
        />
        <Field form="add" name="gap" label={t("floor.editor.field.gap")} failure={f("add")} defaultValue="0" dir="ltr" />
        <Field form="add" name="aisle" label={t("floor.editor.field.aisle")} failure={f("add")} defaultValue="3" dir="ltr" />
        <Field form="add" name="grid" label={t("floor.editor.field.grid")} failure={f("add")} defaultValue="0.5" dir="ltr" />
        <SelectField form="add" name="type" label={t("floor.editor.field.type")} failure={f("add")} options={stallTypes.map((v) => ({ value: v, label: t(`floor.editor.type.${v}`) }))} />
        <SelectField
          form="add"
          name="areaId"
          label={t("floor.editor.field.area")}
          failure={f("add")}
          options={[{ value: "", label: t("floor.editor.noArea") }, ...d.areas.map((a) => ({ value: a.id, label: pick(locale, a.nameEn, a.nameUr) }))]}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="power" /> {t("floor.editor.field.power")}
          </label>
          <label>
            <input type="checkbox" name="accessible" /> {t("floor.editor.field.accessible")}
          </label>
        </div>
        <button type="submit" className="primary">
          {t("floor.editor.add.button")}
        </button>
      </Form>

      <h2 id="add-area">{t("floor.editor.area.title")}</h2>
      <p className="hint">{t("floor.editor.area.hint")}</p>
      <Form method="post" className="card" aria-labelledby="add-area" data-testid="add-area">
        <input type="hidden" name="intent" value="area" />
        <SelectField form="area" name="kind" label={t("floor.editor.field.kind")} failure={f("area")} options={areaKinds.map((v) => ({ value: v, label: t(`floor.editor.kind.${v}`) }))} />
        <SelectField
          form="area"
          name="clusterId"
          label={t("floor.editor.field.cluster")}
          hint={t("floor.editor.field.clusterHint")}
          failure={f("area")}
          options={[{ value: "", label: t("floor.editor.noCluster") }, ...d.clusters.map((c) => ({ value: c.id, label: pick(locale, c.nameEn, c.nameUr) }))]}
        />
        <Field form="area" name="code" label={t("floor.editor.field.areaCode")} failure={f("area")} dir="ltr" required />
        <Field form="area" name="nameEn" label={t("field.nameEn")} failure={f("area")} dir="ltr" required />
        <Field form="area" name="nameUr" label={t("field.nameUr")} failure={f("area")} dir="rtl" required />
        <Field form="area" name="x" label={t("floor.editor.field.x")} failure={f("area")} dir="ltr" required />
        <Field form="area" name="y" label={t("floor.editor.field.y")} failure={f("area")} dir="ltr" required />
        <Field form="area" name="w" label={t("floor.editor.field.w")} failure={f("area")} dir="ltr" required />
        <Field form="area" name="h" label={t("floor.editor.field.d")} failure={f("area")} dir="ltr" required />
        <button type="submit" className="primary">
          {t("floor.editor.area.button")}
        </button>
      </Form>

      <AreaForms base={base} areas={d.areas} selected={d.selectedArea} clusters={d.clusters} failure={f} />

      <h2 id="renumber">{t("floor.editor.renumber.title")}</h2>
      <Form method="post" className="card" aria-labelledby="renumber" data-testid="renumber">
        <input type="hidden" name="intent" value="renumber" />
        <Field form="renumber" name="numbers" label={t("floor.editor.field.numbers")} hint={t("floor.editor.field.numbersHint")} failure={f("renumber")} dir="ltr" required />
        <Field form="renumber" name="first" label={t("floor.editor.field.first")} failure={f("renumber")} dir="ltr" required />
        <div className="field">
          <label>
            <input type="checkbox" name="reverse" /> {t("floor.editor.field.reverse")}
          </label>
        </div>
        <button type="submit">{t("floor.editor.renumber.button")}</button>
      </Form>

      <h2 id="import">{t("floor.editor.import.title")}</h2>
      <p className="hint">{t("floor.editor.import.hint")}</p>
      {importFailure ? (
        <div className="alert alert-error" role="alert" data-testid="import-report">
          <p>{importFailure.message}</p>
          {rowIssues.length ? (
            <ul>
              {rowIssues.map(([k, v]) => (
                <li key={k}>{t(k.startsWith("row") ? "floor.editor.import.row" : "floor.editor.import.entity", { n: k.split(".")[1]!, issue: v })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card" aria-labelledby="import" data-testid="import">
        <input type="hidden" name="intent" value="import" />
        <Field form="import" name="file" label={t("floor.editor.field.file")} failure={importFailure}>
          <input id="import-file" name="file" type="file" accept=".csv,.dxf,text/csv,image/vnd.dxf" required />
        </Field>
        <Field form="import" name="layer" label={t("floor.editor.field.layer")} hint={t("floor.editor.field.layerHint")} failure={importFailure} defaultValue="STALLS" dir="ltr" />
        <Field form="import" name="scale" label={t("floor.editor.field.scale")} hint={t("floor.editor.field.scaleHint")} failure={importFailure} defaultValue="1" dir="ltr" />
        <Field form="import" name="first" label={t("floor.editor.field.first")} hint={t("floor.editor.field.importFirstHint")} failure={importFailure} dir="ltr" />
        <button type="submit" className="primary">
          {t("floor.editor.import.button")}
        </button>
      </Form>

      <BackgroundForm background={d.background} hallWidthM={d.hall.widthM} failure={f} />

      <h2 id="stall-list">{t("floor.editor.list")}</h2>
      <div className="table-wrap">
        <table aria-labelledby="stall-list" data-testid="stall-table">
          <thead>
            <tr>
              <th scope="col">{t("floor.editor.field.number")}</th>
              <th scope="col">{t("floor.editor.col.place")}</th>
              <th scope="col">{t("floor.editor.col.size")}</th>
              <th scope="col">{t("floor.editor.col.state")}</th>
            </tr>
          </thead>
          <tbody>
            {d.stalls.map((x) => (
              <tr key={x.id}>
                <td>
                  <a href={`${base}?stall=${x.id}#edit-stall`}>{x.number}</a>
                </td>
                <td dir="ltr">{x.x !== null ? `${m(x.x)}, ${m(x.y)}` : `${m(boxX(x.polygon))}, ${m(boxY(x.polygon))}`}</td>
                <td dir="ltr">{x.w !== null ? `${m(x.w)} × ${m(x.h)} m` : `${m(x.areaM2)} m²`}</td>
                <td>{t(`floor.editor.state.${x.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const boxX = (p: { x: number }[] | null) => (p?.length ? Math.min(...p.map((q) => q.x)) : 0);
const boxY = (p: { y: number }[] | null) => (p?.length ? Math.min(...p.map((q) => q.y)) : 0);
