// The public surface of the nominations feature: what other features may import (as `#features/nominations`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { addPhoto, byApplicant, getApplication, imageType, nominationByLink, saveApplication } from "./operations/application";
export { editionBySlug, findCall, getCallForStaff, publishCall, saveCall } from "./operations/call";
export type { CallRow } from "./operations/call";
export { acceptRows, checkUpload, listNominations, nominateOne } from "./operations/nominate";
export { applicationFacts, registryEnterpriseOf } from "./operations/registry-enterprise";
export { nominationIdsOf } from "./personal-data-part";
export { criterionInput } from "./schemas";
export { appeals, applicationPhotos, nominationCalls, nominations, reviewConflicts, reviewerAffiliations, reviews, selections } from "./tables";
