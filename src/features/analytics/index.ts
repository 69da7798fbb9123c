// The public surface of the analytics feature (as `#features/analytics`). Browser-safe exports live
// in ./client.ts and are re-exported here. Decision 0014.
export * from "./client";
export { editionAnalytics } from "./operations/analytics";
