import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import {
  badgeText,
  base64urlToBytes,
  keyIdSchema,
  packHeader,
  preVerify,
  signingInput,
  type BadgeClaims,
  type PublicKeySet,
  type VerifyResult,
} from "./badge-format";

// Server side of badges: key generation, signing, and a synchronous verifier on node:crypto.
// Decoding and the text form live in badge-format.ts so the scanner page (badge-verify-web.ts)
// runs the very same checks in the browser.
export * from "./badge-format";

export interface EditionKeyPair {
  keyId: number;
  /** base64url of the raw 32-byte public key: published to gates. */
  publicKey: string;
  /** base64url of the raw 32-byte private seed: stays on the server. */
  privateKey: string;
}

// DER prefixes that wrap a raw Ed25519 key as PKCS#8 / SPKI (RFC 8410), so raw keys can be
// stored and shipped as 43 base64url characters and still imported by node:crypto.
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

function rawKey(b64: string, what: string): Uint8Array {
  const raw = base64urlToBytes(b64);
  if (raw.length !== 32) throw new Error(`${what} must be 32 bytes`);
  return raw;
}

function withPrefix(prefix: Uint8Array, raw: Uint8Array): Buffer {
  return Buffer.concat([prefix, raw]);
}

/** A new Ed25519 key pair for an edition. The key id is the smallest of 1..255 not in `existingKeyIds`,
 *  so rotation numbers keys 1, 2, 3… and ids never clash within an edition. */
export function generateEditionKeyPair(existingKeyIds: Iterable<number> = []): EditionKeyPair {
  const taken = new Set(existingKeyIds);
  let keyId = 1;
  while (taken.has(keyId)) keyId++;
  keyIdSchema.parse(keyId);
  const { privateKey } = generateKeyPairSync("ed25519");
  // The private JWK carries both halves as unpadded base64url: exactly the raw form we store.
  const jwk = privateKey.export({ format: "jwk" });
  if (!jwk.d || !jwk.x) throw new Error("ed25519 export lacks key material");
  return { keyId, publicKey: jwk.x, privateKey: jwk.d };
}

/** The public half of a stored private seed (to check a configured pair belongs together). */
export function publicKeyOf(privateKey: string): string {
  const key = createPrivateKey({ key: withPrefix(PKCS8_PREFIX, rawKey(privateKey, "private key")), format: "der", type: "pkcs8" });
  return createPublicKey(key).export({ format: "jwk" }).x!;
}

const privateCache = new Map<string, KeyObject>();
const publicCache = new Map<string, KeyObject>();

function cached(cache: Map<string, KeyObject>, key: string, make: () => KeyObject): KeyObject {
  let k = cache.get(key);
  if (!k) {
    // Bounded: an edition has a handful of keys; this only guards against a caller feeding many.
    if (cache.size > 256) cache.clear();
    k = make();
    cache.set(key, k);
  }
  return k;
}

/** Sign a badge and return the text to put in its QR code. */
export function encodeBadge(claims: BadgeClaims, privateKey: string, keyId: number): string {
  const header = packHeader(claims, keyId);
  const key = cached(privateCache, privateKey, () =>
    createPrivateKey({ key: withPrefix(PKCS8_PREFIX, rawKey(privateKey, "private key")), format: "der", type: "pkcs8" }),
  );
  const signature = sign(null, signingInput(header), key);
  return badgeText(header, new Uint8Array(signature));
}

/** Verify a scanned text against the edition's public keys. Never throws on any input. */
export function verifyBadge(text: unknown, publicKeys: PublicKeySet, edition: number): VerifyResult {
  const pre = preVerify(text, publicKeys, edition);
  if (!pre.ok) return pre;
  let key: KeyObject;
  try {
    key = cached(publicCache, pre.key, () => createPublicKey({ key: withPrefix(SPKI_PREFIX, rawKey(pre.key, "public key")), format: "der", type: "spki" }));
  } catch {
    // A broken configured key cannot vouch for anything.
    return { ok: false, code: "bad_signature" };
  }
  const good = verify(null, pre.decoded.signed, key, pre.decoded.signature);
  return good ? { ok: true, payload: pre.decoded.badge } : { ok: false, code: "bad_signature" };
}
