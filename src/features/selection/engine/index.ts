// The pure core of nominations, review and selection (issue 4). Operations call
// these with plain data; nothing here touches the database, the clock or the network.
export * from "./common";
export * from "./normalise";
export * from "./assign";
export * from "./selection-schemas";
export { bonusFor, compareApplicants, reservedSeats } from "./rule";
export { runSelection } from "./select";
export { applyOverrides, promoteFromWaitlist, summarise, targetsOf, withdrawDecision, type Promotion } from "./decisions";
export { placesOf, type Places, type PlacesInput } from "./places";
export * from "./report";
