// The organiser's plan editor (issue #12, item 2), one module per concept: halls (plan-halls.ts),
// stalls (plan-stalls.ts), areas (plan-areas.ts), imports (stall-import.ts), undo (plan-undo.ts),
// on what they share (plan-edit-core.ts). This module is their one entry for pages and the API.

export { createFloorHall, createHallInput, getFloorHall, listFloorHalls } from "./plan-halls";
export { addFloorStalls, addStallsInput, deleteFloorStalls, mergeFloorStalls, moveFloorStall, moveStallInput, renumberFloorRow, renumberInput } from "./plan-stalls";
export { addAreaInput, addFloorArea } from "./plan-areas";
export { importFloorStalls, importInput } from "./stall-import";
export { undoFloorEdit } from "./plan-undo";
