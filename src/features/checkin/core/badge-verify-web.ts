import { base64urlToBytes, preVerify, type PublicKeySet, type VerifyResult } from "./badge-format";

// The scanner page's verifier: WebCrypto Ed25519 (Chromium >= 137 and Node >= 22; tested in
// Chromium 156; other browsers: ask webVerifierSupported()), with the same decoding and
// pre-checks as the server's verifyBadge. No Node imports, so the page bundle can take it whole.

type Subtle = Pick<SubtleCrypto, "importKey" | "verify">;

function subtle(): Subtle {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("WebCrypto is not available (needs a secure context)");
  return s;
}

// The typings want an ArrayBuffer-backed view; copying also detaches us from the caller's buffer.
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

/** A verifier bound to one edition's keys; imports each key once and reuses it for every scan.
 *  Throws (rather than refusing every badge as forged) when the browser cannot do Ed25519: the page
 *  must then say offline checking is unavailable on this phone. Check up front with `webVerifierSupported()`. */
export function createWebVerifier(publicKeys: PublicKeySet, edition: number): (text: unknown) => Promise<VerifyResult> {
  const s = subtle();
  const imported = new Map<string, Promise<CryptoKey | null>>();
  const importKey = (raw: string) => {
    let p = imported.get(raw);
    if (!p) {
      p = (async () => {
        let bytes: Uint8Array;
        try {
          bytes = base64urlToBytes(raw);
        } catch {
          return null;
        }
        // A configured key that is not 32 bytes vouches for nothing (as on the server).
        if (bytes.length !== 32) return null;
        try {
          return await s.importKey("raw", buf(bytes), { name: "Ed25519" }, false, ["verify"]);
        } catch (e) {
          if (e instanceof DOMException && e.name === "NotSupportedError") throw e;
          return null;
        }
      })();
      // A failed import (no Ed25519 in this browser) must not be cached as the answer for good.
      p.catch(() => imported.delete(raw));
      imported.set(raw, p);
    }
    return p;
  };
  return async (text) => {
    const pre = preVerify(text, publicKeys, edition);
    if (!pre.ok) return pre;
    const key = await importKey(pre.key);
    if (!key) return { ok: false, code: "bad_signature" };
    const good = await subtle().verify("Ed25519", key, buf(pre.decoded.signature), buf(pre.decoded.signed));
    return good ? { ok: true, payload: pre.decoded.badge } : { ok: false, code: "bad_signature" };
  };
}

/** Whether this browser can verify badges offline (secure context and WebCrypto Ed25519). */
export async function webVerifierSupported(): Promise<boolean> {
  try {
    // The identity point's encoding (y = 1) is a valid public key for import.
    const raw = new Uint8Array(32);
    raw[0] = 1;
    await subtle().importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    return true;
  } catch {
    return false;
  }
}

/** One-shot form of createWebVerifier (imports the key on every call; use the factory at a gate). */
export function verifyBadgeWebCrypto(text: unknown, publicKeys: PublicKeySet, edition: number): Promise<VerifyResult> {
  return createWebVerifier(publicKeys, edition)(text);
}
