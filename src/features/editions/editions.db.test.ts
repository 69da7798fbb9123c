import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { getPublicEdition, listEditions } from "./operations/read-editions";
import { copyEdition } from "./operations/copy-edition";
import { updateEdition } from "./operations/update-edition";
import { createCluster, deleteCluster, updateCluster } from "./operations/clusters";
import { clusters } from "./tables";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("demo edition", () => {
  it("is published with its venue, seven sectors, 36 clusters and the trade bodies", async () => {
    const d = await getPublicEdition(ctxFor(t.db), "showcase-2026");
    expect(d?.edition.nameEn).toBe("Made in Pakistan: SME Cluster Showcase 2026");
    // The current edition is the latest published: the demo's next show, a copy of this one.
    expect((await getPublicEdition(ctxFor(t.db)))?.edition.slug).toBe("sme-showcase-2027");
    expect(d?.edition.startsOn).toBe("2026-01-24");
    expect(d?.edition.endsOn).toBe("2026-01-26");
    expect(d?.edition.timezone).toBe("Asia/Karachi");
    expect(d?.venue.nameEn).toBe("Expo Centre Lahore");
    expect(d?.spaces.map((s) => s.nameEn)).toEqual(["Hall 1", "Hall 2", "Hall 3", "Foyer", "Main Auditorium"]);
    expect(d?.sectors).toHaveLength(7);
    expect(d?.clusters).toHaveLength(36);
    expect(new Set(d?.tradeBodies.map((b) => b.kind))).toEqual(new Set(["chamber", "women_chamber", "association"]));
    expect(d?.enterpriseCount).toBeGreaterThanOrEqual(160);
    expect(d?.womenLedCount).toBeGreaterThan(0);
  });
});

describe("editing an edition", () => {
  it("lets organiser staff copy 2026 into a 2027 draft with the same settings, audited", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const [source] = await listEditions(staff);
    const copy = await copyEdition(staff, { editionId: source!.id, slug: "showcase-2027", year: 2027, startsOn: "2027-01-23" });
    expect(copy.nameEn).toBe("Made in Pakistan: SME Cluster Showcase 2027");
    expect(copy.endsOn).toBe("2027-01-25");
    expect(copy.status).toBe("draft");
    const copied = await t.db.select().from(clusters).where(eq(clusters.editionId, copy.id));
    expect(copied).toHaveLength(36);
    const audit = await t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "edition.copied"), eq(auditEntries.entityId, copy.id)));
    expect(audit).toHaveLength(1);
    // The draft is not public, but staff can still see it.
    await expect(getPublicEdition(ctxFor(t.db), "showcase-2027")).rejects.toMatchObject({ code: "not_found" });
    await expect(getPublicEdition(staff, "showcase-2027")).resolves.toBeTruthy();
    await expect(
      copyEdition(staff, { editionId: source!.id, slug: "showcase-2027", year: 2027, startsOn: "2027-01-23" }),
    ).rejects.toMatchObject({ code: "slug_taken" });
  });

  it("validates with field codes and refuses visitors and anonymous callers", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const [e] = await listEditions(staff);
    const base = { editionId: e!.id, nameEn: e!.nameEn, nameUr: e!.nameUr, startsOn: e!.startsOn, endsOn: e!.endsOn, timezone: e!.timezone, status: e!.status };
    await expect(updateEdition(staff, { ...base, endsOn: "2026-01-20", nameUr: "English only", timezone: "Mars/Base" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: expect.arrayContaining([
        expect.objectContaining({ path: "nameUr", code: "urdu_script" }),
        expect.objectContaining({ path: "timezone", code: "invalid_timezone" }),
      ]),
    });
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    await expect(updateEdition(visitor, base)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEdition(ctxFor(t.db), base)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(listEditions(visitor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("creates, renames and removes a cluster with an audit trail; duplicate slugs are refused", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const [e] = await listEditions(staff);
    const input = { editionId: e!.id, slug: "kasur-leather", sectorId: "", nameEn: "Kasur leather", nameUr: "قصور چمڑا", district: "Kasur", province: "Punjab" as const, hsCodes: "4107, 4203" };
    const c = await createCluster(staff, input);
    expect(c.hsCodes).toEqual(["4107", "4203"]);
    await expect(createCluster(staff, input)).rejects.toMatchObject({ code: "slug_taken" });
    await expect(createCluster(staff, { ...input, slug: "x1", hsCodes: "90" })).rejects.toMatchObject({
      fields: [expect.objectContaining({ code: "invalid_hs_code" })],
    });
    const renamed = await updateCluster(staff, { ...input, clusterId: c.id, nameEn: "Kasur tanneries" });
    expect(renamed.nameEn).toBe("Kasur tanneries");
    await deleteCluster(staff, { clusterId: c.id });
    const actions = (await t.db.select().from(auditEntries).where(eq(auditEntries.entityId, c.id))).map((a) => a.action);
    expect(actions.sort()).toEqual(["cluster.created", "cluster.deleted", "cluster.updated"]);
  });
});
