import { DomainError } from "../errors";
import type { Actor } from "./actor";
import { authorize, can, type Permission, type Scope } from "./policy";

/**
 * The one rule for "load a thing, then authorise" (issue 10). A caller who could not hold the
 * permission anywhere (anonymous, a visitor, gate staff asking for a staff-only thing) gets the
 * same refusal whether the thing exists or not (`unauthenticated` or `forbidden`, as `authorize`
 * answers), so they cannot tell that it exists. A caller who holds it somewhere (organiser staff,
 * a token) gets `not_found` for a missing thing and `forbidden` for another organiser's.
 *
 * `base` is the part of the scope known before loading (a trade body, a user); `scopeOf` the
 * rest, from the thing found.
 */
export function authorizeFound<T>(
  actor: Actor,
  permission: Permission,
  found: T | null | undefined,
  scopeOf: (thing: T) => Scope,
  what: string,
  base: Scope = {},
): T {
  if (!can(actor, permission, base)) authorize(actor, permission, base);
  if (found == null) throw new DomainError("not_found", { params: { what } });
  authorize(actor, permission, { ...base, ...scopeOf(found) });
  return found;
}
