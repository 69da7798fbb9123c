// The public surface of the registration feature: what other features may import (as `#features/registration`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { normaliseEmail } from "./core/idempotency";
export { decideRegistrations } from "./operations/decide";
export { findOwn, getOwnRegistration, holderOf } from "./operations/own";
export { nextRegistrationNumbers } from "./operations/places";
export { register } from "./operations/register";
export { manageAction } from "./pages/manage";
export { registrations, registrationStatuses } from "./tables";
export type { RegistrationStatus } from "./tables";
