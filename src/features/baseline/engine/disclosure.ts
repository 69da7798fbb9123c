import { suppress } from "#features/selection/client";
import { SMALL_CELL, TOTAL } from "./figures";
import { givenAway } from "./linear-audit";

// Small-cell suppression across the published tables (issue #15, item 6: the open data and the
// ministry's PDF), which share their firms: one table minus another must not give a withheld cell
// away. The transparency report's own rule (`suppress`) over every table at once, with more lines
// than each table's own (a group of 1 to threshold − 1 firms is withheld; wherever a line would
// hold exactly one withheld cell, its smallest shown cell goes too, until none does):
//   - each table: its groups and the total (one cell, the same in every table);
//   - each nesting, parent ⊃ child: each parent group with the child groups that have firms in it
//     (a province and its clusters, a sector and its clusters, a province and its districts, a
//     district and its clusters);
// then an exact audit (linear-audit.ts) that no withheld cell is a sum and difference of shown
// ones; when one is, the smallest shown cell of that sum is withheld too and all of it runs again.

/** The firms of one combination of every published breakdown's groups. */
export interface Combination {
  groups: Readonly<Record<string, string>>;
  firms: number;
}

/** The published tables that nest, parent ⊃ child, as the firms' registry makes them: a cluster
 *  belongs to one sector; a district lies in one province; the demo's clusters each lie in one
 *  district. A child with firms in two parents is counted in both (which only hides more). */
export const nestings = [
  ["province", "cluster"],
  ["sector", "cluster"],
  ["province", "district"],
  ["district", "cluster"],
] as const satisfies readonly (readonly [string, string])[];

export const cellOf = (by: string, group: string) => `${by}|${group}`;

/** Every published cell ("<table>|<group>", and "total") with its firms and the combinations
 *  (indexes into `combos`) it sums. */
export function cellsOf(combos: readonly Combination[], tables: readonly string[]): { values: Map<string, number>; cells: Map<string, number[]> } {
  const values = new Map<string, number>([[TOTAL, combos.reduce((s, c) => s + c.firms, 0)]]);
  const cells = new Map<string, number[]>([[TOTAL, combos.map((_, k) => k)]]);
  combos.forEach((c, k) => {
    for (const by of tables) {
      const id = cellOf(by, c.groups[by]!);
      values.set(id, (values.get(id) ?? 0) + c.firms);
      cells.set(id, [...(cells.get(id) ?? []), k]);
    }
  });
  return { values, cells };
}

/** Each table's lines (its groups, then the total) and each nesting's (a parent, then its children). */
export function linesOf(combos: readonly Combination[], tables: readonly string[], nest: readonly (readonly [string, string])[]): string[][] {
  const groupsOf = (by: string) => [...new Set(combos.map((c) => c.groups[by]!))].sort();
  const lines = tables.map((by) => [...groupsOf(by).map((g) => cellOf(by, g)), TOTAL]);
  for (const [parent, child] of nest) {
    if (!tables.includes(parent) || !tables.includes(child)) continue;
    for (const p of groupsOf(parent)) {
      const inside = new Set(combos.filter((c) => c.groups[parent] === p).map((c) => c.groups[child]!));
      lines.push([cellOf(parent, p), ...[...inside].sort().map((g) => cellOf(child, g))]);
    }
  }
  return lines;
}

/** Which groups (and "total") each published table withholds. */
export function protectedTables(
  combos: readonly Combination[],
  tables: readonly string[],
  nest: readonly (readonly [string, string])[] = nestings,
  threshold = SMALL_CELL,
): Map<string, Set<string>> {
  // In a fixed order whatever order the database gave them, so the same firms give the same cells.
  const key = (c: Combination) => JSON.stringify(tables.map((by) => c.groups[by]));
  combos = [...combos].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const { values, cells } = cellsOf(combos, tables);
  const lines = linesOf(combos, tables, nest);
  const also = new Set<string>();
  for (;;) {
    const hidden = suppress(values, lines, threshold, also);
    const leak = givenAway(cells, combos.length, hidden);
    if (!leak) {
      const out = new Map(tables.map((by) => [by, new Set<string>(hidden.has(TOTAL) ? [TOTAL] : [])]));
      for (const id of hidden) if (id !== TOTAL) out.get(id.slice(0, id.indexOf("|")))!.add(id.slice(id.indexOf("|") + 1));
      return out;
    }
    const groupsFirst = leak.from.some((id) => id !== TOTAL) ? leak.from.filter((id) => id !== TOTAL) : leak.from;
    also.add(groupsFirst.reduce((a, b) => (values.get(b)! < values.get(a)! || (values.get(b) === values.get(a) && b < a) ? b : a)));
  }
}
