import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../../platform/auth/tables";
import { recordAudit } from "../../../platform/audit/record";
import { auditEntries } from "../../../platform/audit/tables";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { endOfLocalDay } from "../../../platform/zone";
import { roleGrants } from "#features/accounts";
import { enterprises } from "#features/editions";
import { editionFor, editionForChange } from "#features/editions";
import { floorStalls } from "#features/floor";
import { checklist, isLate, type ChecklistEntry } from "../engine/checklist";
import { checklistItems, exhibitorDeadlines, exhibitorMessages, exhibitorProfiles } from "../tables";
import { editionExhibitorIds } from "./exhibitors-of";
import { checklistFacts, deadlinesOf } from "./profile";

// The organiser's side of the portal (issue #12, item 5): every exhibitor's checklist, the
// deadlines, chasing the late ones by email (one email per late exhibitor, in its account's
// language, through the outbox) and messages shown in every exhibitor's portal.

export interface ExhibitorStatus {
  enterpriseId: string;
  slug: string;
  nameEn: string;
  nameUr: string | null;
  stall: string | null;
  published: boolean;
  checklist: ChecklistEntry[];
  late: boolean;
}

async function statuses(db: Executor, editionId: string, now: Date): Promise<ExhibitorStatus[]> {
  const ids = await editionExhibitorIds(db, editionId);
  if (!ids.length) return [];
  const firms = await db.select().from(enterprises).where(inArray(enterprises.id, ids)).orderBy(asc(enterprises.nameEn));
  const facts = await checklistFacts(db, editionId);
  const deadlines = await deadlinesOf(db, editionId);
  const stalls = await db
    .select({ enterpriseId: floorStalls.enterpriseId, number: floorStalls.number })
    .from(floorStalls)
    .where(and(eq(floorStalls.editionId, editionId), inArray(floorStalls.state, ["assigned", "confirmed"])));
  const stallOf = new Map(stalls.map((s) => [s.enterpriseId, s.number]));
  return firms.map((f) => {
    const fact = facts.get(f.id) ?? null;
    const list = checklist(fact, deadlines, now);
    return { enterpriseId: f.id, slug: f.slug, nameEn: f.nameEn, nameUr: f.nameUr, stall: stallOf.get(f.id) ?? null, published: fact?.published ?? false, checklist: list, late: isLate(list) };
  });
}

const exhibitorsOverviewInput = z.object({ editionId: z.uuid(), late: z.boolean().default(false) });

/** Every exhibitor of an edition with its checklist; `late` keeps only the late ones. */
export async function exhibitorsOverview(ctx: Ctx, raw: Input<typeof exhibitorsOverviewInput>) {
  const input = parseInput(exhibitorsOverviewInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "exhibitor.manage");
  const all = await statuses(ctx.db, edition.id, ctx.clock.now());
  const deadlines = await deadlinesOf(ctx.db, edition.id);
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, timezone: edition.timezone },
    deadlines: checklistItems.map((item) => ({ item, dueAt: deadlines.get(item)?.toISOString() ?? null })),
    total: all.length,
    lateCount: all.filter((s) => s.late).length,
    exhibitors: input.late ? all.filter((s) => s.late) : all,
  };
}


const day = z.union([z.iso.date(), z.literal("")]).nullish();

const setDeadlinesInput = z.object({ editionId: z.uuid(), fascia: day, power: day, samples: day, documents: day });

/** Sets (or clears, with an empty date) the deadline of each checklist item: the end of that day in the edition's timezone. */
export async function setDeadlines(ctx: Ctx, raw: Input<typeof setDeadlinesInput>) {
  const input = parseInput(setDeadlinesInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "exhibitor.manage");
    const set: Record<string, string | null> = {};
    for (const item of checklistItems) {
      const d = input[item];
      if (d === undefined) continue;
      await tx.delete(exhibitorDeadlines).where(and(eq(exhibitorDeadlines.editionId, edition.id), eq(exhibitorDeadlines.item, item)));
      if (d) await tx.insert(exhibitorDeadlines).values({ editionId: edition.id, item, dueAt: endOfLocalDay(d, edition.timezone) });
      set[item] = d || null;
    }
    await recordAudit(tx, c, { action: "exhibitor.deadlines_set", entityType: "edition", entityId: edition.id, editionId: edition.id, organiserId: edition.organiserId, data: set });
  });
}

function chaseEmail(locale: "en" | "ur", to: string, edition: { nameEn: string; nameUr: string }, firm: { nameEn: string; nameUr: string | null }, late: ChecklistEntry[], baseUrl: string): EmailMessage {
  const items = late.map((e) => `- ${translate(locale, `exhibitors.item.${e.item}`)}`).join("\n");
  const params = { edition: locale === "ur" ? edition.nameUr : edition.nameEn, name: locale === "ur" ? (firm.nameUr ?? firm.nameEn) : firm.nameEn };
  return {
    kind: "exhibitor.chase",
    to,
    subject: translate(locale, "exhibitors.chase.subject", params),
    text: `${translate(locale, "exhibitors.chase.body", params)}\n\n${items}\n\n${translate(locale, "exhibitors.chase.link", { url: `${baseUrl}/account/exhibitor` })}`,
  };
}

/**
 * Emails every late exhibitor not already chased in the last 24 hours: to its exhibitor account (the first by email; else the
 * profile's contact email), in that account's language, listing the late items. Audited once with
 * the enterprises chased. Returns how many were chased, how many had no address and how many were
 * left alone because they were chased less than a day ago.
 */
const CHASE_GAP_MS = 24 * 3_600_000;

const chaseLateInput = z.object({ editionId: z.uuid() });

export async function chaseLate(ctx: Ctx, raw: Input<typeof chaseLateInput>) {
  const input = parseInput(chaseLateInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "exhibitor.manage");
    const now = c.clock.now();
    // Once a day at most: an exhibitor chased in the last 24 hours (by anyone) is not written to
    // again; the audit entries of earlier chases name whom they reached.
    const recent = await tx
      .select({ data: auditEntries.data })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "exhibitor.chased"), eq(auditEntries.editionId, edition.id), gt(auditEntries.at, new Date(now.getTime() - CHASE_GAP_MS))));
    const chasedLately = new Set(recent.flatMap((r) => (Array.isArray(r.data.enterprises) ? (r.data.enterprises as string[]) : [])));
    const overdue = (await statuses(tx, edition.id, now)).filter((s) => s.late);
    const late = overdue.filter((s) => !chasedLately.has(s.enterpriseId));
    const recentlyChased = overdue.length - late.length;
    if (!late.length) return { chased: 0, unreachable: 0, recentlyChased };
    const accounts = await tx
      .select({ enterpriseId: roleGrants.enterpriseId, email: users.email, locale: users.locale })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, "exhibitor"), inArray(roleGrants.enterpriseId, late.map((l) => l.enterpriseId)), isNull(users.disabledAt)))
      .orderBy(asc(users.email));
    const profiles = await tx.select({ enterpriseId: exhibitorProfiles.enterpriseId, email: exhibitorProfiles.email }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, edition.id));
    const mails: EmailMessage[] = [];
    const chased: string[] = [];
    let unreachable = 0;
    for (const s of late) {
      const account = accounts.find((a) => a.enterpriseId === s.enterpriseId);
      const to = account?.email ?? profiles.find((p) => p.enterpriseId === s.enterpriseId)?.email ?? null;
      if (!to) {
        unreachable++;
        continue;
      }
      mails.push(chaseEmail(account?.locale ?? "en", to, edition, s, s.checklist.filter((e) => e.late), c.config.publicUrl));
      chased.push(s.enterpriseId);
    }
    await queueEmails(tx, c.clock, mails);
    await recordAudit(tx, c, { action: "exhibitor.chased", entityType: "edition", entityId: edition.id, editionId: edition.id, organiserId: edition.organiserId, data: { chased: chased.length, unreachable, enterprises: chased } });
    return { chased: chased.length, unreachable, recentlyChased };
  });
}

const sendMessageInput = z.object({ editionId: z.uuid(), bodyEn: z.string().trim().min(1).max(2000), bodyUr: z.string().trim().min(1).max(2000) });

/** A message to every exhibitor of the edition, in both languages, shown in their portal. */
export async function sendMessage(ctx: Ctx, raw: Input<typeof sendMessageInput>) {
  const input = parseInput(sendMessageInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "exhibitor.manage");
    const [row] = await tx.insert(exhibitorMessages).values({ editionId: edition.id, bodyEn: input.bodyEn, bodyUr: input.bodyUr, createdAt: c.clock.now() }).returning({ id: exhibitorMessages.id });
    await recordAudit(tx, c, { action: "exhibitor.message_sent", entityType: "edition", entityId: edition.id, editionId: edition.id, organiserId: edition.organiserId, data: { messageId: row!.id } });
    return { messageId: row!.id };
  });
}
