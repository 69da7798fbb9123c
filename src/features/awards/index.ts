// The public surface of the awards feature: what other features may import (as `#features/awards`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { seedDemoAwards } from "./demo-awards";
