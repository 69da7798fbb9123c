import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { auditEntries } from "../../platform/audit/tables";
import { users } from "../../platform/auth/tables";
import { isDomainError } from "../../platform/errors";
import { hashSecret, newSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import { roleGrants } from "../accounts/tables";
import { clusters, tradeBodies } from "../editions/tables";
import { enterprises } from "../editions/enterprise-tables";
import { copyEdition } from "../editions/operations/copy-edition";
import { nominations } from "../nominations/tables";
import { answersOf, ownBaseline } from "./operations/answer";
import { applicantBaseline, applicantScores, saveApplicantSection } from "./operations/applicant";
import { inviteApplicants, setAskApplicants } from "./operations/applicants";
import { setSurveyStatus } from "./operations/builder";
import { baselineDashboard, remindBaseline } from "./operations/dashboard";
import { surveyOfEdition } from "./operations/structure";
import { groupAggregates } from "./operations/aggregates";
import { baselineApplicantLinks, baselineResponses } from "./tables";

// Issue #15, "where the organiser asks, all applicants answer" (decision 0018), on the demo's 2027
// edition (its survey open and asking applicants; its open call's applications submitted): the
// organiser emails each applicant its link; an applicant answers by it, its response on the registry
// enterprise found or made from its nomination (one, however many first saves race); every other
// link is the same "not found"; the progress, the figures and the reminders count applicants.

let t: TestDb;
let editionId: string;
let surveyId: string;
type Nomination = typeof nominations.$inferSelect;
let applicants: Nomination[];
/** Every submitted nomination of the edition (with an email or not). */
let submitted: number;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db, "sme-showcase-2027")).editionId;
  surveyId = (await surveyOfEdition(t.db, editionId))!.id;
  applicants = await t.db
    .select()
    .from(nominations)
    .where(and(eq(nominations.editionId, editionId), eq(nominations.status, "submitted"), isNotNull(nominations.email)))
    .orderBy(asc(nominations.enterpriseName));
  const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(nominations).where(and(eq(nominations.editionId, editionId), eq(nominations.status, "submitted")));
  submitted = n!.n;
});
afterAll(async () => t?.close());

const anon = () => ctxFor(t.db);
const organiser = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser));
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.fields[0] ? `${e.fields[0].path}:${e.fields[0].code}` : e.code;
    throw e;
  }
};
/** The links emailed to a nomination (newest last), read from the outbox as the applicant reads them. */
async function linksOf(n: Nomination, kind = "baseline.applicant_invite"): Promise<string[]> {
  const mails = await t.db
    .select({ text: outboxMessages.bodyText })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, kind), eq(outboxMessages.toAddress, n.email!)))
    .orderBy(asc(outboxMessages.createdAt));
  return mails.map((m) => /applicant%2F([A-Za-z0-9_-]+)/.exec(m.text ?? "")![1]!);
}
const firmOf = async (ntn: string) => t.db.select().from(enterprises).where(eq(enterprises.ntn, ntn));
const responsesOf = async (enterpriseId: string) => t.db.select().from(baselineResponses).where(and(eq(baselineResponses.surveyId, surveyId), eq(baselineResponses.enterpriseId, enterpriseId)));
const firmSection = { "firm.year_founded": "2004", "firm.legal_form": "partnership", "firm.ntn_registered": "yes", "firm.employees_women": "3", "firm.employees_men": "9", "firm.women_owned": "no", "firm.women_manager": "no", "firm.turnover_band": "5m_25m" };
const connectSection = { "connect.website": "no", "connect.online_sales": "no", "connect.digital_payments": "yes", "connect.trade_body_member": "yes" };

describe("asking the applicants", () => {
  it("is the survey's setting, audited, and copied with the edition", async () => {
    expect((await surveyOfEdition(t.db, editionId))!.askApplicants).toBe(true);
    const org = await organiser();
    await setAskApplicants(org, { editionId, ask: false });
    expect(await code(inviteApplicants(org, { editionId }))).toBe("baseline_applicants_not_asked");
    await setAskApplicants(org, { editionId, ask: true });
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "baseline.ask_applicants_set"));
    expect(audit.map((a) => a.data)).toEqual([
      { from: true, to: false },
      { from: false, to: true },
    ]);
    expect(await code(setAskApplicants(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId, ask: false }))).toBe("forbidden");
    const copy = await copyEdition(org, { editionId, slug: "baseline-applicants-2029", year: 2029, startsOn: "2029-01-20" });
    expect((await surveyOfEdition(t.db, copy.id))!.askApplicants).toBe(true);
  });

  it("emails every submitted applicant its own link once, in the nomination's language", async () => {
    expect(applicants.length).toBeGreaterThanOrEqual(6);
    const sent = await inviteApplicants(await organiser(), { editionId });
    expect(sent).toEqual({ sent: applicants.length, unreachable: submitted - applicants.length });
    expect((await inviteApplicants(await organiser(), { editionId })).sent).toBe(0);
    const ur = applicants.find((a) => a.locale === "ur")!;
    const [mail] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "baseline.applicant_invite"), eq(outboxMessages.toAddress, ur.email!)));
    expect(mail!.subject).toMatch(/[\u0600-\u06FF]/);
    expect(mail!.bodyText).toContain("/lang/ur?next=");
    const [stored] = await t.db.select().from(baselineApplicantLinks).where(eq(baselineApplicantLinks.nominationId, ur.id));
    expect(stored!.linkHash).toBe(hashSecret((await linksOf(ur))[0]!));
    expect((await t.db.select().from(auditEntries).where(eq(auditEntries.action, "baseline.applicants_invited")))[0]!.data).toEqual(sent);
  });
});

describe("an applicant answering by its link", () => {
  it("answers on a registry enterprise made from its nomination; its exhibitor account later sees the same answers", async () => {
    const n = applicants[0]!;
    await t.db.delete(enterprises).where(eq(enterprises.ntn, n.ntn));
    const [token] = await linksOf(n);
    const page = await applicantBaseline(anon(), { token: token! });
    expect(page.edition.id).toBe(editionId);
    expect(page.sections).toHaveLength(6);
    // Prefilled from the application: the NTN means "registered for tax".
    expect(page.sections[0]!.questions.find((q) => q.code === "firm.ntn_registered")).toMatchObject({ value: true, suggested: true });
    expect(await firmOf(n.ntn)).toHaveLength(0);
    const saved = await saveApplicantSection(anon(), { token: token!, section: "firm", answers: firmSection });
    expect(saved.next).toBe("products");
    const again = await saveApplicantSection(anon(), { token: token!, section: "firm", answers: firmSection });
    expect(again).toEqual(saved);
    const [firm] = await firmOf(n.ntn);
    const [cluster] = await t.db.select().from(clusters).where(eq(clusters.id, n.clusterId));
    const [body] = await t.db.select().from(tradeBodies).where(eq(tradeBodies.id, n.tradeBodyId));
    expect(firm).toMatchObject({
      nameEn: n.enterpriseName,
      sizeClass: n.sizeClass,
      womenLed: n.womenLed,
      employees: n.employees,
      annualTurnoverPkr: n.annualTurnoverPkr,
      clusterSlug: cluster!.slug,
      province: cluster!.province,
      nominatedBySlug: body!.slug,
    });
    const responses = await responsesOf(firm!.id);
    expect(responses).toHaveLength(1);
    expect(responses[0]!.id).toBe(saved.responseId);
    expect((await answersOf(t.db, saved.responseId)).get("firm.year_founded")).toBe(2004);
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "baseline.section_saved"), eq(auditEntries.entityId, saved.responseId)));
    expect(audit).toMatchObject({ actorNominationId: n.id, actorLabel: n.enterpriseName, editionId });
    // Selected later, the firm's exhibitor account answers for the same enterprise: its answers are there.
    const [user] = await t.db.insert(users).values({ email: "applicant-then-exhibitor@example.pk", name: "Owner" }).returning();
    await t.db.insert(roleGrants).values({ userId: user!.id, role: "exhibitor", organiserId: firm!.organiserId, enterpriseId: firm!.id });
    const own = await ownBaseline(ctxFor(t.db, await actorFor(t.db, "applicant-then-exhibitor@example.pk")), editionId);
    expect(own.sections[0]!.questions.find((q) => q.code === "firm.year_founded")!.value).toBe(2004);
  });

  it("reuses the registry enterprise that has the nomination's NTN", async () => {
    const n = applicants[1]!;
    await t.db.delete(enterprises).where(eq(enterprises.ntn, n.ntn));
    const [existing] = await t.db
      .insert(enterprises)
      .values({ organiserId: (await t.db.select({ o: enterprises.organiserId }).from(enterprises).limit(1))[0]!.o, slug: "already-registered", nameEn: "Already registered", ntn: n.ntn, sizeClass: "small" })
      .returning();
    const [token] = await linksOf(n);
    const saved = await saveApplicantSection(anon(), { token: token!, section: "connect", answers: connectSection });
    expect(await firmOf(n.ntn)).toHaveLength(1);
    expect((await responsesOf(existing!.id)).map((r) => r.id)).toEqual([saved.responseId]);
  });

  it("makes one enterprise and one response when two first saves race", async () => {
    const n = applicants[2]!;
    await t.db.delete(enterprises).where(eq(enterprises.ntn, n.ntn));
    const [token] = await linksOf(n);
    await Promise.all([
      saveApplicantSection(anon(), { token: token!, section: "firm", answers: firmSection }),
      saveApplicantSection(anon(), { token: token!, section: "connect", answers: connectSection }),
    ]);
    const firms = await firmOf(n.ntn);
    expect(firms).toHaveLength(1);
    const responses = await responsesOf(firms[0]!.id);
    expect(responses).toHaveLength(1);
    expect([...responses[0]!.sectionsDone].sort()).toEqual(["connect", "firm"]);
  });

  it("sees only its own answers", async () => {
    const [mine] = await linksOf(applicants[0]!);
    const [other] = await linksOf(applicants[3]!);
    const value = async (token: string) => (await applicantBaseline(anon(), { token })).sections[0]!.questions.find((q) => q.code === "firm.year_founded")!.value;
    expect(await value(mine!)).toBe(2004);
    const theirs = (await applicantBaseline(anon(), { token: other! })).sections[0]!.questions.find((q) => q.code === "firm.year_founded")!;
    expect(theirs.value === null || theirs.suggested).toBe(true);
    expect((await applicantScores(anon(), { token: other! })).scores).toBeNull();
  });

  it("answers the same not_found for an unknown, withdrawn, draft or other edition's link, a survey not asking or a draft survey", async () => {
    const org = await organiser();
    const unknown = async (token: string) => [await code(applicantBaseline(anon(), { token })), await code(saveApplicantSection(anon(), { token, section: "connect", answers: connectSection }))];
    const notFound = ["baseline_link_unknown", "baseline_link_unknown"];
    expect(await unknown(newSecret())).toEqual(notFound);
    expect(await unknown("short")).toEqual(notFound);
    const [withdrawn] = await linksOf(applicants[4]!);
    await t.db.update(nominations).set({ status: "withdrawn" }).where(eq(nominations.id, applicants[4]!.id));
    expect(await unknown(withdrawn!)).toEqual(notFound);
    const [draft] = await linksOf(applicants[5]!);
    await t.db.update(nominations).set({ status: "draft" }).where(eq(nominations.id, applicants[5]!.id));
    expect(await unknown(draft!)).toEqual(notFound);
    // A link naming a nomination of another edition (the 2026 show) opens nothing on this survey.
    const [elsewhere] = await t.db.select().from(nominations).where(eq(nominations.editionId, (await demoShow(t.db)).editionId)).limit(1);
    const foreign = newSecret();
    await t.db.insert(baselineApplicantLinks).values({ surveyId, nominationId: elsewhere!.id, linkHash: hashSecret(foreign), kind: "invite" });
    expect(await unknown(foreign)).toEqual(notFound);
    const [good] = await linksOf(applicants[0]!);
    expect(await code(applicantBaseline(anon(), { token: good! }))).toBe("ok");
    await setAskApplicants(org, { editionId, ask: false });
    expect(await unknown(good!)).toEqual(notFound);
    await setAskApplicants(org, { editionId, ask: true });
    await setSurveyStatus(org, { editionId, status: "draft" });
    expect(await unknown(good!)).toEqual(notFound);
    await setSurveyStatus(org, { editionId, status: "closed" });
    expect(await code(applicantBaseline(anon(), { token: good! }))).toBe("ok");
    expect(await code(saveApplicantSection(anon(), { token: good!, section: "connect", answers: connectSection }))).toBe("baseline_not_open");
    await setSurveyStatus(org, { editionId, status: "open" });
  });
});

describe("the organiser's figures and reminders", () => {
  it("count a finished applicant, and remind only the applicants who have not finished", async () => {
    const org = await organiser();
    const before = await baselineDashboard(org, { editionId });
    const firms = async () => (await groupAggregates(t.db, surveyId, "cluster")).total.firms;
    const counted = await firms();
    expect(before.applicants).toMatchObject({ applicants: submitted - 2, submitted: 0 });
    // Applicant 0 finishes: every section, with the answers of a firm that finished the 2026 show's survey.
    const n = applicants[0]!;
    const [token] = await linksOf(n);
    const [done] = await t.db
      .select({ id: baselineResponses.id })
      .from(baselineResponses)
      .where(and(eq(baselineResponses.surveyId, (await surveyOfEdition(t.db, (await demoShow(t.db)).editionId))!.id), eq(baselineResponses.status, "submitted")))
      .limit(1);
    const answers = Object.fromEntries(await answersOf(t.db, done!.id));
    let last;
    for (const s of (await applicantBaseline(anon(), { token: token! })).sections) last = await saveApplicantSection(anon(), { token: token!, section: s.key, answers });
    expect(last!.submitted).toBe(true);
    expect((await applicantScores(anon(), { token: token! })).scores!.map((s) => s.kind)).toEqual(["export", "investment"]);
    const after = await baselineDashboard(org, { editionId });
    expect(after.applicants).toMatchObject({ applicants: submitted - 2, submitted: 1, drafts: 2 });
    expect(await firms()).toBe(counted + 1);
    expect(after.progress).toEqual(before.progress);

    const sent = await remindBaseline(org, { editionId });
    const reminded = await t.db
      .select({ to: outboxMessages.toAddress })
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, "baseline.applicant_reminder"));
    const expected = applicants.filter((a, i) => i !== 0 && i !== 4 && i !== 5).map((a) => a.email!);
    expect(reminded.map((r) => r.to).sort()).toEqual(expected.sort());
    expect(sent.applicants).toBe(expected.length);
    // The reminder's link works, and so does the invitation's sent before it.
    const second = applicants[3]!;
    const [fresh] = await linksOf(second, "baseline.applicant_reminder");
    expect(await code(applicantBaseline(anon(), { token: fresh! }))).toBe("ok");
    expect(await code(applicantBaseline(anon(), { token: (await linksOf(second))[0]! }))).toBe("ok");
  });
});

describe("the applicants over the API", () => {
  it("sets the survey's setting and emails the applicants, for organiser staff only", async () => {
    const api = testApp(t.db);
    const cookieFor = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const staff = await cookieFor(demo.organiser);
    const put = await api.call(`/api/v1/editions/${editionId}/baseline/applicants`, { method: "PUT", cookie: staff, json: { ask: true } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ askApplicants: true });
    const post = await api.call(`/api/v1/editions/${editionId}/baseline/applicants/invitations`, { method: "POST", cookie: staff });
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ sent: 0, unreachable: 0 });
    expect((await api.call(`/api/v1/editions/${editionId}/baseline/applicants`, { method: "PUT", cookie: await cookieFor(demo.exhibitor), json: { ask: false } })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/baseline/survey`, { cookie: staff })).body.survey.askApplicants).toBe(true);
    const [token] = await linksOf(applicants[3]!);
    const own = await api.call("/api/v1/baseline/applicant", { method: "POST", json: { token } });
    expect(own.status).toBe(200);
    const saved = await api.call("/api/v1/baseline/applicant/sections/connect", { method: "PUT", json: { token, answers: connectSection } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ section: "connect", submitted: false });
    expect((await api.call("/api/v1/baseline/applicant/scores", { method: "POST", json: { token } })).body.scores).toBeNull();
    const unknown = await api.call("/api/v1/baseline/applicant", { method: "POST", json: { token: newSecret() } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("baseline_link_unknown");
    const doc = JSON.stringify((await api.call("/api/v1/openapi.json")).body);
    for (const id of ["setBaselineAskApplicants", "inviteBaselineApplicants", "getApplicantBaseline", "saveApplicantBaselineSection", "getApplicantBaselineScores"]) expect(doc).toContain(id);
  });
});
