// The public surface of the baseline feature: what other features may import (as `#features/baseline`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { barChartSvg, type BarChartInput } from "./charts";
export { breakdowns, type Breakdown } from "./engine/breakdowns";
export { hiddenGroups, SMALL_CELL } from "./engine/figures";
export { clusterNames, groupName, type ClusterNames } from "./operations/labels";
export { groupSqlOf } from "./operations/aggregates";
export { exportScoresOf } from "./operations/scores";
export { seedBaselineDemo } from "./seed";
