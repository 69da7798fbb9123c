import { z } from "zod";
import { EDITION_MAX_DAYS } from "#features/editions/client";

// The badge payload and its text form, shared by the server (node:crypto) and
// the scanner page (WebCrypto). This module must stay free of Node imports so
// the browser bundle can use it; signing lives in badge-code.ts.
//
// Layout, version 1 (big-endian, 18 bytes, then a 64-byte Ed25519 signature):
//   0  u8   version (1)
//   1  u16  edition short id (editionShortId(uuid))
//   3  u8   key id (1..255, per edition)
//   4  u32  registration number (per-edition sequence, not the uuid)
//   8  u8   category index (stable per edition)
//   9  u16  day bitmask (bit i = edition day i)
//  11  u16  zone bitmask (bit z = zone z)
//  13  u8   badge serial (bumped on reprint)
//  14  u16  valid from (days since 1970-01-01, UTC)
//  16  u16  valid to (inclusive)
//  18  64   Ed25519 signature over SIGNING_CONTEXT || bytes 0..17

export const BADGE_VERSION = 1;
export const HEADER_BYTES = 18;
export const SIGNATURE_BYTES = 64;
export const BADGE_BYTES = HEADER_BYTES + SIGNATURE_BYTES;
/** A badge carries at most 16 days: the edition length limit (editions/days.ts). */
export const MAX_DAYS = EDITION_MAX_DAYS;
export const MAX_ZONES = 16;

// Domain separation: an edition key signs nothing but badges today, but if it
// ever signs something else, a badge signature cannot be replayed there.
const SIGNING_CONTEXT = new TextEncoder().encode("numaish-badge:");

const u8 = z.number().int().min(0).max(0xff);
const u16 = z.number().int().min(0).max(0xffff);

export const badgeClaimsSchema = z
  .object({
    edition: u16,
    registrationNo: z.number().int().min(1).max(0xffffffff),
    category: u8,
    days: u16.min(1),
    zones: u16,
    serial: u8,
    validFrom: u16,
    validTo: u16,
  })
  .strict()
  .refine((c) => c.validFrom <= c.validTo, { message: "valid_range", path: ["validTo"] });

export type BadgeClaims = z.infer<typeof badgeClaimsSchema>;
export type DecodedBadge = BadgeClaims & { version: number; keyId: number };
export const keyIdSchema = z.number().int().min(1).max(0xff);

export type DecodeFailure = "malformed" | "truncated" | "unknown_version";
export type DecodeResult =
  | { ok: true; badge: DecodedBadge; signed: Uint8Array; signature: Uint8Array }
  | { ok: false; code: DecodeFailure };

// unknown_code: not a badge of ours at all (not a digit string, or a version we do not know);
// malformed: our format but damaged (truncated, wrong length, a chunk out of range), `detail` says which.
export type VerifyFailure = "unknown_code" | "malformed" | "foreign_edition" | "unknown_key" | "bad_signature";
export type VerifyResult = { ok: true; payload: DecodedBadge } | { ok: false; code: VerifyFailure; detail?: DecodeFailure };
export const VERIFY_FAILURES: readonly VerifyFailure[] = ["unknown_code", "malformed", "foreign_edition", "unknown_key", "bad_signature"];

/** Public keys of one edition by key id (base64url of the raw 32 bytes); several at once during rotation. */
export type PublicKeySet = Readonly<Record<number, string>>;

/** Short edition id: the first 16 bits of the edition's (random v4) uuid. It only lets a gate name a
 *  foreign badge; it is not a security boundary (keys are per edition), so a rare clash is harmless. */
export function editionShortId(editionUuid: string): number {
  const hex = editionUuid.replace(/-/g, "").slice(0, 4);
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error("edition id must be a uuid");
  return parseInt(hex, 16);
}

/** Days since 1970-01-01 for an ISO date (YYYY-MM-DD), the unit of validFrom/validTo. */
export function epochDay(isoDate: string): number {
  const ms = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${isoDate}`);
  return Math.floor(ms / 86_400_000);
}

export function packHeader(claims: BadgeClaims, keyId: number): Uint8Array {
  const c = badgeClaimsSchema.parse(claims);
  keyIdSchema.parse(keyId);
  const out = new Uint8Array(HEADER_BYTES);
  const v = new DataView(out.buffer);
  v.setUint8(0, BADGE_VERSION);
  v.setUint16(1, c.edition);
  v.setUint8(3, keyId);
  v.setUint32(4, c.registrationNo);
  v.setUint8(8, c.category);
  v.setUint16(9, c.days);
  v.setUint16(11, c.zones);
  v.setUint8(13, c.serial);
  v.setUint16(14, c.validFrom);
  v.setUint16(16, c.validTo);
  return out;
}

function unpackHeader(bytes: Uint8Array): DecodedBadge {
  const v = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  return {
    version: v.getUint8(0),
    edition: v.getUint16(1),
    keyId: v.getUint8(3),
    registrationNo: v.getUint32(4),
    category: v.getUint8(8),
    days: v.getUint16(9),
    zones: v.getUint16(11),
    serial: v.getUint8(13),
    validFrom: v.getUint16(14),
    validTo: v.getUint16(16),
  };
}

/** The exact bytes the signature covers. */
export function signingInput(header: Uint8Array): Uint8Array {
  const out = new Uint8Array(SIGNING_CONTEXT.length + header.length);
  out.set(SIGNING_CONTEXT, 0);
  out.set(header, SIGNING_CONTEXT.length);
  return out;
}

// ---- Text form: decimal digits for QR numeric mode ----------------------------------------
// Numeric mode packs 3 digits in 10 bits (3.33 bits/digit, 99.7 % of the information limit),
// denser than base45 in alphanumeric mode (5.5 bits/char, 97 %); measured in docs/badges.md,
// 82 bytes fit a version 5-M QR as digits but need version 6-M as base45. Digits also type
// identically on every keyboard layout, which matters for keyboard-wedge hardware scanners.
// Bytes go in 7-byte chunks of 17 digits; a last chunk of k bytes takes CHUNK_DIGITS[k] digits.
const CHUNK_DIGITS = [0, 3, 5, 8, 10, 13, 15, 17] as const;
const FULL_CHUNK = 7;

export function digitsLength(byteLength: number): number {
  return Math.floor(byteLength / FULL_CHUNK) * 17 + CHUNK_DIGITS[byteLength % FULL_CHUNK]!;
}

export function bytesToDigits(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += FULL_CHUNK) {
    const chunk = bytes.subarray(i, i + FULL_CHUNK);
    let n = 0n;
    for (const b of chunk) n = (n << 8n) | BigInt(b);
    out += n.toString().padStart(CHUNK_DIGITS[chunk.length]!, "0");
  }
  return out;
}

/** Inverse of bytesToDigits; null when the length is impossible or a chunk overflows (non-canonical). */
export function digitsToBytes(digits: string): Uint8Array | null {
  const full = Math.floor(digits.length / 17);
  const rest = digits.length % 17;
  const restBytes = CHUNK_DIGITS.indexOf(rest as (typeof CHUNK_DIGITS)[number]);
  if (restBytes < 0 || !/^[0-9]*$/.test(digits)) return null;
  const out = new Uint8Array(full * FULL_CHUNK + restBytes);
  let pos = 0;
  for (let i = 0; i < digits.length; ) {
    const k = i + 17 <= digits.length ? FULL_CHUNK : restBytes;
    const width = CHUNK_DIGITS[k]!;
    let n = BigInt(digits.slice(i, i + width));
    if (n >> BigInt(8 * k) !== 0n) return null;
    for (let j = k - 1; j >= 0; j--) {
      out[pos + j] = Number(n & 0xffn);
      n >>= 8n;
    }
    pos += k;
    i += width;
  }
  return out;
}

/** Text for the QR code: header + signature as digits. */
export function badgeText(header: Uint8Array, signature: Uint8Array): string {
  if (header.length !== HEADER_BYTES || signature.length !== SIGNATURE_BYTES) throw new Error("bad badge parts");
  const all = new Uint8Array(BADGE_BYTES);
  all.set(header, 0);
  all.set(signature, HEADER_BYTES);
  return bytesToDigits(all);
}

const EXPECTED_DIGITS = digitsLength(BADGE_BYTES);

/** Decode without checking the signature. Never throws: any input gives a result. */
export function decodeBadge(text: unknown): DecodeResult {
  if (typeof text !== "string") return { ok: false, code: "malformed" };
  // Keyboard-wedge scanners end a read with Enter (and some with a tab).
  const digits = text.trim();
  if (digits.length === 0 || digits.length > 4 * EXPECTED_DIGITS || !/^[0-9]+$/.test(digits)) return { ok: false, code: "malformed" };
  // The version sits in the first byte: read it from the first 17-digit chunk before judging the length.
  if (digits.length < 17) return { ok: false, code: "truncated" };
  const head = digitsToBytes(digits.slice(0, 17));
  if (!head) return { ok: false, code: "malformed" };
  if (head[0] !== BADGE_VERSION) return { ok: false, code: "unknown_version" };
  if (digits.length < EXPECTED_DIGITS) return { ok: false, code: "truncated" };
  if (digits.length > EXPECTED_DIGITS) return { ok: false, code: "malformed" };
  const bytes = digitsToBytes(digits);
  if (!bytes) return { ok: false, code: "malformed" };
  const header = bytes.subarray(0, HEADER_BYTES);
  return { ok: true, badge: unpackHeader(header), signed: signingInput(header), signature: bytes.subarray(HEADER_BYTES) };
}

/** Checks shared by both verifiers, in order, before the signature: decodable, same edition, known key. */
export function preVerify(
  text: unknown,
  publicKeys: PublicKeySet,
  edition: number,
): { ok: false; code: VerifyFailure; detail?: DecodeFailure } | { ok: true; decoded: Extract<DecodeResult, { ok: true }>; key: string } {
  const decoded = decodeBadge(text);
  if (!decoded.ok) {
    const ours = decoded.code !== "unknown_version" && typeof text === "string" && /^\s*[0-9]+\s*$/.test(text);
    return { ok: false, code: ours ? "malformed" : "unknown_code", detail: decoded.code };
  }
  if (decoded.badge.edition !== edition) return { ok: false, code: "foreign_edition" };
  const key = Object.hasOwn(publicKeys, decoded.badge.keyId) ? publicKeys[decoded.badge.keyId] : undefined;
  if (!key) return { ok: false, code: "unknown_key" };
  return { ok: true, decoded, key };
}

export function base64urlToBytes(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Digits that hold the header (its 18 bytes lie in the first three 7-byte chunks). */
export const HEADER_DIGITS = digitsLength(3 * FULL_CHUNK);

/** The claims at the start of a badge's text, nothing checked: for the server reading back badges it
 *  issued itself (the gate bundle's short-code list reads `substr(code, 1, HEADER_DIGITS)`). */
export function readHeaderDigits(digits: string): DecodedBadge | null {
  const bytes = digitsToBytes(digits.slice(0, HEADER_DIGITS));
  if (!bytes || bytes.length < HEADER_BYTES) return null;
  return unpackHeader(bytes);
}
