// Reviewer affiliations kept by the organiser: listed, added, removed, audited,
// and honoured by the next automatic assignment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { clusters } from "../editions/tables";
import { nominations, reviews } from "../nominations/tables";
import { freshEditionWithCall, makeUser, tradeBodyId } from "../nominations/test-support";
import { addReviewerAffiliation, listReviewerAffiliations, removeReviewerAffiliation } from "./operations/affiliations";
import { assignReviews } from "./operations/review";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("reviewer affiliations", () => {
  it("keeps an affiliated reviewer off that body's applications after re-assignment", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "affiliations-test", {}, { reviewsPerApplication: 1 });
    const [cluster] = await t.db.select().from(clusters).where(eq(clusters.editionId, edition.id)).limit(1);
    const lcci = await tradeBodyId(t.db, "lcci");
    // Submitted applications written directly: the application flow is covered by path.db.test.ts.
    const apps = await t.db
      .insert(nominations)
      .values(
        [1, 2, 3, 4, 5, 6].map((i) => ({
          editionId: edition.id,
          tradeBodyId: lcci,
          clusterId: cluster!.id,
          ntn: `300000${i}-1`,
          enterpriseName: `Firm ${i}`,
          sizeClass: "micro" as const,
          annualTurnoverPkr: 1_000_000,
          employees: 3,
          womenLed: false,
          contactName: "Owner",
          status: "submitted" as const,
          linkHash: `hash-${i}`,
          linkExpiresAt: new Date("2027-01-01T00:00:00Z"),
          submittedAt: new Date(`2026-01-0${i}T00:00:00Z`),
        })),
      )
      .returning();
    const target = await makeUser(t.db, "affiliated@reviewers.pk", "reviewer");

    const before = await listReviewerAffiliations(staff, { editionId: edition.id });
    expect(before.reviewers.find((r) => r.id === target.id)?.tradeBodyIds).toEqual([]);
    expect(before.tradeBodies.some((b) => b.id === lcci)).toBe(true);

    // Without an affiliation, six reviews spread over the pool give the new reviewer some.
    await assignReviews(staff, { editionId: edition.id, seed: 3 });
    const mine = () => t.db.select().from(reviews).where(eq(reviews.reviewerId, target.id));
    expect((await mine()).filter((r) => apps.some((a) => a.id === r.nominationId)).length).toBeGreaterThan(0);

    expect(await addReviewerAffiliation(staff, { editionId: edition.id, reviewerId: target.id, tradeBodyId: lcci })).toEqual({ added: true });
    expect(await addReviewerAffiliation(staff, { editionId: edition.id, reviewerId: target.id, tradeBodyId: lcci })).toEqual({ added: false });
    expect((await listReviewerAffiliations(staff, { editionId: edition.id })).reviewers.find((r) => r.id === target.id)?.tradeBodyIds).toEqual([lcci]);

    const again = await assignReviews(staff, { editionId: edition.id, seed: 3 });
    expect(again.shortfalls).toEqual([]);
    expect(await mine()).toEqual([]);
    for (const a of apps) expect(await t.db.select().from(reviews).where(eq(reviews.nominationId, a.id))).toHaveLength(1);

    expect(await removeReviewerAffiliation(staff, { editionId: edition.id, reviewerId: target.id, tradeBodyId: lcci })).toEqual({ removed: true });
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, target.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["reviewer_affiliation.added", "reviewer_affiliation.removed"]);
  });

  it("refuses others than organiser staff and unknown reviewers", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "affiliations-test-2");
    const lcci = await tradeBodyId(t.db, "lcci");
    const reviewer = ctxFor(t.db, await actorFor(t.db, demo.reviewer));
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    await expect(listReviewerAffiliations(reviewer, { editionId: edition.id })).rejects.toMatchObject({ code: "forbidden" });
    const someone = await makeUser(t.db, "rep2@bodies.pk", "trade_body_rep", "lcci");
    await expect(addReviewerAffiliation(rep, { editionId: edition.id, reviewerId: someone.id, tradeBodyId: lcci })).rejects.toMatchObject({ code: "forbidden" });
    // A trade body rep is not a reviewer: nothing to affiliate.
    await expect(addReviewerAffiliation(staff, { editionId: edition.id, reviewerId: someone.id, tradeBodyId: lcci })).rejects.toMatchObject({ code: "not_found" });
    await expect(addReviewerAffiliation(staff, { editionId: edition.id, reviewerId: "x", tradeBodyId: lcci })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
