import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { areaOf, numberSequence, planIssues } from "../engine/geometry";
import { readStallCsv, readStallDxf, type ImportIssue } from "../engine/plan-import";
import { floorStalls } from "../tables";
import { editHall, nextSeq, noInverse, number, round, shapeOutline, uuid, withOutline, type StallRow } from "./plan-edit-core";

// Stalls imported from a CSV or DXF file into a hall (issue #12, item 2), all or nothing.

// ————— import —————

export const importInput = z.object({
  hallId: uuid,
  format: z.enum(["csv", "dxf"]),
  text: z.string().max(2_000_000),
  /** DXF: the layer whose closed polylines are stalls; its units in metres (0.001 for millimetres). */
  layer: z.string().trim().max(100).default("STALLS"),
  scale: z.coerce.number().positive().max(1000).default(1),
  /** DXF: stalls without a number inside get the next ones after this (default: the hall's code + "-1"). */
  first: number.optional(),
});

/** A bad row or entity as a field issue: path `row.<n>` (CSV line) or `entity.<n>` (DXF shape). */
const rowIssue = (format: "csv" | "dxf", i: ImportIssue): FieldIssue => ({ path: `${format === "csv" ? "row" : "entity"}.${i.at}`, code: i.code, params: { at: i.at, ...i.params } });

/**
 * Stalls from a CSV or DXF file, all or nothing: any bad row or entity (unreadable, a missing or
 * repeated number, a bad size, outside the hall, on an obstacle, overlapping) refuses the whole
 * file with `floor_import_invalid` and one field issue per row or entity.
 */
export async function importFloorStalls(ctx: Ctx, raw: Input<typeof importInput>) {
  const i = parseInput(importInput, raw);
  return editHall(ctx, i.hallId, "import", async ({ tx, edition, hall, stalls, areas }) => {
    const read = i.format === "csv" ? readStallCsv(i.text) : readStallDxf(i.text, { layer: i.layer, depthM: hall.depthM, scale: i.scale });
    const issues = [...read.issues];
    const taken = new Set(
      (await tx.select({ number: floorStalls.number }).from(floorStalls).where(eq(floorStalls.editionId, edition.id))).map((s) => s.number.toLowerCase()),
    );
    const auto = numberSequence(i.first ?? `${hall.code}-1`, read.stalls.length + taken.size + 1).filter((n) => !taken.has(n.toLowerCase()) && !read.stalls.some((s) => s.number?.toLowerCase() === n.toLowerCase()));
    let seq = nextSeq(stalls);
    const values = read.stalls.map((s) => {
      const num = s.number ?? auto.shift()!;
      if (taken.has(num.toLowerCase())) issues.push({ at: s.at, code: "floor_import_number_taken", params: { number: num } });
      const area = s.areaCode ? areas.find((a) => a.code.toLowerCase() === s.areaCode!.toLowerCase()) : undefined;
      if (s.areaCode && !area) issues.push({ at: s.at, code: "floor_import_area", params: { area: s.areaCode } });
      return {
        at: s.at,
        row: {
          editionId: edition.id,
          hallId: hall.id,
          areaId: area?.id ?? null,
          number: num,
          seq: seq++,
          x: s.rect?.x ?? null,
          y: s.rect?.y ?? null,
          w: s.rect?.w ?? null,
          h: s.rect?.h ?? null,
          polygon: s.polygon,
          areaM2: round(s.areaM2 || areaOf(s.rect ? { rect: s.rect } : { polygon: s.polygon! })),
          type: (s.polygon ? "raw_space" : "shell_scheme") as "raw_space" | "shell_scheme",
        },
      };
    });
    const asRows = values.map((v) => ({ ...v.row, id: `new-${v.at}` }) as unknown as StallRow);
    const geo = planIssues(
      { widthM: hall.widthM, depthM: hall.depthM, obstacles: hall.obstacles.map((o) => shapeOutline(o.shape)) },
      asRows.map(withOutline),
      stalls.map(withOutline),
    );
    for (const g of geo) {
      const v = values.find((x) => x.row.number === g.stall)!;
      issues.push({ at: v.at, code: g.code, params: { stall: g.stall, other: "other" in g ? g.other : "" } });
    }
    if (issues.length) {
      issues.sort((p, q) => p.at - q.at);
      throw new DomainError("floor_import_invalid", { params: { count: issues.length }, fields: issues.map((x) => rowIssue(i.format, x)) });
    }
    const created = await tx.insert(floorStalls).values(values.map((v) => v.row)).returning();
    return { result: { imported: created.length, stalls: created }, inverse: { ...noInverse(), createdStalls: created.map((c) => c.id) }, data: { format: i.format, count: created.length } };
  });
}

