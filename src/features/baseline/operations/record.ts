import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { b2bMeetings, b2bParticipants } from "#features/b2b";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { floorHalls, floorStalls } from "#features/floor";
import { meetingOutcomes, outcomeLinks } from "#features/meetday";
import { nominations } from "#features/nominations";
import { registrations } from "#features/registration";
import { publishedDecision } from "#features/selection";
import type { AnswerValue, Option, QuestionKind } from "../engine/questions";
import { scoreOf } from "../engine/scoring";
import { baselineAnswers, baselineQuestions, baselineResponses, baselineSections, baselineSurveys, rounds } from "../tables";
import { ownEnterpriseId } from "./own";
import { visibleAnswers } from "./scores";

// The longitudinal record of one enterprise (issue #15, item 4): every edition of its organiser in
// which it took part, latest first, with its selection decision (once published), its stall, its
// baseline answers and scores per round (the baseline and the 6-month follow-up), and its B2B
// meetings with their outcomes and follow-up dates. Organiser staff read any enterprise of their
// registry; the enterprise's own account reads only its own (its page takes the id from its
// exhibitor grant, never from the request; asked by id, any other is not_found), and it sees only
// the outcomes it reported itself, not the buyer's.

type Firm = typeof enterprises.$inferSelect;
type Edition = typeof editions.$inferSelect;
export type Viewer = "organiser" | "enterprise";

export interface RecordAnswer {
  code: string;
  kind: QuestionKind;
  labelEn: string;
  labelUr: string;
  options: Option[];
  value: AnswerValue;
}

async function roundsOf(db: Executor, editionId: string, year: number, enterpriseId: string) {
  const [survey] = await db.select().from(baselineSurveys).where(eq(baselineSurveys.editionId, editionId));
  if (!survey) return [];
  const responses = await db
    .select()
    .from(baselineResponses)
    .where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.enterpriseId, enterpriseId)));
  const out = [];
  for (const round of rounds) {
    const r = responses.find((x) => x.round === round);
    if (!r) continue;
    const rows = await db
      .select({
        code: baselineAnswers.code,
        value: baselineAnswers.value,
        kind: baselineQuestions.kind,
        labelEn: baselineQuestions.labelEn,
        labelUr: baselineQuestions.labelUr,
        options: baselineQuestions.options,
        showIfCode: baselineQuestions.showIfCode,
        showIfEquals: baselineQuestions.showIfEquals,
      })
      .from(baselineAnswers)
      .innerJoin(baselineQuestions, eq(baselineQuestions.id, baselineAnswers.questionId))
      .innerJoin(baselineSections, eq(baselineSections.id, baselineQuestions.sectionId))
      .where(eq(baselineAnswers.responseId, r.id))
      .orderBy(asc(baselineSections.sort), asc(baselineQuestions.sort), asc(baselineAnswers.code));
    const visible = visibleAnswers(rows);
    const submitted = r.status === "submitted";
    out.push({
      round,
      status: r.status,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      scores: submitted ? { export: scoreOf("export", visible, year), investment: scoreOf("investment", visible, year) } : null,
      answers: rows.filter((a) => visible.has(a.code)).map(({ code, kind, labelEn, labelUr, options, value }): RecordAnswer => ({ code, kind, labelEn, labelUr, options, value })),
    });
  }
  return out;
}

async function meetingsOf(db: Executor, editionId: string, enterpriseId: string, viewer: Viewer) {
  const mine = await db
    .select({ id: b2bParticipants.id })
    .from(b2bParticipants)
    .where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.enterpriseId, enterpriseId), eq(b2bParticipants.side, "sme")));
  if (!mine.length) return [];
  const meetings = await db
    .select({
      id: b2bMeetings.id,
      day: b2bMeetings.day,
      startMinute: b2bMeetings.startMinute,
      status: b2bMeetings.status,
      kind: b2bMeetings.kind,
      buyerEnterprise: enterprises.nameEn,
      buyerPerson: registrations.organisation,
      buyerName: registrations.name,
    })
    .from(b2bMeetings)
    .innerJoin(b2bParticipants, eq(b2bParticipants.id, b2bMeetings.buyerParticipantId))
    .leftJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
    .leftJoin(registrations, eq(registrations.id, b2bParticipants.registrationId))
    .where(and(eq(b2bMeetings.editionId, editionId), inArray(b2bMeetings.smeParticipantId, mine.map((m) => m.id))))
    .orderBy(asc(b2bMeetings.day), asc(b2bMeetings.startMinute));
  if (!meetings.length) return [];
  const ids = meetings.map((m) => m.id);
  const outcomes = await db
    .select()
    .from(meetingOutcomes)
    .where(and(inArray(meetingOutcomes.meetingId, ids), ...(viewer === "enterprise" ? [eq(meetingOutcomes.side, "sme")] : [])))
    .orderBy(asc(meetingOutcomes.createdAt));
  const links = await db
    .select({ meetingId: outcomeLinks.meetingId, side: outcomeLinks.side, stage: outcomeLinks.stage, dueAt: outcomeLinks.dueAt, answeredAt: outcomeLinks.answeredAt })
    .from(outcomeLinks)
    .where(and(inArray(outcomeLinks.meetingId, ids), ...(viewer === "enterprise" ? [eq(outcomeLinks.side, "sme")] : [])))
    .orderBy(asc(outcomeLinks.dueAt));
  return meetings.map((m) => ({
    id: m.id,
    day: m.day,
    startMinute: m.startMinute,
    status: m.status,
    kind: m.kind,
    buyer: m.buyerEnterprise ?? m.buyerPerson ?? m.buyerName ?? null,
    outcomes: outcomes
      .filter((o) => o.meetingId === m.id)
      .map((o) => ({ side: o.side, stage: o.stage, happened: o.happened, kind: o.kind, valueAmount: o.valueAmount, currency: o.currency, timeline: o.timeline })),
    followUps: links.filter((l) => l.meetingId === m.id).map((l) => ({ side: l.side, stage: l.stage, dueAt: l.dueAt.toISOString(), answered: l.answeredAt !== null })),
  }));
}

async function editionRecord(db: Executor, firm: Firm, edition: Edition, viewer: Viewer) {
  const year = Number(edition.startsOn.slice(0, 4));
  const nomination = firm.ntn
    ? (await db.select({ id: nominations.id, status: nominations.status }).from(nominations).where(and(eq(nominations.editionId, edition.id), eq(nominations.ntn, firm.ntn))))[0]
    : undefined;
  const decision = nomination ? await publishedDecision(db, edition.id, nomination.id) : null;
  const stalls = await db
    .select({ number: floorStalls.number, state: floorStalls.state, hallEn: floorHalls.nameEn, hallUr: floorHalls.nameUr })
    .from(floorStalls)
    .innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId))
    .where(and(eq(floorStalls.editionId, edition.id), eq(floorStalls.enterpriseId, firm.id), inArray(floorStalls.state, ["assigned", "confirmed"])))
    .orderBy(asc(floorStalls.number));
  const baseline = await roundsOf(db, edition.id, year, firm.id);
  const meetings = await meetingsOf(db, edition.id, firm.id, viewer);
  const took = !!nomination || stalls.length > 0 || baseline.length > 0 || meetings.length > 0;
  if (!took) return null;
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, year },
    application: nomination ? { status: nomination.status } : null,
    decision: decision?.decision ? { status: decision.decision.status, rankInCluster: decision.decision.rankInCluster, clusterApplicants: decision.decision.clusterApplicants } : null,
    stalls,
    baseline,
    meetings,
  };
}

async function recordOf(db: Executor, firm: Firm, viewer: Viewer) {
  const list = await db.select().from(editions).where(eq(editions.organiserId, firm.organiserId)).orderBy(desc(editions.startsOn));
  const shown = viewer === "enterprise" ? list.filter((e) => e.status === "published") : list;
  const perEdition = [];
  for (const e of shown) {
    const r = await editionRecord(db, firm, e, viewer);
    if (r) perEdition.push(r);
  }
  return {
    viewer,
    enterprise: { id: firm.id, slug: firm.slug, nameEn: firm.nameEn, nameUr: firm.nameUr, sizeClass: firm.sizeClass, womenLed: firm.womenLed, district: firm.district, province: firm.province },
    editions: perEdition,
  };
}

const RecordInput = z.object({ enterpriseId: z.uuid() });

/** An enterprise's record: organiser staff of its organiser see any (viewer "organiser"); the
 *  enterprise's own account sees its own (viewer "enterprise"). Anyone else signed in gets
 *  not_found, whether the enterprise exists or not (a record is not confirmed to strangers);
 *  anonymous callers get unauthenticated. */
export async function enterpriseRecord(ctx: Ctx, raw: Input<typeof RecordInput>) {
  const { enterpriseId } = parseInput(RecordInput, raw);
  if (ctx.actor.kind === "anonymous") throw new DomainError("unauthenticated", { params: { permission: "baseline.manage" } });
  const [firm] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (firm && can(ctx.actor, "baseline.manage", { organiserId: firm.organiserId })) return recordOf(ctx.db, firm, "organiser");
  if (firm && can(ctx.actor, "baseline.answerOwn", { enterpriseId: firm.id })) return recordOf(ctx.db, firm, "enterprise");
  throw new DomainError("not_found", { params: { what: "enterprise" } });
}

/** The signed-in enterprise's own record (its exhibitor grant says which). */
export async function ownRecord(ctx: Ctx) {
  const enterpriseId = ownEnterpriseId(ctx);
  const [firm] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!firm) throw new Error("exhibitor grant without its enterprise");
  return recordOf(ctx.db, firm, "enterprise");
}

export type EnterpriseRecord = Awaited<ReturnType<typeof recordOf>>;
