// The public surface of the editions feature: what other features may import (as `#features/editions`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { enterprises, products } from "./enterprise-tables";
export { editionFor, editionForChange, partForChange } from "./for-change";
export type { Edition } from "./for-change";
export { createCluster, deleteCluster, updateCluster } from "./operations/clusters";
export { copyEdition } from "./operations/copy-edition";
export { getEditionForStaff, getPublicEdition, listEditions } from "./operations/read-editions";
export { addTradeBody, createSector } from "./operations/sectors-and-trade-bodies";
export { updateEdition } from "./operations/update-edition";
export { findCurrentEdition, findEdition, loadEditionDetails } from "./queries";
export type { EditionDetails } from "./queries";
export { clusters, editions, editionTradeBodies, organisers, sectors, tradeBodies, venues, venueSpaces, visitorCategories } from "./tables";
