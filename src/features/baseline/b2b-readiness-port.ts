import type { ReadinessPort } from "#features/b2b";
import { exportScoresOf } from "./operations/scores";

/** b2b's readiness port: the export-readiness scores of the edition's submitted baselines. */
export const baselineReadinessPort: ReadinessPort = { exportScores: exportScoresOf };
