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

/**
 * The one seeded generator (mulberry32): tiny, fast and the same sequence on every platform for
 * a seed. Engines, demo seeds and benchmarks use it so a seed always reproduces the same result.
 * Each call gives an integer in [0, 2^32).
 */
export function seededUint32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The same generator as a number in [0, 1), like Math.random. */
export function seededRandom(seed: number): () => number {
  const next = seededUint32(seed);
  return () => next() / 4294967296;
}
