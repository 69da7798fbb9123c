import { and, asc, eq, inArray } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategory, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { hashSecret, newSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import type { Actor } from "../../platform/permissions/actor";
import { decideRegistrations } from "#features/registration";
import { register } from "#features/registration";
import { enrolExhibitors, joinAsBuyer } from "./operations/participants";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import type { B2bProgrammeFields } from "./schemas";
import { b2bParticipants } from "./tables";

// Set-up for the meeting-request tests: the 2026 show with its window open around the test clock
// (2026-01-10), the selected exhibitors enrolled, and participants of both sides that hold a
// signed link (exhibitors opted in by the fixture; buyers join through their manage link).

export interface Who {
  id: string;
  token: string;
}

export async function requestsWorld() {
  const t: TestDb = await openTestDb();
  const { editionId, cat } = await demoShow(t.db);
  const staff: Actor = await actorFor(t.db, demo.organiser);
  const organiser = () => ctxFor(t.db, staff);
  const { programme } = await getB2bProgramme(organiser(), { editionId });
  const base = { ...programme, enabled: true, windowOpensAt: "2026-01-05T04:00:00Z", windowClosesAt: "2026-01-22T19:00:00Z" };
  const setProgramme = (over: Partial<B2bProgrammeFields> = {}) => setB2bProgramme(organiser(), { editionId, ...base, ...over });
  await setProgramme();
  await enrolExhibitors(organiser(), { editionId });
  const smeRows = await t.db
    .select({ id: b2bParticipants.id })
    .from(b2bParticipants)
    .where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.side, "sme")))
    .orderBy(asc(b2bParticipants.id));
  let nextSme = 0;
  let nextBuyer = 0;

  /** The next enrolled exhibitor, opted in (unless told), with a signed link. */
  async function sme(optedIn = true): Promise<Who> {
    const id = smeRows[nextSme++]!.id;
    const token = newSecret(24);
    await t.db.update(b2bParticipants).set({ optedIn, accessTokenHash: hashSecret(token) }).where(eq(b2bParticipants.id, id));
    return { id, token };
  }

  /** A new approved trade visitor who joins the buyer side through its manage link. */
  async function buyer(options: { code?: DemoCategory; kind?: "buyer_procurement" | "investor" | "bank" | "development_partner" | "foreign_mission"; locale?: "en" | "ur" } = {}): Promise<Who & { email: string; registrationId: string }> {
    const email = `req-buyer-${++nextBuyer}@example.com`;
    const r = await register(ctxFor(t.db), { editionId, categoryId: cat[options.code ?? "corporate_buyer"], name: `Buyer ${nextBuyer}`, organisation: `Org ${nextBuyer}`, email, phone: "+923001234567", days: [0], consentData: true, consentScan: false });
    const reg = r.registrations[0]!;
    await decideRegistrations(organiser(), { editionId, ids: [reg.id], decision: "approve" });
    const joined = await joinAsBuyer(ctxFor(t.db), { registrationToken: r.manageTokens![0]!, kind: options.kind ?? "buyer_procurement", locale: options.locale });
    return { id: joined.participant.id, token: joined.accessToken!, email, registrationId: reg.id };
  }

  const mailsTo = (to: string) => t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to)).orderBy(asc(outboxMessages.createdAt));
  const audits = (action: string, entityIds?: string[]) =>
    t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, action), entityIds ? inArray(auditEntries.entityId, entityIds) : undefined));
  return { t, editionId, staff, organiser, setProgramme, sme, buyer, mailsTo, audits };
}

export const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
/** The answer token in a request email's link. */
export const answerTokenIn = (body: string) => /\/b2b\/answer\/([\w-]+)/.exec(body)?.[1];
