import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { actorFor, clock, ctxFor, demo, openTestDb, type TestDb, demoShow, type DemoCategories } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { isSignInLimited } from "../../platform/auth/rate-limit";
import { fixedClock } from "../../platform/clock";
import { auditEntries } from "../../platform/audit/tables";
import { outboxMessages } from "../../platform/mail/tables";
import { anonymous } from "../../platform/permissions/actor";
import { recordScan } from "../checkin/operations/scan";
import { badges, gates } from "../checkin/tables";
import { decideRegistrations } from "./operations/decide";
import { requestManageLink } from "./operations/manage-link";
import { cancelOwnRegistration, getOwnRegistration } from "./operations/own";
import { updateOwnDetails } from "./operations/own-details";
import { register } from "./operations/register";
import { registrations } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// A registrant's own details (name, contact) with the badge reissued when the printed name
// changes, and "lost your link?" (a fresh manage link by email, the old one dead, no enumeration).

let t: TestDb;
let editionId: string;
const cat = {} as DemoCategories;
beforeAll(async () => {
  t = await openTestDb();
  const show = await demoShow(t.db);
  editionId = show.editionId;
  Object.assign(cat, show.cat);
});
afterAll(async () => t?.close());

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  editionId,
  categoryId: cat.general_public,
  name: "Hina Akhtar",
  email,
  days: [0],
  consentData: true,
  ...extra,
});
const details = { name: "Hina Akhtar", nameUr: null, organisation: null, designation: null, phone: null };
const badgesOf = (id: string) => t.db.select().from(badges).where(eq(badges.registrationId, id)).orderBy(badges.serial);
const mails = (to: string, kind: string) =>
  t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)));

describe("changing one's own details", () => {
  it("through the link: a new printed name reissues the badge, the old serial is refused at the gate", async () => {
    const r = await register(ctxFor(t.db), person("details1@example.com"));
    const token = r.manageTokens![0]!;
    const reg = r.registrations[0]!;
    expect(reg.status).toBe("approved");
    const [oldBadge] = await badgesOf(reg.id);
    const changed = await updateOwnDetails(ctxFor(t.db), { token, ...details, name: "Hina Akhtar Butt", nameUr: "حنا اختر بٹ", phone: "+92 300 7654321" });
    expect(changed).toMatchObject({ changed: ["name", "nameUr", "phone"], reissuedSerial: 1 });
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, reg.id));
    expect(row).toMatchObject({ name: "Hina Akhtar Butt", nameUr: "حنا اختر بٹ", phone: "+92 300 7654321", email: "details1@example.com" });
    const list = await badgesOf(reg.id);
    expect(list.map((b) => b.serial)).toEqual([0, 1]);
    expect(list[0]!.replacedAt).not.toBeNull();
    expect(await mails("details1@example.com", "checkin.badge")).toHaveLength(2);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "registration.details_changed"), eq(auditEntries.entityId, reg.id)));
    expect(audit[0]!.data).toMatchObject({ reissuedSerial: 1 });
    expect(Object.keys(audit[0]!.data.changes as object).sort()).toEqual(["name", "nameUr", "phone"]);

    // At the gate, on a day of the edition: the old printed badge is refused as replaced, the new one admitted.
    const [gate] = await t.db.select().from(gates).where(and(eq(gates.editionId, editionId), eq(gates.code, "hall1")));
    const gateCtx = ctxFor(t.db, await actorFor(t.db, demo.gate), "en", fixedClock("2026-01-24T06:00:00Z"));
    expect(await recordScan(gateCtx, { gateId: gate!.id, code: oldBadge!.code })).toMatchObject({ result: "refuse", reason: "replaced" });
    expect(await recordScan(gateCtx, { gateId: gate!.id, code: list[1]!.code })).toMatchObject({ result: "admit", person: { name: "Hina Akhtar Butt" } });
  });

  it("a change of designation or phone alone keeps the badge; saving the same details changes nothing", async () => {
    const r = await register(ctxFor(t.db), person("details2@example.com"));
    const token = r.manageTokens![0]!;
    expect(await updateOwnDetails(ctxFor(t.db), { token, ...details, designation: "Trade attaché" })).toMatchObject({ changed: ["designation"], reissuedSerial: null });
    expect(await updateOwnDetails(ctxFor(t.db), { token, ...details, designation: "Trade attaché" })).toMatchObject({ changed: [], reissuedSerial: null });
    expect(await badgesOf(r.registrations[0]!.id)).toHaveLength(1);
  });

  it("a pending registration changes its details without a badge; signed in, only one's own", async () => {
    const visitor = await actorFor(t.db, demo.visitor);
    // Linked to the account: the email is the account's own (another email would not be).
    const mine = await register(ctxFor(t.db, visitor), person(demo.visitor, { categoryId: cat.corporate_buyer, organisation: "Old Co" }));
    const id = mine.registrations[0]!.id;
    expect(await updateOwnDetails(ctxFor(t.db, visitor), { registrationId: id, ...details, organisation: "New Co" })).toMatchObject({ changed: ["organisation"], reissuedSerial: null });
    expect((await getOwnRegistration(ctxFor(t.db, visitor), { registrationId: id })).registration.organisation).toBe("New Co");
    expect(await badgesOf(id)).toHaveLength(0);
    // Approval then signs the badge with the new details (the PDF is drawn from the registration).
    await decideRegistrations(ctxFor(t.db, await actorFor(t.db, demo.organiser)), { editionId, ids: [id], decision: "approve" });
    expect(await badgesOf(id)).toHaveLength(1);
    // Once approved in a trade category the printed details are the organiser's: another name or
    // organisation is refused (a vetted badge must not pass to someone else); contact details may change.
    const vetted = { ...details, organisation: "New Co" };
    await expect(updateOwnDetails(ctxFor(t.db, visitor, "ur"), { registrationId: id, ...vetted, name: "Someone Else" })).rejects.toMatchObject({
      fields: [{ path: "name", code: "registration_details_vetted" }],
    });
    expect(await updateOwnDetails(ctxFor(t.db, visitor), { registrationId: id, ...vetted, phone: "+92 300 1112223" })).toMatchObject({ changed: ["phone"], reissuedSerial: null });
    expect(await badgesOf(id)).toHaveLength(1);
    // Someone else's registration, signed in: refused; anonymous: asked to sign in.
    const other = await register(ctxFor(t.db), person("someone-else@example.com"));
    await expect(updateOwnDetails(ctxFor(t.db, visitor), { registrationId: other.registrations[0]!.id, ...details })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateOwnDetails(ctxFor(t.db), { registrationId: id, ...details })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("validates every field in both languages and refuses a cancelled registration", async () => {
    const r = await register(ctxFor(t.db), person("details3@example.com"));
    const token = r.manageTokens![0]!;
    const bad = updateOwnDetails(ctxFor(t.db, anonymous, "ur"), { token, name: " ", nameUr: "Latin only", phone: "call me", organisation: null, designation: null });
    await expect(bad).rejects.toMatchObject({
      code: "validation_failed",
      fields: expect.arrayContaining([
        expect.objectContaining({ path: "name" }),
        expect.objectContaining({ path: "nameUr", code: "urdu_script" }),
        expect.objectContaining({ path: "phone", code: "registration_invalid_phone" }),
      ]),
    });
    // The email is who they are: not a field here.
    await expect(updateOwnDetails(ctxFor(t.db), invalid({ token, ...details, email: "x@example.com" }))).rejects.toMatchObject({ fields: [{ path: "email", code: "unrecognized_key" }] });
    await cancelOwnRegistration(ctxFor(t.db), { token });
    await expect(updateOwnDetails(ctxFor(t.db), { token, ...details, name: "Late" })).rejects.toMatchObject({ code: "registration_inactive" });
  });

  it("over HTTP: the details route answers what changed", async () => {
    const api = testApp(t.db);
    const r = await register(ctxFor(t.db), person("details-api@example.com"));
    const res = await api.call("/api/v1/registrations/details", { method: "PUT", json: { token: r.manageTokens![0], ...details, name: "Hina A." } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: ["name"], reissuedSerial: 1 });
    const bad = await api.call("/api/v1/registrations/details", { method: "PUT", json: { token: "x".repeat(30), ...details } });
    expect(bad.status).toBe(410);
  });
});

describe("lost your link?", () => {
  const ask = (email: string, extra: Record<string, unknown> = {}, locale: "en" | "ur" = "en") =>
    requestManageLink(ctxFor(t.db, anonymous, locale), { edition: "showcase-2026", email, ip: "203.0.113.7", ...extra });

  it("emails a new link in the registrant's language; the old link stops working, the new one works", async () => {
    const r = await register(ctxFor(t.db, anonymous, "ur"), person("lost1@example.com"));
    const old = r.manageTokens![0]!;
    await ask(" LOST1@example.com ");
    const [mail] = await mails("lost1@example.com", "registration_link");
    expect(mail!.subject).toMatch(/نیا لنک/);
    const token = /\/registration\/([\w-]+)/.exec(mail!.bodyText)![1]!;
    expect(token).not.toBe(old);
    await expect(getOwnRegistration(ctxFor(t.db), { token: old })).rejects.toMatchObject({ code: "token_invalid" });
    expect((await getOwnRegistration(ctxFor(t.db), { token })).registration.email).toBe("lost1@example.com");
    // Asking again makes yet another link; the one just sent is dead too.
    await ask("lost1@example.com");
    expect(await mails("lost1@example.com", "registration_link")).toHaveLength(2);
    await expect(getOwnRegistration(ctxFor(t.db), { token })).rejects.toMatchObject({ code: "token_invalid" });
  });

  it("answers the same for an unknown email and sends nothing; a cancelled registration gets no link", async () => {
    await expect(ask("nobody-here@example.com")).resolves.toBeUndefined();
    expect(await mails("nobody-here@example.com", "registration_link")).toHaveLength(0);
    const r = await register(ctxFor(t.db), person("gone@example.com"));
    await cancelOwnRegistration(ctxFor(t.db), { token: r.manageTokens![0]! });
    await expect(ask("gone@example.com")).resolves.toBeUndefined();
    expect(await mails("gone@example.com", "registration_link")).toHaveLength(0);
    // Bad input is a field error, whoever is asking.
    await expect(ask("not-an-email")).rejects.toMatchObject({ fields: [{ path: "email" }] });
    await expect(ask("x@example.com", { edition: "no-such-edition" })).rejects.toMatchObject({ fields: [{ path: "edition", code: "invalid_value" }] });
  });

  it("over HTTP: 202 for a known and an unknown email alike, 400 for a bad one", async () => {
    const api = testApp(t.db);
    await register(ctxFor(t.db), person("lost-api@example.com"));
    const known = await api.call("/api/v1/registrations/manage-link", { json: { edition: "showcase-2026", email: "lost-api@example.com" } });
    const unknown = await api.call("/api/v1/registrations/manage-link", { json: { edition: "showcase-2026", email: "lost-api-nobody@example.com" } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    expect(await mails("lost-api@example.com", "registration_link")).toHaveLength(1);
    expect((await api.call("/api/v1/registrations/manage-link", { json: { edition: "showcase-2026", email: "nope" } })).status).toBe(400);
  });

  it("is limited like sign-in: per email and per address, for known and unknown emails alike, and never blocks signing in", async () => {
    await register(ctxFor(t.db), person("spam@example.com"));
    for (let i = 0; i < 5; i++) await ask("spam@example.com", { ip: `198.51.100.${i}` });
    await expect(ask("spam@example.com", { ip: "198.51.100.99" })).rejects.toMatchObject({ code: "rate_limited" });
    for (let i = 0; i < 5; i++) await ask("unknown-spam@example.com", { ip: `198.51.100.${i}` });
    await expect(ask("unknown-spam@example.com", { ip: "198.51.100.99" })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await mails("spam@example.com", "registration_link")).toHaveLength(5);
    // Per address: 30 requests for different emails, then the address is refused.
    for (let i = 0; i < 30; i++) await ask(`many${i}@example.com`, { ip: "192.0.2.50" });
    await expect(ask("one-more@example.com", { ip: "192.0.2.50" })).rejects.toMatchObject({ code: "rate_limited" });
    // A quarter of an hour later the window has passed.
    const later = fixedClock(new Date(clock().now().getTime() + 16 * 60_000).toISOString());
    await expect(requestManageLink(ctxFor(t.db, anonymous, "en", later), { edition: "showcase-2026", email: "spam@example.com", ip: "192.0.2.50" })).resolves.toBeUndefined();
    // Sign-in from that address is not limited by these requests (they are kept apart).
    expect(await isSignInLimited(t.db, clock(), "spam@example.com", "192.0.2.50")).toBe(false);
  });
});
