import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { floorStalls } from "#features/floor";
import { nominations, selections } from "#features/nominations";

// Who exhibits in an edition: the enterprises its published selection chose (decisions → nominations
// → the registry, by NTN, as the floor's demo plan and the B2B enrolment find them), and any
// enterprise an organiser has placed on a stall (assigned or confirmed) by hand.

export async function editionExhibitorIds(db: Executor, editionId: string): Promise<string[]> {
  const ids = new Set<string>();
  const [selection] = await db.select().from(selections).where(eq(selections.editionId, editionId));
  if (selection?.publishedAt) {
    const decisions = (selection.result as { decisions?: { applicationId: string; status: string }[] }).decisions ?? [];
    const chosen = decisions.filter((d) => d.status === "selected").map((d) => d.applicationId);
    if (chosen.length) {
      const noms = await db
        .select({ ntn: nominations.ntn })
        .from(nominations)
        .where(and(eq(nominations.editionId, editionId), inArray(nominations.id, chosen)));
      const ntns = noms.map((n) => n.ntn);
      const [edition] = await db.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, editionId));
      if (ntns.length && edition) {
        const rows = await db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.organiserId, edition.organiserId), inArray(enterprises.ntn, ntns)));
        for (const r of rows) ids.add(r.id);
      }
    }
  }
  const placed = await db
    .select({ id: floorStalls.enterpriseId })
    .from(floorStalls)
    .where(and(eq(floorStalls.editionId, editionId), inArray(floorStalls.state, ["assigned", "confirmed"])));
  for (const p of placed) if (p.id) ids.add(p.id);
  return [...ids];
}

/** Whether one enterprise exhibits in an edition: the rule of editionExhibitorIds for one firm, in
 *  a few indexed reads instead of the whole edition's list (a firm's own survey pages ask this for
 *  every edition on every save: bench:baseline, issue #15). */
export async function isEditionExhibitor(db: Executor, editionId: string, enterpriseId: string): Promise<boolean> {
  const [placed] = await db
    .select({ id: floorStalls.id })
    .from(floorStalls)
    .where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.enterpriseId, enterpriseId), inArray(floorStalls.state, ["assigned", "confirmed"])))
    .limit(1);
  if (placed) return true;
  const [firm] = await db.select({ ntn: enterprises.ntn, organiserId: enterprises.organiserId }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  const [edition] = await db.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, editionId));
  if (!firm?.ntn || !edition || edition.organiserId !== firm.organiserId) return false;
  const noms = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(and(eq(nominations.editionId, editionId), eq(nominations.ntn, firm.ntn)));
  if (noms.length === 0) return false;
  const [selection] = await db.select({ publishedAt: selections.publishedAt, result: selections.result }).from(selections).where(eq(selections.editionId, editionId));
  if (!selection?.publishedAt) return false;
  const mine = new Set(noms.map((n) => n.id));
  const decisions = (selection.result as { decisions?: { applicationId: string; status: string }[] }).decisions ?? [];
  return decisions.some((d) => d.status === "selected" && mine.has(d.applicationId));
}
