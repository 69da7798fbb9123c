import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { floorStalls } from "../floor/tables";
import { editionExhibitorIds, isEditionExhibitor } from "./operations/exhibitors-of";

// The one-firm question (isEditionExhibitor, asked by a firm's own survey pages) answers as the
// edition's whole list does, for every firm of the organiser, on the demo's show (selection
// published) and on next year's (no selection yet), and for a firm placed on a stall by hand.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t?.close());

describe(`who exhibits, one firm at a time (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("answers as editionExhibitorIds does, for every firm and both editions", async () => {
    const { editionId } = await demoShow(t.db, "showcase-2026");
    const [edition] = await t.db.select().from(editions).where(eq(editions.id, editionId));
    const firms = await t.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.organiserId, edition!.organiserId));
    const next = (await t.db.select().from(editions).where(eq(editions.organiserId, edition!.organiserId))).find((e) => e.id !== editionId)!;
    // A firm placed by hand on one of next year's stalls, if the plan has one.
    const [stall] = await t.db.select().from(floorStalls).where(eq(floorStalls.editionId, next.id)).limit(1);
    const outsider = firms[firms.length - 1]!;
    if (stall) await t.db.update(floorStalls).set({ enterpriseId: outsider.id, state: "assigned" }).where(eq(floorStalls.id, stall.id));
    let yes = 0;
    for (const e of [edition!, next]) {
      const list = new Set(await editionExhibitorIds(t.db, e.id));
      for (const f of firms) {
        const one = await isEditionExhibitor(t.db, e.id, f.id);
        expect(one, `${e.slug} ${f.id}`).toBe(list.has(f.id));
        if (one) yes++;
      }
    }
    expect(yes).toBeGreaterThan(100);
    expect(await isEditionExhibitor(t.db, editionId, "00000000-0000-0000-0000-000000000000")).toBe(false);
  });
});
