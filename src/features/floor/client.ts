// The browser-safe part of the floor feature's public surface (`#features/floor/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { HallMap } from "./components/hall-map";
export { StallLocator, stallWhere } from "./components/stall-locator";
export type { StallLocation } from "./operations/stall-location";
