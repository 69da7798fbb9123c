import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { enterprises } from "../editions/enterprise-tables";
import { demoEditionIds } from "./fixtures";
import { getBadge } from "./operations/manage-badges";
import { issueStaffBadge, listStaffBadges, setStaffQuota } from "./operations/staff-badges";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("exhibitor staff badges", () => {
  it("are issued by the exhibitor within the organiser's quota, and nobody sees another exhibitor's", async () => {
    const { edition } = await demoEditionIds(t.db);
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const own = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    const [other] = (await t.db.select().from(enterprises)).filter((e) => e.id !== own);
    const ex = ctxFor(t.db, exhibitor);
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));

    // Only organisers set quotas.
    await expect(setStaffQuota(ex, { editionId: edition.id, enterpriseId: own, quota: 50 })).rejects.toMatchObject({ code: "forbidden" });
    await setStaffQuota(staff, { editionId: edition.id, enterpriseId: own, quota: 2 });

    const a = await issueStaffBadge(ex, { editionId: edition.id, enterpriseId: own, name: "Bilal Ahmed", email: "bilal@stall.pk" });
    await issueStaffBadge(ex, { editionId: edition.id, enterpriseId: own, name: "Sana Iqbal", nameUr: "ثناء اقبال", email: "sana@stall.pk" });
    await expect(issueStaffBadge(ex, { editionId: edition.id, enterpriseId: own, name: "Third", email: "third@stall.pk" })).rejects.toMatchObject({
      code: "quota_exceeded",
    });
    const list = await listStaffBadges(ex, { editionId: edition.id, enterpriseId: own });
    expect(list).toMatchObject({ quota: 2, used: 2 });
    expect(list.staff.map((s) => s.name)).toEqual(["Bilal Ahmed", "Sana Iqbal"]);
    // The badge is signed at once (approved, staff category).
    expect((await getBadge(staff, { registrationId: a.registrationId })).badge?.serial).toBe(0);

    // Another exhibitor's staff: neither listed nor issued.
    await expect(listStaffBadges(ex, { editionId: edition.id, enterpriseId: other!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(issueStaffBadge(ex, { editionId: edition.id, enterpriseId: other!.id, name: "X", email: "x@other.pk" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listStaffBadges(ctxFor(t.db, await actorFor(t.db, demo.visitor)), { editionId: edition.id, enterpriseId: own })).rejects.toMatchObject({ code: "forbidden" });
  });
});
