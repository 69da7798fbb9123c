import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../platform/audit/tables";
import { users } from "../../platform/auth/tables";
import { fixedClock } from "../../platform/clock";
import { outboxMessages } from "../../platform/mail/tables";
import type { Actor } from "../../platform/permissions/actor";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { createApiToken } from "../accounts/operations/api-tokens";
import { acceptInvitation, invitePerson } from "../accounts/operations/invitations";
import { updateOwnAccount } from "../accounts/operations/own-account";
import { requestPasswordReset, resetPassword } from "../accounts/operations/password-reset";
import { addPhoto, saveApplication, getApplication } from "../nominations/operations/application";
import { nominateOne } from "../nominations/operations/nominate";
import { freshEditionWithCall } from "../nominations/test-support";
import { cancelOwnRegistration, updateOwnRegistration } from "../registration/operations/own";
import { updateOwnDetails } from "../registration/operations/own-details";
import { register } from "../registration/operations/register";
import { staffOrganiserId } from "../../platform/permissions/actor";
import { createCluster } from "../editions/operations/clusters";
import { listEditions } from "../editions/operations/read-editions";
import { createSector } from "../editions/operations/sectors-and-trade-bodies";
import { organisers } from "../editions/tables";
import { AUDIT_PAGE_SIZE, readAuditLog } from "./operations/audit-log";

let t: TestDb;
let staff: Actor;
let orgA: string;
let orgB: string;
const staffOf = (organiserId: string): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: "staff@other.example",
  name: "Other staff",
  grants: [{ role: "organiser_staff", organiserId, tradeBodyId: null, enterpriseId: null }],
});

beforeAll(async () => {
  t = await openTestDb();
  staff = await actorFor(t.db, demo.organiser);
  orgA = staffOrganiserId(staff)!;
  const [b] = await t.db
    .insert(organisers)
    .values({ slug: "other-org", nameEn: "Other organiser", nameUr: "دوسرا منتظم", shortName: "Other" })
    .returning();
  orgB = b!.id;
  // Changes by the demo organiser at two instants either side of a Karachi midnight:
  // 2026-01-10 13:00 PKT, and 2026-01-13 01:00 PKT (still 12 January in UTC).
  const [edition] = await listEditions(ctxFor(t.db, staff));
  await createCluster(ctxFor(t.db, staff, "en", fixedClock("2026-01-10T08:00:00Z")), {
    editionId: edition!.id,
    slug: "audit-test-cluster",
    sectorId: "",
    nameEn: "Audit test cluster",
    nameUr: "آڈٹ ٹیسٹ کلسٹر",
    district: "Lahore",
    province: "Punjab",
    hsCodes: "9018",
  });
  await createSector(ctxFor(t.db, staff, "en", fixedClock("2026-01-12T20:00:00Z")), {
    editionId: edition!.id,
    code: "audit-test-sector",
    nameEn: "Audit test sector",
    nameUr: "آڈٹ ٹیسٹ شعبہ",
  });
  // Another organiser's log: 55 entries, enough for two pages.
  await t.db.insert(auditEntries).values(
    Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 5, 0, i)),
      organiserId: orgB,
      actorLabel: "staff@other.example",
      action: "edition.updated",
      entityType: "edition",
      entityId: `e${i}`,
    })),
  );
});
afterAll(async () => t?.close());

describe("readAuditLog", () => {
  it("filters by action prefix, entity type and actor text", async () => {
    const ctx = ctxFor(t.db, staff);
    const clusters = await readAuditLog(ctx, { action: "cluster." });
    expect(clusters.entries.map((e) => e.entityType)).toContain("cluster");
    expect(clusters.entries.every((e) => e.action.startsWith("cluster."))).toBe(true);
    const sectors = await readAuditLog(ctx, { entityType: "sector" });
    expect(sectors.entries.map((e) => e.data.code)).toContain("audit-test-sector");
    expect(sectors.entries.every((e) => e.entityType === "sector")).toBe(true);
    expect((await readAuditLog(ctx, { actor: "ORGANISER@demo" })).entries.length).toBeGreaterThanOrEqual(2);
    expect((await readAuditLog(ctx, { actor: "nobody-like-this" })).entries).toEqual([]);
  });

  it("reads day filters in the edition's timezone (Asia/Karachi), inclusive", async () => {
    const ctx = ctxFor(t.db, staff);
    const day13 = await readAuditLog(ctx, { from: "2026-01-13", to: "2026-01-13" });
    expect(day13.timezone).toBe("Asia/Karachi");
    // 20:00 UTC on the 12th is 01:00 on the 13th in Lahore.
    expect(day13.entries.map((e) => e.action)).toEqual(["sector.created"]);
    const day12 = await readAuditLog(ctx, { from: "2026-01-12", to: "2026-01-12" });
    expect(day12.entries).toEqual([]);
    const fromTenth = await readAuditLog(ctx, { from: "2026-01-10", action: "cluster.created" });
    expect(fromTenth.entries.map((e) => e.data.slug)).toEqual(["audit-test-cluster"]);
    expect((await readAuditLog(ctx, { to: "2026-01-09", action: "cluster.created" })).entries).toEqual([]);
  });

  it("refuses malformed or reversed dates with field codes", async () => {
    const ctx = ctxFor(t.db, staff);
    await expect(readAuditLog(ctx, { from: "2026-02-30" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "from" })],
    });
    await expect(readAuditLog(ctx, { from: "2026-01-13", to: "2026-01-10" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "to", code: "ends_before_start" })],
    });
  });

  it("pages newest first without overlap", async () => {
    const ctx = ctxFor(t.db, staffOf(orgB));
    const one = await readAuditLog(ctx, {});
    const two = await readAuditLog(ctx, { page: "2" });
    expect(one.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(one.hasNext).toBe(true);
    expect(two.entries).toHaveLength(5);
    expect(two.hasNext).toBe(false);
    expect(one.entries[0]!.entityId).toBe(`e${AUDIT_PAGE_SIZE + 4}`);
    const ids = new Set([...one.entries, ...two.entries].map((e) => e.id));
    expect(ids.size).toBe(AUDIT_PAGE_SIZE + 5);
  });

  it("shows each organiser only its own log", async () => {
    const mine = await readAuditLog(ctxFor(t.db, staff), { action: "edition.updated" });
    expect(mine.entries.every((e) => e.organiserId === orgA)).toBe(true);
    const theirs = await readAuditLog(ctxFor(t.db, staffOf(orgB)), {});
    expect(theirs.entries.every((e) => e.organiserId === orgB)).toBe(true);
    expect(theirs.entries.some((e) => e.action === "cluster.created")).toBe(false);
  });

  it("forbids visitors, other organisers' staff and anonymous callers", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    await expect(readAuditLog(visitor, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(readAuditLog(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(readAuditLog(ctxFor(t.db, staffOf(orgB)), { organiserId: orgA })).rejects.toMatchObject({ code: "forbidden" });
    await expect(readAuditLog(ctxFor(t.db, staff), { organiserId: orgB })).rejects.toMatchObject({ code: "forbidden" });
    await expect(readAuditLog(ctxFor(t.db), {})).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("lets a platform admin read a named organiser, and tokens only with the audit scope", async () => {
    const admin = ctxFor(t.db, await actorFor(t.db, demo.admin));
    const b = await readAuditLog(admin, { organiserId: orgB });
    expect(b.entries.every((e) => e.organiserId === orgB)).toBe(true);
    expect(b.entries.length).toBe(AUDIT_PAGE_SIZE);
    const token = (scopes: ("audit:read" | "catalogue:read")[]): Actor => ({ kind: "token", tokenId: randomUUID(), organiserId: orgA, scopes, label: "t" });
    const viaToken = await readAuditLog(ctxFor(t.db, token(["audit:read"])), { action: "sector." });
    expect(viaToken.entries.every((e) => e.organiserId === orgA)).toBe(true);
    expect(viaToken.entries.length).toBeGreaterThan(0);
    await expect(readAuditLog(ctxFor(t.db, token(["catalogue:read"])), {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

// Issue #10 item 6: what a person changes through their own account or link is audited, in the
// same transaction, naming who acted, and never with a secret in it.

/** The newest audit entry of an action about one thing. */
async function entryOf(action: string, entityId: string) {
  const [e] = await t.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.entityId, entityId)))
    .orderBy(desc(auditEntries.id))
    .limit(1);
  if (!e) throw new Error(`no ${action} entry for ${entityId}`);
  return e;
}

/** The link in the newest email of a kind to an address, and its secret (the last path segment). */
async function secretIn(to: string, kind: string) {
  const [m] = await t.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const link = /https?:\/\/\S+/.exec(m!.bodyText)![0].replace(/[.,;:)]+$/, "");
  return link.split("/").pop()!;
}

const holds = (e: object, ...secrets: string[]) => secrets.filter((s) => JSON.stringify(e).includes(s));

describe("changes people make themselves are audited", () => {
  it("accepting an invitation names the new account and the role, no password or link", async () => {
    await invitePerson(ctxFor(t.db, staff), { email: "invited-audit@example.pk", role: "gate_staff" });
    const secret = await secretIn("invited-audit@example.pk", "invitation");
    const password = "a long invited password";
    const { user } = await acceptInvitation(ctxFor(t.db), { token: secret, name: "Invited Person", password });
    const [invitation] = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "account.invitation_accepted"));
    expect(invitation).toMatchObject({
      actorUserId: user.id,
      actorLabel: "invited-audit@example.pk",
      organiserId: orgA,
      entityType: "invitation",
      data: { email: "invited-audit@example.pk", role: "gate_staff", newAccount: true },
    });
    const [stored] = await t.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(holds(invitation!, secret, password, stored!.passwordHash!)).toEqual([]);
    // The organiser who invited them sees it in their log.
    expect((await readAuditLog(ctxFor(t.db, staff), { action: "account.invitation" })).entries.map((e) => e.id)).toContain(invitation!.id);
  });

  it("a password reset names the account, keeps neither password nor link", async () => {
    await requestPasswordReset(ctxFor(t.db), { email: demo.chamber });
    const secret = await secretIn(demo.chamber, "password_reset");
    const password = "a fresh chamber password";
    const { userId } = await resetPassword(ctxFor(t.db), { token: secret, password });
    const e = await entryOf("account.password_reset", userId);
    expect(e).toMatchObject({ actorUserId: userId, actorLabel: demo.chamber, entityType: "user", organiserId: orgA });
    const [row] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(holds(e, secret, password, row!.passwordHash!)).toEqual([]);
  });

  it("one's own account change records the fields before and after", async () => {
    const visitor = await actorFor(t.db, demo.visitor);
    const userId = visitor.kind === "user" ? visitor.userId : "";
    await updateOwnAccount(ctxFor(t.db, visitor), { name: "Visitor Renamed", locale: "ur" });
    const e = await entryOf("account.updated", userId);
    expect(e).toMatchObject({ actorUserId: userId, actorLabel: demo.visitor, entityType: "user" });
    expect(e.data).toMatchObject({ changes: { name: { after: "Visitor Renamed" }, locale: { after: "ur" } } });
    // Nothing changed: nothing recorded.
    const count = (await t.db.select().from(auditEntries).where(eq(auditEntries.action, "account.updated"))).length;
    await updateOwnAccount(ctxFor(t.db, visitor), { name: "Visitor Renamed" });
    expect((await t.db.select().from(auditEntries).where(eq(auditEntries.action, "account.updated"))).length).toBe(count);
  });

  it("a registrant's own update, details and cancel through the manage link name the registration", async () => {
    const { editionId, cat } = await demoShow(t.db);
    const r = await register(ctxFor(t.db), { editionId, categoryId: cat.general_public, name: "Link Holder", email: "holder-audit@example.pk", days: [0], consentData: true });
    const token = r.manageTokens![0]!;
    const reg = r.registrations[0]!;
    await updateOwnRegistration(ctxFor(t.db), { token, days: [0, 1] });
    await updateOwnDetails(ctxFor(t.db), { token, name: "Link Holder", nameUr: null, organisation: null, designation: null, phone: "+92 300 1234567" });
    await cancelOwnRegistration(ctxFor(t.db), { token });
    const holder = { actorRegistrationId: reg.id, actorUserId: null, actorTokenId: null, actorLabel: "holder-audit@example.pk", organiserId: orgA, editionId };
    const updated = await entryOf("registration.updated", reg.id);
    expect(updated).toMatchObject({ ...holder, data: { changes: { days: { before: [0], after: [0, 1] } } } });
    const details = await entryOf("registration.details_changed", reg.id);
    expect(details).toMatchObject({ ...holder, data: { changes: { phone: { before: null, after: "+92 300 1234567" } }, reissuedSerial: null } });
    const cancelled = await entryOf("registration.cancelled", reg.id);
    expect(cancelled).toMatchObject({ ...holder, data: { changes: { status: { after: "cancelled" } } } });
    expect(holds([updated, details, cancelled], token)).toEqual([]);
    const log = await readAuditLog(ctxFor(t.db, staff), { actor: "holder-audit@" });
    expect(log.entries.map((e) => e.action).sort()).toEqual(["registration.cancelled", "registration.details_changed", "registration.updated"]);
    // The API names the holder too.
    const { token: bearer } = await createApiToken(ctxFor(t.db, staff), { name: "audit reader", scopes: ["audit:read"] });
    const res = await testApp(t.db).call("/api/v1/audit?actor=holder-audit%40", { bearer });
    expect(res.status).toBe(200);
    expect(res.body.entries[0]).toMatchObject({ actorRegistrationId: reg.id, actorNominationId: null, actorUserId: null });
  });

  it("an applicant's photo upload and save name the nomination, in the organiser's log", async () => {
    const edition = await freshEditionWithCall(ctxFor(t.db, staff), "audit-photo");
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    const created = await nominateOne(rep, { editionId: edition.id, enterpriseName: "Photo Crafts", ntn: "7654321-1", cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: "2000000", employees: "3", womenLed: "yes", contactName: "Sadia", email: "", phone: "03009998887" });
    const token = created.link.split("/apply/")[1]!.split("?")[0]!;
    const photo = await addPhoto(ctxFor(t.db), { token, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
    const app = await getApplication(ctxFor(t.db), { token });
    await saveApplication(ctxFor(t.db), { token, data: app.data });
    const applicant = { actorNominationId: created.id, actorUserId: null, actorLabel: "Photo Crafts", organiserId: orgA, editionId: edition.id, entityType: "nomination" };
    const added = await entryOf("application.photo_added", created.id);
    expect(added).toMatchObject({ ...applicant, data: { photoId: photo.id, contentType: "image/png", size: 10 } });
    expect(await entryOf("application.saved", created.id)).toMatchObject(applicant);
    expect(holds(added, token)).toEqual([]);
    expect((await readAuditLog(ctxFor(t.db, staff), { action: "application.photo" })).entries.map((e) => e.entityId)).toContain(created.id);
  });
});
