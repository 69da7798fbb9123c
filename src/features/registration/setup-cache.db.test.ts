import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ctxFor, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { editions, visitorCategories } from "#features/editions";
import { DomainError } from "../../platform/errors";
import { register } from "./operations/register";
import { registrationQuestions, registrations } from "./tables";

// The rush reads the edition, the category and its questions once per database handle
// (operations/setup-cache.ts). These tests change them behind the cache's back, with plain writes
// as another process would make them, and check that the next registration is judged on the new
// rows: database triggers bump the edition's registration set-up version, which the numbers
// statement reads.

let t: TestDb;
let editionId: string;
const cat = {} as DemoCategories;
beforeAll(async () => {
  t = await openTestDb();
  const show = await demoShow(t.db);
  editionId = show.editionId;
  Object.assign(cat, show.cat);
});
afterAll(async () => t?.close());

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  editionId,
  categoryId: cat.general_public,
  name: `Person ${email}`,
  email,
  days: [0],
  consentData: true,
  consentScan: false,
  ...extra,
});
const statusOf = async (email: string) => (await t.db.select().from(registrations).where(and(eq(registrations.editionId, editionId), eq(registrations.email, email))))[0]?.status;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? { code: e.code, fields: (e.fields ?? []).map((f) => `${f.path}:${f.code}`) } : Promise.reject(e)),
  );

describe("the registration set-up cache", () => {
  it("asks a required question added after the cache was filled, and stops asking one removed", async () => {
    expect(await refusal(register(ctxFor(t.db), person("cache-a@example.com")))).toBeNull(); // fills the cache
    const [q] = await t.db
      .insert(registrationQuestions)
      .values({ editionId, categoryId: cat.general_public, kind: "text", labelEn: "Where from?", labelUr: "کہاں سے؟", required: true })
      .returning();
    expect(await refusal(register(ctxFor(t.db), person("cache-b@example.com")))).toEqual({ code: "validation_failed", fields: [`answers.${q!.id}:required`] });
    expect(await statusOf("cache-b@example.com")).toBeUndefined();
    // Removed again: the cache (which now holds the question) must not refuse what the database accepts.
    await t.db.delete(registrationQuestions).where(eq(registrationQuestions.id, q!.id));
    expect(await refusal(register(ctxFor(t.db), person("cache-b@example.com")))).toBeNull();
    expect(await statusOf("cache-b@example.com")).toBe("approved");
  });

  it("follows a category that comes to need approval, and an edition taken offline", async () => {
    expect(await refusal(register(ctxFor(t.db), person("cache-c@example.com")))).toBeNull();
    expect(await statusOf("cache-c@example.com")).toBe("approved");
    await t.db.update(visitorCategories).set({ needsApproval: true }).where(eq(visitorCategories.id, cat.general_public!));
    expect(await refusal(register(ctxFor(t.db), person("cache-d@example.com")))).toBeNull();
    expect(await statusOf("cache-d@example.com")).toBe("pending");
    await t.db.update(visitorCategories).set({ needsApproval: false }).where(eq(visitorCategories.id, cat.general_public!));
    await t.db.update(editions).set({ status: "draft" }).where(eq(editions.id, editionId));
    try {
      expect((await refusal(register(ctxFor(t.db), person("cache-e@example.com"))))?.code).toMatch(/^(unauthenticated|forbidden)$/);
      expect(await statusOf("cache-e@example.com")).toBeUndefined();
    } finally {
      await t.db.update(editions).set({ status: "published" }).where(eq(editions.id, editionId));
    }
    expect(await refusal(register(ctxFor(t.db), person("cache-e@example.com")))).toBeNull();
    expect(await statusOf("cache-e@example.com")).toBe("approved");
  });
});
