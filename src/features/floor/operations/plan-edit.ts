// The organiser's plan editor (issue #12, item 2), one module per concept: halls (plan-halls.ts),
// stalls (plan-stalls.ts), areas (plan-areas.ts), imports (stall-import.ts), undo (plan-undo.ts),
// the background drawing (plan-background.ts),
// on what they share (plan-edit-core.ts). This module is their one entry for pages and the API.

export { createFloorHall, createHallInput, getFloorHall, listFloorHalls } from "./plan-halls";
export { addFloorStalls, addStallsInput, deleteFloorStalls, mergeFloorStalls, moveFloorStall, moveStallInput, renumberFloorRow, renumberInput } from "./plan-stalls";
export { addAreaInput, addFloorArea, deleteFloorArea, editAreaInput, editFloorArea } from "./plan-areas";
export { importFloorStalls, importInput } from "./stall-import";
export { undoFloorEdit } from "./plan-undo";
export { backgroundBox, floorBackgroundImage, floorBackgroundOf, placeFloorBackground, removeFloorBackground, setFloorBackground, type BackgroundMeta } from "./plan-background";
