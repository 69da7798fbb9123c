import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { registrations } from "#features/registration";
import { refusingB2b } from "../db-errors";
import { b2bMeetings, b2bParticipants, b2bRequests, b2bRunPlacements, b2bRuns, b2bSmeStaff } from "../tables";
import { runFor, runIdInput } from "./runs";
import { contactsOf } from "./contacts";

// Publishing a run (issue #11 item 5): its placements become the edition's meetings, in ONE
// transaction. A request that already has a meeting keeps its row and uid (calendars); a changed
// slot or table increments its sequence; a meeting of the edition the run does not place (and the
// organiser did not pin, and that existed when the run started) is cancelled with its sequence incremented; a new one gets a stable uid.
// The database's partial unique indexes and the interpreter trigger are the final guard
// (db-errors.ts). Each participant whose meetings changed is emailed once, in its language.
// Publishing the same run again changes nothing and sends nothing.

type Meeting = typeof b2bMeetings.$inferSelect;
type Placement = typeof b2bRunPlacements.$inferSelect;

const sameSpot = (m: Meeting, p: Placement) =>
  m.status === "scheduled" && m.day === p.day && m.startMinute === p.startMinute && m.place === p.place && m.tableNo === p.tableNo && m.interpreterLanguage === p.interpreterLanguage;

/** Where to write to each participant, in its language (contacts.ts). */
async function contactsOfIds(tx: Executor, editionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const ps = await tx.select().from(b2bParticipants).where(and(eq(b2bParticipants.editionId, editionId), inArray(b2bParticipants.id, ids)));
  const contacts = await contactsOf(tx, ps);
  return ps.map((p) => ({ id: p.id, locale: p.locale, email: contacts.get(p.id)?.email ?? null, name: contacts.get(p.id)?.name ?? "" }));
}

/** The exhibitors' staff who hold meetings (those with an email), with the exhibitor's meetings
 *  link, in their registration's language when they have one, else the exhibitor's. */
async function staffContactsOf(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: b2bSmeStaff.participantId, email: b2bSmeStaff.email, name: b2bSmeStaff.name, regLocale: registrations.locale, locale: b2bParticipants.locale })
    .from(b2bSmeStaff)
    .innerJoin(b2bParticipants, eq(b2bParticipants.id, b2bSmeStaff.participantId))
    .leftJoin(registrations, eq(registrations.id, b2bSmeStaff.registrationId))
    .where(and(inArray(b2bSmeStaff.participantId, ids), isNotNull(b2bSmeStaff.email)));
  return rows.map((r) => ({ id: r.id, locale: isLocale(r.regLocale) ? r.regLocale : r.locale, email: r.email, name: r.name }));
}

/** Publish a finished run. Audited as `b2b.run_published` with what changed. */
export async function publishRun(ctx: Ctx, raw: Input<typeof runIdInput>) {
  const { runId } = parseInput(runIdInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await runFor(tx, ctx.actor, runId, true);
    if (run.status !== "done") throw new DomainError("b2b_run_not_done");
    const now = ctx.clock.now();
    const placements = await tx.select().from(b2bRunPlacements).where(eq(b2bRunPlacements.runId, run.id));
    const existing = await tx.select().from(b2bMeetings).where(eq(b2bMeetings.editionId, edition.id)).for("update");
    const byRequest = new Map(existing.map((m) => [m.requestId, m]));
    const placed = new Set(placements.map((p) => p.requestId));
    const pairs = new Map(
      (placements.length ? await tx.select({ id: b2bRequests.id, sme: b2bRequests.smeParticipantId, buyer: b2bRequests.buyerParticipantId }).from(b2bRequests).where(eq(b2bRequests.editionId, edition.id)) : []).map((r) => [r.id, r]),
    );

    // A run keeps every meeting scheduled when it started, so one it lacks was dropped by the
    // organiser or lost its request; a meeting made after the run started (a repair, an organiser's
    // direct meeting) is not the run's to cancel.
    const dropped = existing.filter((m) => m.status === "scheduled" && !placed.has(m.requestId) && !m.pinned && m.createdAt <= run.createdAt);
    const changed: { m: Meeting; p: Placement }[] = [];
    const fresh: Placement[] = [];
    const pinOnly: { m: Meeting; p: Placement }[] = [];
    for (const p of placements) {
      const m = byRequest.get(p.requestId);
      if (!m) fresh.push(p);
      else if (!sameSpot(m, p)) changed.push({ m, p });
      else if (m.pinned !== p.pinned || m.runId !== run.id) pinOnly.push({ m, p });
    }

    await refusingB2b(async () => {
      // 1. Cancel what the run drops; 2. take the moving meetings out of their old slots; 3. put
      // them in their new ones; 4. add the new meetings. In this order no meeting meets the old
      // place of another in the unique indexes while the transaction is half done.
      if (dropped.length) {
        for (const m of dropped) await tx.update(b2bMeetings).set({ status: "cancelled", sequence: m.sequence + 1, updatedAt: now }).where(eq(b2bMeetings.id, m.id));
      }
      const moving = changed.filter(({ m }) => m.status === "scheduled").map(({ m }) => m.id);
      if (moving.length) await tx.update(b2bMeetings).set({ status: "cancelled" }).where(inArray(b2bMeetings.id, moving));
      for (const { m, p } of changed) {
        await tx
          .update(b2bMeetings)
          .set({ status: "scheduled", day: p.day, startMinute: p.startMinute, place: p.place, tableNo: p.tableNo, interpreterLanguage: p.interpreterLanguage, pinned: p.pinned, sequence: m.sequence + 1, runId: run.id, updatedAt: now })
          .where(eq(b2bMeetings.id, m.id));
      }
      for (const { m, p } of pinOnly) await tx.update(b2bMeetings).set({ pinned: p.pinned, runId: run.id }).where(eq(b2bMeetings.id, m.id));
      for (let i = 0; i < fresh.length; i += 1000) {
        await tx.insert(b2bMeetings).values(
          fresh.slice(i, i + 1000).map((p) => {
            const pair = pairs.get(p.requestId)!;
            return {
              editionId: edition.id,
              requestId: p.requestId,
              smeParticipantId: pair.sme,
              buyerParticipantId: pair.buyer,
              day: p.day,
              startMinute: p.startMinute,
              place: p.place,
              tableNo: p.tableNo,
              interpreterLanguage: p.interpreterLanguage,
              pinned: p.pinned,
              uid: `${randomUUID()}@numaish`,
              runId: run.id,
              createdAt: now,
              updatedAt: now,
            };
          }),
        );
      }
    });

    // Everyone whose meetings changed hears once.
    const affected = new Set<string>();
    for (const m of dropped) affected.add(m.smeParticipantId).add(m.buyerParticipantId);
    for (const { m } of changed) affected.add(m.smeParticipantId).add(m.buyerParticipantId);
    for (const p of fresh) affected.add(pairs.get(p.requestId)!.sme).add(pairs.get(p.requestId)!.buyer);
    const contacts = [...(await contactsOfIds(tx, edition.id, [...affected])), ...(await staffContactsOf(tx, [...affected]))];
    const seen = new Set<string>();
    const emails = contacts
      // One email per address: a staff member who is also the exhibitor's contact hears once.
      .filter((c) => c.email && !seen.has(c.email.toLowerCase()) && seen.add(c.email.toLowerCase()))
      .map((c) => {
        const params = { name: c.name, edition: c.locale === "ur" ? edition.nameUr : edition.nameEn, link: `${ctx.config.publicUrl}/b2b/${c.id}/meetings` };
        return { kind: "b2b_schedule", to: c.email!, subject: translate(c.locale, "b2b.runs.email.subject", params), text: translate(c.locale, "b2b.runs.email.body", params) };
      });
    await queueEmails(tx, ctx.clock, emails);

    const counts = { added: fresh.length, moved: changed.length, cancelled: dropped.length, unchanged: placements.length - fresh.length - changed.length, notified: emails.length };
    const firstTime = !run.publishedAt;
    if (firstTime || counts.added + counts.moved + counts.cancelled > 0) {
      await tx.update(b2bRuns).set({ publishedAt: now, publishedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null }).where(eq(b2bRuns.id, run.id));
      await recordAudit(tx, ctx, { action: "b2b.run_published", entityType: "b2b_run", entityId: run.id, organiserId: edition.organiserId, editionId: edition.id, data: counts });
    }
    return counts;
  });
}
