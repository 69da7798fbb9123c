// The browser-safe part of the meetday feature's public surface (`#features/meetday/client`): only
// modules that reach no server-only package, so pages and components may import it. Decision 0014.
export {};
