import type { Actor } from "../../../platform/permissions/actor";
import { can } from "../../../platform/permissions/policy";

// Where a signed-in person's roles take them: derived from their grants through the same
// permissions the pages check, so a link is shown only to someone the page will let in.

export interface RoleLink {
  to: string;
  /** Message key of the link's text. */
  label: string;
}

const hasGrant = (actor: Actor, role: string) => actor.kind === "user" && actor.grants.some((g) => g.role === role);

/**
 * The role pages for the header: short, one per role (the back office has its own header link).
 * Organiser staff reach the gate and the desk from the back office and their account page.
 */
export function headerRoleLinks(actor: Actor): RoleLink[] {
  const links: RoleLink[] = [];
  if (hasGrant(actor, "gate_staff")) links.push({ to: "/gate", label: "nav.gate" });
  if (hasGrant(actor, "lounge_staff")) links.push({ to: "/lounge", label: "nav.lounge" });
  if (hasGrant(actor, "trade_body_rep")) links.push({ to: "/nominations", label: "nav.nominations" });
  if (hasGrant(actor, "reviewer")) links.push({ to: "/review", label: "nav.reviews" });
  if (hasGrant(actor, "exhibitor")) links.push({ to: "/account/exhibitor", label: "nav.exhibitorPortal" });
  return links;
}

/**
 * Every role page for the account page, the desk included (it needs an edition: the one a scanner
 * would open on, see desk-edition.server.ts). `deskEditionId` null: no desk link.
 */
export function accountRoleLinks(actor: Actor, deskEditionId: string | null): RoleLink[] {
  const links: RoleLink[] = [];
  if (can(actor, "backoffice.enter")) links.push({ to: "/back-office", label: "nav.backOffice" });
  const scans = hasGrant(actor, "gate_staff") || can(actor, "backoffice.enter");
  if (scans) links.push({ to: "/gate", label: "nav.gate" });
  if (scans && deskEditionId) links.push({ to: `/desk/editions/${deskEditionId}/walk-in`, label: "nav.walkIn" });
  const exhibitor = hasGrant(actor, "exhibitor") ? [{ to: "/account/staff-badges", label: "nav.staffBadges" }] : [];
  return [...links, ...headerRoleLinks(actor).filter((l) => l.to !== "/gate"), ...exhibitor];
}

/**
 * Where sign-in lands when nobody asked for a page: the back office for organiser staff and
 * administrators, else the person's one role page (gate, nominations, reviews, exhibitor portal),
 * else the home page. Nobody is sent to a page that would refuse them.
 */
export function landingPath(actor: Actor): string {
  if (can(actor, "backoffice.enter")) return "/back-office";
  return headerRoleLinks(actor)[0]?.to ?? "/";
}
