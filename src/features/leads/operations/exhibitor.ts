import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import type { Edition } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";

// Who collects leads: the signed-in account's exhibitor grant names the enterprise (never the
// input), and the edition must be one it exhibits in. Refusals: unauthenticated, forbidden
// (no exhibitor grant), exhibitor_not_found (exhibits in no published edition), not_found (edition).

export interface OwnStall {
  enterpriseId: string;
  enterpriseName: { en: string; ur: string | null };
  edition: Edition;
  choices: Edition[];
}

export function ownEnterpriseId(ctx: Ctx): string {
  const grant = ctx.actor.kind === "user" ? ctx.actor.grants.find((g) => g.role === "exhibitor" && g.enterpriseId) : undefined;
  if (!grant) throw new DomainError(ctx.actor.kind === "anonymous" ? "unauthenticated" : "forbidden", { params: { permission: "leads.collect" } });
  authorize(ctx.actor, "leads.collect", { enterpriseId: grant.enterpriseId });
  return grant.enterpriseId!;
}

/** The edition leads are collected in: the one asked for when the enterprise exhibits there, else
 *  the show that is on, else the latest that has begun, else the next. */
export async function ownStall(db: Executor, ctx: Ctx, editionId?: string | null): Promise<OwnStall> {
  const enterpriseId = ownEnterpriseId(ctx);
  const [firm] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!firm) throw new DomainError("exhibitor_not_found");
  const list = await db
    .select()
    .from(editions)
    .where(and(eq(editions.organiserId, firm.organiserId), eq(editions.status, "published")))
    .orderBy(desc(editions.startsOn));
  const choices: Edition[] = [];
  for (const e of list) if ((await editionExhibitorIds(db, e.id)).includes(enterpriseId)) choices.push(e);
  if (!choices.length) throw new DomainError("exhibitor_not_found");
  if (editionId && !choices.some((e) => e.id === editionId)) throw new DomainError("not_found", { params: { what: "edition" } });
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const edition =
    choices.find((e) => e.id === editionId) ??
    choices.find((e) => e.startsOn <= today && today <= e.endsOn) ??
    choices.find((e) => e.startsOn <= today) ??
    choices[choices.length - 1]!;
  return { enterpriseId, enterpriseName: { en: firm.nameEn, ur: firm.nameUr }, edition, choices };
}
