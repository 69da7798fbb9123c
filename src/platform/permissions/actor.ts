export const roles = [
  "platform_admin",
  "organiser_staff",
  "trade_body_rep",
  "exhibitor",
  "visitor",
  "reviewer",
  "gate_staff",
  /** Gate staff for the B2B lounge alone: the lounge board and its meeting check-in, not the gates or the desk. */
  "lounge_staff",
] as const;
export type Role = (typeof roles)[number];

export const apiTokenScopes = ["catalogue:read", "catalogue:write", "audit:read"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

export interface Grant {
  role: Role;
  organiserId: string | null;
  tradeBodyId: string | null;
  enterpriseId: string | null;
}

/** Who is calling: nobody, a signed-in person with their grants, or an organiser's API token. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; email: string; name: string; grants: Grant[] }
  | { kind: "token"; tokenId: string; organiserId: string; scopes: ApiTokenScope[]; label: string };

export const anonymous: Actor = { kind: "anonymous" };

export function actorLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "token") return `token:${actor.label}`;
  return "anonymous";
}

/** The organiser an organiser-staff actor works for (the first one granted). */
export function staffOrganiserId(actor: Actor): string | null {
  if (actor.kind === "token") return actor.organiserId;
  if (actor.kind !== "user") return null;
  return actor.grants.find((g) => g.role === "organiser_staff")?.organiserId ?? null;
}
