import { Form } from "react-router";
import { Notice } from "../../../web/components/form";
import { useT } from "../../../web/i18n";

// On the edition's settings in the back office: badges sign the edition's dates, so before a
// change the form says how many are issued, and afterwards (or whenever some are outdated) it
// warns, with the count, and offers to reissue them all in one go.

const warn = { borderColor: "#8a5a00", background: "#fff4d6", color: "#4d3200" } as const;

export function BadgeDatesWarning({ check, reissued }: { check: { current: number; stale: number } | null; reissued: number | null }) {
  const t = useT();
  if (!check) return null;
  return (
    <>
      {reissued !== null ? <Notice>{t("checkin.reissue.done", { count: reissued })}</Notice> : null}
      {check.stale > 0 ? (
        <div className="alert" role="alert" style={warn} data-testid="badge-dates-warning">
          <p>
            <strong>{t("checkin.reissue.stale", { count: check.stale, current: check.current })}</strong>
          </p>
          <p>{t("checkin.reissue.explain")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reissue-badges" />
            <button type="submit" className="primary">
              {t("checkin.reissue.button", { count: check.stale })}
            </button>
          </Form>
        </div>
      ) : check.current > 0 ? (
        <p className="hint" data-testid="badge-dates-hint">
          {t("checkin.reissue.before", { count: check.current })}
        </p>
      ) : null}
    </>
  );
}
