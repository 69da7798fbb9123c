import { createHash, randomBytes, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** A random URL-safe secret (tokens, session ids). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString("base64url");

/** Secrets are stored hashed so a database leak does not hand out live sessions or links. */
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
