import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { rowsOf } from "../../platform/db/rows";
import { users } from "../../platform/auth/tables";
import { roleGrants } from "../accounts/tables";
import { awardCategories, awardConflicts, awardEntries, awardEvidence, awardScores } from "../awards/tables";
import { enterprises } from "../editions/enterprise-tables";
import { exhibitorProfiles } from "../exhibitors/tables";
import { appeals, nominations, reviewConflicts, reviews, selections } from "../nominations/tables";
import { randomUUID } from "node:crypto";
import { inTransaction } from "../../platform/context";
import { exhibitorsPersonalDataPart } from "../exhibitors/personal-data-part";
import { nominationsPersonalDataPart } from "../nominations/personal-data-part";
import { anonymisePerson } from "./operations/anonymise";
import { exportOwnData } from "./operations/export";

// The parts of nominations, selection, exhibitors and awards (issue #15, part 7) on the demo 2026
// edition. The demo exhibitor is the only account of its enterprise (Belveta): its nomination
// names them as the contact, it has an exhibitor profile, an appeal, an award entry with evidence
// and a baseline answer typed by them; they also answer, with another account, for a second
// enterprise. The demo reviewer scored applications and award entries and declared conflicts.
// Each person's download holds their own rows only; erasing them blanks the identity and keeps
// every count: the selection's totals, the reviews, the award scores.

let t: TestDb;
let editionId: string;
let own: { id: string; ntn: string };
let shared: { id: string };
let nominationId: string;
let reviewerId: string;
const CONTACT = "Belveta Contactperson";
const at = fixedClock("2026-02-10T08:00:00Z");
const ctxOf = async (email: string) => ctxFor(t.db, await actorFor(t.db, email), "en", at);

async function textAnswer(enterpriseId: string, value: string) {
  // A typed (free-text) answer of the enterprise's 2026 baseline response.
  await t.db.execute(sql`
    insert into baseline_answers (response_id, survey_id, code, question_id, value)
    select r.id, r.survey_id, q.code, q.id, to_jsonb(${value}::text)
    from baseline_responses r
    join baseline_surveys s on s.id = r.survey_id and s.edition_id = ${editionId}
    join lateral (select * from baseline_questions q where q.survey_id = r.survey_id and q.kind = 'text' order by q.code, q.version desc limit 1) q on true
    where r.enterprise_id = ${enterpriseId}
    on conflict (response_id, code) do update set value = excluded.value`);
}

async function textAnswers(enterpriseId: string): Promise<string[]> {
  const rows = rowsOf<{ v: string }>(
    await t.db.execute(sql`
      select a.value #>> '{}' as v from baseline_answers a
      join baseline_responses r on r.id = a.response_id
      join baseline_questions q on q.id = a.question_id and q.kind = 'text'
      where r.enterprise_id = ${enterpriseId}`),
  );
  return rows.map((r) => r.v);
}

/** What the erasures must not move. */
async function figures() {
  const [selection] = await t.db.select({ result: selections.result }).from(selections).where(eq(selections.editionId, editionId));
  const reviewRows = rowsOf(await t.db.execute(sql`select count(*)::int as n, coalesce(sum((select sum(v::numeric) from jsonb_each_text(scores) as x(k, v))), 0)::text as total from reviews`));
  const awardRows = rowsOf(await t.db.execute(sql`select entry_id, count(*)::int as n, sum(score)::int as total from award_scores group by entry_id order by entry_id`));
  const nominationRows = rowsOf(await t.db.execute(sql`select status, size_class, women_led, count(*)::int as n, sum(employees)::int as employees from nominations group by 1, 2, 3 order by 1, 2, 3`));
  return { selection: selection!.result, reviewRows, awardRows, nominationRows };
}

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  const [exhibitor] = await t.db.select().from(users).where(eq(users.email, demo.exhibitor));
  const [grant] = await t.db.select().from(roleGrants).where(and(eq(roleGrants.userId, exhibitor!.id), eq(roleGrants.role, "exhibitor")));
  const [firm] = await t.db.select().from(enterprises).where(eq(enterprises.id, grant!.enterpriseId!));
  own = { id: firm!.id, ntn: firm!.ntn! };
  // A second enterprise with a 2026 baseline response, answered for by the exhibitor and another account.
  const [other] = rowsOf<{ id: string }>(
    await t.db.execute(sql`select r.enterprise_id as id from baseline_responses r join baseline_surveys s on s.id = r.survey_id and s.edition_id = ${editionId} where r.enterprise_id <> ${own.id} order by r.enterprise_id limit 1`),
  );
  shared = { id: other!.id };
  const [chamber] = await t.db.select().from(users).where(eq(users.email, demo.chamber));
  await t.db.insert(roleGrants).values([
    { userId: exhibitor!.id, role: "exhibitor", enterpriseId: shared.id },
    { userId: chamber!.id, role: "exhibitor", enterpriseId: shared.id },
  ]);
  await textAnswer(own.id, `Ask ${CONTACT} about samples`);
  await textAnswer(shared.id, "Our export manager handles samples");

  const [nomination] = await t.db.select().from(nominations).where(and(eq(nominations.editionId, editionId), eq(nominations.ntn, own.ntn)));
  nominationId = nomination!.id;
  await t.db
    .update(nominations)
    .set({ contactName: CONTACT, email: demo.exhibitor.toUpperCase(), phone: "+92 300 1112223", application: { ...nomination!.application, address: "House 9, Street 4, Sialkot", goals: `${CONTACT} wants to export` } })
    .where(eq(nominations.id, nominationId));
  await t.db.insert(appeals).values({ nominationId, grounds: `I, ${CONTACT}, disagree`, status: "rejected", decisionNote: "Scores checked" });
  await t.db.update(exhibitorProfiles).set({ email: "sales@belveta.example.pk", phone: "+92 52 1234567" }).where(eq(exhibitorProfiles.enterpriseId, own.id));
  // An award entry of their enterprise, with evidence.
  const [category] = await t.db.select().from(awardCategories).where(eq(awardCategories.editionId, editionId)).orderBy(awardCategories.sort).limit(1);
  const [entry] = await t.db
    .insert(awardEntries)
    .values({ editionId, categoryId: category!.id, enterpriseId: own.id, source: "application", statement: `${CONTACT} built this firm`, createdAt: new Date("2026-01-20T08:00:00Z") })
    .onConflictDoUpdate({ target: [awardEntries.categoryId, awardEntries.enterpriseId], set: { statement: `${CONTACT} built this firm` } })
    .returning();
  const pdf = Buffer.from("%PDF-1.4 sales figures");
  await t.db.insert(awardEvidence).values({ entryId: entry!.id, fileName: `${CONTACT} sales 2025.pdf`, contentType: "application/pdf", bytes: pdf, size: pdf.length, createdAt: new Date("2026-01-20T08:00:00Z") });

  // The reviewer's written conflicts (declared before the figures are taken).
  const [reviewer] = await t.db.select().from(users).where(eq(users.email, demo.reviewer));
  reviewerId = reviewer!.id;
  const [unreviewed] = rowsOf<{ id: string }>(await t.db.execute(sql`select n.id from nominations n where n.edition_id = ${editionId} and not exists (select 1 from reviews r where r.nomination_id = n.id and r.reviewer_id = ${reviewerId}) limit 1`));
  await t.db.insert(reviewConflicts).values({ nominationId: unreviewed!.id, reviewerId, reason: "My cousin Tariq runs it" });
  const [unscored] = rowsOf<{ id: string }>(await t.db.execute(sql`select e.id from award_entries e where not exists (select 1 from award_assignments a where a.entry_id = e.id and a.user_id = ${reviewerId}) and e.id <> ${entry!.id} limit 1`));
  await t.db.insert(awardConflicts).values({ entryId: unscored!.id, userId: reviewerId, reason: "Brother-in-law Tariq is a partner", declaredAt: new Date("2026-01-21T08:00:00Z") });
});

afterAll(async () => {
  await t?.close();
});

describe("the nominations, selection, exhibitors and awards parts", () => {
  it("give each person their own rows only", async () => {
    const mine = await exportOwnData(await ctxOf(demo.exhibitor));
    const noms = mine.parts.nominations as { id: string; ntn: string; contactName: string; application: Record<string, unknown> }[];
    // Those of the two enterprises they answer for (by NTN) and those naming their email; no other.
    const expected = rowsOf<{ id: string }>(
      await t.db.execute(sql`select n.id from nominations n join enterprises e on e.ntn = n.ntn and e.id in (${own.id}, ${shared.id}) union select id from nominations where lower(email) = ${demo.exhibitor}`),
    );
    expect(noms.map((n) => n.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(noms.length).toBeLessThan((await t.db.select({ id: nominations.id }).from(nominations)).length);
    expect(noms.find((n) => n.id === nominationId)).toMatchObject({ ntn: own.ntn, contactName: CONTACT, application: { goals: `${CONTACT} wants to export` } });
    expect(JSON.stringify(noms)).not.toMatch(/linkHash|link_hash/);
    const selection = mine.parts.selection as { decisions: { applicationId: string; status: string }[]; appeals: { grounds: string }[]; reviewsGiven: unknown[] };
    expect(selection.decisions.map((d) => d.applicationId).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(selection.appeals).toEqual([expect.objectContaining({ grounds: `I, ${CONTACT}, disagree` })]);
    expect(selection.reviewsGiven).toEqual([]);
    const exhibitors = mine.parts.exhibitors as { profiles: { enterprise: string; email: string | null }[] };
    const ids = new Set([own.id, shared.id]);
    const names = (await t.db.select({ id: enterprises.id, name: enterprises.nameEn }).from(enterprises)).filter((e) => ids.has(e.id)).map((e) => e.name);
    expect(exhibitors.profiles.length).toBeGreaterThanOrEqual(1);
    for (const p of exhibitors.profiles) expect(names).toContain(p.enterprise);
    expect(exhibitors.profiles).toContainEqual(expect.objectContaining({ email: "sales@belveta.example.pk" }));
    const awards = mine.parts.awards as { entries: { enterprise: string; statement: string }[]; evidence: { fileName: string }[]; scoresGiven: unknown[] };
    expect(awards.entries.map((e) => e.statement)).toContain(`${CONTACT} built this firm`);
    for (const e of awards.entries) expect(names).toContain(e.enterprise);
    expect(awards.evidence.map((e) => e.fileName)).toEqual([`${CONTACT} sales 2025.pdf`]);
    expect(awards.scoresGiven).toEqual([]);

    const theirs = await exportOwnData(await ctxOf(demo.reviewer));
    const given = theirs.parts.selection as { decisions: unknown[]; reviewsGiven: unknown[]; conflictsDeclared: { reason: string }[] };
    const [ownReviews] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from reviews where reviewer_id = ${reviewerId}`));
    const [allReviews] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from reviews`));
    expect(given.reviewsGiven).toHaveLength(ownReviews!.n);
    expect(ownReviews!.n).toBeLessThan(allReviews!.n);
    expect(given.decisions).toEqual([]);
    expect(given.conflictsDeclared).toEqual([expect.objectContaining({ reason: "My cousin Tariq runs it" })]);
    const judged = theirs.parts.awards as { entries: unknown[]; scoresGiven: unknown[]; conflictsDeclared: unknown[] };
    const ownScores = await t.db.select().from(awardScores).where(eq(awardScores.userId, reviewerId));
    expect(judged.scoresGiven).toHaveLength(ownScores.length);
    expect(ownScores.length).toBeGreaterThan(0);
    expect(judged.entries).toEqual([]);
    expect(judged.conflictsDeclared).toHaveLength(1);
    expect(theirs.parts.nominations).toEqual([]);
    expect((theirs.parts.exhibitors as { profiles: unknown[] }).profiles).toEqual([]);
  });

  it("erase the exhibitor's identity and keep the figures; another account's enterprise keeps its answers", async () => {
    const before = await figures();
    const [pre] = await t.db.select().from(nominations).where(eq(nominations.id, nominationId));
    // Another organiser's erasure of the same email touches nothing of this organiser's.
    const elsewhere = { userId: null, registrationIds: [], enterpriseIds: [], soleEnterpriseIds: [], emails: [demo.exhibitor, "sales@belveta.example.pk"], organiserId: randomUUID() };
    await inTransaction(await ctxOf(demo.organiser), async (tx, ctx) => {
      expect(await nominationsPersonalDataPart.anonymise(tx, elsewhere, ctx.clock.now())).toEqual({ nominations: 0 });
      expect(await exhibitorsPersonalDataPart.anonymise(tx, elsewhere, ctx.clock.now())).toEqual({ profiles: 0 });
    });
    const done = await anonymisePerson(await ctxOf(demo.organiser), { editionId, email: demo.exhibitor, confirm: "on" });
    expect(done.parts.nominations).toEqual({ nominations: 1 });
    expect(done.parts.selection).toEqual({ appeals: 1, conflictReasons: 0 });
    expect(done.parts.exhibitors!.profiles).toBeGreaterThanOrEqual(1);
    expect(done.parts.awards).toMatchObject({ statements: 1, evidenceFiles: 1 });
    expect(await figures()).toEqual(before);

    const [n] = await t.db.select().from(nominations).where(eq(nominations.id, nominationId));
    expect(n).toMatchObject({ contactName: "anonymised", email: null, phone: null, ntn: pre!.ntn, status: pre!.status, employees: pre!.employees, enterpriseName: pre!.enterpriseName });
    expect(n!.application).toMatchObject({ address: "", goals: "", employees: pre!.application.employees });
    expect(n!.linkHash).not.toBe(pre!.linkHash);
    const [appeal] = await t.db.select().from(appeals).where(eq(appeals.nominationId, nominationId));
    expect(appeal).toMatchObject({ grounds: "", status: "rejected" });
    const [profile] = await t.db.select().from(exhibitorProfiles).where(and(eq(exhibitorProfiles.enterpriseId, own.id), eq(exhibitorProfiles.editionId, editionId)));
    expect(profile).toMatchObject({ email: null, phone: null });
    const [entry] = await t.db.select().from(awardEntries).where(and(eq(awardEntries.enterpriseId, own.id), eq(awardEntries.editionId, editionId)));
    expect(entry!.statement).toBe("");
    const files = await t.db.select({ fileName: awardEvidence.fileName, size: awardEvidence.size }).from(awardEvidence).where(eq(awardEvidence.entryId, entry!.id));
    expect(files).toEqual([{ fileName: "anonymised.pdf", size: 22 }]);
    // Decision 0012: only the enterprise they alone answer for loses its typed answers.
    expect(await textAnswers(own.id)).toEqual([""]);
    expect(await textAnswers(shared.id)).toEqual(["Our export manager handles samples"]);

    const again = await anonymisePerson(await ctxOf(demo.organiser), { editionId, email: demo.exhibitor, confirm: "on" });
    expect(again.parts.nominations).toEqual({ nominations: 0 });
    expect(again.parts.awards).toMatchObject({ statements: 0, evidenceFiles: 0 });
    expect(await figures()).toEqual(before);
  });

  it("erase a reviewer and judge with their account: every review and award score stays", async () => {
    const before = await figures();
    const admin = await ctxOf(demo.admin);
    const done = await anonymisePerson(admin, { editionId, email: demo.reviewer, withAccount: "on", confirm: "on" });
    expect(done.parts.selection).toEqual({ appeals: 0, conflictReasons: 1 });
    expect(done.parts.awards).toMatchObject({ conflictReasons: 1 });
    expect(await figures()).toEqual(before);
    expect(await t.db.select().from(reviews).where(eq(reviews.reviewerId, reviewerId))).not.toEqual([]);
    expect(await t.db.select().from(reviewConflicts).where(and(eq(reviewConflicts.reviewerId, reviewerId), ne(reviewConflicts.reason, "")))).toEqual([]);
    expect(await t.db.select().from(awardConflicts).where(and(eq(awardConflicts.userId, reviewerId), ne(awardConflicts.reason, "")))).toEqual([]);
    const [account] = await t.db.select().from(users).where(eq(users.id, reviewerId));
    expect(account!.name).toBe("anonymised");
  });
});
