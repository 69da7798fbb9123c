// The browser-safe part of the floor feature's public surface (`#features/floor/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { HallMap } from "./components/hall-map";
