import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { users } from "../../platform/auth/tables";
import { isDomainError } from "../../platform/errors";
import { outboxMessages } from "../../platform/mail/tables";
import { roleGrants } from "../accounts/tables";
import { copyEdition } from "../editions/operations/copy-edition";
import { answersOf, ownBaseline, saveSection } from "./operations/answer";
import { retireQuestion, saveQuestion, setSurveyStatus, surveyForOrganiser } from "./operations/builder";
import { remindBaseline } from "./operations/dashboard";
import { ownScores } from "./operations/scores";
import { surveyOfEdition } from "./operations/structure";
import { baselineAnswers, baselineQuestions, baselineResponses, baselineSurveys } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// Issue #15: the demo's baseline; an SME sees and answers only its own; a section save is
// idempotent and never loses another section's answers; bad answers get field errors and save
// nothing; changing an answered question adds a version and stored answers keep theirs (the
// database refuses to change an answered version); copying an edition copies the survey.

let t: TestDb;
let editionId: string;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
});
afterAll(async () => t?.close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.fields[0] ? `${e.fields[0].path}:${e.fields[0].code}` : e.code;
    throw e;
  }
};
const as = async (email: string, locale: "en" | "ur" = "en") => ctxFor(t.db, await actorFor(t.db, email), locale);

describe("the demo baseline", () => {
  it("has the 2026 survey answered by every exhibitor and next year's open", async () => {
    const survey = (await surveyOfEdition(t.db, editionId))!;
    expect(survey.status).toBe("open");
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(baselineResponses).where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.status, "submitted")));
    expect(n!.n).toBeGreaterThan(100);
    const next = await surveyOfEdition(t.db, (await demoShow(t.db, "sme-showcase-2027")).editionId);
    expect(next?.status).toBe("open");
  });
});

describe("answering", () => {
  it("is the account's own enterprise only; others are refused", async () => {
    const me = await as(demo.exhibitor);
    const mine = await ownBaseline(me, editionId);
    expect(mine.sections.map((s) => s.key)).toEqual(["firm", "products", "markets", "connect", "change", "obstacles"]);
    expect(mine.submitted).toBe(true);
    expect(await code(ownBaseline(ctxFor(t.db), editionId))).toBe("unauthenticated");
    expect(await code(ownBaseline(await as(demo.visitor), editionId))).toBe("forbidden");
    expect(await code(ownBaseline(await as(demo.organiser), editionId))).toBe("forbidden");
    // The input cannot name another enterprise: the answers land on the account's own response.
    const [other] = await t.db.select().from(baselineResponses).where(sql`${baselineResponses.enterpriseId} <> (select enterprise_id from role_grants g join users u on u.id = g.user_id where u.email = ${demo.exhibitor} and g.role = 'exhibitor')`).limit(1);
    const before = await answersOf(t.db, other!.id);
    await saveSection(me, invalid({ editionId, enterpriseId: other!.enterpriseId, section: "connect", answers: { "connect.website": "no", "connect.online_sales": "no", "connect.digital_payments": "no", "connect.trade_body_member": "no" } }));
    expect(await answersOf(t.db, other!.id)).toEqual(before);
  });

  it("saves a section idempotently, keeps other sections, refuses bad answers with field errors and saves nothing", async () => {
    const me = await as(demo.exhibitor, "ur");
    const firm = { "firm.year_founded": "2004", "firm.legal_form": "partnership", "firm.ntn_registered": "yes", "firm.employees_women": "۱۲", "firm.employees_men": "30", "firm.women_owned": "no", "firm.women_manager": "no", "firm.turnover_band": "25m_100m" };
    const response = (await saveSection(me, { editionId, section: "firm", answers: firm })).responseId;
    const once = await answersOf(t.db, response);
    await saveSection(me, { editionId, section: "firm", answers: firm });
    const twice = await answersOf(t.db, response);
    expect(twice).toEqual(once);
    expect(twice.get("firm.employees_women")).toBe(12);
    expect(twice.get("markets.exports")).toBeDefined(); // another section's answers stay
    // A refused answer: a field error by indicator code, nothing written.
    expect(await code(saveSection(me, { editionId, section: "firm", answers: { ...firm, "firm.year_founded": "3000", "firm.employees_men": "" } }))).toBe("firm.year_founded:too_big");
    expect(await answersOf(t.db, response)).toEqual(twice);
    expect(await code(saveSection(me, { editionId, section: "nope", answers: {} }))).toBe("not_found");
  });

  it("asks a conditional question only when its condition holds", async () => {
    const me = await as(demo.exhibitor);
    const markets = { "markets.domestic_reach": "national", "markets.exports": "no", "markets.certifications": ["iso9001"] };
    await saveSection(me, { editionId, section: "markets", answers: markets });
    expect(await code(saveSection(me, { editionId, section: "markets", answers: { ...markets, "markets.exports": "yes" } }))).toBe("markets.export_share:required");
    await saveSection(me, { editionId, section: "markets", answers: { ...markets, "markets.exports": "yes", "markets.export_share": "40", "markets.export_markets": ["DE", "AE"] } });
    const page = await ownBaseline(me, editionId);
    const share = page.sections.find((s) => s.key === "markets")!.questions.find((q) => q.code === "markets.export_share")!;
    expect(share).toMatchObject({ visible: true, value: 40 });
  });

  it("refuses answers once the survey is closed", async () => {
    const organiser = await as(demo.organiser);
    await setSurveyStatus(organiser, { editionId, status: "closed" });
    expect(await code(saveSection(await as(demo.exhibitor), { editionId, section: "connect", answers: {} }))).toBe("baseline_not_open");
    await setSurveyStatus(organiser, { editionId, status: "open" });
  });
});

describe("versioned questions", () => {
  it("adds a version when an answered question changes; stored answers keep theirs", async () => {
    const organiser = await as(demo.organiser);
    const survey = (await surveyOfEdition(t.db, editionId))!;
    const [v1] = await t.db.select().from(baselineQuestions).where(and(eq(baselineQuestions.surveyId, survey.id), eq(baselineQuestions.code, "markets.domestic_reach")));
    const answered = await t.db.select().from(baselineAnswers).where(eq(baselineAnswers.questionId, v1!.id));
    expect(answered.length).toBeGreaterThan(0);
    const saved = await saveQuestion(organiser, {
      editionId,
      section: "markets",
      code: "markets.domestic_reach",
      kind: "single",
      labelEn: "Where in Pakistan do your products sell?",
      labelUr: "آپ کی مصنوعات پاکستان میں کہاں بکتی ہیں؟",
      required: "on",
      options: "district | Own district | اپنا ضلع\nprovince | Own province | اپنا صوبہ\nnational | Across Pakistan | پورا پاکستان\nonline | Online only | صرف آن لائن",
    });
    expect(saved.version).toBe(2);
    const [old] = await t.db.select().from(baselineQuestions).where(eq(baselineQuestions.id, v1!.id));
    expect(old!.retiredAt).not.toBeNull();
    expect(old!.options).toHaveLength(3);
    const still = await t.db.select().from(baselineAnswers).where(eq(baselineAnswers.questionId, v1!.id));
    expect(still.length).toBe(answered.length);
    // The database refuses to change an answered version, and to delete it.
    await expect(t.db.update(baselineQuestions).set({ labelEn: "changed" }).where(eq(baselineQuestions.id, v1!.id))).rejects.toThrow();
    await expect(t.db.delete(baselineQuestions).where(eq(baselineQuestions.id, v1!.id))).rejects.toThrow();
    // The builder shows the current version; answering it again points at version 2.
    const builder = await surveyForOrganiser(organiser, editionId);
    expect(builder.sections.find((s) => s.key === "markets")!.questions.find((q) => q.code === "markets.domestic_reach")!.version).toBe(2);
    const me = await as(demo.exhibitor);
    await saveSection(me, { editionId, section: "markets", answers: { "markets.domestic_reach": "online", "markets.exports": "no", "markets.certifications": [] } });
    const [mine] = await t.db.select().from(baselineAnswers).where(and(eq(baselineAnswers.questionId, saved.questionId), eq(baselineAnswers.code, "markets.domestic_reach")));
    expect(mine!.value).toBe("online");
    // An unanswered question changes in place; a removed one is retired.
    const fresh = await saveQuestion(organiser, { editionId, section: "connect", code: "connect.social_media", kind: "yes_no", labelEn: "Do you sell through social media?", labelUr: "کیا آپ سوشل میڈیا کے ذریعے فروخت کرتے ہیں؟" });
    const edited = await saveQuestion(organiser, { editionId, section: "connect", code: "connect.social_media", kind: "yes_no", labelEn: "Do you use social media to sell?", labelUr: "کیا آپ فروخت کے لیے سوشل میڈیا استعمال کرتے ہیں؟" });
    expect(edited).toEqual(fresh);
    await retireQuestion(organiser, { editionId, code: "connect.social_media" });
    expect(await code(saveQuestion(organiser, { editionId, section: "connect", code: "Bad Code", kind: "yes_no", labelEn: "x", labelUr: "latin" }))).toBe("code:baseline_code");
    expect(await code(saveQuestion(await as(demo.exhibitor), { editionId, section: "connect", code: "a.b", kind: "yes_no", labelEn: "x", labelUr: "ا" }))).toBe("forbidden");
  });

  it("is copied with the edition as a draft with the same indicator codes", async () => {
    const organiser = await as(demo.organiser);
    const copy = await copyEdition(organiser, { editionId, slug: "baseline-copy-2029", year: 2029, startsOn: "2029-01-20" });
    const copied = await surveyForOrganiser(organiser, copy.id);
    expect(copied.survey?.status).toBe("draft");
    const original = await surveyForOrganiser(organiser, editionId);
    expect(copied.sections.flatMap((s) => s.questions.map((q) => q.code))).toEqual(original.sections.flatMap((s) => s.questions.map((q) => q.code)));
  });
});

describe("scores", () => {
  it("shows an SME its own scores with its groups' medians", async () => {
    const s = await ownScores(await as(demo.exhibitor), editionId);
    expect(s.scores).toHaveLength(2);
    for (const k of s.scores!) {
      expect(k.score).toBeGreaterThanOrEqual(0);
      expect(k.score).toBeLessThanOrEqual(100);
      expect(k.medians.size).not.toBeNull();
    }
    // A new exhibitor account of a firm without answers sees no scores yet.
    const [user] = await t.db.insert(users).values({ email: "baseline-new@example.pk", name: "New exhibitor" }).returning();
    const [other] = await t.db.select({ id: baselineResponses.enterpriseId, r: baselineResponses.id }).from(baselineResponses).limit(1);
    await t.db.delete(baselineResponses).where(eq(baselineResponses.id, other!.r));
    const [grant] = await t.db.select().from(roleGrants).where(eq(roleGrants.role, "exhibitor")).limit(1);
    await t.db.insert(roleGrants).values({ userId: user!.id, role: "exhibitor", organiserId: grant!.organiserId, enterpriseId: other!.id });
    const fresh = await ownScores(await as("baseline-new@example.pk"), editionId);
    expect(fresh.scores).toBeNull();
    const page = await ownBaseline(await as("baseline-new@example.pk"), editionId);
    expect(page.sections[0]!.questions.some((q) => q.suggested)).toBe(true);
  });
});

describe("the baseline API", () => {
  it("serves the own survey, section saves, own scores and the organiser's figures, each to its own", async () => {
    const api = testApp(t.db);
    const cookieFor = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    expect((await api.call("/api/v1/baseline/own")).status).toBe(401);
    expect((await api.call("/api/v1/baseline/own", { cookie: await cookieFor(demo.visitor) })).status).toBe(403);
    const cookie = await cookieFor(demo.exhibitor);
    const own = await api.call(`/api/v1/baseline/own?editionId=${editionId}`, { cookie });
    expect(own.status).toBe(200);
    const answers = { "connect.website": "yes", "connect.online_sales": true, "connect.digital_payments": "yes", "connect.trade_body_member": "no", "connect.buyer_meetings": 12 };
    const put = await api.call("/api/v1/baseline/own/sections/connect", { method: "PUT", cookie, json: { editionId, answers } });
    expect(put.status).toBe(200);
    const again = await api.call("/api/v1/baseline/own/sections/connect", { method: "PUT", cookie, json: { editionId, answers } });
    expect(again.body).toEqual(put.body);
    const bad = await api.call("/api/v1/baseline/own/sections/connect", { method: "PUT", cookie, json: { editionId, answers: { ...answers, "connect.buyer_meetings": -3 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: "connect.buyer_meetings", code: "too_small" });
    const scores = await api.call(`/api/v1/baseline/own/scores?editionId=${editionId}`, { cookie });
    expect(scores.body.scores.map((s: { kind: string }) => s.kind)).toEqual(["export", "investment"]);
    expect((await api.call(`/api/v1/editions/${editionId}/baseline/figures`, { cookie })).status).toBe(403);
    const staff = await cookieFor(demo.organiser);
    const figures = await api.call(`/api/v1/editions/${editionId}/baseline/figures?by=province`, { cookie: staff });
    expect(figures.status).toBe(200);
    expect(figures.body.total.firms).toBeGreaterThan(100);
    expect(figures.body.rows.filter((r: { suppressed: boolean; firms: number | null }) => r.suppressed).every((r: { firms: number | null }) => r.firms === null)).toBe(true);
    expect((await api.call(`/api/v1/editions/${editionId}/baseline/survey`, { cookie: staff })).body.sections).toHaveLength(6);
    const doc = JSON.stringify((await api.call("/api/v1/openapi.json")).body);
    for (const id of ["getOwnBaseline", "saveOwnBaselineSection", "getOwnBaselineScores", "getBaselineSurvey", "getBaselineFigures"]) expect(doc).toContain(id);
  });
});

describe("reminders", () => {
  it("email each exhibitor that has not finished, once, in its account's language", async () => {
    await t.db.update(users).set({ locale: "ur" }).where(eq(users.email, "baseline-new@example.pk"));
    const r = await remindBaseline(await as(demo.organiser), { editionId });
    expect(r.reminded).toBeGreaterThanOrEqual(1);
    const [mail] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "baseline.reminder"), eq(outboxMessages.toAddress, "baseline-new@example.pk")));
    expect(mail!.subject).toMatch(/[\u0600-\u06FF]/);
    expect(mail!.bodyText).toContain("/account/exhibitor/baseline");
  });
});

describe("deleting a survey", () => {
  it("takes its answered questions and answers with it (an answered question alone cannot be deleted)", async () => {
    const survey = (await surveyOfEdition(t.db, editionId))!;
    await t.db.delete(baselineSurveys).where(eq(baselineSurveys.id, survey.id));
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(baselineAnswers).where(eq(baselineAnswers.surveyId, survey.id));
    expect(n!.n).toBe(0);
  });
});
