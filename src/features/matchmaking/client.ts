// The browser-safe part of the matchmaking feature's public surface (`#features/matchmaking/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { compile } from "./engine/problem";
export { RepairSession } from "./engine/repair";
export { schedule } from "./engine/scheduler";
export type { MeetingRequest, Participant, ReasonCode, ScheduleInput, ScheduleInputRaw, ScheduleOutput, Slot } from "./engine/schema";
export { normaliseText, prepareCounterparts, recommendOne, searchWords, tokenise } from "./recommend";
export type { Counterparts, ParticipantInput, Reason } from "./recommend";
