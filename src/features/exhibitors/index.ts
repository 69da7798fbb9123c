// The public surface of the exhibitors feature: what other features may import (as `#features/exhibitors`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { editionExhibitorIds, isEditionExhibitor } from "./operations/exhibitors-of";
export { seedExhibitorsDemo } from "./seed";
export { exhibitorProducts, exhibitorProfiles } from "./tables";
