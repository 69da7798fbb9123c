import { useT } from "../../../web/i18n";

// The badge's short code (core/short-code.ts) as the badge pages show it, under the QR: large,
// spaced, left to right on Urdu pages too, and read out character by character.

export function ShortCode({ code }: { code: string }) {
  const t = useT();
  return (
    <p style={{ margin: 0, textAlign: "center" }} data-testid="badge-short-code">
      <span className="muted" style={{ display: "block", fontSize: "0.9rem" }}>
        {t("checkin.badge.shortCode")}
      </span>
      <span dir="ltr" style={{ fontFamily: "ui-monospace, monospace", fontSize: "1.5rem", fontWeight: 700, letterSpacing: "0.08em" }}>
        {code}
      </span>
    </p>
  );
}
