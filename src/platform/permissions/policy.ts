import { DomainError } from "../errors";
import type { Actor, ApiTokenScope, Role } from "./actor";

// Every operation's permission, declared here one line each, and checked inside
// the operation; API routes and pages go through the same operations, so the
// same rule guards both.

export interface Scope {
  organiserId?: string | null;
  tradeBodyId?: string | null;
  enterpriseId?: string | null;
  userId?: string | null;
}

type Check = (actor: Actor, scope: Scope) => boolean;

const hasRole = (actor: Actor, role: Role, match: (g: { organiserId: string | null }) => boolean = () => true) =>
  actor.kind === "user" && actor.grants.some((g) => g.role === role && match(g));

const admin: Check = (a) => hasRole(a, "platform_admin");
const anyone: Check = () => true;
const signedIn: Check = (a) => a.kind === "user";
/** Organiser staff of the organiser that owns the resource (or any organiser when unscoped). */
const staff: Check = (a, s) =>
  admin(a, s) || hasRole(a, "organiser_staff", (g) => !s.organiserId || g.organiserId === s.organiserId);
const staffOnly: Check = (a, s) => staff(a, s) && a.kind === "user";
const self: Check = (a, s) => a.kind === "user" && !!s.userId && a.userId === s.userId;
/** An API token acting for its own organiser with the given scope. */
const token =
  (scope: ApiTokenScope): Check =>
  (a, s) =>
    a.kind === "token" && a.scopes.includes(scope) && (!s.organiserId || a.organiserId === s.organiserId);
const either =
  (...checks: Check[]): Check =>
  (a, s) =>
    checks.some((c) => c(a, s));

/** A trade-body representative bound to the trade body in scope (issue 4). */
const repOf: Check = (a, s) =>
  a.kind === "user" && !!s.tradeBodyId && a.grants.some((g) => g.role === "trade_body_rep" && g.tradeBodyId === s.tradeBodyId);
const reviewerOf: Check = (a, s) => hasRole(a, "reviewer", (g) => !s.organiserId || g.organiserId === s.organiserId);

/** The registration desk: organiser staff or gate staff of that organiser. */
const desk: Check = (a, s) => staff(a, s) || hasRole(a, "gate_staff", (g) => !s.organiserId || g.organiserId === s.organiserId);

export const policy = {
  "edition.read": anyone,
  "edition.list": either(staff, token("catalogue:read")),
  "edition.create": staffOnly,
  "edition.update": either(staff, token("catalogue:write")),
  "edition.copy": staffOnly,
  "sector.write": either(staff, token("catalogue:write")),
  "cluster.write": either(staff, token("catalogue:write")),
  "tradeBody.write": either(staff, token("catalogue:write")),
  "enterprise.read": either(staff, token("catalogue:read")),
  "audit.read": either(staff, token("audit:read")),
  // The outbox holds every organiser's mail, links included: platform admins only.
  "outbox.read": admin,
  "outbox.readSecrets": admin,
  "apiToken.manage": staffOnly,
  "account.invite": staffOnly,
  "account.readOwn": self,
  "account.updateOwn": self,
  "backoffice.enter": staffOnly,
  "session.signedIn": signedIn,
  // Check-in: gate staff scan for their organiser; organisers manage badges and see footfall;
  // an exhibitor manages only its own staff badges (and sees them); a registrant sees only their own badge.
  "checkin.scan": (a, s) => staff(a, s) || hasRole(a, "gate_staff", (g) => !s.organiserId || g.organiserId === s.organiserId),
  // Finding a person by short code or name at a gate (and admitting them so): people, not tokens.
  "checkin.findPerson": (a, s) => a.kind === "user" && (staff(a, s) || hasRole(a, "gate_staff", (g) => !s.organiserId || g.organiserId === s.organiserId)),
  "checkin.manage": staffOnly,
  "checkin.staffBadges": (a, s) => a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId),
  "badge.read": (a, s) =>
    self(a, s) || staff(a, s) || (a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId)),
  "registration.configure": staffOnly,
  // B2B matchmaking: organisers set up the edition's programme.
  "b2b.configure": staffOnly,
  // The floor plan editor: organisers draw halls, stalls and areas, import and export plans.
  "floor.plan": staffOnly,
  // Organisers enrol the exhibitors, send participants their access link, see every participant.
  "b2b.manage": staffOnly,
  // Organisers run, review, change and confirm the stall allocation.
  "floor.allocate": staffOnly,
  // A participant acts for itself: a buyer-side person for their own registration (scope userId),
  // an exhibitor for its own enterprise (scope enterpriseId). A signed link is its own proof.
  "b2b.participate": (a, s) =>
    self(a, s) || (a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId)),
  "registration.register": anyone,
  "registration.manageOwn": self,
  "registration.list": either(staff, token("catalogue:read")),
  "registration.decide": staffOnly,
  "registration.walkIn": desk,
  "registration.export": either(staff, token("catalogue:read")),
  // Email, phone and answers leave the system only for organiser staff, never through a token.
  "registration.exportPersonal": staffOnly,
  "nominationCall.manage": staffOnly,
  "nomination.create": repOf,
  "nomination.read": either(repOf, staff),
  "review.assign": staffOnly,
  "review.score": reviewerOf,
  "review.readAll": staff,
  "selection.manage": staffOnly,
  "appeal.decide": staffOnly,
  "programme.manage": either(staff, token("catalogue:write")),
  // Exhibitor portal (issue #12, item 5): an exhibitor edits only its own enterprise's profile; organisers manage them all.
  "exhibitor.editOwn": (a, s) => a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId),
  "exhibitor.manage": staffOnly,
  // The meeting day (issue #14): lounge staff (gate staff, or lounge staff: the gate-staff role
  // scoped to the lounge, of the organiser) and organisers check
  // meetings in and see the lounge board; organisers set the no-show rule and read every outcome.
  "meetday.lounge": (a, s) =>
    a.kind === "user" && (staff(a, s) || hasRole(a, "gate_staff", (g) => !s.organiserId || g.organiserId === s.organiserId) || hasRole(a, "lounge_staff", (g) => !s.organiserId || g.organiserId === s.organiserId)),
  "meetday.manage": staffOnly,
  // The baseline (issue #15): an exhibitor answers and sees only its own enterprise's answers and scores; organisers build and read it.
  "baseline.answerOwn": (a, s) => a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId),
  "baseline.manage": staffOnly,
  "analytics.view": staffOnly,
  "analytics.tradeBody": repOf,
  "awards.manage": either(staff, token("catalogue:write")),
  "awards.judge": reviewerOf,
  "awards.enter": (a, s) => a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId),
  // Personal data (issue #15, part 7): a person downloads only their own; organisers erase a person of their editions
  // and set retention; closing the person's account too is for platform admins (accounts span organisers).
  "privacy.exportOwn": self,
  "privacy.anonymise": staffOnly,
  "privacy.anonymiseAccount": admin,
  "privacy.retention": staffOnly,
  // Leads at the stalls (issue #14, item 7): an exhibitor collects and reads only its own leads; organisers see counts only.
  "leads.collect": (a, s) => a.kind === "user" && !!s.enterpriseId && a.grants.some((g) => g.role === "exhibitor" && g.enterpriseId === s.enterpriseId),
  "leads.counts": either(staff, token("catalogue:read")),
} satisfies Record<string, Check>;

export type Permission = keyof typeof policy;

export function can(actor: Actor, permission: Permission, scope: Scope = {}): boolean {
  return policy[permission](actor, scope);
}

/** Throws `unauthenticated` for anonymous callers and `forbidden` for the rest. */
export function authorize(actor: Actor, permission: Permission, scope: Scope = {}): void {
  if (can(actor, permission, scope)) return;
  throw new DomainError(actor.kind === "anonymous" ? "unauthenticated" : "forbidden", { params: { permission } });
}
