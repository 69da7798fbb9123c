import type { Route } from "./+types/bo-leads";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { leadCounts } from "../operations/organiser";

// Organisers: /back-office/editions/:editionId/leads — leads per exhibitor, counts only (issue #14,
// item 7): with and without the visitor's details, requests waiting, withdrawals. Never a visitor.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "leads.admin.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  return loadOr(request, () => leadCounts(context.ctx, { editionId }));
}

const columns = ["leads", "scans", "shared", "notShared", "pending", "withdrawn"] as const;

export default function BoLeadsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const num = (n: number) => n.toLocaleString(locale === "ur" ? "ur-PK" : "en-GB");
  return (
    <section>
      <h1>{t("leads.admin.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p>{t("leads.admin.intro")}</p>
      {d.exhibitors.length === 0 ? (
        <p>{t("leads.admin.empty")}</p>
      ) : (
        // A scrolling region that a keyboard can reach (axe: scrollable-region-focusable).
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={t("leads.admin.title")}>
          <table data-testid="lead-counts">
            <thead>
              <tr>
                <th scope="col">{t("leads.admin.exhibitor")}</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`leads.admin.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.exhibitors.map((r) => (
                <tr key={r.enterpriseId}>
                  <th scope="row">{pick(locale, r.nameEn, r.nameUr)}</th>
                  {columns.map((c) => (
                    <td key={c}>{num(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("leads.admin.total", { count: d.totals.exhibitors })}</th>
                {columns.map((c) => (
                  <td key={c}>{num(d.totals[c])}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
