import type { Executor } from "../../platform/db/types";

// The baseline's export-readiness score of exhibitors (issue #15, item 3: "scores feed the
// matchmaking filters"). The baseline is a higher layer that reads exhibitors; b2b asks through
// this port (docs/code-style.md, "ports"): baseline/b2b-readiness-port.ts implements it and
// src/wiring.ts provides it before any request or test runs.

export const exportBands = ["emerging", "developing", "ready", "advanced"] as const;
export type ExportBand = (typeof exportBands)[number];

/** An exhibitor's export-readiness score (0–100) and band, by the published method (/baseline/method). */
export interface ExportScore {
  score: number;
  band: ExportBand;
}

export interface ReadinessPort {
  /** The scores of the edition's exhibitors that submitted its baseline, by enterprise id. */
  exportScores(db: Executor, editionId: string): Promise<Map<string, ExportScore>>;
}

let provided: ReadinessPort | undefined;

export function provideReadinessPort(port: ReadinessPort): void {
  provided = port;
}

export function readinessPort(): ReadinessPort {
  if (!provided) throw new Error("b2b readiness port not provided (src/wiring.ts)");
  return provided;
}
