import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { staffOrganiserId } from "../../../platform/permissions/actor";
import { findCurrentEdition, findEdition, loadEditionDetails } from "../queries";
import { editions } from "../tables";
import { editionFor } from "../for-change";

/**
 * The public view of an edition: published editions for everyone, drafts only
 * for the organiser's staff. Without a slug, the latest published edition.
 */
export async function getPublicEdition(ctx: Ctx, slug?: string) {
  authorize(ctx.actor, "edition.read");
  const edition = slug ? await findEdition(ctx.db, { slug }) : await findCurrentEdition(ctx.db);
  if (!edition) {
    if (slug) throw new DomainError("not_found", { params: { what: "edition" } });
    return null;
  }
  if (edition.status !== "published" && !can(ctx.actor, "edition.update", { organiserId: edition.organiserId })) {
    throw new DomainError("not_found", { params: { what: "edition" } });
  }
  return loadEditionDetails(ctx.db, edition.id);
}

/** The editions of the caller's organiser, newest first. */
export async function listEditions(ctx: Ctx) {
  const organiserId = staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "edition.list", { organiserId });
  if (!organiserId) return [];
  return ctx.db.select().from(editions).where(eq(editions.organiserId, organiserId)).orderBy(desc(editions.startsOn));
}

/** An edition with all its settings, for the back office. */
export async function getEditionForStaff(ctx: Ctx, editionId: string) {
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "edition.update");
  return (await loadEditionDetails(ctx.db, edition.id))!;
}
