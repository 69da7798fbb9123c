// The public surface of the programme feature: what other features may import (as `#features/programme`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { seedDemoAgenda } from "./demo-agenda";
