import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import type { Actor } from "../../platform/permissions/actor";
import { users } from "../../platform/auth/tables";
import { enterprises } from "../editions/enterprise-tables";
import { clusters, sectors, tradeBodies } from "../editions/tables";
import { reviewerAffiliations } from "../nominations/tables";
import { roundBoard } from "./operations/board";
import { enterEligible, withdrawEntry } from "./operations/entries";
import { assignRound, declareConflict, myJudging, reassignEntry, recusedPairs, scoreEntry } from "./operations/judging";
import { awardsTransparency, certificateOf, lockResults, publicWinners } from "./operations/results";
import { getAwardsSetup, saveCategory, saveCriterion, setJudge, setRound } from "./operations/setup";
import { awardAssignments, awardEntries, awardResults, awardScores } from "./tables";

// Issue #13, awards: recusal (declared, trade body, cluster) held by the database and honoured by
// assignment; scoring only of assigned entries in open rounds, one score per judge, entry and
// criterion; judges never see each other's scores before the round closes; sealed results until
// the publication time; who may do what. On the 2026 show, with a category of this file's own.

let t: TestDb;
let editionId: string;
let staff: Actor;
const judges: { email: string; id: string; actor: Actor }[] = [];
let categoryId: string;
const criteria: Record<"shortlist" | "final", string[]> = { shortlist: [], final: [] };
const clock = fixedClock("2026-01-10T08:00:00Z");
const as = (actor: Actor) => ctxFor(t.db, actor, "en", clock);
/** The judge's rounds of this file's category (the demo's judges have the show's rounds too). */
const myRounds = async (actor: Actor) => (await myJudging(as(actor))).filter((w) => w.category.id === categoryId);

beforeAll(async () => {
  t = await openTestDb();
  ({ editionId } = await demoShow(t.db));
  staff = await actorFor(t.db, demo.organiser);
  for (const email of [demo.reviewer, "reviewer2@demo.numaish.pk", "reviewer3@demo.numaish.pk", "reviewer4@demo.numaish.pk"]) {
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    judges.push({ email, id: u!.id, actor: await actorFor(t.db, email) });
  }
  categoryId = (await saveCategory(as(staff), { editionId, slug: "t-excellence", nameEn: "Test excellence", nameUr: "آزمائشی امتیاز", winners: 1, runnersUp: 1, womenLedOnly: true })).id;
  for (const round of ["shortlist", "final"] as const) {
    for (const [slug, weight] of [["innovation", 3], ["quality", 1]] as const) {
      criteria[round].push((await saveCriterion(as(staff), { categoryId, round, slug, nameEn: slug, nameUr: slug, weight })).id);
    }
  }
});
afterAll(() => t?.close());

const entriesOf = () => t.db.select({ id: awardEntries.id, enterpriseId: awardEntries.enterpriseId, clusterSlug: enterprises.clusterSlug, nominatedBy: enterprises.nominatedBySlug, organiserId: enterprises.organiserId }).from(awardEntries).innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId)).where(and(eq(awardEntries.categoryId, categoryId), eq(awardEntries.withdrawn, false)));

describe("awards", () => {
  it("refuses set-up to anyone but the organiser", async () => {
    await expect(saveCategory(ctxFor(t.db), { editionId, slug: "x", nameEn: "x", nameUr: "x" })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getAwardsSetup(as(judges[0]!.actor), { editionId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveCategory(as(staff), { editionId, slug: "t-excellence", nameEn: "x", nameUr: "x" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("enters the eligible exhibitors, idempotently", async () => {
    const first = await enterEligible(as(staff), { categoryId });
    expect(first.entered).toBeGreaterThanOrEqual(8);
    expect(first.entered).toBe(first.eligible);
    expect((await enterEligible(as(staff), { categoryId })).entered).toBe(0);
  });

  it("recuses judges affiliated with an entry's cluster or trade body, in assignment and in the database", async () => {
    const entries = await entriesOf();
    const clustered = entries.find((e) => e.clusterSlug)!;
    const nominated = entries.find((e) => e.nominatedBy && e.id !== clustered.id)!;
    const [j0, j1, j2, j3] = judges;
    await setJudge(as(staff), { categoryId, round: "shortlist", userId: j0!.id, clusterSlugs: [clustered.clusterSlug!] });
    const [body] = await t.db.select().from(tradeBodies).where(and(eq(tradeBodies.slug, nominated.nominatedBy!), eq(tradeBodies.organiserId, nominated.organiserId)));
    await t.db.insert(reviewerAffiliations).values({ userId: j1!.id, tradeBodyId: body!.id }).onConflictDoNothing();
    for (const j of [j1, j2, j3]) await setJudge(as(staff), { categoryId, round: "shortlist", userId: j!.id });
    const result = await assignRound(as(staff), { categoryId, round: "shortlist" });
    expect(result.recused).toBeGreaterThanOrEqual(2);
    expect(result.shortfalls).toEqual([]);
    const pairs = await t.db.select().from(awardAssignments);
    expect(pairs.some((p) => p.entryId === clustered.id && p.userId === j0!.id)).toBe(false);
    expect(pairs.some((p) => p.entryId === nominated.id && p.userId === j1!.id)).toBe(false);
    const loads = result.loads.map((l) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // The database refuses the pair whoever writes it.
    const [round] = await t.db.execute(sql`SELECT id FROM award_rounds WHERE category_id = ${categoryId} AND kind = 'shortlist'`).then((r) => (r as { rows: { id: string }[] }).rows);
    await expect(t.db.insert(awardAssignments).values({ roundId: round!.id, entryId: clustered.id, userId: j0!.id })).rejects.toMatchObject({ cause: expect.objectContaining({ constraint: "award_judge_recused" }) });
  });

  it("lets a judge score only assigned entries of an open round, once per criterion, and see only its own scores", async () => {
    const [j0, j1] = judges;
    const mine = () => myRounds(j0!.actor);
    expect(await mine()).toEqual([]); // the round is still a draft: nothing to judge yet
    await setRound(as(staff), { categoryId, round: "shortlist", status: "open" });
    const [work] = await mine();
    const entry = work!.entries[0]!;
    const roundId = work!.round.id;
    const scores = (a: number, b: number, ids = criteria.shortlist) => [{ criterionId: ids[0]!, score: a, comment: "clear" }, { criterionId: ids[1]!, score: b }];
    await scoreEntry(as(j0!.actor), { roundId, entryId: entry.id, scores: scores(4, 3) });
    await scoreEntry(as(j0!.actor), { roundId, entryId: entry.id, scores: scores(5, 3) });
    const rows = await t.db.select().from(awardScores).where(and(eq(awardScores.entryId, entry.id), eq(awardScores.userId, j0!.id)));
    expect(rows.map((r) => r.score).sort()).toEqual([3, 5]);
    // a criterion of another round, an entry not assigned, a score off the scale
    await expect(scoreEntry(as(j0!.actor), { roundId, entryId: entry.id, scores: scores(4, 3, criteria.final) })).rejects.toMatchObject({ code: "validation_failed" });
    const other = (await entriesOf()).find((e) => !work!.entries.some((w) => w.id === e.id))!;
    await expect(scoreEntry(as(j0!.actor), { roundId, entryId: other.id, scores: scores(4, 3) })).rejects.toMatchObject({ code: "award_not_assigned" });
    await expect(scoreEntry(as(j0!.actor), { roundId, entryId: entry.id, scores: scores(6, 3) })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(scoreEntry(as(staff), { roundId, entryId: entry.id, scores: scores(4, 3) })).rejects.toMatchObject({ code: "forbidden" });
    // another judge's scores are not in its page, and the leaderboard waits for the round to close
    const theirs = (await myRounds(j1!.actor))[0]!;
    expect(theirs.entries.flatMap((e) => e.scores)).toEqual([]);
    await expect(roundBoard(as(j1!.actor), { roundId })).rejects.toMatchObject({ code: "award_round_not_closed" });
    await expect(roundBoard(ctxFor(t.db), { roundId })).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await roundBoard(as(staff), { roundId })).progress.judges.find((j) => j.userId === j0!.id)!.complete).toBe(1);
  });

  it("takes a judge off an entry once affiliated or once a conflict is declared", async () => {
    const [, , j2, j3] = judges;
    const [work] = await myRounds(j2!.actor);
    const roundId = work!.round.id;
    const target = work!.entries[0]!;
    const scores = [{ criterionId: criteria.shortlist[0]!, score: 3 }, { criterionId: criteria.shortlist[1]!, score: 3 }];
    await scoreEntry(as(j2!.actor), { roundId, entryId: target.id, scores });
    await declareConflict(as(j2!.actor), { entryId: target.id, reason: "My cousin runs it" });
    expect((await myRounds(j2!.actor))[0]!.entries.some((e) => e.id === target.id)).toBe(false);
    expect(await t.db.select().from(awardScores).where(and(eq(awardScores.entryId, target.id), eq(awardScores.userId, j2!.id)))).toEqual([]);
    // An affiliation added after assignment: the database refuses the score.
    const [w3] = await myRounds(j3!.actor);
    const e3 = (await entriesOf()).find((e) => e.id === w3!.entries[0]!.id)!;
    if (e3.clusterSlug) {
      await t.db.execute(sql`UPDATE award_judges SET cluster_slugs = ARRAY[${e3.clusterSlug}] WHERE user_id = ${j3!.id} AND round_id = ${roundId}`);
      await expect(scoreEntry(as(j3!.actor), { roundId, entryId: e3.id, scores })).rejects.toMatchObject({ code: "award_judge_recused" });
      await t.db.execute(sql`UPDATE award_judges SET cluster_slugs = '{}' WHERE user_id = ${j3!.id} AND round_id = ${roundId}`);
    }
    // Re-running assignment fills the hole with another judge.
    const again = await assignRound(as(staff), { categoryId, round: "shortlist" });
    expect(again.shortfalls).toEqual([]);
  });

  it("shortlists on close, seals the locked results until their time, then publishes them", async () => {
    const scoreAll = async (round: "shortlist" | "final") => {
      for (const j of judges) {
        for (const work of (await myRounds(j.actor)).filter((w) => w.round.kind === round)) {
          for (const [i, e] of work.entries.entries()) {
            const ids = criteria[round];
            await scoreEntry(as(j.actor), { roundId: work.round.id, entryId: e.id, scores: [{ criterionId: ids[0]!, score: 1 + ((i + e.id.charCodeAt(0)) % 5) }, { criterionId: ids[1]!, score: 1 + (i % 5) }] });
          }
        }
      }
    };
    await scoreAll("shortlist");
    await expect(setRound(as(staff), { categoryId, round: "final", status: "open" })).rejects.toMatchObject({ code: "award_rounds_not_closed" });
    await setRound(as(staff), { categoryId, round: "shortlist", status: "closed", advance: 3 });
    expect((await t.db.select().from(awardEntries).where(and(eq(awardEntries.categoryId, categoryId), eq(awardEntries.shortlisted, true))).then((r) => r.length))).toBe(3);
    const setupRounds = (await getAwardsSetup(as(staff), { editionId })).categories.find((c) => c.id === categoryId)!.rounds;
    const shortlistId = setupRounds[0]!.id;
    expect((await roundBoard(as(judges[1]!.actor), { roundId: shortlistId })).board!.length).toBeGreaterThan(3); // closed: judges may see it
    await expect(lockResults(as(staff), { categoryId, publishAt: "2026-03-14T15:00:00Z" })).rejects.toMatchObject({ code: "award_rounds_not_closed" });

    for (const j of judges.slice(1)) await setJudge(as(staff), { categoryId, round: "final", userId: j.id });
    await setRound(as(staff), { categoryId, round: "final", status: "open" });
    await assignRound(as(staff), { categoryId, round: "final" });
    await scoreAll("final");
    await setRound(as(staff), { categoryId, round: "final", status: "closed" });
    // The lock form's local time is read in the edition's zone (20:00 in Lahore is 15:00 UTC).
    const locked = await lockResults(as(staff), { categoryId, publishAt: "2026-03-14T20:00" });
    expect(locked.places).toBe(2);
    expect(locked.publishAt.toISOString()).toBe("2026-03-14T15:00:00.000Z");
    const finalId = setupRounds[1]!.id;
    await expect(roundBoard(as(staff), { roundId: finalId })).rejects.toMatchObject({ code: "award_results_sealed" });
    await expect(lockResults(as(staff), { categoryId, publishAt: "2026-03-14T15:00:00Z" })).rejects.toMatchObject({ code: "award_results_locked" });
    const [winner] = await t.db.select().from(awardResults).where(and(eq(awardResults.categoryId, categoryId), eq(awardResults.rank, 1)));
    await expect(t.db.update(awardResults).set({ rank: 9 }).where(eq(awardResults.entryId, winner!.entryId))).rejects.toMatchObject({ cause: expect.objectContaining({ constraint: "award_results_locked" }) });
    await expect(withdrawEntry(as(staff), { entryId: winner!.entryId })).rejects.toMatchObject({ code: "award_results_locked" });
    const anon = ctxFor(t.db, undefined, "en", clock);
    expect((await publicWinners(anon, { slug: "showcase-2026" })).categories.some((c) => c.id === categoryId)).toBe(false);
    await expect(certificateOf(anon, { categoryId, entryId: winner!.entryId })).rejects.toMatchObject({ code: "not_found" });

    clock.set("2026-03-14T15:00:01Z");
    const published = (await publicWinners(anon, { slug: "showcase-2026" })).categories.find((c) => c.id === categoryId)!;
    expect(published.places.map((p) => p.place)).toEqual(["winner", "runner_up"]);
    expect((await certificateOf(anon, { categoryId, entryId: winner!.entryId })).result.place).toBe("winner");
    expect((await roundBoard(as(staff), { roundId: finalId })).board!.length).toBe(3);
    const transparency = await awardsTransparency(anon, { slug: "showcase-2026" });
    const figures = transparency.categories.find((c) => c.id === categoryId)!.figures;
    expect(figures.entries.value === null || figures.entries.value >= 5).toBe(true);
    expect(figures.shortlisted.suppressed).toBe(true); // 3 shortlisted: too few to show
  });
});

describe("the sector rule", () => {
  it("enters only exhibitors whose cluster belongs to one of the category's sectors, and refuses an unknown sector", async () => {
    const bySector = await t.db.select({ code: sectors.code, slug: clusters.slug }).from(clusters).innerJoin(sectors, eq(sectors.id, clusters.sectorId)).where(eq(clusters.editionId, editionId));
    const code = bySector[0]!.code;
    const slugs = new Set(bySector.filter((r) => r.code === code).map((r) => r.slug));
    const open = (await saveCategory(as(staff), { editionId, slug: "t-any-sector", nameEn: "Any sector", nameUr: "کوئی بھی شعبہ" })).id;
    const limited = (await saveCategory(as(staff), { editionId, slug: "t-one-sector", nameEn: "One sector", nameUr: "ایک شعبہ", sectorCodes: [code] })).id;
    const all = await enterEligible(as(staff), { categoryId: open });
    const some = await enterEligible(as(staff), { categoryId: limited });
    expect(some.entered).toBeGreaterThan(0);
    expect(some.entered).toBeLessThan(all.entered);
    const entered = await t.db.select({ cluster: enterprises.clusterSlug }).from(awardEntries).innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId)).where(eq(awardEntries.categoryId, limited));
    expect(entered.every((e) => e.cluster !== null && slugs.has(e.cluster))).toBe(true);
    await expect(saveCategory(as(staff), { editionId, slug: "t-bad-sector", nameEn: "x", nameUr: "x", sectorCodes: ["no-such-sector"] })).rejects.toMatchObject({ code: "validation_failed", fields: [{ path: "sectorCodes", code: "awards_no_such_sector" }] });
  });
});

describe("moderation: one entry moved to another judge", () => {
  it("moves an unscored entry for the organiser or the lead judge, never to a recused judge, one already on it, or once scored", async () => {
    const categoryId2 = (await getAwardsSetup(as(staff), { editionId })).categories.find((c) => c.slug === "t-one-sector")!.id;
    const entries = await t.db.select({ id: awardEntries.id, cluster: enterprises.clusterSlug }).from(awardEntries).innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId)).where(eq(awardEntries.categoryId, categoryId2));
    const x = entries.find((e) => e.cluster)!;
    const [lead, , clustered, plain] = judges;
    await setJudge(as(staff), { categoryId: categoryId2, round: "shortlist", userId: lead!.id, lead: true });
    await setJudge(as(staff), { categoryId: categoryId2, round: "shortlist", userId: plain!.id });
    await setJudge(as(staff), { categoryId: categoryId2, round: "shortlist", userId: clustered!.id, clusterSlugs: [x.cluster!] });
    await saveCriterion(as(staff), { categoryId: categoryId2, round: "shortlist", slug: "impact", nameEn: "Impact", nameUr: "اثر", weight: 1 });
    await assignRound(as(staff), { categoryId: categoryId2, round: "shortlist" });
    const [round] = await t.db.execute(sql`SELECT id FROM award_rounds WHERE category_id = ${categoryId2} AND kind = 'shortlist'`).then((r) => (r as { rows: { id: string }[] }).rows);
    const held = async () => t.db.select().from(awardAssignments).where(eq(awardAssignments.roundId, round!.id));
    const move = (actor: Actor, entryId: string, fromUserId: string, toUserId: string) => reassignEntry(as(actor), { categoryId: categoryId2, round: "shortlist", entryId, fromUserId, toUserId });

    // The clustered judge is recused from x: the database refuses the move as it refused the assignment.
    const xFrom = (await held()).find((a) => a.entryId === x.id)!.userId;
    await expect(move(staff, x.id, xFrom, clustered!.id)).rejects.toMatchObject({ code: "award_judge_recused" });

    // An entry with a judge free to take it (not on it, not recused).
    const recused = await recusedPairs(t.db, round!.id, entries.map((e) => e.id));
    const ids = [lead!.id, plain!.id, clustered!.id];
    const now = await held();
    const pick = entries
      .flatMap((e) => ids.filter((to) => !now.some((a) => a.entryId === e.id && a.userId === to) && !recused.some((r) => r.entryId === e.id && r.judgeId === to)).map((to) => ({ e, to, from: now.find((a) => a.entryId === e.id)?.userId })))
      .find((p) => p.from)!;
    expect(pick).toBeDefined();
    await expect(move(plain!.actor, pick.e.id, pick.from!, pick.to)).rejects.toMatchObject({ code: "forbidden" });
    await expect(move(staff, pick.e.id, pick.to, pick.from!)).rejects.toMatchObject({ code: "award_not_assigned" });
    await expect(move(staff, pick.e.id, pick.from!, pick.from!)).rejects.toMatchObject({ code: "award_already_assigned" });
    const done = await move(lead!.actor, pick.e.id, pick.from!, pick.to);
    expect(done).toMatchObject({ entryId: pick.e.id, to: pick.to });
    const after = (await held()).filter((a) => a.entryId === pick.e.id).map((a) => a.userId);
    expect(after).toContain(pick.to);
    expect(after).not.toContain(pick.from);
    const [audit] = await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'award.reassigned' AND entity_id = ${pick.e.id}`).then((r) => (r as { rows: { n: number }[] }).rows);
    expect(Number(audit!.n)).toBe(1);

    // Once the new judge has scored it, the entry stays with that judge.
    await setRound(as(staff), { categoryId: categoryId2, round: "shortlist", status: "open" });
    const judge = judges.find((j) => j.id === pick.to)!;
    const work = (await myJudging(as(judge.actor))).find((w) => w.category.id === categoryId2)!;
    await scoreEntry(as(judge.actor), { roundId: work.round.id, entryId: pick.e.id, scores: work.criteria.map((c) => ({ criterionId: c.id, score: 4 })) });
    const back = ids.find((id) => !after.includes(id) && !recused.some((r) => r.entryId === pick.e.id && r.judgeId === id));
    if (back) await expect(move(staff, pick.e.id, pick.to, back)).rejects.toMatchObject({ code: "award_assignment_scored" });
    else await expect(move(staff, pick.e.id, pick.to, pick.from!)).rejects.toMatchObject({ code: "award_assignment_scored" });

    // The lead judge's page moderates the open round: every entry with its judges and whether each
    // has scored it (never the scores); the other judges' pages have no moderation.
    const leadView = (await myJudging(as(lead!.actor))).find((w) => w.category.id === categoryId2)!;
    expect(leadView.moderation!.judges.map((j) => j.userId).sort()).toEqual([...ids].sort());
    expect(leadView.moderation!.entries.map((e) => e.id).sort()).toEqual([...new Set((await held()).map((a) => a.entryId))].sort());
    const moved = leadView.moderation!.entries.find((e) => e.id === pick.e.id)!;
    expect(moved.judges.find((j) => j.userId === pick.to)).toMatchObject({ scored: true });
    expect(JSON.stringify(leadView.moderation)).not.toMatch(/"score"\s*:/);
    expect(leadView.moderation!.entries.flatMap((e) => e.judges).filter((j) => j.scored)).toHaveLength(1);
    expect((await myJudging(as(plain!.actor))).find((w) => w.category.id === categoryId2)!.moderation).toBeNull();
  });
});
