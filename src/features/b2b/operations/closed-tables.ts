import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import type { ClosedTable } from "../core/slots";
import { b2bRepairs } from "../tables";

/** The lounge tables closed by "remove table" repairs of an edition (each from a slot on, to the
 *  end of the show): what repairs, scheduling runs and moves in a draft all leave out. */
export async function closedTables(db: Executor, editionId: string): Promise<ClosedTable[]> {
  const rows = await db
    .select({ change: b2bRepairs.change })
    .from(b2bRepairs)
    .where(and(eq(b2bRepairs.editionId, editionId), eq(b2bRepairs.kind, "remove_table")))
    .orderBy(asc(b2bRepairs.at));
  return rows.map((r) => {
    const c = r.change as { tableNo: number; day: number; startMinute: number };
    return { tableNo: c.tableNo, day: c.day, startMinute: c.startMinute };
  });
}
