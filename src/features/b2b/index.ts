// The public surface of the b2b feature: what other features may import (as `#features/b2b`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { frameOf, partiesOf, placeText, slotTimes } from "./operations/meeting-rows";
export type { MeetingFrame } from "./operations/meeting-rows";
export { ownParticipant } from "./operations/participants";
export type { Participant, ParticipantRef } from "./operations/participants";
export { contactOf, mailParticipant, organiserOf, participantById, publicSummaries } from "./operations/requests-common";
export type { PublicSummary } from "./operations/requests-common";
export { bookWalkUpMeeting, freePlacesForPair } from "./operations/walk-up-slots";
export { cancelLaterMeetingsOf } from "./operations/repair";
export type { FreePlace } from "./operations/walk-up-slots";
export { meetingIdsOfRegistrations } from "./personal-data-part";
export { seedB2bDemo, seedB2bDemoPeople, seedB2bDemoTryout } from "./seed";
export { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRuns } from "./tables";
export { seedBuyerBadges } from "./seed-badges";
