import type { Clock } from "../../src/platform/clock";

// The instants test servers start at. A browser-journey file's server starts from a demo database
// seeded at its clock's start (tests/support/global-e2e.ts seeds one snapshot per instant below),
// so the clocks are named here, once, and a file picks one by name.

/** A clock that runs from `start` at the wall clock's pace, and says where it started. */
export interface StartedClock extends Clock {
  start: string;
}

export function clockFrom(start: string): StartedClock {
  const offset = Date.parse(start) - Date.now();
  return { start, now: () => new Date(Date.now() + offset) };
}

/** A started clock a test can move forward (a publication time reached, a deadline passed). */
export interface MovableClock extends StartedClock {
  /** Moves the clock forward by `ms`; it keeps running from there. */
  forward(ms: number): void;
}

export function movableClock(start: string): MovableClock {
  let offset = Date.parse(start) - Date.now();
  return { start, now: () => new Date(Date.now() + offset), forward: (ms) => void (offset += ms) };
}

/**
 * The day the suite runs on, whatever the calendar says: the 2026 show is over, next year's is
 * ahead. Servers start here unless a file asks for another clock, and browsers share the server's
 * clock, so a journey that depends on "today" gives the same answer on every day it is run.
 */
export const SUITE_NOW = "2026-12-04T06:00:00Z";
/** Two weeks before the demo edition opens (registering for its days). */
export const BEFORE_THE_SHOW = "2026-01-10T08:00:00Z";
/** The second day of the demo edition (days already held). */
export const SHOW_DAY_2 = "2026-01-25T06:00:00Z";

/** Every instant a browser-journey server may start at with a ready, seeded database. */
export const E2E_SEED_INSTANTS = [SUITE_NOW, BEFORE_THE_SHOW, SHOW_DAY_2] as const;
