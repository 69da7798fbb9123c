import { pick, useLocale, useT } from "../../../web/i18n";

// Pieces the request pages share: the other party's public summary (never contact details), a
// request's status, priority and expiry in the reader's language.

export interface Summary {
  nameEn: string;
  nameUr: string | null;
  organisation: string | null;
  kind: string;
  cluster: string | null;
}

export function PartySummary({ who, as: Heading = "h3" }: { who: Summary; as?: "h2" | "h3" }) {
  const t = useT();
  const locale = useLocale();
  const name = pick(locale, who.nameEn, who.nameUr);
  return (
    <>
      <Heading>{name}</Heading>
      <p className="muted">
        {t(`b2b.requests.kind.${who.kind}`)}
        {who.organisation && who.organisation !== name ? ` · ${who.organisation}` : ""}
        {who.cluster ? ` · ${t("b2b.requests.cluster", { cluster: who.cluster })}` : ""}
      </p>
    </>
  );
}

/** An instant as the edition's local time (Pakistan time for the show). */
export function useWhen() {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale === "ur" ? "ur-PK" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Karachi" });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : "");
}

export function RequestFacts({ r }: { r: { status: string; priority: string; message: string; preferredDays: number[]; expiresAt: string | null; declineReason: string | null } }) {
  const t = useT();
  const when = useWhen();
  return (
    <>
      <p>
        <strong>{t(`b2b.requests.status.${r.status}`)}</strong> · {t(`b2b.requests.priority.${r.priority}`)}
        {r.status === "pending" && r.expiresAt ? ` · ${t("b2b.requests.expires", { time: when(r.expiresAt) })}` : ""}
      </p>
      {r.message ? <blockquote dir="auto">{r.message}</blockquote> : null}
      {r.preferredDays.length ? <p>{t("b2b.requests.preferredDaysValue", { days: r.preferredDays.map((d) => t("b2b.requests.day", { day: d })).join(", ") })}</p> : null}
      {r.status === "declined" && r.declineReason ? <p>{t("b2b.requests.declineReason", { reason: r.declineReason })}</p> : null}
    </>
  );
}
