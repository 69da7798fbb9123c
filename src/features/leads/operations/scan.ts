import { and, eq, isNull, sql } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { editionShortId, verifyBadge } from "#features/checkin";
import { newScanNonce } from "#features/checkin";
import { parseQueuedItems, type ScanUploadAnswer } from "#features/checkin";
import { parseShortCode } from "#features/checkin";
import { editionPublicKeys } from "#features/checkin";
import { decideLeadScan, numberOfCode, type LeadCode, type LeadScanReason } from "../core/lead-scan";
import { ownLeadsInput, scanLeadInput, uploadedLeadScan, uploadLeadScansInput } from "../schemas";
import { registrations } from "#features/registration";
import { hashSecret, newSecret } from "../../../platform/ids";
import { isLocale } from "../../../platform/i18n/locales";
import { queueEmail } from "../../../platform/mail/outbox";
import { leads, leadScans } from "../tables";
import { ownStall, type OwnStall } from "./exhibitor";
import { leadOfExhibitor, type LeadView } from "./view";

// Scanning a visitor's badge at a stall (issue #14, item 7): the exhibitor's own staff scan the
// signed QR (camera or keyboard wedge) or type the short code. Every attempt is kept with its
// nonce (unique per edition: a retried request or a replayed offline upload is recorded once and
// answered as the first time); the visit counts on one lead per exhibitor and visitor (unique key,
// upserted: two phones scanning one visitor at once make one lead with two scans). The answer
// carries the visitor's details only when they are shared (operations/view.ts); otherwise the
// visit is counted and the visitor is asked, by email once per exhibitor, whether this exhibitor
// may stay in touch.

export interface LeadScanAnswer {
  result: "counted" | "refuse";
  reason: LeadScanReason;
  message: string;
  nonce: string;
  /** Counted before at this stall (a second visit, or a replay of this scan). */
  repeat: boolean;
  lead: LeadView | null;
}

type Item = { code: string; nonce: string; deviceId: string; at: Date; offline: boolean };

const answer = (ctx: Ctx, a: Omit<LeadScanAnswer, "message">): LeadScanAnswer => {
  const key = a.result === "counted" ? (a.lead?.shared ? "leads.scan.shared" : "leads.scan.counted") : `leads.reason.${a.reason}`;
  return { ...a, message: translate(ctx.locale, key as "leads.scan.shared") };
};

/** A typed short code (`2026-04817-K`, `4817K`) or, failing that, a signed badge payload. */
function readCode(code: string, edition: { id: string; year: number }, keys: Parameters<typeof verifyBadge>[1]): LeadCode {
  const parse = parseShortCode(code, edition.year);
  if (parse.ok || parse.reason === "bad_check") return { kind: "typed", parse, year: edition.year };
  return { kind: "signed", verification: verifyBadge(code, keys, editionShortId(edition.id)) };
}

async function registrationFacts(db: Executor, editionId: string, registrationNo: number, serial: number | null) {
  const [r] = rowsOf<{ id: string; status: string; current: number | null; state: "valid" | "revoked" | null }>(
    await db.execute(sql`
      select r.id, r.status,
        (select max(b.serial) from badges b where b.registration_id = r.id) as current,
        (select case when b.revoked_at is null then 'valid' else 'revoked' end from badges b where b.registration_id = r.id
           and b.serial = coalesce(${serial}, (select max(b2.serial) from badges b2 where b2.registration_id = r.id))) as state
      from registrations r where r.edition_id = ${editionId} and r.number = ${registrationNo}`),
  );
  if (!r) return null;
  return { id: r.id, status: r.status, badge: r.state ? { state: r.state, currentSerial: Number(r.current) } : null };
}

async function replay(tx: Executor, ctx: Ctx, stall: OwnStall, prior: typeof leadScans.$inferSelect, item: Item): Promise<LeadScanAnswer> {
  // A nonce only makes a repeat of the same scan harmless; another code or stall under it is not that scan.
  if (prior.code !== item.code || prior.enterpriseId !== stall.enterpriseId) return answer(ctx, { result: "refuse", reason: "unknown_code", nonce: item.nonce, repeat: false, lead: null });
  const lead = prior.leadId ? ((await leadOfExhibitor(tx, stall.enterpriseId, prior.leadId)) ?? null) : null;
  if (prior.result === "counted" && lead) return answer(ctx, { result: "counted", reason: "ok", nonce: item.nonce, repeat: true, lead });
  return answer(ctx, { result: "refuse", reason: (prior.result === "counted" ? "unknown_code" : prior.reason) as Exclude<LeadScanReason, "ok">, nonce: item.nonce, repeat: true, lead: null });
}

/** Decide one scan at the exhibitor's stall and record it (inside the caller's transaction). */
async function decideAndRecord(tx: Executor, ctx: Ctx, stall: OwnStall, item: Item): Promise<LeadScanAnswer> {
  const editionId = stall.edition.id;
  const priorOf = async () => (await tx.select().from(leadScans).where(and(eq(leadScans.editionId, editionId), eq(leadScans.nonce, item.nonce))))[0];
  const prior = await priorOf();
  if (prior) return replay(tx, ctx, stall, prior, item);
  const code = readCode(item.code, stall.edition, await editionPublicKeys(tx, editionId));
  const n = numberOfCode(code);
  const registration = n ? await registrationFacts(tx, editionId, n.registrationNo, n.serial) : null;
  const decision = decideLeadScan({ code, registration });
  const [row] = await tx
    .insert(leadScans)
    .values({
      editionId,
      enterpriseId: stall.enterpriseId,
      nonce: item.nonce,
      code: item.code,
      result: decision.result,
      reason: decision.reason,
      deviceId: item.deviceId,
      scannedAt: item.at,
      uploadedAt: ctx.clock.now(),
      offline: item.offline,
      byUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    })
    .onConflictDoNothing()
    .returning();
  // The same nonce committed by another request meanwhile: answer as it was recorded.
  if (!row) return replay(tx, ctx, stall, (await priorOf())!, item);
  if (decision.result === "refuse") return answer(ctx, { result: "refuse", reason: decision.reason, nonce: item.nonce, repeat: false, lead: null });
  // One lead per exhibitor and visitor: the upsert is atomic, so concurrent scans count on one row.
  // A visitor who does not consent (now) is asked to stay in touch, once.
  const now = ctx.clock.now().toISOString();
  const at = item.at.toISOString();
  const [lead] = rowsOf<{ id: string; scan_count: number }>(
    await tx.execute(sql`
      insert into leads (edition_id, enterprise_id, registration_id, first_scanned_at, last_scanned_at, scan_count, touch, by_user_id, updated_at)
      select ${editionId}::uuid, ${stall.enterpriseId}::uuid, r.id, ${at}::timestamptz, ${at}::timestamptz, 1, case when r.consent_scan then 'none' else 'pending' end, ${row.byUserId}::uuid, ${now}::timestamptz
        from registrations r where r.id = ${decision.registrationId}
      on conflict (enterprise_id, registration_id) do update set
        scan_count = leads.scan_count + 1,
        first_scanned_at = least(leads.first_scanned_at, excluded.first_scanned_at),
        last_scanned_at = greatest(leads.last_scanned_at, excluded.last_scanned_at),
        touch = case when leads.touch = 'none' and excluded.touch = 'pending' then 'pending' else leads.touch end,
        updated_at = excluded.updated_at
      returning id, scan_count`),
  );
  await tx.update(leadScans).set({ leadId: lead!.id }).where(eq(leadScans.id, row.id));
  await emailTouchRequest(tx, ctx, stall, lead!.id);
  const view = (await leadOfExhibitor(tx, stall.enterpriseId, lead!.id))!;
  return answer(ctx, { result: "counted", reason: "ok", nonce: item.nonce, repeat: Number(lead!.scan_count) > 1, lead: view });
}

/**
 * A waiting stay-in-touch request is emailed to the visitor once per exhibitor (the first scan that
 * finds it unsent marks it: concurrent scans and replays queue nothing more), in the visitor's
 * language, with a link of its own (`/stay-in-touch/<token>`, operations/touch-link.ts) where they
 * accept or decline this request. Their registration's link stays as it is: a visitor scanned at
 * ten stalls gets ten links that all work, and the link in their confirmation still works. It
 * names the exhibitor and the edition, nothing else about the exhibitor.
 */
async function emailTouchRequest(tx: Executor, ctx: Ctx, stall: OwnStall, leadId: string): Promise<void> {
  const token = newSecret(24);
  const [asked] = await tx
    .update(leads)
    .set({ touchEmailedAt: ctx.clock.now(), touchTokenHash: hashSecret(token) })
    .where(and(eq(leads.id, leadId), eq(leads.touch, "pending"), isNull(leads.touchEmailedAt)))
    .returning({ registrationId: leads.registrationId });
  if (!asked) return;
  const [reg] = await tx.select().from(registrations).where(eq(registrations.id, asked.registrationId));
  if (!reg?.email) return;
  const locale = isLocale(reg.locale) ? reg.locale : "en";
  const params = {
    exhibitor: (locale === "ur" && stall.enterpriseName.ur) || stall.enterpriseName.en,
    edition: locale === "ur" ? stall.edition.nameUr : stall.edition.nameEn,
    link: `${ctx.config.publicUrl}/stay-in-touch/${token}`,
  };
  await queueEmail(tx, ctx.clock, { kind: "leads_touch_request", to: reg.email, subject: translate(locale, "leads.mail.touch.subject", params), text: translate(locale, "leads.mail.touch.body", params) });
}

/** One badge scanned (or a short code typed) at the signed-in exhibitor's stall, online. */
export async function scanLead(ctx: Ctx, raw: Input<typeof scanLeadInput>): Promise<LeadScanAnswer> {
  const input = parseInput(scanLeadInput, raw);
  return inTransaction(ctx, async (tx) => {
    const stall = await ownStall(tx, ctx, input.editionId);
    return decideAndRecord(tx, ctx, stall, { code: input.code, nonce: input.nonce ?? newScanNonce(), deviceId: input.deviceId, at: ctx.clock.now(), offline: false });
  });
}

export type LeadUploadAnswer = ScanUploadAnswer<{ nonce: string; result: "counted" | "refuse"; reason: LeadScanReason; message: string; leadId: string | null; shared: boolean }>;

/** A stall phone's queue (online scans too, each item saying whether the phone was offline):
 *  every item decided again by the server, each kept once by its nonce; a replayed upload records
 *  nothing new and counts no visit twice. */
export async function uploadLeadScans(ctx: Ctx, raw: Input<typeof uploadLeadScansInput>): Promise<LeadUploadAnswer> {
  const input = parseInput(uploadLeadScansInput, raw);
  const { items, invalid } = parseQueuedItems(uploadedLeadScan, input.scans);
  const out: LeadUploadAnswer = { recorded: 0, duplicates: 0, invalid, answers: [] };
  await inTransaction(ctx, async (tx) => {
    const stall = await ownStall(tx, ctx, input.editionId);
    for (const { item: s } of items) {
      const [dup] = await tx.select({ id: leadScans.id }).from(leadScans).where(and(eq(leadScans.editionId, stall.edition.id), eq(leadScans.nonce, s.nonce)));
      const a = await decideAndRecord(tx, ctx, stall, { code: s.code, nonce: s.nonce, deviceId: s.deviceId, at: new Date(s.at), offline: s.offline });
      if (dup) out.duplicates++;
      else out.recorded++;
      out.answers.push({ nonce: s.nonce, result: a.result, reason: a.reason, message: a.message, leadId: a.lead?.id ?? null, shared: a.lead?.shared ?? false });
    }
  });
  return out;
}

/** What the stall page carries so a phone can check a badge's signature offline: the edition's
 *  public keys (checkin/client/scan-form.tsx). Only for the exhibitor's own stall. */
export async function stallScanKeys(ctx: Ctx, raw: Input<typeof ownLeadsInput> = {}) {
  const input = parseInput(ownLeadsInput, raw);
  const stall = await ownStall(ctx.db, ctx, input.editionId);
  return { keys: await editionPublicKeys(ctx.db, stall.edition.id), edition: editionShortId(stall.edition.id) };
}
