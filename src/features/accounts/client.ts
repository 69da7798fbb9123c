// The browser-safe part of the accounts feature's public surface (`#features/accounts/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export {};
