import type { Clock } from "../../../platform/clock";
import { startPeriodic } from "../../../platform/periodic";
import type { AppConfig } from "../../../platform/config";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db/types";
import { anonymous } from "../../../platform/permissions/actor";
import { markNoShows } from "./no-shows";
import { sendOutcomeMail } from "./outcome-mail";

// The meeting day's timer, like b2b's request expiry: every minute, mark due no-shows and send
// due outcome forms and follow-ups. Both are idempotent (database keys), so several processes
// may run it at once.

export async function meetdaySweep(ctx: Ctx) {
  const noShows = await markNoShows(ctx);
  const mail = await sendOutcomeMail(ctx);
  return { ...noShows, ...mail };
}

export function startMeetdayRunner(options: { db: Db; clock: Clock; config: AppConfig; everyMs?: number; onError?: (e: unknown) => void }) {
  const ctx: Ctx = { db: options.db, clock: options.clock, config: options.config, actor: anonymous, locale: "en" };
  return startPeriodic(() => meetdaySweep(ctx), options.everyMs ?? 60_000, options.onError);
}
