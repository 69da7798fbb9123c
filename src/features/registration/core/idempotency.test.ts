import { describe, expect, it } from "vitest";
import { idempotencyKeySchema, idempotencyScope, normaliseEmail, registrationEmailSchema, requestFingerprint, resolveIdempotency } from "./idempotency";

describe("idempotency helpers", () => {
  it("normalises email case, spacing and Unicode form, keeping dots and tags", () => {
    expect(normaliseEmail("  Ayesha.Khan+Expo@Example.PK ")).toBe("ayesha.khan+expo@example.pk");
    expect(normaliseEmail("Ze\u0301@x.pk")).toBe(normaliseEmail("Z\u00e9@x.pk"));
    expect(registrationEmailSchema.parse(" A@B.PK ")).toBe("a@b.pk");
    expect(registrationEmailSchema.safeParse("not an email").success).toBe(false);
  });

  it("scopes keys to operation, edition and caller", () => {
    const base = { operation: "register", editionId: "e1", actor: { kind: "account", id: "u1" } } as const;
    expect(idempotencyScope(base)).toBe("register|e1|acct:u1");
    expect(idempotencyScope({ ...base, actor: { kind: "anonymous", session: "s9" } })).toBe("register|e1|anon:s9");
    expect(idempotencyScope({ ...base, editionId: "e2" })).not.toBe(idempotencyScope(base));
    expect(idempotencyKeySchema.safeParse("3f2a9c1e-7d").success).toBe(true);
    expect(idempotencyKeySchema.safeParse("short").success).toBe(false);
    expect(idempotencyKeySchema.safeParse("has space in it").success).toBe(false);
  });

  it("replays the same request and refuses a reused key with a different body", () => {
    const f1 = requestFingerprint({ email: "a@b.pk", days: [0, 1], note: undefined });
    expect(requestFingerprint({ days: [0, 1], email: "a@b.pk" })).toBe(f1);
    expect(requestFingerprint({ days: [1, 0], email: "a@b.pk" })).not.toBe(f1);
    expect(resolveIdempotency(undefined, f1)).toEqual({ kind: "new" });
    expect(resolveIdempotency({ fingerprint: f1, result: { id: "r1" } }, f1)).toEqual({ kind: "replay", result: { id: "r1" } });
    expect(resolveIdempotency({ fingerprint: f1, result: { id: "r1" } }, requestFingerprint({ email: "c@d.pk" }))).toEqual({ kind: "conflict" });
  });
});
