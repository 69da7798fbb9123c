import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import type { Clock } from "../../../platform/clock";
import type { AppConfig } from "../../../platform/config";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Db, Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { startPeriodic } from "../../../platform/periodic";
import { anonymous } from "../../../platform/permissions/actor";
import { parseInput, type Input } from "../../../platform/validation";
import { editionForChange } from "#features/editions";
import { editions } from "#features/editions";
import { baselineSurveys, type FollowUpStatus } from "../tables";
import { emailPending } from "./mail";
import { surveyOfEdition } from "./structure";

// The 6-month follow-up round (issue #15, item 2): the same survey, the same indicator codes,
// answered again by the edition's exhibitors; its responses are a round of their own, so the
// baseline's answers are never overwritten. The organiser opens it (or closes it); otherwise a
// periodic job opens it six months after the edition's last day, and emails one reminder two weeks
// after it opened to every exhibitor that has not finished. Opening emails every exhibitor the link,
// in its account's language. Every step is a conditional update, so several processes may sweep.

type Edition = typeof editions.$inferSelect;

export const FOLLOW_UP_MONTHS = 6;
export const FOLLOW_UP_REMINDER_DAYS = 14;

/** The day the follow-up opens by itself: six months after the edition's last day (UTC midnight). */
export function followUpDue(endsOn: string): Date {
  const d = new Date(`${endsOn}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + FOLLOW_UP_MONTHS);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Opens the follow-up (emails the exhibitors) or closes it, inside the caller's transaction. */
async function setStatus(tx: Executor, c: Ctx, edition: Edition, surveyId: string, from: FollowUpStatus, to: "open" | "closed", by: "organiser" | "schedule") {
  const now = c.clock.now();
  const changed = await tx
    .update(baselineSurveys)
    .set(to === "open" ? { followUpStatus: "open", followUpOpenedAt: from === "none" ? now : undefined } : { followUpStatus: "closed" })
    .where(and(eq(baselineSurveys.id, surveyId), eq(baselineSurveys.followUpStatus, from)))
    .returning({ id: baselineSurveys.id });
  if (!changed.length) return null;
  const sent = to === "open" && from === "none" ? await emailPending(tx, c, edition, surveyId, "follow_up", "baseline.followUp.invite") : { reminded: 0, unreachable: 0 };
  await recordAudit(tx, c, { action: "baseline.follow_up_set", entityType: "baseline_survey", entityId: surveyId, editionId: edition.id, organiserId: edition.organiserId, data: { status: to, by, invited: sent.reminded, unreachable: sent.unreachable } });
  return sent;
}

const FollowUpInput = z.object({ editionId: z.uuid(), status: z.enum(["open", "closed"]) });

/** The organiser opens (first time: emails every exhibitor the link) or closes the follow-up.
 *  Refusals: baseline_no_survey; baseline_not_open when the survey is still a draft. */
export async function setFollowUp(ctx: Ctx, raw: Input<typeof FollowUpInput>) {
  const input = parseInput(FollowUpInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    if (survey.status === "draft") throw new DomainError("baseline_not_open");
    if (survey.followUpStatus === input.status) return { status: input.status, invited: 0 };
    if (input.status === "closed" && survey.followUpStatus === "none") throw new DomainError("baseline_not_open");
    const sent = await setStatus(tx, c, edition, survey.id, survey.followUpStatus, input.status, "organiser");
    return { status: input.status, invited: sent?.reminded ?? 0 };
  });
}

/** Opens every follow-up that is due and sends each open one's reminder once. Returns what it did. */
export async function followUpSweep(ctx: Ctx): Promise<{ opened: number; reminded: number }> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ edition: editions, survey: baselineSurveys })
    .from(baselineSurveys)
    .innerJoin(editions, eq(editions.id, baselineSurveys.editionId))
    .where(and(ne(baselineSurveys.status, "draft"), eq(editions.status, "published"), isNull(baselineSurveys.followUpRemindedAt), ne(baselineSurveys.followUpStatus, "closed")));
  let opened = 0;
  let reminded = 0;
  for (const { edition, survey } of rows) {
    if (survey.followUpStatus === "none" && followUpDue(edition.endsOn) <= now) {
      const sent = await inTransaction(ctx, (tx, c) => setStatus(tx, c, edition, survey.id, "none", "open", "schedule"));
      if (sent) opened++;
    } else if (survey.followUpStatus === "open" && survey.followUpOpenedAt && now.getTime() - survey.followUpOpenedAt.getTime() >= FOLLOW_UP_REMINDER_DAYS * 86_400_000) {
      await inTransaction(ctx, async (tx, c) => {
        const claimed = await tx
          .update(baselineSurveys)
          .set({ followUpRemindedAt: now })
          .where(and(eq(baselineSurveys.id, survey.id), isNull(baselineSurveys.followUpRemindedAt), eq(baselineSurveys.followUpStatus, "open")))
          .returning({ id: baselineSurveys.id });
        if (!claimed.length) return;
        const sent = await emailPending(tx, c, edition, survey.id, "follow_up", "baseline.followUp.remind");
        await recordAudit(tx, c, { action: "baseline.reminded", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { ...sent, round: "follow_up", by: "schedule" } });
        reminded += sent.reminded;
      });
    }
  }
  return { opened, reminded };
}

export function startFollowUpRunner(options: { db: Db; clock: Clock; config: AppConfig; everyMs?: number; onError?: (e: unknown) => void }) {
  const ctx: Ctx = { db: options.db, clock: options.clock, config: options.config, actor: anonymous, locale: "en" };
  return startPeriodic(() => followUpSweep(ctx), options.everyMs ?? 3_600_000, options.onError);
}
