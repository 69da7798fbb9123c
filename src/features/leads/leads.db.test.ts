import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { hashSecret } from "../../platform/ids";
import type { Actor } from "../../platform/permissions/actor";
import { verifyBadge } from "../checkin/core/badge-code";
import { newScanNonce } from "../checkin/core/offline-sync";
import { formatShortCode } from "../checkin/core/short-code";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { issueBadge } from "../checkin/operations/issue-badge";
import { badges } from "../checkin/tables";
import { editionExhibitorIds } from "../exhibitors/operations/exhibitors-of";
import { translate } from "../../platform/i18n/translate";
import { outboxMessages } from "../../platform/mail/tables";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { registrations } from "../registration/tables";
import { leadCounts } from "./operations/organiser";
import { exportOwnLeads, ownLeads, updateLead } from "./operations/own-leads";
import { deleteLeadsOfRegistration, sweepLeadRetention } from "./operations/retention";
import { scanLead, stallScanKeys, uploadLeadScans } from "./operations/scan";
import { answerStayInTouch, setScanConsent, visitorLeads, withdrawFromExhibitor } from "./operations/visitor";
import { answerTouchByLink, touchRequestByLink } from "./operations/touch-link";
import { leads, leadScans } from "./tables";

// Leads at the stalls (issue #14, item 7) on the demo edition: what an exhibitor receives follows
// the visitor's consent, decided in the operations that hand details out (list, export, API);
// a withdrawal or consent turned off takes them away at once; an exhibitor sees only its own
// leads, organisers counts only; a nonce is recorded once and concurrent scans make one lead;
// leads go 90 days after the show unless the visitor agreed.

let t: TestDb;
let editionId: string;
let year: number;
let endsOn: string;
let exhibitorA: Actor;
let exhibitorB: Actor;
type Visitor = { id: string; number: number; code: string; token: string; email: string };
const v: Record<string, Visitor> = {};
const during = () => fixedClock("2026-01-24T06:00:00Z");
const asA = () => ctxFor(t.db, exhibitorA, "en", during());
const asB = () => ctxFor(t.db, exhibitorB, "en", during());
const anon = () => ctxFor(t.db, undefined, "en", during());
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const csvOf = async (ctx = asA()) => (await exportOwnLeads(ctx, { format: "csv" })).body.toString("utf8");

async function visitor(key: string, consentScan: boolean, locale: "en" | "ur" = "en") {
  const email = `lead-${key}@example.pk`;
  const reg = await insertApprovedRegistration(t.db, editionId, { email, name: `Visitor ${key}` });
  const token = `lead-manage-token-${key}-abcdefghijkl`;
  await t.db.update(registrations).set({ consentScan, locale, manageTokenHash: hashSecret(token) }).where(eq(registrations.id, reg.id));
  const organiser = ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", during());
  await inTransaction(organiser, (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [b] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  v[key] = { id: reg.id, number: reg.number, code: b!.code, token, email };
}

beforeAll(async () => {
  t = await openTestDb();
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  year = edition.year;
  endsOn = edition.endsOn;
  exhibitorA = await actorFor(t.db, demo.exhibitor);
  const own = exhibitorA.kind === "user" ? exhibitorA.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const other = (await editionExhibitorIds(t.db, editionId)).find((id) => id !== own)!;
  // Another exhibitor's account: the same person, granted another enterprise.
  exhibitorB = exhibitorA.kind === "user" ? { ...exhibitorA, grants: [{ role: "exhibitor", organiserId: edition.organiserId, tradeBodyId: null, enterpriseId: other }] } : exhibitorA;
  await t.db.delete(leads).where(eq(leads.editionId, editionId));
  await visitor("yes", true);
  await visitor("no", false);
  await visitor("later", true);
  await visitor("race", false);
  await visitor("gone", true);
  await visitor("urdu", false, "ur");
}, 60_000);
afterAll(async () => t?.close());

/** The visitor's stay-in-touch emails and each one's own link token (`/stay-in-touch/<token>`). */
async function touchMails(key: string) {
  const mails = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "leads_touch_request"), eq(outboxMessages.toAddress, v[key]!.email))).orderBy(asc(outboxMessages.createdAt));
  const tokens = mails.map((m) => m.bodyText.match(/\/stay-in-touch\/([A-Za-z0-9_-]+)/)?.[1]);
  return { mails, tokens, token: tokens[0] };
}

describe(`leads at the stalls (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("a consenting visitor's details go to the exhibitor; a non-consenting visit is counted and asked to stay in touch", async () => {
    const yes = await scanLead(asA(), { code: v.yes!.code });
    expect(yes).toMatchObject({ result: "counted", reason: "ok", repeat: false, lead: { shared: true, touch: "none", contact: { name: "Visitor yes", email: v.yes!.email } } });
    const no = await scanLead(asA(), { code: formatShortCode(year, v.no!.number) });
    expect(no).toMatchObject({ result: "counted", lead: { shared: false, touch: "pending", contact: null } });
    expect(no.message).toMatch(/Visit counted/);
    // Unknown, mistyped and forged codes are refused with a reason.
    expect(await scanLead(asA(), { code: "not a badge" })).toMatchObject({ result: "refuse", reason: "unknown_code", lead: null });
    const typo = formatShortCode(year, v.no!.number).slice(0, -1) + (formatShortCode(year, v.no!.number).endsWith("A") ? "B" : "A");
    expect(await scanLead(asA(), { code: typo })).toMatchObject({ result: "refuse", reason: "bad_check" });
    const list = await ownLeads(asA());
    expect(list.counts).toMatchObject({ leads: 2, shared: 1, notShared: 1, pending: 1 });
    const csv = await csvOf();
    expect(csv).toContain(v.yes!.email);
    expect(csv).not.toContain(v.no!.email);
    expect(csv).not.toContain("Visitor no");
    // The visitor is emailed the request with a link of its own: their registration's link keeps
    // working (no request email replaces it) and shows the request too. The request's link names
    // the exhibitor and answers it: the details go to that exhibitor.
    const { token } = await touchMails("no");
    expect(token).toBeDefined();
    const page = await visitorLeads(anon(), { token: v.no!.token });
    expect(page.pending).toHaveLength(1);
    expect(page.holding).toHaveLength(0);
    const firmAId = exhibitorA.kind === "user" ? exhibitorA.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    const [firmA] = await t.db.select().from(enterprises).where(eq(enterprises.id, firmAId));
    expect(await touchRequestByLink(anon(), { token: token! })).toMatchObject({ exhibitor: { en: firmA!.nameEn }, firstName: "Visitor", state: "pending" });
    await answerTouchByLink(anon(), { token: token!, accept: "yes" });
    expect((await touchRequestByLink(anon(), { token: token! })).state).toBe("accepted");
    expect((await ownLeads(asA())).leads.find((l) => l.id === no.lead!.id)).toMatchObject({ shared: true, touch: "accepted", contact: { email: v.no!.email } });
    expect(await csvOf()).toContain(v.no!.email);
    expect((await visitorLeads(anon(), { token: v.no!.token })).holding).toHaveLength(1);
    // Answered once: a second answer (by the link or the page) is a conflict, a made-up link is gone, another visitor's lead is not theirs.
    expect(await refusal(answerTouchByLink(anon(), { token: token!, accept: "no" }))).toBe("conflict");
    expect(await refusal(touchRequestByLink(anon(), { token: "x".repeat(32) }))).toBe("token_invalid");
    expect(await refusal(answerStayInTouch(anon(), { token: v.no!.token, leadId: no.lead!.id, accept: "no" }))).toBe("conflict");
    expect(await refusal(withdrawFromExhibitor(anon(), { token: v.yes!.token, leadId: no.lead!.id }))).toBe("not_found");
  });

  it("a stay-in-touch request is emailed once per exhibitor, in the visitor's language, naming only the exhibitor; a consenting visitor gets none", async () => {
    const nameOf = async (actor: Actor) => {
      const id = actor.kind === "user" ? actor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
      const [firm] = await t.db.select().from(enterprises).where(eq(enterprises.id, id));
      return firm!.nameUr ?? firm!.nameEn;
    };
    // Scanned twice at A (a second visit, a replayed upload), once at B: one email per exhibitor.
    const nonce = newScanNonce();
    await scanLead(asA(), { code: v.urdu!.code, nonce });
    await scanLead(asA(), { code: v.urdu!.code });
    await uploadLeadScans(asA(), { scans: [{ nonce, code: v.urdu!.code, at: "2026-01-24T05:59:00Z", deviceId: "stall-phone" }] });
    expect((await touchMails("urdu")).mails).toHaveLength(1);
    await scanLead(asB(), { code: v.urdu!.code });
    const { mails, tokens } = await touchMails("urdu");
    expect(mails).toHaveLength(2);
    // In Urdu, word for word the catalogue's text: the exhibitor's name and the edition, nothing else of theirs.
    const [edition] = await t.db.select().from(editions).where(eq(editions.id, editionId));
    const names = [await nameOf(exhibitorA), await nameOf(exhibitorB)];
    for (const [i, m] of mails.entries()) {
      const link = m.bodyText.match(/http\S+\/stay-in-touch\/\S+/)![0];
      const params = { exhibitor: names[i]!, edition: edition!.nameUr, link };
      expect([m.subject, m.bodyText]).toEqual([translate("ur", "leads.mail.touch.subject", params), translate("ur", "leads.mail.touch.body", params)]);
    }
    // Each email's link is its own exhibitor's request; the registration's link (never replaced) lists both.
    for (const [i, token] of tokens.entries()) {
      const { exhibitor } = await touchRequestByLink(anon(), { token: token! });
      expect(exhibitor.ur ?? exhibitor.en).toBe(names[i]);
    }
    expect((await visitorLeads(anon(), { token: v.urdu!.token })).pending).toHaveLength(2);
    // A consenting visitor scanned at both stalls (the exhibitors got the details): no request, no email.
    await scanLead(asA(), { code: v.yes!.code });
    await scanLead(asB(), { code: v.yes!.code });
    expect((await touchMails("yes")).mails).toEqual([]);
  });

  it("withdrawing from one exhibitor, or turning consent off, removes the details from the list and the export at once", async () => {
    const a = await scanLead(asA(), { code: v.later!.code });
    const b = await scanLead(asB(), { code: v.later!.code });
    expect(a.lead?.shared && b.lead?.shared).toBe(true);
    await withdrawFromExhibitor(anon(), { token: v.later!.token, leadId: a.lead!.id });
    expect((await ownLeads(asA())).leads.find((l) => l.id === a.lead!.id)).toMatchObject({ shared: false, withdrawn: true, contact: null });
    expect(await csvOf()).not.toContain(v.later!.email);
    // A later scan counts the visit again but gives nothing back.
    expect(await scanLead(asA(), { code: v.later!.code })).toMatchObject({ result: "counted", repeat: true, lead: { shared: false, contact: null, scanCount: 2 } });
    // The other exhibitor still holds them, until the visitor turns consent off.
    expect(await csvOf(asB())).toContain(v.later!.email);
    await setScanConsent(anon(), { token: v.later!.token, consent: "no" });
    expect(await csvOf(asB())).not.toContain(v.later!.email);
    expect((await ownLeads(asB())).leads.every((l) => l.contact?.email !== v.later!.email)).toBe(true);
    const page = await visitorLeads(anon(), { token: v.later!.token });
    expect(page).toMatchObject({ registration: { consentScan: false }, holding: [], visited: 2 });
  });

  it("an exhibitor sees only its own leads; organisers see counts only", async () => {
    const mine = await ownLeads(asA());
    const theirs = await ownLeads(asB());
    const mineIds = new Set(mine.leads.map((l) => l.id));
    expect(theirs.leads.some((l) => mineIds.has(l.id))).toBe(false);
    expect(await refusal(updateLead(asB(), { leadId: mine.leads[0]!.id, note: "mine now" }))).toBe("not_found");
    const saved = await updateLead(asA(), { leadId: mine.leads[0]!.id, note: "Wants 500 surgical kits", rating: "4", tags: "export, surgical ,Export" });
    expect(saved).toMatchObject({ note: "Wants 500 surgical kits", rating: 4, tags: ["export", "surgical"] });
    expect(await refusal(updateLead(asA(), { leadId: mine.leads[0]!.id, rating: "9" }))).toBe("validation_failed");
    // Organisers: counts, never a person; an exhibitor may not read them, an organiser reads no leads.
    const boss = ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", during());
    const counts = await leadCounts(boss, { editionId });
    expect(JSON.stringify(counts)).not.toContain("@example.pk");
    expect(counts.totals.leads).toBe(mine.leads.length + theirs.leads.length);
    expect(counts.exhibitors.find((r) => r.leads === mine.leads.length)).toBeTruthy();
    expect(await refusal(leadCounts(asA(), { editionId }))).toBe("forbidden");
    expect(await refusal(ownLeads(boss))).toBe("forbidden");
    expect(await refusal(ownLeads(anon()))).toBe("unauthenticated");
    // The API: the same rules.
    const api = testApp(t.db, during());
    const cookie = (await api.call("/api/v1/auth/sign-in", { json: { email: demo.exhibitor, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const listed = await api.call("/api/v1/leads", { cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.leads).toHaveLength(mine.leads.length);
    expect(listed.text).not.toContain(v.later!.email);
    expect((await api.call(`/api/v1/editions/${editionId}/lead-counts`, { cookie })).status).toBe(403);
    const doc = (await api.call("/api/v1/openapi.json")).body as { paths: Record<string, unknown> };
    for (const p of ["/leads/scan", "/leads/scans", "/leads", "/leads/{id}", "/leads/export", "/editions/{id}/lead-counts"]) expect(doc.paths).toHaveProperty([p]);
  });

  it("a nonce is recorded once (retries and replayed uploads), and concurrent scans count on one lead", async () => {
    const nonce = newScanNonce();
    const first = await scanLead(asA(), { code: v.race!.code, nonce });
    const again = await scanLead(asA(), { code: v.race!.code, nonce });
    expect(again).toMatchObject({ result: "counted", repeat: true, lead: { id: first.lead!.id, scanCount: 1 } });
    expect(await t.db.select().from(leadScans).where(and(eq(leadScans.editionId, editionId), eq(leadScans.nonce, nonce)))).toHaveLength(1);
    // Another code under a used nonce is not that scan.
    expect(await scanLead(asA(), { code: v.yes!.code, nonce })).toMatchObject({ result: "refuse", reason: "unknown_code" });
    // Five phones at once, one visitor: one lead, five scans; the same nonce at once: recorded once.
    await Promise.all(Array.from({ length: 5 }, () => scanLead(asA(), { code: v.race!.code })));
    const shared = newScanNonce();
    await Promise.all(Array.from({ length: 3 }, () => scanLead(asA(), { code: v.race!.code, nonce: shared })));
    const rows = await t.db.select().from(leads).where(eq(leads.registrationId, v.race!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.scanCount).toBe(7);
    // An offline queue uploaded twice: recorded once, visits counted once.
    const items = [
      { nonce: newScanNonce(), code: v.race!.code, at: "2026-01-24T05:10:00Z", deviceId: "stall-phone" },
      { nonce: newScanNonce(), code: "garbage", at: "2026-01-24T05:11:00Z", deviceId: "stall-phone" },
      { nonce: "short", code: v.race!.code, at: "2026-01-24T05:12:00Z" },
    ];
    const up1 = await uploadLeadScans(asA(), { scans: items });
    expect(up1).toMatchObject({ recorded: 2, duplicates: 0, invalid: [{ index: 2 }] });
    const up2 = await uploadLeadScans(asA(), { scans: items });
    expect(up2).toMatchObject({ recorded: 0, duplicates: 2 });
    const [after] = await t.db.select().from(leads).where(eq(leads.registrationId, v.race!.id));
    expect(after!.scanCount).toBe(8);
    expect(after!.firstScannedAt.toISOString()).toBe("2026-01-24T05:10:00.000Z");
    // One batch holding a nonce twice (a phone that queued a scan twice): one scan row, one visit.
    const twice = { nonce: newScanNonce(), code: v.race!.code, at: "2026-01-24T05:20:00Z", deviceId: "stall-phone" };
    const up3 = await uploadLeadScans(asA(), { scans: [twice, { ...twice }] });
    expect(up3).toMatchObject({ recorded: 1, duplicates: 1, invalid: [] });
    expect(up3.answers.map((a) => [a.nonce, a.result, a.message])).toEqual([
      [twice.nonce, "counted", up3.answers[0]!.message],
      [twice.nonce, "counted", up3.answers[0]!.message],
    ]);
    expect(up3.answers[0]!.message).toMatch(/./);
    // Each scan says whether the phone was offline when it scanned (the page queues online scans too).
    const online = { nonce: newScanNonce(), code: v.race!.code, at: "2026-01-24T05:25:00Z", deviceId: "stall-phone", offline: false };
    await uploadLeadScans(asA(), { scans: [online] });
    const flags = await t.db.select().from(leadScans).where(and(eq(leadScans.editionId, editionId), inArray(leadScans.nonce, [items[0]!.nonce, online.nonce])));
    expect(Object.fromEntries(flags.map((r) => [r.nonce, r.offline]))).toEqual({ [items[0]!.nonce]: true, [online.nonce]: false });
    expect(await t.db.select().from(leadScans).where(and(eq(leadScans.editionId, editionId), eq(leadScans.nonce, twice.nonce)))).toHaveLength(1);
    expect((await t.db.select().from(leads).where(eq(leads.registrationId, v.race!.id)))[0]!.scanCount).toBe(10);
    // However many scans and replays, the visitor was emailed this exhibitor's request once.
    expect((await touchMails("race")).mails).toHaveLength(1);
    // The stall page carries the edition's public keys, so a phone checks a badge offline; only for an exhibitor.
    const keys = await stallScanKeys(asA());
    expect(verifyBadge(v.race!.code, keys.keys, keys.edition)).toMatchObject({ ok: true, payload: { registrationNo: expect.any(Number) } });
    expect(await refusal(stallScanKeys(anon()))).not.toBe("ok");
  });

  it("leads go 90 days after the show unless the visitor agreed; the privacy hook deletes a person's leads", async () => {
    const g = await scanLead(asA(), { code: v.gone!.code });
    expect(await deleteLeadsOfRegistration(t.db, v.gone!.id)).toBe(1);
    expect(await t.db.select().from(leadScans).where(eq(leadScans.leadId, g.lead!.id))).toHaveLength(0);
    const day = (n: number) => {
      const d = new Date(`${endsOn}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return fixedClock(d.toISOString());
    };
    const before = (await t.db.select().from(leads).where(eq(leads.editionId, editionId))).length;
    // The edition's own setting for leads comes first (the demo keeps them a year): 120 days here.
    await t.db.execute(sql`insert into privacy_retention (edition_id, lead_days, updated_at) values (${editionId}, 120, now()) on conflict (edition_id) do update set lead_days = 120`);
    expect(await sweepLeadRetention({ db: t.db, clock: day(119) })).toMatchObject({ leadsDeleted: 0 });
    // Without a setting for leads, the 90 days.
    await t.db.execute(sql`update privacy_retention set lead_days = null where edition_id = ${editionId}`);
    expect(await sweepLeadRetention({ db: t.db, clock: day(89) })).toMatchObject({ leadsDeleted: 0 });
    const swept = await sweepLeadRetention({ db: t.db, clock: day(90) });
    const left = await t.db.select().from(leads).where(eq(leads.editionId, editionId));
    // Kept: only the lead whose visitor accepted the stay-in-touch request.
    expect(left.map((l) => l.registrationId)).toEqual([v.no!.id]);
    expect(swept.leadsDeleted).toBe(before - 1);
    expect(swept.scansDeleted).toBeGreaterThan(0);
    expect(await sweepLeadRetention({ db: t.db, clock: day(91) })).toEqual({ leadsDeleted: 0, scansDeleted: 0 });
  });
});
