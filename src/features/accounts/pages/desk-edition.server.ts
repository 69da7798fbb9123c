import { desc, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { can } from "../../../platform/permissions/policy";
import { defaultScanEdition } from "#features/editions";
import { editions } from "#features/editions";

/** The edition the walk-in desk link opens: among those this person may run the desk for. */
export async function deskEditionId(ctx: Ctx): Promise<string | null> {
  if (ctx.actor.kind !== "user" || !ctx.actor.grants.some((g) => g.role === "gate_staff" || g.role === "organiser_staff" || g.role === "platform_admin")) {
    return null;
  }
  const rows = await ctx.db
    .select({ id: editions.id, organiserId: editions.organiserId, status: editions.status, startsOn: editions.startsOn, endsOn: editions.endsOn })
    .from(editions)
    .where(inArray(editions.status, ["published", "draft"]))
    .orderBy(desc(editions.startsOn));
  const allowed = rows.filter((e) => can(ctx.actor, "registration.walkIn", { organiserId: e.organiserId }));
  return defaultScanEdition(allowed, ctx.clock.now().toISOString().slice(0, 10))?.id ?? null;
}
