import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import type { Clock } from "../../platform/clock";
import type { AppConfig } from "../../platform/config";
import type { Executor } from "../../platform/db/types";
import { generateEditionKeyPair, type PublicKeySet } from "./core/badge-code";
import { badgeKeys } from "./tables";

// Edition signing keys. Private seeds are sealed with AES-256-GCM when KEY_ENCRYPTION_KEY is set
// (any string; its SHA-256 is the key), so a database dump alone cannot mint badges. Without it
// they are stored as plain base64url: fine for demos, not for production (docs/badges.md).
// The setting is read once, by platform/config.ts, and reaches here through ctx.config.

const SEALED = "enc1:";

/** The sealing key of a configuration (null when KEY_ENCRYPTION_KEY is not set). */
export type SealingKey = Buffer | null;
export function sealingKey(config: Pick<AppConfig, "keyEncryptionKey">): SealingKey {
  const secret = config.keyEncryptionKey;
  return secret ? createHash("sha256").update(secret).digest() : null;
}

export function sealPrivateKey(seed: string, key: SealingKey): string {
  if (!key) return seed;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(seed, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64url");
}

export function openPrivateKey(stored: string, key: SealingKey): string {
  if (!stored.startsWith(SEALED)) return stored;
  if (!key) throw new Error("badge key is sealed but KEY_ENCRYPTION_KEY is not set");
  const raw = Buffer.from(stored.slice(SEALED.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Add a key with the next free id; it becomes the signing key. */
export async function addEditionKey(db: Executor, clock: Clock, editionId: string, key: SealingKey) {
  const existing = await db.select({ keyId: badgeKeys.keyId }).from(badgeKeys).where(eq(badgeKeys.editionId, editionId));
  const pair = generateEditionKeyPair(existing.map((k) => k.keyId));
  const [row] = await db
    .insert(badgeKeys)
    .values({ editionId, keyId: pair.keyId, publicKey: pair.publicKey, privateKey: sealPrivateKey(pair.privateKey, key), createdAt: clock.now() })
    // Two first badges issued at once both try key 1: the loser uses the winner's key.
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export interface SigningKey {
  keyId: number;
  privateKey: string;
}

/** The newest key signs; made on first use so an edition needs no set-up step before its first badge. */
export async function signingKey(db: Executor, clock: Clock, editionId: string, key: SealingKey): Promise<SigningKey> {
  const [newest] = await db.select().from(badgeKeys).where(eq(badgeKeys.editionId, editionId)).orderBy(desc(badgeKeys.keyId)).limit(1);
  let row = newest ?? (await addEditionKey(db, clock, editionId, key)) ?? undefined;
  if (!row) [row] = await db.select().from(badgeKeys).where(eq(badgeKeys.editionId, editionId)).orderBy(desc(badgeKeys.keyId)).limit(1);
  if (!row) throw new Error("no badge key");
  return { keyId: row.keyId, privateKey: openPrivateKey(row.privateKey, key) };
}

/** Every key of the edition verifies: rotating in a new key leaves printed badges valid. */
export async function editionPublicKeys(db: Executor, editionId: string): Promise<PublicKeySet> {
  const rows = await db
    .select({ keyId: badgeKeys.keyId, publicKey: badgeKeys.publicKey })
    .from(badgeKeys)
    .where(eq(badgeKeys.editionId, editionId))
    .orderBy(asc(badgeKeys.keyId));
  return Object.fromEntries(rows.map((r) => [r.keyId, r.publicKey]));
}
