import { checklistItems, type ChecklistItem, type PowerNeed } from "../tables";

// The exhibitor's checklist (issue #12, item 5), computed from the profile and the organiser's
// deadlines; pure, so the portal, the organiser's list and the chase agree on who is late.
// Done: fascia name in both scripts; power needs stated; product samples stated; documents
// uploaded (a logo and at least one photo). Late: not done and its deadline has passed.

export interface ChecklistFacts {
  fasciaEn: string | null;
  fasciaUr: string | null;
  powerNeed: PowerNeed | null;
  samples: string | null;
  logo: boolean;
  photos: number;
}

export interface ChecklistEntry {
  item: ChecklistItem;
  done: boolean;
  dueAt: Date | null;
  late: boolean;
}

const filled = (s: string | null) => !!s && s.trim().length > 0;

export function itemDone(item: ChecklistItem, f: ChecklistFacts): boolean {
  switch (item) {
    case "fascia":
      return filled(f.fasciaEn) && filled(f.fasciaUr);
    case "power":
      return f.powerNeed !== null;
    case "samples":
      return filled(f.samples);
    case "documents":
      return f.logo && f.photos > 0;
  }
}

export function checklist(f: ChecklistFacts | null, deadlines: ReadonlyMap<ChecklistItem, Date>, now: Date): ChecklistEntry[] {
  return checklistItems.map((item) => {
    const done = f ? itemDone(item, f) : false;
    const dueAt = deadlines.get(item) ?? null;
    return { item, done, dueAt, late: !done && dueAt !== null && dueAt.getTime() < now.getTime() };
  });
}

export const isLate = (entries: readonly ChecklistEntry[]) => entries.some((e) => e.late);
