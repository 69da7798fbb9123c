// The staff list of all nominees: filters, counts against quota, and no access for representatives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { editions, editionTradeBodies } from "../editions/tables";
import { listAllNominees } from "./operations/overview";
import { nominations } from "./tables";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("all nominees of an edition", () => {
  it("lists, filters and counts against quota for organiser staff", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const [edition] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const all = await t.db.select().from(nominations).where(eq(nominations.editionId, edition!.id));
    expect(all.length).toBeGreaterThan(100);

    const page = await listAllNominees(staff, { editionId: edition!.id, tradeBodyId: "", clusterId: "", status: "" });
    expect(page.nominees).toHaveLength(all.length);
    const quotas = await t.db.select().from(editionTradeBodies).where(eq(editionTradeBodies.editionId, edition!.id));
    for (const b of page.tradeBodies) {
      const mine = all.filter((n) => n.tradeBodyId === b.id);
      expect(b.used).toBe(mine.filter((n) => n.status !== "withdrawn").length);
      expect(b.quota).toBe(quotas.find((q) => q.tradeBodyId === b.id)!.nominationQuota);
    }
    expect(page.tradeBodies.reduce((s, b) => s + b.used + b.byStatus.withdrawn, 0)).toBe(all.length);

    const body = all[0]!.tradeBodyId;
    const cluster = all[0]!.clusterId;
    const filtered = await listAllNominees(staff, { editionId: edition!.id, tradeBodyId: body, clusterId: cluster, status: "submitted" });
    const expected = all.filter((n) => n.tradeBodyId === body && n.clusterId === cluster && n.status === "submitted");
    expect(filtered.nominees.map((n) => n.id).sort()).toEqual(expected.map((n) => n.id).sort());
    expect(filtered.nominees.length).toBeLessThan(all.length);
    await expect(listAllNominees(staff, { editionId: edition!.id, status: "lost" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("forbids a trade-body representative and a reviewer", async () => {
    const [edition] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    await expect(listAllNominees(rep, { editionId: edition!.id })).rejects.toMatchObject({ code: "forbidden" });
    const reviewer = ctxFor(t.db, await actorFor(t.db, demo.reviewer));
    await expect(listAllNominees(reviewer, { editionId: edition!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAllNominees(ctxFor(t.db), { editionId: edition!.id })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
