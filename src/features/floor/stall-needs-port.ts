import type { Executor } from "../../platform/db/types";

// What each exhibitor said its stall needs (issue #12, item 3): power, step-free access, a corner,
// a floor area, the women entrepreneurs' enclave. Exhibitors say it in their portal; the exhibitors
// feature reads the floor, so the floor asks through this port (docs/code-style.md, "ports"):
// exhibitors/floor-needs-port.ts implements it and src/wiring.ts provides it. Which of these
// outrank the cluster's pavilion: docs/decisions/0017-stall-needs.md.

export interface StallNeeds {
  /** null: not said yet. */
  power: "none" | "single_phase" | "three_phase" | null;
  stepFree: boolean;
  wantsCorner: boolean;
  /** The floor area needed, in m²; null: a standard stall. */
  areaM2: number | null;
  /** A women-led micro enterprise's choice of the enclave; null: not said (taken as yes). */
  womenEnclave: boolean | null;
}

export interface StallNeedsPort {
  /** What the given enterprises said for this edition, by enterprise id (absent: nothing said). */
  needsOf(db: Executor, editionId: string, enterpriseIds: readonly string[]): Promise<Map<string, StallNeeds>>;
}

let provided: StallNeedsPort | undefined;

export function provideStallNeedsPort(port: StallNeedsPort): void {
  provided = port;
}

export function stallNeedsPort(): StallNeedsPort {
  if (!provided) throw new Error("floor stall-needs port not provided (src/wiring.ts)");
  return provided;
}
