import { useT } from "../../../web/i18n";
import { ShortCode } from "./short-code";

// The badge on the registrant's manage page (/registration/:token): the QR to show at the gate,
// the number and name, and the badge link (page and PDF) that works without an account.

export interface HolderBadgeData {
  registrationId: string;
  number: number;
  shortCode: string;
  name: string;
  key: string;
  svg: string;
}

export function HolderBadge({ badge }: { badge: HolderBadgeData }) {
  const t = useT();
  const page = `/badges/${badge.registrationId}?key=${encodeURIComponent(badge.key)}`;
  const pdf = `/api/v1/registrations/${badge.registrationId}/badge.pdf?key=${encodeURIComponent(badge.key)}`;
  return (
    <section aria-labelledby="holder-badge" className="card" data-testid="holder-badge" style={{ marginBlock: "1rem" }}>
      <h2 id="holder-badge" style={{ marginBlockStart: 0 }}>
        {t("checkin.badge.title")}
      </h2>
      <p style={{ margin: 0, fontWeight: 700 }} dir="auto">
        {badge.name}
      </p>
      <p className="muted" style={{ margin: 0 }}>
        {t("checkin.badge.number", { number: badge.number })}
      </p>
      <div
        role="img"
        aria-label={t("checkin.badge.qrAlt", { number: badge.number })}
        style={{ background: "#fff", inlineSize: "100%", maxInlineSize: "16rem", marginInline: "auto" }}
        // Generated on the server by the qrcode package from digits only: no user text inside.
        dangerouslySetInnerHTML={{ __html: badge.svg }}
      />
      <ShortCode code={badge.shortCode} />
      <p className="hint">{t("checkin.badge.show")}</p>
      <p>
        <a className="button primary" href={pdf} download={`badge-${badge.number}.pdf`}>
          {t("checkin.badge.pdf")}
        </a>
      </p>
      <p>
        <a href={page}>{t("checkin.badge.open")}</a>
      </p>
      <p className="hint">{t("checkin.badge.linkHint")}</p>
    </section>
  );
}
