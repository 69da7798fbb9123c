import { useT } from "../../../web/i18n";
import { funnelMeasureNames } from "../client";

// The analytics pages' pieces: a chart drawn on the server above its table (what a screen reader
// reads) with the table's downloads, the SMEs' stages by group, and two editions side by side.

type Measure = (typeof funnelMeasureNames)[number];
const cell = (v: number | null | undefined) => (v === null || v === undefined ? "—" : String(v));

export function Chart({ svg, caption, children, downloads }: { svg: string | null; caption: string; children: React.ReactNode; downloads?: string }) {
  const t = useT();
  return (
    <figure className="analytics-figure">
      <figcaption>{caption}</figcaption>
      {svg ? <div className="analytics-chart" dangerouslySetInnerHTML={{ __html: svg }} /> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        {children}
      </div>
      {downloads ? (
        <p>
          {t("baseline.fig.download")} <a href={`${downloads}&format=csv`}>CSV</a> · <a href={`${downloads}&format=xlsx`}>XLSX</a>
        </p>
      ) : null}
    </figure>
  );
}

/** One row per group, a column per stage (a hidden cell shows "—"), and the total. */
export function FunnelTable({ rows, total, testId }: { rows: readonly { group: string; label: string; values: Record<Measure, number | null> }[]; total: Record<Measure, number>; testId: string }) {
  const t = useT();
  return (
    <table className="analytics-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("baseline.bo.group")}</th>
          {funnelMeasureNames.map((m) => (
            <th key={m} scope="col">
              {t(`analytics.measure.${m}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group}>
            <th scope="row">{r.label}</th>
            {funnelMeasureNames.map((m) => (
              <td key={m}>{cell(r.values[m])}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("baseline.bo.total")}</th>
          {funnelMeasureNames.map((m) => (
            <td key={m}>{total[m]}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** A figure per group in two editions, the older first; a total line when given. */
export function ComparedTable(props: { head: string; columns: readonly string[]; rows: readonly { group: string; label: string; values: readonly (number | null)[] }[]; total?: readonly number[]; testId: string }) {
  const t = useT();
  return (
    <table className="analytics-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          {props.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.group}>
            <th scope="row">{r.label}</th>
            {r.values.map((v, i) => (
              <td key={i}>{cell(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {props.total ? (
        <tfoot>
          <tr>
            <th scope="row">{t("baseline.bo.total")}</th>
            {props.total.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
