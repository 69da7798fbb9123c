// What an exhibitor may see of a lead, pure (issue #14, item 7). The visitor's contact details
// (name, organisation, email) go to the exhibitor only while all of these hold:
//   - the visitor has not withdrawn them from this exhibitor, and
//   - the visitor consents to badge scanning (registration) or accepted this exhibitor's
//     "stay in touch" request.
// Decided every time the details are read (list, export, API), so a withdrawal or a consent
// turned off takes them away at once. Without details the exhibitor still sees that a visit happened.

export interface ConsentFacts {
  consentScan: boolean;
  touch: "none" | "pending" | "accepted" | "declined";
  withdrawn: boolean;
}

export function detailsShared(f: ConsentFacts): boolean {
  if (f.withdrawn) return false;
  return f.consentScan || f.touch === "accepted";
}

/** Retention: a lead is deleted this many days after its edition's last day, unless the visitor agreed to keep it. */
export const RETENTION_DAYS = 90;

/** The last day (YYYY-MM-DD) whose edition's leads are still kept on `today` (YYYY-MM-DD): an edition
 *  that ended on or before it is due for deletion. */
export function retentionCutoff(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - RETENTION_DAYS);
  return d.toISOString().slice(0, 10);
}

/** Tags as the exhibitor typed them: comma-separated, trimmed, no empties, no duplicates, at most 10 of 40 characters. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(",")) {
    const tag = raw.trim().replace(/\s+/g, " ").slice(0, 40);
    if (tag && ![...seen].some((s) => s.toLowerCase() === tag.toLowerCase())) seen.add(tag);
    if (seen.size >= 10) break;
  }
  return [...seen];
}
