import { z } from "zod";

// Capacity and waitlist as pure functions over counts. The operation layer loads the counts
// under a row lock (one capacity row per bucket, `for update`), calls these, and writes back;
// the functions decide, the lock makes the decision hold under concurrency.
//
// Buckets. A limit can be set on
//   - a category across the edition        "cat:<code>"
//   - a day across all categories          "day:<index>"
//   - a category on one day                "cat:<code>@<index>"
// A registration for category c and days D needs one place in "cat:c", and in "day:d" and
// "cat:c@d" for every d in D, wherever a limit is set. Buckets without a limit are unlimited.
//
// All or nothing: someone registered for several days is admitted only if every chosen day has
// room, else waitlisted for the whole request (a badge for some of the days they asked for is
// not what they asked for; they can register again for fewer days). Places are held from
// registration, also while a trade registration awaits approval, so approvals never oversell;
// a refusal or cancellation frees them.

export const registrationRequestSchema = z
  .object({
    category: z.string().min(1).max(40),
    days: z.array(z.number().int().min(0).max(15)).min(1).max(16),
  })
  .strict();
export type PlaceRequest = z.infer<typeof registrationRequestSchema>;

export interface CapacityState {
  /** Limit per bucket; a missing bucket is unlimited. */
  limits: Readonly<Record<string, number>>;
  /** Places held per bucket. */
  used: Readonly<Record<string, number>>;
}

export const bucket = {
  category: (code: string) => `cat:${code}`,
  day: (day: number) => `day:${day}`,
  categoryDay: (code: string, day: number) => `cat:${code}@${day}`,
};

/** Every bucket a request occupies (limited or not), each once. */
export function bucketsFor(request: PlaceRequest): string[] {
  const days = [...new Set(request.days)].sort((a, b) => a - b);
  return [bucket.category(request.category), ...days.flatMap((d) => [bucket.day(d), bucket.categoryDay(request.category, d)])];
}

/** Limited buckets the request would overflow (empty when it fits). */
export function fullBuckets(state: CapacityState, request: PlaceRequest, places = 1): string[] {
  return bucketsFor(request).filter((b) => {
    const limit = state.limits[b];
    return limit !== undefined && (state.used[b] ?? 0) + places > limit;
  });
}

function add(state: CapacityState, requests: readonly PlaceRequest[], sign: 1 | -1): CapacityState {
  const used: Record<string, number> = { ...state.used };
  for (const r of requests) {
    for (const b of bucketsFor(r)) used[b] = Math.max(0, (used[b] ?? 0) + sign);
  }
  return { limits: state.limits, used };
}

export const holdPlaces = (state: CapacityState, requests: readonly PlaceRequest[]) => add(state, requests, 1);
export const releasePlaces = (state: CapacityState, requests: readonly PlaceRequest[]) => add(state, requests, -1);

export type AdmitDecision = { decision: "admit"; state: CapacityState } | { decision: "waitlist"; full: string[]; state: CapacityState };

/** Admit if every bucket has a place, holding them; otherwise waitlist and leave the state as is. */
export function admitOrWaitlist(state: CapacityState, request: PlaceRequest): AdmitDecision {
  const full = fullBuckets(state, request);
  if (full.length > 0) return { decision: "waitlist", full, state };
  return { decision: "admit", state: holdPlaces(state, [request]) };
}

/** A group (a foreign mission's delegation) comes together or not at all. */
export function admitOrWaitlistGroup(state: CapacityState, requests: readonly PlaceRequest[]): AdmitDecision {
  let next = state;
  for (const r of requests) {
    const step = admitOrWaitlist(next, r);
    if (step.decision === "waitlist") return { decision: "waitlist", full: step.full, state };
    next = step.state;
  }
  return { decision: "admit", state: next };
}

export interface WaitlistEntry extends PlaceRequest {
  id: string;
  /** Position: when they joined the waitlist (ISO) then id, so the order is total and stable. */
  joinedAt: string;
}

export function waitlistOrder(a: WaitlistEntry, b: WaitlistEntry): number {
  return a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Free the places of `freed` (cancellations, refusals) and promote from the waitlist.
 *  Rule: walk the waitlist in order and promote everyone whose request now fits entirely. An
 *  earlier entry always has first claim on any place it can use; an entry whose days are not all
 *  free is skipped, keeps its position and is looked at first next time. (Strict head-of-line
 *  would leave a freed Tuesday place empty because the first in line also wants a full Monday.) */
export function promoteWaitlist(
  state: CapacityState,
  freed: readonly PlaceRequest[],
  waitlist: readonly WaitlistEntry[],
): { promoted: WaitlistEntry[]; state: CapacityState } {
  let next = releasePlaces(state, freed);
  const promoted: WaitlistEntry[] = [];
  for (const entry of [...waitlist].sort(waitlistOrder)) {
    const step = admitOrWaitlist(next, entry);
    if (step.decision === "admit") {
      promoted.push(entry);
      next = step.state;
    }
  }
  return { promoted, state: next };
}
