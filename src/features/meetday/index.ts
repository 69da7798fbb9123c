// The public surface of the meetday feature: what other features may import (as `#features/meetday`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { seedMeetdayDemo } from "./seed";
export { meetingOutcomes, outcomeLinks } from "./tables";
