// The public surface of the matchmaking feature: what other features may import (as `#features/matchmaking`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { lpBound } from "./engine/bound";
export { runInWorker, runScheduleInWorker } from "./engine/worker";
