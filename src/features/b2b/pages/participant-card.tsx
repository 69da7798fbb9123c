import type { ReactNode } from "react";
import { Link } from "react-router";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { Card } from "../operations/directory";
import type { ExportScore } from "../readiness-port";
import { participantBase } from "./who";

// One participant of the other side as the directory and the recommendations show it: who, where,
// what it offers or needs, its HS codes and certifications, how complete its profile is, and a
// link to request a meeting (/requests/new?to=…). Never contact details: the card has none.

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ParticipantCard({ card: c, who, level = 3, children }: { card: Card & { exportScore?: ExportScore | null }; who: string; level?: 2 | 3; children?: ReactNode }) {
  const H = level === 2 ? "h2" : "h3";
  const t = useT();
  const locale = useLocale();
  const name = pick(locale, c.nameEn, c.nameUr);
  const products = pick(locale, c.productsEn, c.productsUr || null) || pick(locale, c.productsUr, c.productsEn || null);
  const offers = pick(locale, c.offersEn, c.offersUr || null) || c.offersUr;
  const needs = pick(locale, c.needsEn, c.needsUr || null) || c.needsUr;
  const place = [c.district, c.province].filter(Boolean).join(locale === "ur" ? "، " : ", ");
  return (
    <article className="card" data-testid="b2b-card" aria-labelledby={`card-${c.id}`}>
      <H id={`card-${c.id}`} style={{ marginBlock: "0 0.25rem", fontSize: "1.15rem" }}>
        {name}
      </H>
      <p className="muted" style={{ marginBlock: 0 }}>
        {t(`b2b.kind.${c.kind}`)}
        {c.organisation ? ` · ${c.organisation}` : ""}
        {c.cluster ? ` · ${pick(locale, c.cluster.nameEn, c.cluster.nameUr)}` : ""}
        {place ? ` · ${place}` : ""}
        {c.country ? ` · ${c.country}` : ""}
      </p>
      {c.womenLed ? (
        <p style={{ marginBlock: "0.25rem" }}>
          <strong className="badge">{t("b2b.card.womenLed")}</strong>
        </p>
      ) : null}
      <dl style={{ marginBlock: "0.5rem", overflowWrap: "anywhere" }}>
        {products ? <Row label={t("b2b.card.products")}>{products}</Row> : null}
        {!products && offers ? <Row label={t("b2b.card.offers")}>{offers}</Row> : null}
        {needs ? <Row label={t("b2b.card.needs")}>{needs}</Row> : null}
        {c.hsCodes.length ? (
          <Row label={t("b2b.card.hsCodes")}>
            <span dir="ltr">{c.hsCodes.join(", ")}</span>
          </Row>
        ) : null}
        {c.certifications.length ? <Row label={t("b2b.card.certifications")}>{c.certifications.join(", ")}</Row> : null}
        {c.sectors.length ? <Row label={t("b2b.card.sectors")}>{c.sectors.join(", ")}</Row> : null}
        {c.exportScore ? (
          <Row label={t("b2b.card.exportScore")}>
            <a href="/baseline/method">{t("b2b.card.exportScoreValue", { score: c.exportScore.score, band: t(`b2b.exportBand.${c.exportScore.band}`) })}</a>
          </Row>
        ) : null}
      </dl>
      <p className="hint" style={{ marginBlock: "0.25rem" }}>
        {t("b2b.card.completeness", { score: c.completeness })}
      </p>
      {children}
      <p style={{ marginBlock: "0.5rem 0" }}>
        <Link to={`${participantBase(who)}/requests/new?to=${c.id}`} aria-label={t("b2b.card.requestWith", { name })}>
          {t("b2b.card.request")}
        </Link>
      </p>
    </article>
  );
}
