// The browser-safe part of the selection feature's public surface (`#features/selection/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { assignReviewers, byString, DEFAULT_SUPPRESSION_THRESHOLD, normaliseScores, round2, suppress } from "./engine";
