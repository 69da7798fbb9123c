// Withdrawing before the selection is published: the proposal is updated by
// the same published rule as after publication (the next on the cluster's
// waitlist takes the place), overrides stay, and nobody is emailed yet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { outboxMessages } from "../../platform/mail/tables";
import { hashSecret } from "../../platform/ids";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { clusters } from "../editions/tables";
import { nominations, selections } from "../nominations/tables";
import { freshEditionWithCall, tradeBodyId } from "../nominations/test-support";
import { runSelection } from "./engine";
import { findSelection, getSelection, overrideDecision, publishSelection, withdrawByApplicant, withdrawByStaff } from "./operations/selection";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const TOKEN = "withdraw-test-token-0123456789";

describe("withdrawal before publication", () => {
  it("updates the proposal: the next on the same cluster's waitlist takes the place, overrides kept, nobody emailed", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "withdraw-test");
    const [cluster] = await t.db.select().from(clusters).where(eq(clusters.editionId, edition.id)).limit(1);
    const lcci = await tradeBodyId(t.db, "lcci");
    const apps = await t.db
      .insert(nominations)
      .values(
        (["Xenon", "Yasmin", "Zafar", "Wali"] as const).map((name, i) => ({
          editionId: edition.id,
          tradeBodyId: lcci,
          clusterId: cluster!.id,
          ntn: `310000${i}-1`,
          enterpriseName: name,
          sizeClass: "small" as const,
          annualTurnoverPkr: 50_000_000,
          employees: 20,
          womenLed: false,
          contactName: "Owner",
          email: `${name.toLowerCase()}@example.pk`,
          status: "submitted" as const,
          linkHash: hashSecret(i === 0 ? TOKEN : `other-token-${i}-0123456789`),
          linkExpiresAt: new Date("2027-01-01T00:00:00Z"),
          submittedAt: new Date("2026-01-05T00:00:00Z"),
        })),
      )
      .returning();
    const id = (name: string) => apps.find((a) => a.enterpriseName === name)!.id;
    // A proposal (as runSelectionProposal stores it): one place, scores 90, 80, 70, 60.
    const proposal = runSelection({
      applications: apps.map((a, i) => ({ id: a.id, clusterId: a.clusterId, sizeClass: a.sizeClass, womenLed: a.womenLed, normalisedScore: 90 - 10 * i, submittedAt: "2026-01-05T00:00:00Z" })),
      clusterTargets: [{ clusterId: cluster!.id, places: 1 }],
      totalStalls: 10,
    });
    await t.db.insert(selections).values({ editionId: edition.id, result: proposal as never, ranAt: new Date("2026-01-09T00:00:00Z") });
    await overrideDecision(staff, { editionId: edition.id, applicationId: id("Yasmin"), status: "not_selected", justification: "Turnover figures could not be verified" });
    const mailsBefore = (await t.db.select().from(outboxMessages)).length;

    // The selected applicant withdraws (organiser records it): Zafar, next on the waitlist, moves up.
    const w = await withdrawByStaff(staff, { nominationId: id("Xenon") });
    expect(w).toEqual({ promoted: id("Zafar"), promotedName: "Zafar", proposalUpdated: true });
    let s = (await findSelection(t.db, edition.id))!;
    expect(s.publishedAt).toBeNull();
    const d = (name: string) => s.result.decisions.find((x) => x.applicationId === id(name))!;
    expect(d("Xenon")).toMatchObject({ status: "withdrawn", reasons: [{ code: "withdrawn" }] });
    expect(d("Zafar")).toMatchObject({ status: "selected", reasons: [{ code: "promoted_next_on_waitlist", params: { replaces: id("Xenon") } }] });
    expect(d("Yasmin")).toMatchObject({ status: "not_selected", reasons: [{ code: "override" }] }); // the override stays
    expect(d("Wali")).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(s.result.overrides).toHaveLength(1);
    expect(s.result.totals).toMatchObject({ selected: 1, waitlisted: 1, withdrawn: 1 });
    expect((await t.db.select().from(outboxMessages)).length).toBe(mailsBefore);
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "nomination.withdrawn"), eq(auditEntries.entityId, id("Xenon"))));
    expect(audit!.data).toMatchObject({ promoted: id("Zafar"), before: "selected", published: false });
    // In the organiser's log, by the staff member.
    expect(audit).toMatchObject({ organiserId: edition.organiserId, actorLabel: demo.organiser, actorNominationId: null });

    // Withdrawing twice changes nothing; a waitlisted applicant withdrawing just leaves the list.
    expect(await withdrawByStaff(staff, { nominationId: id("Xenon") })).toEqual({ promoted: null, promotedName: null, proposalUpdated: false });
    expect(await withdrawByStaff(staff, { nominationId: id("Wali") })).toMatchObject({ promoted: null, proposalUpdated: true });
    s = (await findSelection(t.db, edition.id))!;
    expect(d("Wali").status).toBe("withdrawn");

    // The applicant's own link works the same way before publication.
    await t.db.update(selections).set({ result: proposal as never }).where(eq(selections.editionId, edition.id));
    await t.db.update(nominations).set({ status: "submitted" }).where(eq(nominations.editionId, edition.id));
    expect(await withdrawByApplicant(ctxFor(t.db), { token: TOKEN })).toMatchObject({ promoted: id("Yasmin"), promotedName: "Yasmin", proposalUpdated: true });
    const [own] = await t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "nomination.withdrawn"), isNotNull(auditEntries.actorNominationId)));
    expect(own).toMatchObject({ organiserId: edition.organiserId, actorUserId: null, entityId: own!.actorNominationId });
    expect(JSON.stringify(own)).not.toContain(TOKEN);

    // Publishing then tells everyone their decision, the withdrawal included.
    await publishSelection(staff, { editionId: edition.id });
    const page = await getSelection(staff, { editionId: edition.id });
    expect(page.selection!.result.decisions.find((x) => x.applicationId === id("Yasmin"))!.status).toBe("selected");
    expect(page.selection!.result.totals).toMatchObject({ selected: 1, withdrawn: 1 });
  });
});
