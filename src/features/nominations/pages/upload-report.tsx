import { Form } from "react-router";
import type { Locale } from "../../../platform/i18n/locales";
import { pick, useLocale, useT } from "../../../web/i18n";
import { nominationColumns, type Problem, type RawRow } from "../engine/rows";

export interface ReportData {
  problems: Problem[];
  validRows: RawRow[];
  rows: RawRow[];
  alreadyNominated: number[];
  quota: { remaining: number; valid: number; exceededBy: number };
}

/** A cell as typed: right to left only when its first letter is Urdu, so "1234567-8" or "micro" stay in order on an Urdu page. */
export function valueDir(v: string): "ltr" | "rtl" {
  const letter = /\p{L}/u.exec(v)?.[0];
  return letter && /\p{Script=Arabic}/u.test(letter) ? "rtl" : "ltr";
}

/** A list of numbers with the reader's comma (، in Urdu). */
export const listOf = (locale: Locale, items: (string | number)[]) => items.join(locale === "ur" ? "، " : ", ");

export function columnLabel(locale: Locale, key: string | null): string {
  const c = nominationColumns.find((x) => x.key === key);
  return c ? pick(locale, c.en, c.ur) : "";
}

/** Every problem by row and column in plain words, with what the cell says, and the ready rows to accept. */
export function UploadReport({ report, editionSlug }: { report: ReportData; editionSlug: string }) {
  const t = useT();
  const locale = useLocale();
  const invalidRows = new Set(report.problems.filter((p) => p.row > 1).map((p) => p.row)).size;
  const valueOf = (p: Problem) => (p.column ? (report.rows.find((r) => r.row === p.row)?.values[p.column] ?? "") : "");
  return (
    <section aria-labelledby="report-title" className="card">
      <h2 id="report-title">{t("nominations.report.title")}</h2>
      <p>{t("nominations.report.summary", { valid: report.validRows.length, invalid: invalidRows })}</p>
      {report.alreadyNominated.length > 0 ? <p className="muted">{t("nominations.report.already", { rows: listOf(locale, report.alreadyNominated) })}</p> : null}
      {report.problems.length > 0 ? (
        <>
          <p>{t("nominations.report.problems")}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("nominations.report.title")}>
            <table className="problems">
              <thead>
                <tr>
                  <th scope="col">{t("nominations.report.where")}</th>
                  <th scope="col">{t("nominations.report.problem")}</th>
                  <th scope="col">{t("nominations.report.value")}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i} data-row={p.row} data-column={p.column ?? ""}>
                    <td>{p.row === 0 ? t("nominations.problem.file") : t("nominations.problem.rowColumn", { row: p.row, column: columnLabel(locale, p.column) })}</td>
                    <td>{t(`nominations.problem.${p.code}`, { ...p.params, column: columnLabel(locale, String(p.params.column ?? "")) || String(p.params.column ?? ""), declared: sizeWord(t, p.params.declared), expected: sizeWord(t, p.params.expected) })}</td>
                    <td>
                      <bdi dir={valueDir(valueOf(p))}>{valueOf(p)}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {report.validRows.length === 0 ? (
        <p>{t("nominations.report.none")}</p>
      ) : report.quota.exceededBy > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{t("nominations.report.overQuota", { valid: report.quota.valid, remaining: report.quota.remaining, over: report.quota.exceededBy })}</p>
        </div>
      ) : (
        <Form method="post" action={`/nominations?edition=${encodeURIComponent(editionSlug)}`}>
          <input type="hidden" name="intent" value="accept" />
          {/* The ready rows travel back with the form; the server checks them again before storing anything. */}
          <input type="hidden" name="rows" value={JSON.stringify(report.validRows)} />
          <button type="submit" className="primary">
            {t("nominations.report.accept", { count: report.validRows.length })}
          </button>
        </Form>
      )}
    </section>
  );
}

const sizeWord = (t: (k: string) => string, v: unknown) => (typeof v === "string" ? t(`nominations.size.${v}`) : "");
