import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../platform/clock";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { editions } from "../editions/tables";
import { defaultReviewEdition, myReviewEditions } from "../selection/operations/review-editions";
import { ownStaffBadges, setStaffQuota } from "./operations/staff-badges";

// Once next year's edition is published, this year's work must stay within reach: an exhibitor's
// staff badges open on an edition where it has a quota, a reviewer's page on its assignments.

let t: TestDb;
const slugs: Record<string, string> = {};
beforeAll(async () => {
  t = await openTestDb();
  for (const e of await t.db.select().from(editions)) slugs[e.slug] = e.id;
});
afterAll(async () => t?.close());

const afterTheShow = () => fixedClock("2026-11-24T08:00:00Z");
const before2026 = () => fixedClock("2026-01-10T08:00:00Z");

describe("which edition a role's page opens on", () => {
  it("an exhibitor's staff badges: only editions with a quota, the show on or next, an explicit choice kept", async () => {
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    const y2026 = slugs["showcase-2026"]!;
    const next = Object.entries(slugs).find(([s]) => s.startsWith("sme-showcase-"))![1];
    await setStaffQuota(ctxFor(t.db, await actorFor(t.db, demo.organiser)), { editionId: y2026, enterpriseId, quota: 5 });
    // A quota on 2026 only: 2026, even after it, though the 2027 show is published.
    const only = await ownStaffBadges(ctxFor(t.db, exhibitor, "en", afterTheShow()));
    expect(only.editionId).toBe(y2026);
    expect(only.editions.map((e) => e.id)).toEqual([y2026]);
    // Quotas on both: before the 2026 show it opens on 2026, after it on the next show.
    await setStaffQuota(ctxFor(t.db, await actorFor(t.db, demo.organiser)), { editionId: next, enterpriseId, quota: 3 });
    expect((await ownStaffBadges(ctxFor(t.db, exhibitor, "en", before2026()))).editionId).toBe(y2026);
    const after = await ownStaffBadges(ctxFor(t.db, exhibitor, "en", afterTheShow()));
    expect(after.editionId).toBe(next);
    expect(new Set(after.editions.map((e) => e.id))).toEqual(new Set([y2026, next]));
    expect((await ownStaffBadges(ctxFor(t.db, exhibitor, "en", afterTheShow()), y2026)).editionId).toBe(y2026);
    // An edition that is not one of its choices is not taken.
    expect((await ownStaffBadges(ctxFor(t.db, exhibitor, "en", afterTheShow()), "00000000-0000-4000-8000-000000000000")).editionId).toBe(next);
  });

  it("a reviewer's page: the editions with assignments, opening on the newest with something to score", async () => {
    const reviewer = ctxFor(t.db, await actorFor(t.db, demo.reviewer), "en", afterTheShow());
    const mine = await myReviewEditions(reviewer);
    // Next year's open call has applications waiting for them (demo seed); 2026's are all scored.
    expect(mine.map((e) => e.slug)).toEqual([expect.stringMatching(/^sme-showcase-/), "showcase-2026"]);
    expect(mine[0]!.todo).toBeGreaterThan(0);
    expect(mine[1]!.all).toBeGreaterThan(0);
    expect(mine[1]!.todo).toBe(0);
    expect(defaultReviewEdition(mine)?.slug).toBe(mine[0]!.slug);
    expect(defaultReviewEdition([{ slug: "a", todo: 0 }, { slug: "b", todo: 2 }])?.slug).toBe("b");
    expect(defaultReviewEdition([{ slug: "a", todo: 0 }])?.slug).toBe("a");
    expect(await myReviewEditions(ctxFor(t.db))).toEqual([]);
  });
});
