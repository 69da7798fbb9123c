// Random ids and secrets from Web Crypto (global in Node and browsers), without node:crypto:
// pages mint idempotency keys in their loaders and import this, and a node:crypto import in a
// page's module graph is externalised (with a warning) in the client build. ids.ts re-exports these.

export const newId = (): string => crypto.randomUUID();

/** A random URL-safe secret (tokens, session ids): `bytes` random bytes in base64url. */
export function newSecret(bytes = 32): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  let bin = "";
  for (const b of buf) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
