// The browser-safe part of the exhibitors feature's public surface (`#features/exhibitors/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export {};
