// The browser-safe part of the editions feature's public surface (`#features/editions/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export { defaultScanEdition } from "./choice";
export type { EditionCopyPart } from "./copy-port";
export { EDITION_MAX_DAYS, editionDayCount, editionDayDate, editionDayIndexes } from "./days";
export { ANONYMISED, anonymisedEmail, personalDataParts, retentionDue } from "./personal-data-port";
export type { Counts, PersonalDataPart, PersonalDataSubject } from "./personal-data-port";
export { provinces } from "./schemas";
