// The whole path of issue 4 against a real database: spreadsheet with mixed
// rows → report → applications → assignment with conflicts → scores →
// normalisation → selection with the preference rule → decisions → appeal →
// withdrawal and promotion → transparency report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { outboxMessages } from "../../platform/mail/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { actorForUser } from "../accounts/grants";
import { clusters } from "../editions/tables";
import { addPhoto, getApplication, saveApplication } from "../nominations/operations/application";
import { acceptRows, checkUpload, listNominations } from "../nominations/operations/nominate";
import { nominations, reviewerAffiliations, reviews } from "../nominations/tables";
import { csv, freshEditionWithCall, HEADER, makeUser, tradeBodyId } from "../nominations/test-support";
import { decideAppeal, fileAppeal } from "./operations/appeals";
import { assignReviews, declareConflict, getPhotoForReview, myReviews, scoreOverview, scoreReview } from "./operations/review";
import { overrideDecision, publishSelection, runSelectionProposal, withdrawByApplicant } from "./operations/selection";
import { getTransparencyReport, transparencyCsv } from "./operations/transparency";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const A = "sialkot-sports-goods";
const B = "sialkot-surgical-instruments";
// name, ntn, cluster, size, turnover, employees, women-led, quality 1–5 as reviewers perceive it
const firms: [string, string, string, string, string, string, string, number][] = [
  ["Alpha Sports", "2000001-1", A, "small", "60000000", "30", "no", 5],
  ["Bano Stitching", "2000002-1", A, "micro", "8000000", "6", "yes", 3],
  ["Chaudhry Balls", "2000003-1", A, "medium", "300000000", "90", "no", 4],
  ["Dua Gloves", "2000004-1", A, "micro", "5000000", "4", "no", 2],
  ["Eagle Surgical", "2000005-1", B, "small", "90000000", "40", "no", 5],
  ["Fatima Instruments", "2000006-1", B, "micro", "9000000", "7", "yes", 2],
  ["Ghani Steel", "2000007-1", B, "medium", "500000000", "120", "no", 4],
  ["Hira Dental", "2000008-1", B, "small", "70000000", "25", "yes", 3],
];

describe("a call from spreadsheet to transparency report", () => {
  it("runs end to end within the published rule", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const [ca] = await t.db.select().from(clusters).where(eq(clusters.slug, A)).limit(1);
    expect(ca).toBeTruthy();
    const edition = await freshEditionWithCall(
      staff,
      "path-test",
      { bonus: { womenLed: 5, micro: 3, womenLedMicro: 2 }, reservedShare: { womenLedMicro: 0.5 }, waitlistPerCluster: 3 },
      { reviewsPerApplication: 2, totalStalls: 4 },
    );
    const editionClusters = await t.db.select().from(clusters).where(eq(clusters.editionId, edition.id));
    const cid = (slug: string) => editionClusters.find((c) => c.slug === slug)!.id;
    // Targets are saved with the call; re-save with two places for each of the two clusters.
    const { saveCall, getCallForStaff } = await import("../nominations/operations/call");
    const page = await getCallForStaff(staff, { editionId: edition.id });
    await saveCall(staff, { ...page.call, editionId: edition.id, clusterTargets: [{ clusterId: cid(A), places: 2 }, { clusterId: cid(B), places: 2 }], totalStalls: 4 });

    // 1. Upload with mixed rows: every problem reported, valid rows accepted.
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    const lines = firms.map((f) => `${f.slice(0, 7).join(",")},Owner ${f[0]},${f[1].slice(0, 7)}@example.pk,,Sialkot`);
    const file = csv([HEADER, ...lines, "Broken One,999,nowhere,micro,abc,2,maybe,,,,", `Twice,${firms[0]![1]},${A},micro,1000,1,no,X,,03001234567,`]);
    const report = await checkUpload(rep, { editionId: edition.id, file });
    expect(report.valid).toHaveLength(8);
    expect(report.problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual([
      "10:ntn:ntn_format",
      "10:cluster:cluster_unknown",
      "10:annualTurnoverPkr:number_format",
      "10:womenLed:women_led_unknown",
      "10:contactName:required",
      "10:phone:contact_missing",
      "11:ntn:duplicate_in_file",
    ]);
    const { created } = await acceptRows(rep, { editionId: edition.id, rows: report.rows.filter((r) => r.row <= 9) });
    expect(created).toHaveLength(8);
    const link = new Map(created.map((c) => [c.enterpriseName, c.link.split("/apply/")[1]!.split("?")[0]!]));

    // 2. Nominees complete their applications through their links (draft, photo, then submit).
    for (const f of firms) {
      const token = link.get(f[0])!;
      const app = await getApplication(ctxFor(t.db), { token });
      expect(app.data.turnoverBand).toBe(f[3]);
      await saveApplication(ctxFor(t.db), { token, data: { ...app.data, goals: "" } });
      await expect(saveApplication(ctxFor(t.db), { token, submit: true, data: { ...app.data } })).rejects.toMatchObject({ code: "validation_failed" });
      await addPhoto(ctxFor(t.db), { token, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
      await saveApplication(ctxFor(t.db), { token, submit: true, data: { ...app.data, products: [{ name: "Football", hsCode: "9506.62" }], certifications: "ISO 9001, CE", exportMarkets: "Germany", goals: "Meet European buyers" } });
    }
    expect((await listNominations(rep, { editionId: edition.id })).nominations.every((n) => n.status === "submitted")).toBe(true);

    // 3. Assignment: an LCCI-affiliated reviewer and a declared conflict are respected.
    const reviewers: Awaited<ReturnType<typeof makeUser>>[] = [];
    for (const name of ["r1", "r2", "r3", "r4"]) reviewers.push(await makeUser(t.db, `${name}@reviewers.pk`, "reviewer"));
    await t.db.insert(reviewerAffiliations).values({ userId: reviewers[0]!.id, tradeBodyId: await tradeBodyId(t.db, "lcci") });
    const ids = new Map((await t.db.select().from(nominations).where(eq(nominations.editionId, edition.id))).map((n) => [n.enterpriseName, n.id]));
    const r2 = ctxFor(t.db, await actorForUser(t.db, reviewers[1]!));
    await declareConflict(r2, { nominationId: ids.get("Alpha Sports")!, reason: "My cousin's firm" });
    const assigned = await assignReviews(staff, { editionId: edition.id, seed: 7 });
    expect(assigned.shortfalls).toEqual([]);
    const first = await t.db.select().from(reviews).where(inArray(reviews.nominationId, [...ids.values()]));
    expect(first).toHaveLength(16);
    // A conflict declared after assignment withdraws that review; assigning again finds another reviewer.
    const late = first.find((p) => p.nominationId === ids.get("Hira Dental"))!;
    const lateCtx = ctxFor(t.db, await actorForUser(t.db, (await t.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, late.reviewerId) }))!));
    await declareConflict(lateCtx, { nominationId: late.nominationId, reason: "Supplier of mine" });
    expect((await t.db.select().from(reviews).where(eq(reviews.nominationId, late.nominationId))).some((p) => p.reviewerId === late.reviewerId)).toBe(false);
    expect((await assignReviews(staff, { editionId: edition.id, seed: 7 })).added).toBe(1);
    const pairs = await t.db.select().from(reviews).where(inArray(reviews.nominationId, [...ids.values()]));
    expect(pairs).toHaveLength(16);
    expect(pairs.some((p) => p.nominationId === late.nominationId && p.reviewerId === late.reviewerId)).toBe(false);
    expect(pairs.some((p) => p.reviewerId === reviewers[0]!.id)).toBe(false);
    expect(pairs.some((p) => p.reviewerId === reviewers[1]!.id && p.nominationId === ids.get("Alpha Sports"))).toBe(false);
    // Every nominee here is LCCI's: r1 and the demo's LCCI-affiliated reviewer can take none.
    const lcciReviewer = (await t.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.email, "reviewer6@demo.numaish.pk") }))!.id;
    expect(pairs.some((p) => p.reviewerId === lcciReviewer)).toBe(false);
    const loads = assigned.loads.filter((l) => l.reviewerId !== reviewers[0]!.id && l.reviewerId !== lcciReviewer).map((l) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    // Photos: the assigned reviewers and staff see them; r2 (conflict, not assigned) does not.
    const { applicationPhotos } = await import("../nominations/tables");
    const [alphaPhoto] = await t.db.select().from(applicationPhotos).where(eq(applicationPhotos.nominationId, ids.get("Alpha Sports")!));
    const alphaReviewer = pairs.find((p) => p.nominationId === ids.get("Alpha Sports"))!.reviewerId;
    const alphaReviewerCtx = ctxFor(t.db, await actorForUser(t.db, (await t.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, alphaReviewer) }))!));
    expect((await getPhotoForReview(alphaReviewerCtx, { photoId: alphaPhoto!.id })).contentType).toBe("image/png");
    await expect(getPhotoForReview(r2, { photoId: alphaPhoto!.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPhotoForReview(staff, { photoId: alphaPhoto!.id })).resolves.toBeTruthy();
    await expect(getPhotoForReview(rep, { photoId: alphaPhoto!.id })).rejects.toMatchObject({ code: "forbidden" });

    // 4. Scores: one harsh reviewer; normalisation puts everyone on one scale.
    const quality = new Map(firms.map((f) => [ids.get(f[0])!, f[7]]));
    const allReviewers = new Set(pairs.map((p) => p.reviewerId));
    for (const reviewerId of allReviewers) {
      const actor = await actorForUser(t.db, (await t.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, reviewerId) }))!);
      const mine = await myReviews(ctxFor(t.db, actor), { editionId: edition.id });
      const harsh = reviewerId === reviewers[2]!.id ? 1 : 0;
      for (const item of mine.items) {
        const q = Math.max(1, quality.get(item.nominationId)! - harsh);
        await scoreReview(ctxFor(t.db, actor), { nominationId: item.nominationId, scores: { quality: q, innovation: q, market_readiness: q }, comments: { quality: "Seen at the factory" } });
      }
    }
    await expect(scoreReview(r2, { nominationId: ids.get("Alpha Sports")!, scores: { quality: 5, innovation: 5, market_readiness: 5 } })).rejects.toMatchObject({ code: "forbidden" });
    const overview = await scoreOverview(staff, { editionId: edition.id });
    expect(overview.applications).toHaveLength(8);
    expect(overview.reviews.every((r) => r.normalised >= 0 && r.normalised <= 100)).toBe(true);

    // 5. Selection with the preference rule: 2 places per cluster, one reserved for a women-led micro firm.
    const { result } = await runSelectionProposal(staff, { editionId: edition.id });
    const status = (name: string) => result.decisions.find((d) => d.applicationId === ids.get(name))!;
    expect(result.totals.selected).toBe(4);
    expect(result.flags).toEqual([]);
    // Cluster A's open place goes on merit, to the best adjusted score of its three others: Alpha
    // (quality 5) in most draws, but with two reviews each drawn at random Chaudhry (4) can
    // normalise above it (ci14 of d43db94 drew that), so the expectation follows the scores.
    const threeA = ["Alpha Sports", "Chaudhry Balls", "Dua Gloves"];
    const wonA = threeA.filter((n) => status(n).status === "selected");
    expect(wonA).toHaveLength(1);
    expect(status(wonA[0]!).seat).toBe("open");
    for (const name of threeA) expect(status(name).adjustedScore, name).toBeLessThanOrEqual(status(wonA[0]!).adjustedScore);
    expect(status("Bano Stitching").status).toBe("selected"); // women-led micro: reserved place
    expect(status("Fatima Instruments").status).toBe("selected"); // reserved although scored 2
    expect(status("Fatima Instruments").seat).toBe("reserved");
    // Cluster B's other place goes on merit: to the best adjusted score of the other three. Eagle
    // (quality 5) in most draws; with two reviews each, drawn at random, a reviewer of few
    // applications can normalise Ghani (4) above it (z-scores of two or three items), so the
    // expectation follows the scores rather than the firms' quality.
    const three = ["Eagle Surgical", "Ghani Steel", "Hira Dental"];
    const won = three.filter((n) => status(n).status === "selected");
    expect(won).toHaveLength(1);
    const meritB = won[0]!;
    expect(status(meritB).seat).toBe("open");
    const others = three.filter((n) => n !== meritB).sort((a, b) => status(b).adjustedScore - status(a).adjustedScore);
    for (const name of others) {
      expect(status(name).adjustedScore, name).toBeLessThanOrEqual(status(meritB).adjustedScore);
      expect(status(name).status, name).toBe("waitlisted");
      expect(status(name).reasons.map((r) => r.code)).toContain("waitlisted");
    }
    // The best-scored of the waiting two names its limit (which one depends on how the clusters' firms rank).
    expect(status(others[0]!).reasons.some((r) => r.code === "reserved_places_filled" || r.code === "stall_total_reached" || r.code === "cluster_target_reached")).toBe(true);
    const ntnOf = (name: string) => firms.find((f) => f[0] === name)![1].slice(0, 7);

    // 6. Override with a justification, then publish: applicants and the trade body are told, in their language.
    await expect(overrideDecision(staff, { editionId: edition.id, applicationId: ids.get("Dua Gloves")!, status: "waitlisted", justification: "short" })).rejects.toMatchObject({ code: "validation_failed" });
    await overrideDecision(staff, { editionId: edition.id, applicationId: ids.get("Dua Gloves")!, status: "not_selected", justification: "Could not show a working sample at the visit" });
    await publishSelection(staff, { editionId: edition.id });
    const mail = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "selection.decision"));
    const toMerit = mail.find((m) => m.toAddress === `${ntnOf(meritB)}@example.pk`)!;
    expect(toMerit.bodyText).toContain("Selected");
    expect(toMerit.bodyText).toContain(`rank ${status(meritB).rankInCluster} of 4`);
    const repMail = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "selection.trade_body"), eq(outboxMessages.toAddress, demo.chamber)));
    expect(repMail).toHaveLength(1);
    expect(repMail[0]!.bodyText).toContain(others[0]!);
    const overrideAudit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "selection.overridden"), eq(auditEntries.entityId, ids.get("Dua Gloves")!)));
    expect(overrideAudit[0]!.data).toMatchObject({ justification: "Could not show a working sample at the visit" });

    // 7. Appeal: decided by someone other than the application's reviewers, with a record.
    const appeal = await fileAppeal(ctxFor(t.db), { token: link.get("Dua Gloves")!, grounds: "We now have a working sample and a buyer letter." });
    await expect(fileAppeal(ctxFor(t.db), { token: link.get(meritB)!, grounds: "Selected firms cannot appeal their selection." })).rejects.toMatchObject({ code: "appeal_not_allowed" });
    const duaReviewer = pairs.find((p) => p.nominationId === ids.get("Dua Gloves"))!.reviewerId;
    const { roleGrants } = await import("../accounts/tables");
    const [org] = await t.db.select().from((await import("../editions/tables")).organisers);
    await t.db.insert(roleGrants).values({ userId: duaReviewer, role: "organiser_staff", organiserId: org!.id });
    const reviewerAsStaff = ctxFor(t.db, await actorForUser(t.db, (await t.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, duaReviewer) }))!));
    await expect(decideAppeal(reviewerAsStaff, { appealId: appeal.id, outcome: "upheld", note: "I liked them anyway" })).rejects.toMatchObject({ code: "forbidden" });
    const decided = await decideAppeal(staff, { appealId: appeal.id, outcome: "rejected", note: "The sample was required at the visit; the rule applies to all." });
    expect(decided.status).toBe("rejected");
    expect(decided.decidedBy).not.toBeNull();

    // 8. A selected firm withdraws: the same cluster's waitlist gets the place.
    // Who is first on cluster B's waitlist depends on the drawn reviewers; the published result says who.
    const { findSelection } = await import("./operations/selection");
    const before = (await findSelection(t.db, edition.id))!.result;
    const firstWaiting = before.decisions.find((d) => d.clusterId === cid(B) && d.status === "waitlisted" && d.waitlistPosition === 1)!;
    expect(others.map((n) => ids.get(n))).toContain(firstWaiting.applicationId);
    const { promoted } = await withdrawByApplicant(ctxFor(t.db), { token: link.get(meritB)! });
    expect(promoted).toBe(firstWaiting.applicationId);
    const after = (await findSelection(t.db, edition.id))!.result;
    expect(after.decisions.find((d) => d.applicationId === promoted)!.status).toBe("selected");
    expect(after.decisions.find((d) => d.applicationId === ids.get(meritB))!.status).toBe("withdrawn");
    expect(after.totals.selected).toBe(4); // the freed place is filled again
    const promotedFirm = firms.find((f) => ids.get(f[0]) === promoted)!;
    const offer = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "selection.offer"), eq(outboxMessages.toAddress, `${promotedFirm[1].slice(0, 7)}@example.pk`)));
    expect(offer).toHaveLength(1);

    // 9. The public report: aggregates only, small groups withheld.
    const tr = await getTransparencyReport(ctxFor(t.db), { slug: "path-test" }).catch((e) => e);
    // The copied edition is a draft: not public.
    expect(tr).toMatchObject({ code: "not_found" });
    const { editions } = await import("../editions/tables");
    await t.db.update(editions).set({ status: "published" }).where(eq(editions.id, edition.id));
    const pub = await getTransparencyReport(ctxFor(t.db), { slug: "path-test" });
    const total = pub.report.tables.sizeClass.total;
    expect(total.applications).toEqual({ value: 8, suppressed: false });
    // Four selected firms is a group small enough to point at a firm: withheld.
    expect(total.selected).toEqual({ value: null, suppressed: true });
    const text = JSON.stringify(pub.report) + transparencyCsv(pub.report, pub.clusterNames);
    for (const f of firms) expect(text).not.toContain(f[0]);
    expect(text).not.toContain("2000001");
    expect(transparencyCsv(pub.report, pub.clusterNames)).toMatch(/^table,group,applications,selected,waitlisted,notSelected\r\n/);
  });
});
