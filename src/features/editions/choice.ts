import type { editions } from "./tables";

type EditionRow = typeof editions.$inferSelect;

/** The edition a scanner opens on when none is asked for: a published one before a draft (next
 *  year's copy is a draft while this year's show runs); among them the one on today, else the
 *  next to come, else the latest past. */
export function defaultScanEdition<E extends Pick<EditionRow, "status" | "startsOn" | "endsOn">>(list: E[], today: string): E | undefined {
  const rank = (e: E) => (e.startsOn <= today && today <= e.endsOn ? 0 : e.startsOn > today ? 1 : 2);
  const order = (a: E, b: E) =>
    (a.status === "published" ? 0 : 1) - (b.status === "published" ? 0 : 1) ||
    rank(a) - rank(b) ||
    (rank(a) === 1 ? a.startsOn.localeCompare(b.startsOn) : b.startsOn.localeCompare(a.startsOn));
  return [...list].sort(order)[0];
}
