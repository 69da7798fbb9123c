import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { localDate } from "../core/gate-bundle";
import { checkinRehearsals } from "../tables";
import { forgetGates } from "./scan";
import { editionDayCount } from "#features/editions";
import { editionFor, editionForChange } from "#features/editions";

// A door rehearsal (checkinRehearsals in tables.ts): before the show, organisers let the gates scan
// today as if it were one of the edition's days, so staff practise with real badges and phones.
// Only on a date that is not one of the edition's own days, only for today (it ends by itself at
// midnight, venue time), and every scan made is flagged so the event's figures stay clean.

const rehearsalInput = z.strictObject({
  editionId: z.uuid(),
  /** The edition day to rehearse (0 = first day); null ends today's rehearsal. */
  dayIndex: z.coerce.number().int().min(0).max(15).nullable(),
});

export interface RehearsalState {
  /** The rehearsal on today's date, if any. */
  active: { onDate: string; dayIndex: number } | null;
  today: string;
  /** Whether today is one of the edition's days (no rehearsal then). */
  eventDay: boolean;
  dayCount: number;
}

export async function rehearsalOf(db: Executor, editionId: string) {
  const [row] = await db.select().from(checkinRehearsals).where(eq(checkinRehearsals.editionId, editionId));
  return row ? { onDate: row.onDate, dayIndex: row.dayIndex } : null;
}

const dayCountOf = editionDayCount;

const rehearsalStateInput = z.strictObject({ editionId: z.uuid() });

export async function rehearsalState(ctx: Ctx, raw: Input<typeof rehearsalStateInput>): Promise<RehearsalState> {
  const { editionId } = parseInput(rehearsalStateInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "checkin.scan");
  const today = localDate(ctx.clock.now(), edition.timezone);
  const row = await rehearsalOf(ctx.db, edition.id);
  return {
    active: row && row.onDate === today ? row : null,
    today,
    eventDay: edition.startsOn <= today && today <= edition.endsOn,
    dayCount: Math.min(16, dayCountOf(edition)),
  };
}

/** Start (or change, or with dayIndex null end) today's rehearsal. Organiser staff; audited. */
export async function setRehearsal(ctx: Ctx, raw: Input<typeof rehearsalInput>): Promise<RehearsalState> {
  const input = parseInput(rehearsalInput, raw);
  await inTransaction(ctx, async (tx, txCtx) => {
    const edition = await editionForChange(tx, txCtx.actor, input.editionId, "checkin.manage");
    const today = localDate(ctx.clock.now(), edition.timezone);
    if (input.dayIndex !== null) {
      if (edition.startsOn <= today && today <= edition.endsOn) {
        throw new DomainError("validation_failed", { fields: [{ path: "dayIndex", code: "checkin_rehearsal_event_day" }] });
      }
      if (input.dayIndex >= dayCountOf(edition)) {
        throw new DomainError("validation_failed", { fields: [{ path: "dayIndex", code: "registration_day_out_of_range", params: { max: dayCountOf(edition) } }] });
      }
      const values = { editionId: edition.id, onDate: today, dayIndex: input.dayIndex, startedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, startedAt: ctx.clock.now() };
      await tx.insert(checkinRehearsals).values(values).onConflictDoUpdate({ target: checkinRehearsals.editionId, set: values });
    } else {
      await tx.delete(checkinRehearsals).where(eq(checkinRehearsals.editionId, edition.id));
    }
    await recordAudit(tx, ctx, {
      action: input.dayIndex === null ? "checkin.rehearsal_ended" : "checkin.rehearsal_started",
      entityType: "edition",
      entityId: edition.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { onDate: today, dayIndex: input.dayIndex },
    });
  });
  forgetGates();
  return rehearsalState(ctx, { editionId: input.editionId });
}
