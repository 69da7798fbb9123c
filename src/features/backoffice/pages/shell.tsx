import { NavLink, Outlet, useParams } from "react-router";
import type { Route } from "./+types/shell";
import { authorize, can } from "../../../platform/permissions/policy";
import { loadOr } from "../../../web/actions";
import { useT } from "../../../web/i18n";

// Every back-office page sits under this layout, whose loader refuses anyone who
// is not organiser staff; each page's operation checks its own permission too.
// Back-office pages keep client navigation and focus handling (budget 400 KB): they hydrate.
export const handle = { hydrate: true };

export async function loader({ context, request }: Route.LoaderArgs) {
  await loadOr(request, async () => authorize(context.ctx.actor, "backoffice.enter"));
  // Links only to pages this person may open (the outbox is not every staff member's).
  return { canOutbox: can(context.ctx.actor, "outbox.read") };
}

export default function BackOfficeShell({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { editionId } = useParams();
  const items = [
    { to: "/back-office", label: t("bo.nav.dashboard"), end: true },
    { to: "/back-office/audit", label: t("bo.nav.audit") },
    { to: "/back-office/selection", label: t("nominations.sel.title") },
    { to: "/back-office/invite", label: t("bo.nav.invite") },
    { to: "/back-office/tokens", label: t("bo.nav.tokens") },
    ...(loaderData.canOutbox ? [{ to: "/back-office/outbox", label: t("bo.nav.outbox") }] : []),
  ];
  // Pages of one edition, while one is open: every back-office page of it, in the order of the year's work.
  const e = editionId ? `/back-office/editions/${editionId}` : null;
  const editionItems = e
    ? [
        { to: e, label: t("bo.edition.settings"), end: true },
        { to: `${e}/registration`, label: t("registration.settings.title") },
        { to: `${e}/registrations`, label: t("registration.bo.title") },
        { to: `${e}/call`, label: t("nominations.call.title") },
        { to: `${e}/nominees`, label: t("nominations.all.title") },
        { to: `${e}/reviewers`, label: t("nominations.aff.title") },
        { to: `${e}/selection`, label: t("nominations.sel.title") },
        { to: `${e}/badges`, label: t("checkin.nav.badges") },
        { to: `${e}/checkin-setup`, label: t("checkin.nav.setup") },
        { to: `${e}/zone-access`, label: t("checkin.nav.zoneAccess") },
        { to: `${e}/b2b`, label: t("b2b.nav.programme") },
        { to: `${e}/floor/allocation`, label: t("floor.alloc.nav") },
        { to: `${e}/floor`, label: t("floor.editor.halls.title") },
        { to: `${e}/footfall`, label: t("checkin.nav.footfall") },
        { to: `${e}/outcomes`, label: t("meetday.admin.title") },
        { to: `${e}/baseline`, label: t("baseline.bo.title") },
        { to: `${e}/privacy`, label: t("privacy.bo.title") },
        { to: `${e}/leads`, label: t("leads.admin.title") },
        { to: `${e}/analytics`, label: t("analytics.title") },
      ]
    : [];
  return (
    <div className="backoffice">
      <nav className="bo-nav" aria-label={t("bo.title")}>
        <ul>
          {items.map((i) => (
            <li key={i.to}>
              <NavLink to={i.to} end={i.end}>
                {i.label}
              </NavLink>
            </li>
          ))}
        </ul>
        {editionItems.length > 0 ? (
          <>
            <p className="bo-nav-heading" id="bo-edition-nav">
              {t("bo.nav.thisEdition")}
            </p>
            <ul aria-labelledby="bo-edition-nav">
              {editionItems.map((i) => (
                <li key={i.to}>
                  <NavLink to={i.to} end={i.end}>
                    {i.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </nav>
      {/* min-width 0: a grid item otherwise grows to its widest table and the page scrolls sideways at 360 px. */}
      <div className="bo-content" style={{ minWidth: 0 }}>
        <Outlet />
      </div>
    </div>
  );
}
