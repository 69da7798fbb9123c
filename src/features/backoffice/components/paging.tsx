import { Link } from "react-router";
import { useT } from "../../../web/i18n";

/** Previous / next links that keep the current filters in the query string. */
export function Paging({ search, page, hasNext }: { search: string; page: number; hasNext: boolean }) {
  const t = useT();
  const to = (p: number) => {
    const q = new URLSearchParams(search);
    q.set("page", String(p));
    return `?${q.toString()}`;
  };
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="inline-form" aria-label={t("common.pages")}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev" className="button">
          {t("common.previous")}
        </Link>
      ) : null}
      {hasNext ? (
        <Link to={to(page + 1)} rel="next" className="button">
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}
