// "Already inside": the one definition (issue 10). Pure: the gate page's offline decisions, the
// server's scan decision and the admit key the database keeps unique all come from here. The SQL
// form of `alreadyInside` (the `inside` column of the scan read in operations/scan.ts) sits beside
// the query that needs it and says the same.
//
// Without exit scans at the Expo Centre, a badge is inside a zone once it was admitted through a
// gate of that zone (null: a general entrance) on that edition day. A door rehearsal's admissions
// count only within that rehearsal (its date), the event's only within the event; with re-entry
// allowed, "inside" never blocks (the caller does not ask).

/** A scan a gate saw earlier (the history "already inside" looks at). */
export interface PriorScan {
  result: "admit" | "refuse";
  dayIndex: number;
  /** Zone the gate guarded; null for a general entrance. */
  zone: number | null;
  /** Made during a door rehearsal: counts only against rehearsal scans. */
  rehearsal?: boolean;
  /** The date of that rehearsal (kept by the gate page, where history outlives a day). */
  on?: string;
}

/** Where and when a badge is scanned now. */
export interface Place {
  dayIndex: number;
  zone: number | null;
  rehearsal: boolean;
  /** The rehearsal's date when rehearsing (required for `admitKey`; optional for `alreadyInside`
   *  when the history holds only this rehearsal's scans). */
  rehearsalOn?: string | null;
}

/** Was this badge admitted at this place earlier, in the same mode (event or this rehearsal)? */
export function alreadyInside(history: readonly PriorScan[], at: Place): boolean {
  return history.some(
    (s) =>
      s.result === "admit" &&
      s.dayIndex === at.dayIndex &&
      s.zone === at.zone &&
      (s.rehearsal ?? false) === at.rehearsal &&
      (!at.rehearsal || at.rehearsalOn == null || s.on === undefined || s.on === at.rehearsalOn),
  );
}

/** A history without the admissions of other rehearsals than the one on `rehearsalOn` (the gate
 *  page keeps admissions across days; a rehearsal's count only within it). */
export function ofThisRehearsal<S extends PriorScan>(history: readonly S[], rehearsalOn: string | null | undefined): S[] {
  return history.filter((s) => !s.rehearsal || s.on === rehearsalOn);
}

/** The key that makes "one admission per badge and place" a database invariant (the unique
 *  (edition, registration, admit_key) of checkin_scans): equal exactly when `alreadyInside` would
 *  see the one admission from the other. A rehearsal's keys carry its date, so they never block
 *  the event's, nor another rehearsal's. */
export function admitKey(at: Place): string {
  if (at.rehearsal && !at.rehearsalOn) throw new Error("a rehearsal's admit key needs its date");
  return `${at.rehearsal ? `r${at.rehearsalOn}:` : ""}${at.dayIndex}:${at.zone ?? "-"}`;
}
