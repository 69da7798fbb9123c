import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { EDITION_MAX_DAYS, editionDayCount } from "../editions/days";
import { patchEdition, updateEdition } from "../editions/operations/update-edition";
import { editions } from "../editions/tables";
import { editionShortId, verifyBadge } from "./core/badge-code";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { editionPublicKeys } from "./keys";
import { issueBadge } from "./operations/issue-badge";
import { badges } from "./tables";

// An edition's days (editions/days.ts): a badge carries at most 16 days, so a longer edition is
// refused by the operation (field code) and by the database (check), and a 16-day edition's badge
// carries every one of its days.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const staff = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", fixedClock("2026-01-10T05:00:00Z"));

describe("an edition's length", () => {
  it("refuses a 20-day edition with a field code, in the operation and in the database", async () => {
    const { edition: e } = await demoEditionIds(t.db);
    const base = { editionId: e.id, nameEn: e.nameEn, nameUr: e.nameUr, startsOn: "2026-01-24", timezone: e.timezone, status: e.status };
    expect(editionDayCount({ startsOn: "2026-01-24", endsOn: "2026-02-12" })).toBe(20);
    await expect(updateEdition(await staff(), { ...base, endsOn: "2026-02-12" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "endsOn", code: "edition_too_long", params: { max: EDITION_MAX_DAYS } })],
    });
    // The API's PATCH merges inside the operation and checks the whole edition the same way.
    await expect(patchEdition(await staff(), { editionId: e.id, endsOn: "2026-02-12" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "endsOn", code: "edition_too_long" })],
    });
    // Whatever writes the row, the database refuses it too.
    await expect(t.db.update(editions).set({ endsOn: "2026-02-12" }).where(eq(editions.id, e.id))).rejects.toThrow();
    const [after] = await t.db.select().from(editions).where(eq(editions.id, e.id));
    expect(after!.endsOn).toBe(e.endsOn);
  });

  it("accepts a 16-day edition, and its badge carries all 16 days", async () => {
    const { edition: e } = await demoEditionIds(t.db);
    const base = { editionId: e.id, nameEn: e.nameEn, nameUr: e.nameUr, startsOn: "2026-01-24", timezone: e.timezone, status: e.status };
    await updateEdition(await staff(), { ...base, endsOn: "2026-02-08" });
    const [after] = await t.db.select().from(editions).where(eq(editions.id, e.id));
    expect(editionDayCount(after!)).toBe(16);

    const all = Array.from({ length: 16 }, (_, i) => i);
    const reg = await insertApprovedRegistration(t.db, e.id, { email: "sixteen.days@example.pk", days: all });
    await inTransaction(await staff(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
    const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    const read = verifyBadge(badge!.code, await editionPublicKeys(t.db, e.id), editionShortId(e.id));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.payload.days).toBe(0xffff);
    const longer = await t.db.select({ id: editions.id }).from(editions).where(sql`${editions.endsOn} - ${editions.startsOn} >= 16`);
    expect(longer).toHaveLength(0);
  });
});
