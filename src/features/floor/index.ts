// The public surface of the floor feature: what other features may import (as `#features/floor`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { copyFloorPlan } from "./copy-part";
export { seedDemoFloor } from "./demo-plan";
export { areaPlaces, type AreaPlace } from "./operations/area-place";
export { publicStall, visibleEdition } from "./operations/plan";
export { stallLocation } from "./operations/stall-location";
export { provideStallNeedsPort, type StallNeeds, type StallNeedsPort } from "./stall-needs-port";
export { floorAreas, floorHalls, floorStalls } from "./tables";
