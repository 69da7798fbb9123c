// The public surface of the checkin feature: what other features may import (as `#features/checkin`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { decodeBadge, editionShortId, verifyBadge } from "./core/badge-code";
export { defaultUrduFontPath } from "./core/badge-pdf";
export { urduFeatures } from "./core/urdu-shaping";
export { seedDemoFootfall } from "./demo-footfall";
export { editionPublicKeys, sealingKey, signingKey } from "./keys";
export { badgeDateCheck, reissueEditionBadges } from "./operations/reissue-badges";
export { publicKeysAt } from "./operations/scan";
export { seedCheckinDemo } from "./seed";
export { badges, checkinRehearsals, staffBadges } from "./tables";
export type { SealingKey } from "./keys";
export { firstBadgeRows } from "./operations/issue-badge";
export { categoryZoneMasks } from "./zone-masks";
