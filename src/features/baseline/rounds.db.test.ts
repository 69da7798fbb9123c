import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { isDomainError } from "../../platform/errors";
import { outboxMessages } from "../../platform/mail/tables";
import { roleGrants } from "../accounts/tables";
import { users } from "../../platform/auth/tables";
import { enterprises } from "../editions/enterprise-tables";
import { answersOf, ownBaseline, saveSection } from "./operations/answer";
import { baselineDashboard, remindBaseline } from "./operations/dashboard";
import { followUpDue, followUpSweep, setFollowUp } from "./operations/follow-up";
import { enterpriseRecord, ownRecord } from "./operations/record";
import { dashboardExport, dashboardTable } from "./operations/exports";
import { surveyScores } from "./operations/scores";
import { surveyOfEdition } from "./operations/structure";
import { baselineResponses, baselineSurveys } from "./tables";

// Issue #15, items 2 and 4: the 6-month follow-up is a round of its own (answering it never
// changes the baseline round, and the baseline's figures stay the same); it opens by the organiser
// or by the periodic sweep when due, emailing the link, with one reminder; the longitudinal record
// is the enterprise's own to read, any enterprise's for its organiser, and not found for others.

let t: TestDb;
let editionId: string;
let myFirm: string;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  const [g] = await t.db.select({ id: roleGrants.enterpriseId }).from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId)).where(and(eq(users.email, demo.exhibitor), eq(roleGrants.role, "exhibitor")));
  myFirm = g!.id!;
});
afterAll(async () => t?.close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
};
const as = async (email: string, at = "2026-08-01T09:00:00Z") => ctxFor(t.db, await actorFor(t.db, email), "en", fixedClock(at));

describe("the follow-up round", () => {
  it("is refused until opened; opening emails each exhibitor the follow-up link, and only organiser staff may open it", async () => {
    expect(await code(ownBaseline(await as(demo.exhibitor), editionId, "follow_up"))).toBe("baseline_not_open");
    expect(await code(saveSection(await as(demo.exhibitor), { editionId, round: "follow_up", section: "connect", answers: {} }))).toBe("baseline_not_open");
    expect(await code(setFollowUp(await as(demo.exhibitor), { editionId, status: "open" }))).toBe("forbidden");
    const opened = await setFollowUp(await as(demo.organiser), { editionId, status: "open" });
    expect(opened.invited).toBeGreaterThan(100);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "baseline.followUp.invite"));
    expect(mails.length).toBe(opened.invited);
    expect(mails.every((m) => m.bodyText.includes("round=follow_up"))).toBe(true);
    // Opening twice sends nothing more.
    expect((await setFollowUp(await as(demo.organiser), { editionId, status: "open" })).invited).toBe(0);
  });

  it("starts from the firm's baseline answers and stores the follow-up apart: the baseline round and its figures do not change", async () => {
    const me = await as(demo.exhibitor);
    const survey = (await surveyOfEdition(t.db, editionId))!;
    const [baseline] = await t.db.select().from(baselineResponses).where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.enterpriseId, myFirm), eq(baselineResponses.round, "baseline")));
    const before = await answersOf(t.db, baseline!.id);
    const figuresBefore = await baselineDashboard(await as(demo.organiser), { editionId });
    const page = await ownBaseline(me, editionId, "follow_up");
    expect(page.round).toBe("follow_up");
    expect(page.submitted).toBe(false);
    const website = page.sections.flatMap((s) => s.questions).find((q) => q.code === "connect.website")!;
    expect(website.value).toBe(before.get("connect.website"));
    expect(website.suggested).toBe(true);
    const flipped = before.get("connect.website") === true ? "no" : "yes";
    for (const s of page.sections) {
      const answers = Object.fromEntries(s.questions.filter((q) => q.visible && q.value !== null).map((q) => [q.code, Array.isArray(q.value) ? q.value : typeof q.value === "boolean" ? (q.value ? "yes" : "no") : String(q.value)]));
      if (s.key === "connect") answers["connect.website"] = flipped;
      const saved = await saveSection(me, { editionId, round: "follow_up", section: s.key, answers });
      expect(saved.round).toBe("follow_up");
    }
    const [follow] = await t.db.select().from(baselineResponses).where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.enterpriseId, myFirm), eq(baselineResponses.round, "follow_up")));
    expect(follow!.status).toBe("submitted");
    expect(follow!.id).not.toBe(baseline!.id);
    expect((await answersOf(t.db, follow!.id)).get("connect.website")).toBe(flipped === "yes");
    expect(await answersOf(t.db, baseline!.id)).toEqual(before);
    expect((await ownBaseline(me, editionId)).sections.flatMap((s) => s.questions).find((q) => q.code === "connect.website")!.value).toBe(before.get("connect.website"));
    const figuresAfter = await baselineDashboard(await as(demo.organiser), { editionId });
    expect(figuresAfter.total).toEqual(figuresBefore.total);
    expect(figuresAfter.progress).toEqual(figuresBefore.progress);
    expect(figuresAfter.followUp.progress.submitted).toBe(1);
    expect(figuresAfter.followUp.columns.map((c) => c.round)).toEqual(["baseline", "follow_up"]);
    // One firm is a small cell: the follow-up column is withheld, the baseline's is shown.
    const exportScore = figuresAfter.followUp.summary.find((s) => s.code === "score.export")!;
    expect(exportScore.cells[0]!.value).not.toBeNull();
    expect(exportScore.cells[1]!.suppressed).toBe(true);
    expect((await surveyScores(t.db, survey.id, 2026, "follow_up")).map((s) => s.enterpriseId)).toEqual([myFirm]);
    // The same table as CSV and XLSX: a line per indicator, the withheld follow-up cells empty and marked.
    const table = await dashboardTable(await as(demo.organiser), { editionId, table: "follow_up" });
    expect(table.rows[0]).toEqual(["Indicator code", expect.any(String), expect.any(String), "Baseline", "6 months later", expect.stringContaining("Baseline"), expect.stringContaining("6 months"), expect.any(String)]);
    const line = table.rows.find((r) => r[0] === "score.export")!;
    expect(line[3]).toBe(exportScore.cells[0]!.value);
    expect(line[4]).toBeNull();
    expect(line[7]).not.toBe("");
    expect(table.rows).toHaveLength(figuresAfter.followUp.summary.length + 1);
    const csv = await dashboardExport(await as(demo.organiser), { editionId, table: "follow_up", format: "csv" });
    expect(csv.filename).toMatch(/follow-up\.csv$/);
    expect(csv.body.toString("utf8")).toContain("score.export");
    const xlsx = await dashboardExport(await as(demo.organiser), { editionId, table: "follow_up", format: "xlsx" });
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
  });

  it("breaks the figures down by district and by sector too", async () => {
    const org = await as(demo.organiser);
    for (const by of ["district", "sector"] as const) {
      const d = await baselineDashboard(org, { editionId, by });
      expect(d.rows.length).toBeGreaterThan(1);
      expect(d.rows.reduce((n, r) => n + (r.firms ?? 0), 0)).toBeLessThanOrEqual(d.total.firms!);
      expect(d.rows.every((r) => r.suppressed || (r.firms ?? 0) >= 5)).toBe(true);
    }
  });

  it("closes: answers refused, reminders refused; the organiser's reminder reaches only those who have not finished", async () => {
    const org = await as(demo.organiser);
    const sent = await remindBaseline(org, { editionId, round: "follow_up" });
    const reminders = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "baseline.followUp.remind"));
    expect(reminders.length).toBe(sent.reminded);
    expect(reminders.some((m) => m.toAddress === demo.exhibitor)).toBe(false);
    await setFollowUp(org, { editionId, status: "closed" });
    expect(await code(saveSection(await as(demo.exhibitor), { editionId, round: "follow_up", section: "connect", answers: {} }))).toBe("baseline_not_open");
    expect(await code(remindBaseline(org, { editionId, round: "follow_up" }))).toBe("baseline_not_open");
  });
});

describe("the follow-up's schedule", () => {
  it("opens by itself six months after the last day, then reminds once after two weeks", async () => {
    expect(followUpDue("2026-01-26").toISOString()).toBe("2026-07-26T00:00:00.000Z");
    expect(followUpDue("2026-08-31").toISOString()).toBe("2027-02-28T00:00:00.000Z");
    const survey = (await surveyOfEdition(t.db, editionId))!;
    await t.db.update(baselineSurveys).set({ followUpStatus: "none", followUpOpenedAt: null }).where(eq(baselineSurveys.id, survey.id));
    const sweep = (at: string) => followUpSweep(ctxFor(t.db, undefined, "en", fixedClock(at)));
    expect(await sweep("2026-07-25T12:00:00Z")).toEqual({ opened: 0, reminded: 0 });
    const invitesBefore = (await t.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(eq(outboxMessages.kind, "baseline.followUp.invite")))[0]!.n;
    expect((await sweep("2026-07-26T01:00:00Z")).opened).toBe(1);
    const invitesAfter = (await t.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(eq(outboxMessages.kind, "baseline.followUp.invite")))[0]!.n;
    expect(invitesAfter - invitesBefore).toBeGreaterThan(100);
    expect(await sweep("2026-07-27T01:00:00Z")).toEqual({ opened: 0, reminded: 0 });
    expect((await sweep("2026-08-10T01:00:00Z")).reminded).toBeGreaterThan(100);
    expect(await sweep("2026-08-20T01:00:00Z")).toEqual({ opened: 0, reminded: 0 });
  });
});

describe("the longitudinal record", () => {
  it("is the enterprise's own: its page shows its rounds; asking for another enterprise is not found", async () => {
    const me = await as(demo.exhibitor);
    const mine = await ownRecord(me);
    expect(mine.enterprise.id).toBe(myFirm);
    expect(mine.viewer).toBe("enterprise");
    const y2026 = mine.editions.find((e) => e.edition.id === editionId)!;
    expect(y2026.baseline.map((b) => b.round)).toEqual(["baseline", "follow_up"]);
    expect(y2026.baseline[0]!.scores!.export.score).toBeGreaterThanOrEqual(0);
    expect(y2026.decision?.status).toBe("selected");
    expect((await enterpriseRecord(me, { enterpriseId: myFirm })).enterprise.id).toBe(myFirm);
    const [other] = await t.db.select({ id: enterprises.id }).from(enterprises).where(like(enterprises.slug, "%")).orderBy(enterprises.slug).limit(2);
    const otherId = other!.id === myFirm ? (await t.db.select({ id: enterprises.id }).from(enterprises).orderBy(enterprises.slug).limit(2))[1]!.id : other!.id;
    expect(await code(enterpriseRecord(me, { enterpriseId: otherId }))).toBe("not_found");
    expect(await code(enterpriseRecord(await as(demo.visitor), { enterpriseId: otherId }))).toBe("not_found");
    expect(await code(enterpriseRecord(await as(demo.visitor), { enterpriseId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
    expect(await code(enterpriseRecord(ctxFor(t.db), { enterpriseId: otherId }))).toBe("unauthenticated");
    expect(await code(ownRecord(await as(demo.visitor)))).toBe("forbidden");
  });

  it("is any enterprise's for the organiser's staff, with every round", async () => {
    const org = await as(demo.organiser);
    const r = await enterpriseRecord(org, { enterpriseId: myFirm });
    expect(r.viewer).toBe("organiser");
    expect(r.editions.find((e) => e.edition.id === editionId)!.baseline).toHaveLength(2);
    expect(await code(enterpriseRecord(org, { enterpriseId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
  });
});

describe("the API", () => {
  it("opens the follow-up for staff, serves the follow-up round and the records, each to its own", async () => {
    const { testApp } = await import("../../../tests/support/http");
    const api = testApp(t.db);
    const cookieFor = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const me = await cookieFor(demo.exhibitor);
    const staff = await cookieFor(demo.organiser);
    expect((await api.call(`/api/v1/editions/${editionId}/baseline/follow-up`, { method: "PUT", cookie: me, json: { status: "open" } })).status).toBe(403);
    const opened = await api.call(`/api/v1/editions/${editionId}/baseline/follow-up`, { method: "PUT", cookie: staff, json: { status: "open" } });
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe("open");
    const figures = await api.call(`/api/v1/editions/${editionId}/baseline/figures?by=district`, { cookie: staff });
    expect(figures.body.followUp.status).toBe("open");
    expect(figures.body.followUp.summary[0].code).toBe("score.export");
    const own = await api.call(`/api/v1/baseline/own?editionId=${editionId}&round=follow_up`, { cookie: me });
    expect(own.body.round).toBe("follow_up");
    const put = await api.call("/api/v1/baseline/own/sections/connect", { method: "PUT", cookie: me, json: { editionId, round: "follow_up", answers: { "connect.website": "yes", "connect.online_sales": "yes", "connect.digital_payments": "yes", "connect.trade_body_member": "yes" } } });
    expect(put.status).toBe(200);
    expect(put.body.round).toBe("follow_up");
    const record = await api.call("/api/v1/baseline/own/record", { cookie: me });
    expect(record.body.enterprise.id).toBe(myFirm);
    expect((await api.call(`/api/v1/enterprises/${myFirm}/record`, { cookie: staff })).body.viewer).toBe("organiser");
    expect((await api.call(`/api/v1/enterprises/${myFirm}/record`, { cookie: await cookieFor(demo.visitor) })).status).toBe(404);
    expect((await api.call(`/api/v1/enterprises/${myFirm}/record`)).status).toBe(401);
  });
});
