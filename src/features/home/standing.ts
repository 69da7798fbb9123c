// Where an edition stands on a given day, at its venue: the one place the public pages decide
// whether to offer registration or to say the show took place and point to its results.
// Pure: no clock, no database (the caller passes "now" and what it knows).
import { dateAt } from "#features/registration/client";

export type EditionStanding = "upcoming" | "open" | "on_now" | "took_place";

export interface StandingEdition {
  startsOn: string;
  endsOn: string;
  timezone: string;
  status: string;
}

/**
 * - `took_place`: its last day is over at the venue (results, not registration);
 * - `on_now`: today is one of its days (visitors may still register for today and the days left);
 * - `open`: its days are ahead and it takes registration (published);
 * - `upcoming`: its days are ahead but it does not take registration yet (a draft shown to staff).
 */
export function editionStanding(edition: StandingEdition, now: Date): EditionStanding {
  const today = dateAt(now, edition.timezone);
  if (today > edition.endsOn) return "took_place";
  if (today >= edition.startsOn) return "on_now";
  return edition.status === "published" ? "open" : "upcoming";
}

/** Whether the edition's page offers "Register to visit". */
export const offersRegistration = (standing: EditionStanding) => standing === "open" || standing === "on_now";

export type ResultKind = "transparency" | "catalogue" | "winners" | "outcomes";

/** The results of a past edition, in the order shown: what exists of them, each with its page. */
export function editionResults(slug: string, has: Partial<Record<ResultKind, boolean>>): { kind: ResultKind; to: string }[] {
  const pages: Record<ResultKind, string> = {
    transparency: `/editions/${slug}/transparency`,
    catalogue: `/editions/${slug}/catalogue`,
    winners: `/editions/${slug}/winners`,
    outcomes: `/editions/${slug}/outcomes`,
  };
  return (["transparency", "catalogue", "winners", "outcomes"] as const).filter((k) => has[k]).map((kind) => ({ kind, to: pages[kind] }));
}
