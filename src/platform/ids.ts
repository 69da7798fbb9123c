import { createHash } from "node:crypto";

export { newId, newSecret } from "./random";

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
