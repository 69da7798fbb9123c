import { createHash } from "node:crypto";

// "A double click, a retry with the same idempotency key or the same email registering twice
// never creates two registrations." Three layers, all keyed by strings built here:
//   1. the Idempotency-Key header (or a hidden form field minted when the form is rendered, which
//      covers double clicks without JavaScript), scoped to the edition and the caller;
//   2. a fingerprint of the request, so a reused key with a different body is a conflict, not a
//      silent replay of someone else's answer;
//   3. a unique index on (edition, normalised email) for registrations that are not cancelled.

// The key and email schemas live in ./request-keys (no node:crypto), because the form schemas
// that pages import reach them: this module stays on the server.
export { idempotencyKeySchema, normaliseEmail, registrationEmailSchema } from "./request-keys";

/** Where an idempotency key is looked up: keys are only unique per edition and caller
 *  (a signed-in account, a desk member for walk-ins, or the anonymous form session). */
export function idempotencyScope(input: { operation: string; editionId: string; actor: { kind: "account"; id: string } | { kind: "anonymous"; session: string } }): string {
  const who = input.actor.kind === "account" ? `acct:${input.actor.id}` : `anon:${input.actor.session}`;
  return `${input.operation}|${input.editionId}|${who}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 of the parsed request in canonical JSON (key order does not matter). */
export function requestFingerprint(parsedRequest: unknown): string {
  return createHash("sha256").update(canonical(parsedRequest)).digest("base64url");
}

export type IdempotencyOutcome<R> = { kind: "new" } | { kind: "replay"; result: R } | { kind: "conflict" };

/** What to do with a request given what is stored under its scope and key. */
export function resolveIdempotency<R>(stored: { fingerprint: string; result: R } | undefined, fingerprint: string): IdempotencyOutcome<R> {
  if (!stored) return { kind: "new" };
  return stored.fingerprint === fingerprint ? { kind: "replay", result: stored.result } : { kind: "conflict" };
}
