import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import { fixedClock } from "../../platform/clock";
import { openTestDb, type TestDb } from "../../../tests/support/db";
import { roleGrants } from "../accounts/tables";
import { enterprises, products } from "../editions/enterprise-tables";
import { clusters, editions, editionTradeBodies, sectors, tradeBodies } from "../editions/tables";
import { demoAccounts, seedDemo } from "./seed-demo";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const counts = async () => {
  const n = async (table: Parameters<ReturnType<TestDb["db"]["select"]>["from"]>[0]) =>
    (await t.db.select({ n: count() }).from(table))[0]!.n;
  return {
    editions: await n(editions),
    sectors: await n(sectors),
    clusters: await n(clusters),
    tradeBodies: await n(tradeBodies),
    participation: await n(editionTradeBodies),
    enterprises: await n(enterprises),
    products: await n(products),
    users: await n(users),
    grants: await n(roleGrants),
  };
};

describe("demo seed", () => {
  it("holds the showcase facts and about 170 enterprises with products", async () => {
    const c = await counts();
    expect(c).toMatchObject({ editions: 2, sectors: 14, clusters: 72 }); // 2026 and its copy for 2027 (open call)
    expect(c.tradeBodies).toBeGreaterThanOrEqual(25);
    expect(c.enterprises).toBeGreaterThanOrEqual(160);
    expect(c.enterprises).toBeLessThanOrEqual(180);
    expect(c.products).toBeGreaterThanOrEqual(c.enterprises);
    expect(c.users).toBe(demoAccounts.length);
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const before = await counts();
    const again = await seedDemo(t.db, fixedClock("2026-02-01T00:00:00Z"));
    expect(again.enterprisesCreated).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
