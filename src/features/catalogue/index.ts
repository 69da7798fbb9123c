// The public surface of the catalogue feature: what other features may import (as `#features/catalogue`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
