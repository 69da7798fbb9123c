// The browser-safe part of the b2b feature's public surface (`#features/b2b/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { hhmm, localInstant, minutesOf, wallTime } from "./core/slots";
export { ParticipantNav } from "./pages/participant-nav";
export { participantBase, refOf } from "./pages/who";
export type { ReadinessPort } from "./readiness-port";
export type { StallPort } from "./stall-port";
export type { ExhibitorPictures, MediaPort } from "./media-port";
