// The public surface of the privacy feature: what other features may import (as `#features/privacy`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { seedPrivacyDemo } from "./seed";
