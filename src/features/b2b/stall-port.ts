import type { Executor } from "../../platform/db/types";

// Where an exhibitor's stall is, for its stall meetings (issue #11, item 6: "stall with a link to
// where it is"). Stalls live in floor, a higher layer that reads b2b; b2b asks through this port
// (docs/code-style.md, "ports"): floor/b2b-stall-port.ts implements it and src/wiring.ts provides
// it before any request or test runs.

/** A confirmed stall: its number ("2-114"), its hall's name in English and Urdu, and the path of
 *  its page on the public floor plan (where it is, with the hall's map). */
export interface ExhibitorStall {
  number: string;
  hallEn: string;
  hallUr: string;
  path: string;
}

export interface StallPort {
  /** The confirmed stalls of these enterprises in the edition, by enterprise id (none: absent). */
  stallsOf(db: Executor, editionId: string, enterpriseIds: readonly string[]): Promise<Map<string, ExhibitorStall>>;
}

let provided: StallPort | undefined;

export function provideStallPort(port: StallPort): void {
  provided = port;
}

export function stallPort(): StallPort {
  if (!provided) throw new Error("b2b stall port not provided (src/wiring.ts)");
  return provided;
}
