// The browser-safe part of the catalogue feature's public surface (`#features/catalogue/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { clusters, demoEdition, generateDemoEnterprises, sectors, tradeBodies } from "./seed-data";
export type { SeedCluster, SeedEnterprise } from "./seed-data";
export { placeNamesUr } from "./seed-data/place-names";
