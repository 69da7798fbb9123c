import { Form } from "react-router";
import { formatDay } from "../../../platform/i18n/format";
import { useLocale, useT } from "../../../web/i18n";
import type { baselineDashboard } from "../operations/dashboard";

// The 6-month follow-up on the organiser's baseline page (issue #15, item 2): its state (with the
// day it opens by itself), open / close / reopen and a reminder as plain forms, its progress, and
// the baseline against 6 months later: a server-drawn chart of the two scores beside the table of
// every comparable indicator (the table is what a screen reader reads; small cells withheld).

type FollowUp = Awaited<ReturnType<typeof baselineDashboard>>["followUp"];
const cell = (v: number | null) => (v === null ? "—" : String(v));

export function FollowUpPanel({ f, surveyOpenOrClosed, editionId }: { f: FollowUp; surveyOpenOrClosed: boolean; editionId: string }) {
  const t = useT();
  const locale = useLocale();
  const action = (status: "open" | "closed", label: string) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="followUp" />
      <input type="hidden" name="status" value={status} />
      <button type="submit">{t(label)}</button>
    </Form>
  );
  return (
    <section aria-labelledby="baseline-follow-up" data-testid="baseline-follow-up" data-status={f.status}>
      <h2 id="baseline-follow-up">{t("baseline.bo.followUp")}</h2>
      <p>
        {f.status === "none"
          ? t("baseline.bo.followUp.none", { due: formatDay(f.due, locale) })
          : f.status === "open"
            ? t("baseline.bo.followUp.open", { date: formatDay((f.openedAt ?? f.due).slice(0, 10), locale) })
            : t("baseline.bo.followUp.closed")}
      </p>
      {surveyOpenOrClosed && f.status === "none" ? action("open", "baseline.bo.followUp.doOpen") : null}
      {f.status === "closed" ? action("open", "baseline.bo.followUp.doReopen") : null}
      {f.status === "open" ? (
        <>
          {action("closed", "baseline.bo.followUp.doClose")}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="remindFollowUp" />
            <button type="submit">{t("baseline.bo.followUp.remind")}</button>
          </Form>
        </>
      ) : null}
      {f.status !== "none" ? <p data-testid="baseline-follow-up-progress">{t("baseline.bo.progressLine", f.progress)}</p> : null}
      {f.chart ? (
        <figure className="baseline-figure">
          <figcaption>{t("baseline.bo.followUp.chart")}</figcaption>
          <div className="baseline-chart" dangerouslySetInnerHTML={{ __html: f.chart }} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("baseline.bo.followUp.compare")}>
            <table className="baseline-table" data-testid="baseline-rounds">
              <caption>{t("baseline.bo.followUp.compare")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("baseline.fig.indicator")}</th>
                  <th scope="col">{t("baseline.fig.measure")}</th>
                  {f.columns.map((c) => (
                    <th key={c.round} scope="col">
                      {c.key}
                    </th>
                  ))}
                  {f.columns.map((c) => (
                    <th key={c.round} scope="col">
                      {t("baseline.fig.answered", { edition: c.key })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {f.summary.map((i) => (
                  <tr key={i.code}>
                    <th scope="row">
                      {i.label} <code dir="ltr">{i.code}</code>
                    </th>
                    <td>{t(`baseline.fig.measure.${i.measure}`)}</td>
                    {i.cells.map((x, k) => (
                      <td key={k}>{cell(x.value)}</td>
                    ))}
                    {i.cells.map((x, k) => (
                      <td key={`n${k}`}>{cell(x.firms)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t("baseline.fig.download")} <a href={`/back-office/editions/${editionId}/baseline/export?table=follow_up&format=csv`}>CSV</a> ·{" "}
            <a href={`/back-office/editions/${editionId}/baseline/export?table=follow_up&format=xlsx`}>XLSX</a>
          </p>
        </figure>
      ) : null}
      <p>
        <a href={`/back-office/editions/${editionId}/baseline/firms`}>{t("baseline.bo.records")}</a>
      </p>
    </section>
  );
}
