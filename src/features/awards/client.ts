// The browser-safe part of the awards feature's public surface (`#features/awards/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export {};
