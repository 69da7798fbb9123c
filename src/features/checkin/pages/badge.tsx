import { GoneLinkError } from "../../../web/components/gone-link";
import type { Route } from "./+types/badge";
import { loadOr } from "../../../web/actions";
import { translator } from "../../../platform/i18n/translate";
import { pageTitle, pick, useLocale, useT, type RootData } from "../../../web/i18n";
import { textColourOn } from "../core/colour";
import { formatShortCode } from "../core/short-code";
import { getBadge } from "../operations/manage-badges";
import { badgeQrSvg } from "./badge-qr";
import { ShortCode } from "./short-code";
import { editionDayDate } from "#features/editions/client";
import { uuidParam } from "../../../web/params";

// The registrant's mobile badge: the signed QR as inline SVG (crisp at any zoom, no image
// request), name, category band, days and zones, and the printable A6 PDF. Only the registrant
// (signed in, or with the badge link from the email: ?key=) and organiser staff may open it: the
// QR is the ticket.

export function meta({ matches, data }: Route.MetaArgs) {
  // "Your badge" only for its holder; staff looking at someone's badge see whose it is.
  if (data?.viewer !== "staff") return pageTitle(matches, "checkin.badge.title");
  const locale = (matches.find((m) => m?.id === "root")?.data as RootData | undefined)?.locale ?? "en";
  const t = translator(locale);
  return [{ title: [t("checkin.badge.titleOf", { name: data.name }), t("app.name")].join(" · ") }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.registrationId);
  const key = new URL(request.url).searchParams.get("key");
  return loadOr(request, async () => {
    const view = await getBadge(context.ctx, { registrationId: params.registrationId, ...(key ? { key } : {}) });
    const badge = view.badge;
    const svg = badge && !badge.revokedAt ? await badgeQrSvg(badge.code) : null;
    return {
      registrationId: view.registration.id,
      number: view.registration.number,
      shortCode: formatShortCode(view.edition.year, view.registration.number),
      name: view.registration.name,
      nameUr: view.registration.nameUr,
      organisation: view.registration.organisation,
      category: { en: view.category.nameEn, ur: view.category.nameUr, colour: view.category.colour },
      edition: { en: view.edition.nameEn, ur: view.edition.nameUr, startsOn: view.edition.startsOn },
      days: view.registration.days,
      zones: view.zones.map((z) => ({ en: z.nameEn, ur: z.nameUr })),
      status: badge ? (badge.revokedAt ? "revoked" : "valid") : "none",
      serial: badge?.serial ?? null,
      viewer: view.viewer,
      key: view.key,
      svg,
    };
  });
}

function dayLabel(startsOn: string, index: number, locale: string) {
  const d = new Date(`${editionDayDate(startsOn, index)}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale === "ur" ? "ur-PK" : "en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(d);
}

export default function Badge({ loaderData: b }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const band = /^#[0-9a-fA-F]{6}$/.test(b.category.colour) ? b.category.colour : "#555555";
  return (
    <section className="page narrow">
      <h1>{b.viewer === "holder" ? t("checkin.badge.title") : t("checkin.badge.titleOf", { name: b.name })}</h1>
      <div className="card" style={{ padding: 0, overflow: "hidden", maxInlineSize: "26rem" }}>
        <div style={{ background: band, color: textColourOn(band), padding: "0.6rem 0.75rem", fontWeight: 700 }}>
          {pick(locale, b.category.en, b.category.ur)}
          <span style={{ float: "inline-end", fontWeight: 400 }}>{pick(locale, b.edition.en, b.edition.ur)}</span>
        </div>
        <div style={{ padding: "0.75rem", display: "flex", flexDirection: "column", gap: "0.4rem" }}>
          <p style={{ margin: 0, fontSize: "1.4rem", fontWeight: 700 }} dir="auto">
            {b.name}
          </p>
          {b.nameUr ? (
            <p style={{ margin: 0, fontSize: "1.3rem" }} lang="ur" dir="rtl">
              {b.nameUr}
            </p>
          ) : null}
          {b.organisation ? <p style={{ margin: 0 }} dir="auto">{b.organisation}</p> : null}
          <p className="muted" style={{ margin: 0 }}>
            {t("checkin.badge.number", { number: b.number })}
          </p>
          {b.status === "valid" && b.svg ? (
            <>
              <div
                role="img"
                aria-label={t("checkin.badge.qrAlt", { number: b.number })}
                style={{ background: "#fff", inlineSize: "100%", maxInlineSize: "20rem", marginInline: "auto" }}
                // Generated on the server by the qrcode package from digits only: no user text inside.
                dangerouslySetInnerHTML={{ __html: b.svg }}
              />
              <ShortCode code={b.shortCode} />
              <p className="hint">{t("checkin.badge.show")}</p>
            </>
          ) : b.status === "revoked" ? (
            <p className="error" role="alert">
              {t("checkin.badge.revoked")}
            </p>
          ) : (
            <p>{t("checkin.badge.none")}</p>
          )}
          <dl style={{ margin: 0 }}>
            <dt style={{ fontWeight: 600 }}>{t("checkin.badge.days")}</dt>
            <dd style={{ marginInlineStart: 0 }}>{b.days.map((d) => dayLabel(b.edition.startsOn, d, locale)).join(" · ")}</dd>
            {b.zones.length ? (
              <>
                <dt style={{ fontWeight: 600 }}>{t("checkin.badge.zones")}</dt>
                <dd style={{ marginInlineStart: 0 }}>{b.zones.map((z) => pick(locale, z.en, z.ur)).join(" · ")}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
      {b.status === "valid" ? (
        <p>
          <a className="button primary" href={`/api/v1/registrations/${b.registrationId}/badge.pdf${b.key ? `?key=${encodeURIComponent(b.key)}` : ""}`} download={`badge-${b.number}.pdf`}>
            {t("checkin.badge.pdf")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** A wrong or outdated badge link (410): say why, and where the current one is. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="checkin.badge.title" goneKey="checkin.badge.linkGone" />;
}
