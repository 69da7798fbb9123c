import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Form } from "react-router";
import { pick, useLocale, useT } from "../../../web/i18n";

export interface NomineeItem {
  id: string;
  enterpriseName: string;
  clusterEn: string;
  clusterUr: string;
  status: "invited" | "draft" | "submitted" | "withdrawn";
  decision: string | null;
}

/** A link just issued: for which nominee, and whether it replaced an older one. */
export interface IssuedLink {
  nominationId: string;
  name: string;
  link: string;
  first: boolean;
}

/**
 * The representative's nominees as cards (a table would push the link button
 * off a 360 px screen). A link just issued shows inside its nominee's card; the
 * form posts to that card's anchor so the browser lands there without
 * JavaScript, and with JavaScript focus moves to the link.
 */
export function NomineeList({ nominations, action, issued }: { nominations: NomineeItem[]; action: string; issued?: IssuedLink }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="cards nominees">
      {nominations.map((n) => (
        <li key={n.id} className="card" id={`n-${n.id}`} data-nominee={n.id}>
          <h3 dir="auto" style={{ margin: 0, fontSize: "1.05rem" }}>
            {n.enterpriseName}
          </h3>
          <p style={{ margin: 0 }}>{pick(locale, n.clusterEn, n.clusterUr)}</p>
          <p style={{ margin: 0 }}>
            <span className="badge">{t(`nominations.status.${n.status}`)}</span>{" "}
            {n.decision ? <span className="badge">{t(`nominations.decision.${n.decision}`)}</span> : null}
          </p>
          {issued?.nominationId === n.id ? <LinkPanel issued={issued} /> : null}
          {n.status !== "withdrawn" ? (
            <Form method="post" action={`${action}#n-${n.id}`}>
              <input type="hidden" name="intent" value="link" />
              <input type="hidden" name="nominationId" value={n.id} />
              <input type="hidden" name="name" value={n.enterpriseName} />
              <button type="submit" aria-label={t("nominations.link.newFor", { name: n.enterpriseName })}>
                {t("nominations.list.link")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The link in a read-only field (selectable, never wider than the screen) with a copy button once JavaScript runs. */
export function LinkPanel({ issued }: { issued: IssuedLink }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const id = `link-${issued.nominationId}`;
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "center" });
  }, [issued.link]);
  return (
    <div className="alert alert-ok link-panel" role="status" tabIndex={-1} ref={ref} id="link-notice">
      <p>
        <strong dir="auto">{t("nominations.link.title", { name: issued.name })}</strong>
      </p>
      <label htmlFor={id}>{t("nominations.link.label")}</label>
      <input id={id} readOnly value={issued.link} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
      <CopyButton value={issued.link} inputId={id} />
      <p>{t(issued.first ? "nominations.link.helpFirst" : "nominations.link.help")}</p>
    </div>
  );
}

const noSubscribe = () => () => {};

function CopyButton({ value, inputId }: { value: string; inputId: string }) {
  const t = useT();
  const [said, setSaid] = useState("");
  // Rendered only in the browser after hydration: without JavaScript the field alone is there to select.
  const ready = useSyncExternalStore(noSubscribe, () => true, () => false);
  if (!ready) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid(t("nominations.link.copied"));
    } catch {
      // Not a secure context, or no permission: select the text for the reader to copy.
      const input = document.getElementById(inputId) as HTMLInputElement | null;
      input?.select();
      setSaid(t("nominations.link.copyFailed"));
    }
  };
  return (
    <p style={{ margin: "0.25rem 0" }}>
      <button type="button" onClick={() => void copy()}>
        {t("nominations.link.copy")}
      </button>{" "}
      <span aria-live="polite">{said}</span>
    </p>
  );
}
