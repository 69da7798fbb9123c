import { sql } from "drizzle-orm";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";

// Visitors of an edition by category (issue #15, item 5: "visitors and footfall"): registrations
// not cancelled, those approved, and those who came (a badge admitted at least once at a gate,
// door rehearsals left out). Categories are matched across editions by their code.

export interface VisitorRow {
  code: string;
  nameEn: string;
  nameUr: string;
  registered: number;
  approved: number;
  attended: number;
}
export const visitorMeasures = ["registered", "approved", "attended"] as const satisfies readonly (keyof VisitorRow)[];

export async function visitorsByCategory(db: Executor, editionId: string): Promise<VisitorRow[]> {
  const rows = rowsOf<{ code: string; name_en: string; name_ur: string; registered: number; approved: number; attended: number }>(
    await db.execute(sql`
      WITH came AS (SELECT DISTINCT registration_no FROM checkin_scans WHERE edition_id = ${editionId} AND result = 'admit' AND NOT rehearsal)
      SELECT vc.code, vc.name_en, vc.name_ur,
        count(r.id)::int AS registered,
        count(r.id) FILTER (WHERE r.status = 'approved')::int AS approved,
        count(r.id) FILTER (WHERE r.status = 'approved' AND r.number IN (SELECT registration_no FROM came))::int AS attended
      FROM visitor_categories vc
      LEFT JOIN registrations r ON r.category_id = vc.id AND r.status <> 'cancelled'
      WHERE vc.edition_id = ${editionId}
      GROUP BY vc.id, vc.code, vc.name_en, vc.name_ur, vc.sort
      ORDER BY vc.sort, vc.code
    `),
  );
  return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameUr: r.name_ur, registered: r.registered, approved: r.approved, attended: r.attended }));
}
