import { and, eq, isNotNull } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { b2bRuns } from "../tables";
import { placeLateRequest } from "./repair";
import type { AcceptedHook } from "./requests-common";

// Issue #11 item 7, "a new request is accepted after publication": once an edition's schedule is
// published, a request accepted later is placed at once by the engine's repair (nobody else moves;
// an unplaceable one stays accepted for the organiser's next run). Before publication nothing
// happens here: the next scheduling run places it. Registered by src/wiring.ts on the request
// operations' accept hook, so it runs inside the accepting transaction.

export async function hasPublishedSchedule(db: Executor, editionId: string): Promise<boolean> {
  const [run] = await db.select({ id: b2bRuns.id }).from(b2bRuns).where(and(eq(b2bRuns.editionId, editionId), isNotNull(b2bRuns.publishedAt))).limit(1);
  return !!run;
}

export const placeWhenPublished: AcceptedHook = async (db: Executor, ctx: Ctx, request) => {
  if (await hasPublishedSchedule(db, request.editionId)) await placeLateRequest(db, ctx, request.id);
};
