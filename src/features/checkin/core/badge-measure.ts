import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { BADGE_BYTES, bytesToBase64url, bytesToDigits, type BadgeClaims, type PublicKeySet } from "./badge-format";
import { encodeBadge, generateEditionKeyPair, verifyBadge } from "./badge-code";
import { createWebVerifier } from "./badge-verify-web";

// Measurements behind docs/badges.md: QR size per text encoding, and verification time per badge
// (the Chromium figure becomes `offlineVerifyMs` in bench:checkin). Run:
//   npx tsx src/features/checkin/core/badge-measure.ts

const BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 9285 (as in the EU Digital COVID Certificate). */
export function toBase45(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      let n = bytes[i]! * 256 + bytes[i + 1]!;
      for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) out += BASE45[n % 45];
    } else {
      let n = bytes[i]!;
      for (let k = 0; k < 2; k++, n = Math.floor(n / 45)) out += BASE45[n % 45];
    }
  }
  return out;
}

/** RFC 4648 base32 without padding (the QR alphanumeric set holds A–Z and 2–7). */
export function toBase32(bytes: Uint8Array): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

export interface QrSizeRow {
  encoding: "decimal (numeric mode)" | "base45 (alphanumeric)" | "base32 (alphanumeric)" | "base64url (byte)";
  chars: number;
  ec: "L" | "M" | "Q";
  version: number;
  modules: number;
}

/** QR version and side in modules for `byteLength` random bytes in each text encoding. */
export function measureQrSizes(byteLength = BADGE_BYTES): QrSizeRow[] {
  const bytes = new Uint8Array(randomBytes(byteLength));
  const texts: [QrSizeRow["encoding"], string][] = [
    ["decimal (numeric mode)", bytesToDigits(bytes)],
    ["base45 (alphanumeric)", toBase45(bytes)],
    ["base32 (alphanumeric)", toBase32(bytes)],
    ["base64url (byte)", bytesToBase64url(bytes)],
  ];
  const rows: QrSizeRow[] = [];
  for (const [encoding, text] of texts) {
    for (const ec of ["L", "M", "Q"] as const) {
      const qr = QRCode.create(text, { errorCorrectionLevel: ec });
      rows.push({ encoding, chars: text.length, ec, version: qr.version, modules: qr.modules.size });
    }
  }
  return rows;
}

export interface VerifyBenchmark {
  badges: number;
  nodeMsPerBadge: number;
  webCryptoMsPerBadge: number;
}

/** Time to verify one badge with the server verifier and with the scanner page's WebCrypto one,
 *  over `badges` distinct valid badges, keys already imported (as at a gate), after a warm-up. */
export async function benchmarkVerify(badges = 2000): Promise<VerifyBenchmark> {
  const keys = [generateEditionKeyPair(), generateEditionKeyPair([1])];
  const publicKeys: PublicKeySet = Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey]));
  const texts = Array.from({ length: badges }, (_, i) => {
    const claims: BadgeClaims = { edition: 4660, registrationNo: i + 1, category: i % 9, days: 7, zones: i % 8, serial: 0, validFrom: 20780, validTo: 20782 };
    const k = keys[i % 2]!;
    return encodeBadge(claims, k.privateKey, k.keyId);
  });
  const web = createWebVerifier(publicKeys, 4660);
  for (const t of texts.slice(0, 200)) {
    verifyBadge(t, publicKeys, 4660);
    await web(t);
  }
  let start = performance.now();
  for (const t of texts) if (!verifyBadge(t, publicKeys, 4660).ok) throw new Error("benchmark badge did not verify");
  const nodeMs = performance.now() - start;
  start = performance.now();
  for (const t of texts) if (!(await web(t)).ok) throw new Error("benchmark badge did not verify (WebCrypto)");
  const webMs = performance.now() - start;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { badges, nodeMsPerBadge: round(nodeMs / badges), webCryptoMsPerBadge: round(webMs / badges) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(measureQrSizes());
  console.log("with a 16-byte uuid instead of the 4-byte registration number:");
  console.table(measureQrSizes(BADGE_BYTES + 12).filter((r) => r.ec === "M"));
  const node = await benchmarkVerify();
  // The scanner page's own code in Chromium: what bench:checkin will report as offlineVerifyMs.
  const { verifyInChromium } = await import("./badge-measure-browser");
  const k = generateEditionKeyPair();
  const texts = Array.from({ length: node.badges }, (_, i) =>
    encodeBadge({ edition: 4660, registrationNo: i + 1, category: 0, days: 7, zones: 0, serial: 0, validFrom: 20780, validTo: 20782 }, k.privateKey, k.keyId),
  );
  const chromium = await verifyInChromium(texts, { [k.keyId]: k.publicKey }, 4660);
  if (chromium.results.some((r) => !r.ok)) throw new Error("a badge failed to verify in Chromium");
  const offlineVerifyMs = Math.round(chromium.msPerBadge * 1000) / 1000;
  console.log(JSON.stringify({ ...node, chromiumMsPerBadge: offlineVerifyMs, chromium: chromium.userAgent.match(/Chrome\/[0-9.]+/)?.[0], offlineVerifyMs }));
}
