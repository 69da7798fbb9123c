// The public surface of the accounts feature: what other features may import (as `#features/accounts`).
// Browser-safe exports live in ./client.ts and are re-exported here. Decision 0014; grown by the
// surfaces codemod, kept by hand.
export * from "./client";
export { createApiToken, listApiTokens, revokeApiToken } from "./operations/api-tokens";
export { actorForUser } from "./grants";
export { invitePerson } from "./operations/invitations";
export { roleGrants } from "./tables";
