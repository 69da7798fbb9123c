import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { enterprises } from "../../editions/enterprise-tables";
import { editions } from "../../editions/tables";
import { floorStalls } from "../../floor/tables";
import { nominations, selections } from "../../nominations/tables";

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
