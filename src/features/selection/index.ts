// The public surface of the selection feature: what other features may import (as `#features/selection`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { seedDemoCall } from "./demo-call";
export { seedDemoOpenCall } from "./demo-open-call";
export { publishedDecision } from "./operations/selection";
