import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { outboxMessages } from "../../platform/mail/tables";
import { fixedClock } from "../../platform/clock";
import { auditEntries } from "../../platform/audit/tables";
import { anonymous } from "../../platform/permissions/actor";
import { actorFor, ctxFor, demo, openTestDb, type TestDb, demoShow, type DemoCategories } from "../../../tests/support/db";
import { decideRegistrations } from "./operations/decide";
import { cancelOwnRegistration, getOwnRegistration, updateOwnRegistration } from "./operations/own";
import { register, registerGroup, registerWalkIn } from "./operations/register";
import { createQuestion, getRegistrationForm } from "./operations/questions";
import { queueOptions } from "./operations/queue";
import { setCapacity } from "./operations/settings";
import { registrationQuestions, registrations } from "./tables";
import { editions, visitorCategories } from "#features/editions";
import { DomainError } from "../../platform/errors";
import { bucketTotals } from "./operations/places";
import { badges } from "../checkin/tables";
import { gateBundle } from "../checkin/operations/offline";

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
  name: `Person ${email}`,
  email,
  days: [0],
  consentData: true,
  consentScan: false,
  ...extra,
});
const staff = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser));
// This feature's mails only (the badge mail belongs to check-in).
const mailsTo = async (to: string) => (await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to))).filter((m) => m.kind.startsWith("registration_"));

describe("register and approve", () => {
  it("a buyer is pending with a place held, then approved with an email in their language", async () => {
    const r = await register(ctxFor(t.db, anonymous, "ur"), person("Buyer1@Example.com ", { categoryId: cat.corporate_buyer, organisation: "Acme" }));
    expect(r.created).toBe(true);
    const reg = r.registrations[0]!;
    expect(reg).toMatchObject({ status: "pending", email: "buyer1@example.com" });
    expect(r.manageTokens?.[0]).toMatch(/^[\w-]{20,}$/);
    const res = await decideRegistrations(await staff(), { editionId, ids: [reg.id], decision: "approve" });
    expect(res.changed).toEqual([reg.id]);
    const mails = await mailsTo("buyer1@example.com");
    expect(mails.map((m) => m.kind).sort()).toEqual(["registration_approved", "registration_received"]);
    expect(mails.find((m) => m.kind === "registration_approved")!.subject).toContain("تصدیق");
    expect(mails.find((m) => m.kind === "registration_received")!.bodyText).toContain(`/registration/${r.manageTokens![0]}`);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "registration.approved"), eq(auditEntries.entityId, reg.id)));
    expect(audit).toHaveLength(1);
    // Approving twice changes nothing.
    expect((await decideRegistrations(await staff(), { editionId, ids: [reg.id], decision: "approve" })).skipped).toEqual([{ id: reg.id, status: "approved" }]);
  });

  it("the badge email goes out in the registrant's language, not the approving organiser's", async () => {
    const r = await register(ctxFor(t.db, anonymous, "en"), person("english-buyer@example.com", { categoryId: cat.corporate_buyer, organisation: "Acme" }));
    const reg = r.registrations[0]!;
    await decideRegistrations(ctxFor(t.db, await actorFor(t.db, demo.organiser), "ur"), { editionId, ids: [reg.id], decision: "approve" });
    const all = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "english-buyer@example.com"));
    const badge = all.find((m) => m.kind === "checkin.badge")!;
    expect(badge.subject).toMatch(/^Your badge/);
    expect(badge.bodyText.indexOf("Hello")).toBeGreaterThanOrEqual(0);
    expect(badge.bodyText.indexOf("Hello")).toBeLessThan(badge.bodyText.indexOf("———"));
    expect(all.find((m) => m.kind === "registration_approved")!.subject).not.toMatch(/[\u0600-\u06ff]/);
  });

  it("a public visitor is approved at once; the same email again changes nothing and gets the same answer", async () => {
    const a = await register(ctxFor(t.db), person("same@example.com"));
    expect(a.registrations[0]!.status).toBe("approved");
    const b = await register(ctxFor(t.db), person("SAME@example.com", { days: [1, 2] }));
    expect(b).toMatchObject({ created: false });
    expect(b.answer).toEqual(a.answer);
    expect((await t.db.select().from(registrations).where(eq(registrations.email, "same@example.com")))[0]!.days).toEqual([0]);
    expect(b.registrations[0]!.id).toBe(a.registrations[0]!.id);
    expect(b.manageTokens).toBeUndefined();
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "same@example.com"))).toHaveLength(1);
  });

  it("replays an idempotency key and refuses its reuse with another body", async () => {
    const body = person("idem@example.com", { idempotencyKey: "key-12345678" });
    const a = await register(ctxFor(t.db), body);
    const b = await register(ctxFor(t.db), body);
    expect(b).toMatchObject({ created: false, registrations: [{ id: a.registrations[0]!.id }] });
    expect(b.answer).toEqual(a.answer);
    await expect(register(ctxFor(t.db), { ...body, email: "other@example.com" })).rejects.toMatchObject({ code: "idempotency_key_reused" });
    // A retry is no repeat: nobody is emailed again.
    expect((await mailsTo("idem@example.com")).map((m) => m.kind)).toEqual(["registration_approved"]);
  });

  it("validates every field with codes, translated in both languages", async () => {
    const bad = { ...person("not-an-email"), consentData: false, days: [], phone: "call me", nameUr: "Latin only" };
    const err = await register(ctxFor(t.db), bad).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "validation_failed" });
    const codes = Object.fromEntries((err as { fields: { path: string; code: string }[] }).fields.map((f) => [f.path, f.code]));
    expect(codes).toEqual({
      email: "invalid_email",
      consentData: "registration_consent_required",
      days: "registration_days_required",
      phone: "registration_invalid_phone",
      nameUr: "urdu_script",
    });
    await expect(register(ctxFor(t.db), person("days@example.com", { days: [5] }))).rejects.toMatchObject({
      fields: [{ path: "days", code: "registration_day_out_of_range" }],
    });
    const { fieldIssueText } = await import("../../platform/i18n/translate");
    expect(fieldIssueText("en", "registration_consent_required")).toMatch(/agree/);
    expect(fieldIssueText("ur", "registration_consent_required")).toMatch(/رضامندی/);
  });

  it("checks answers to the organiser's questions", async () => {
    const q = await createQuestion(await staff(), {
      editionId,
      categoryId: cat.student,
      kind: "select",
      labelEn: "Level",
      labelUr: "درجہ",
      options: [
        { value: "bachelor", en: "Bachelor", ur: "بیچلر" },
        { value: "master", en: "Master", ur: "ماسٹر" },
      ],
      required: true,
    });
    const student = (answers: Record<string, unknown>) => person(`s${Object.keys(answers).length}@example.com`, { categoryId: cat.student, answers });
    await expect(register(ctxFor(t.db), student({}))).rejects.toMatchObject({ fields: [{ path: `answers.${q.id}`, code: "required" }] });
    await expect(register(ctxFor(t.db), student({ [q.id]: "phd" }))).rejects.toMatchObject({ fields: [{ path: `answers.${q.id}`, code: "invalid_value" }] });
    expect((await register(ctxFor(t.db), student({ [q.id]: "master" }))).registrations[0]!.status).toBe("approved");
  });

  it("does not let a visitor approve, refuse or configure", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    const [r] = await t.db.select().from(registrations).limit(1);
    await expect(decideRegistrations(visitor, { editionId, ids: [r!.id], decision: "approve" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setCapacity(visitor, { editionId, categoryId: cat.media!, day: null, capacity: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(decideRegistrations(ctxFor(t.db), { editionId, ids: [r!.id], decision: "refuse", reason: "x" })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("capacity and the waitlist", () => {
  it("waitlists when full and promotes in order on cancellation, telling them", async () => {
    const s = await staff();
    await setCapacity(s, { editionId, categoryId: cat.regulatory_stakeholder!, day: null, capacity: 2 });
    const reg = async (email: string) => (await register(ctxFor(t.db), person(email, { categoryId: cat.regulatory_stakeholder })));
    const a = await reg("wa@example.com");
    await reg("wb@example.com");
    const c = await reg("wc@example.com");
    const d = await reg("wd@example.com");
    expect([c, d].map((x) => x.registrations[0]!.status)).toEqual(["waitlisted", "waitlisted"]);
    expect((await mailsTo("wc@example.com")).map((m) => m.kind)).toEqual(["registration_waitlisted"]);
    const res = await cancelOwnRegistration(ctxFor(t.db), { token: a.manageTokens![0]! });
    expect(res.promoted).toEqual([c.registrations[0]!.id]);
    const [cNow] = await t.db.select().from(registrations).where(eq(registrations.id, c.registrations[0]!.id));
    expect(cNow!.status).toBe("pending"); // a trade category: promoted to await approval
    expect((await mailsTo("wc@example.com")).map((m) => m.kind)).toContain("registration_promoted");
    expect((await mailsTo("wd@example.com")).map((m) => m.kind)).not.toContain("registration_promoted");
    // Refusing a pending one frees its place for the next in line.
    const r = await decideRegistrations(s, { editionId, ids: [cNow!.id], decision: "refuse", reason: "Not a regulator" });
    expect(r.promoted).toEqual([d.registrations[0]!.id]);
    expect((await mailsTo("wc@example.com")).find((m) => m.kind === "registration_refused")!.bodyText).toContain("Not a regulator");
    const bucket = (await bucketTotals(t.db, editionId)).find((b) => b.bucket === "cat:regulatory_stakeholder");
    expect(bucket).toMatchObject({ capacity: 2, used: 2 });
  });

  it("refusal needs a reason; bulk approval approves the pending ones", async () => {
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await register(ctxFor(t.db), person(`bulk${n}@example.com`, { categoryId: cat.media }))).registrations[0]!.id);
    await expect(decideRegistrations(await staff(), { editionId, ids, decision: "refuse" })).rejects.toMatchObject({
      fields: [{ path: "reason", code: "registration_reason_required" }],
    });
    const r = await decideRegistrations(await staff(), { editionId, ids: ids.slice(0, 2), decision: "approve" });
    expect(r.changed).toHaveLength(2);
    const r2 = await decideRegistrations(await staff(), { editionId, ids, decision: "refuse", reason: "Press pass needed" });
    expect(r2.changed).toEqual([ids[2]]);
    expect(r2.skipped.map((x) => x.status)).toEqual(["approved", "approved"]);
  });

  it("edits days only when they fit, and cancels through the account", async () => {
    const s = await staff();
    await setCapacity(s, { editionId, categoryId: cat.development_partner!, day: 2, capacity: 1 });
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    await register(ctxFor(t.db), person("dp1@example.com", { categoryId: cat.development_partner, days: [2] }));
    const mine = await register(visitor, person(demo.visitor, { categoryId: cat.development_partner, days: [0] }));
    const id = mine.registrations[0]!.id;
    await expect(updateOwnRegistration(visitor, { registrationId: id, days: [0, 2] })).rejects.toMatchObject({
      fields: [{ path: "days", code: "registration_days_full" }],
    });
    expect(await updateOwnRegistration(visitor, { registrationId: id, days: [1] })).toMatchObject({ days: [1], status: "pending" });
    const other = ctxFor(t.db, await actorFor(t.db, demo.exhibitor));
    await expect(getOwnRegistration(other, { registrationId: id })).rejects.toMatchObject({ code: "forbidden" });
    // On the show's second day (25 January, Lahore), day 1 may be kept but day 0 not added back.
    const onDay2 = ctxFor(t.db, await actorFor(t.db, demo.visitor), "en", fixedClock("2026-01-25T05:00:00Z"));
    await expect(updateOwnRegistration(onDay2, { registrationId: id, days: [0, 1] })).rejects.toMatchObject({
      fields: [{ path: "days", code: "registration_day_past" }],
    });
    expect(await updateOwnRegistration(onDay2, { registrationId: id, days: [1] })).toMatchObject({ days: [1] });
    expect(await cancelOwnRegistration(visitor, { registrationId: id })).toMatchObject({ status: "cancelled" });
  });

  it("a delegation comes together or not at all", async () => {
    const s = await staff();
    await setCapacity(s, { editionId, categoryId: cat.foreign_mission!, day: null, capacity: 3 });
    const members = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ ...person(`${p}${i}@mission.example`), editionId: undefined, categoryId: undefined }));
    const strip = <M extends { editionId?: unknown; categoryId?: unknown }>(m: M) => {
      const { editionId: _e, categoryId: _c, ...rest } = m;
      return rest;
    };
    const four = await registerGroup(ctxFor(t.db), { editionId, categoryId: cat.foreign_mission, members: members(4, "g").map(strip) });
    expect(four.registrations.map((r) => r.status)).toEqual(["waitlisted", "waitlisted", "waitlisted", "waitlisted"]);
    const three = await registerGroup(ctxFor(t.db), { editionId, categoryId: cat.foreign_mission, members: members(3, "h").map(strip) });
    expect(new Set(three.registrations.map((r) => r.status))).toEqual(new Set(["pending"]));
    expect(new Set(three.registrations.map((r) => r.groupId)).size).toBe(1);
    // A member already registered is left as they are (and emailed a new link); the others register.
    const mixed = await registerGroup(ctxFor(t.db), { editionId, categoryId: cat.foreign_mission, members: [strip(person("fresh@example.com")), strip(person("h1@mission.example"))] });
    expect(mixed.answer).toEqual({ accepted: true, count: 2 });
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "h1@mission.example"))).toHaveLength(1);
    expect((await mailsTo("h1@mission.example")).map((m) => m.kind).sort()).toEqual(["registration_already", "registration_received"]);
    // Only the categories that arrive as a delegation register as one (organisers may group anyone).
    const pair = [strip(person("pair1@example.com")), strip(person("pair2@example.com"))];
    await expect(registerGroup(ctxFor(t.db), { editionId, categoryId: cat.general_public, members: pair })).rejects.toMatchObject({
      fields: [{ path: "categoryId", code: "registration_category_not_group" }],
    });
    expect((await registerGroup(s, { editionId, categoryId: cat.general_public, members: pair })).registrations).toHaveLength(2);
    expect(await t.db.select().from(registrations).where(eq(registrations.email, "fresh@example.com"))).toHaveLength(1);
  });

  it("walk-ins at the desk are approved at once by gate staff, audited; visitors cannot use the desk", async () => {
    const gate = ctxFor(t.db, await actorFor(t.db, demo.gate));
    const r = await registerWalkIn(gate, person("walkin@example.com", { categoryId: cat.corporate_buyer }));
    expect(r.registrations[0]!.status).toBe("approved");
    expect(await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "registration.walk_in"), eq(auditEntries.entityId, r.registrations[0]!.id)))).toHaveLength(1);
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    await expect(registerWalkIn(visitor, person("walkin2@example.com"))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("a registration rush", () => {
  it("never oversells, loses or duplicates under 50 concurrent requests, on the row locks alone", async () => {
    // Without the in-process queue, as if every request came from another app process.
    queueOptions.enabled = false;
    onTestFinished(() => {
      queueOptions.enabled = true;
    });
    await setCapacity(await staff(), { editionId, categoryId: cat.financial_institution!, day: null, capacity: 20 });
    const emails = Array.from({ length: 50 }, (_, i) => `rush${i}@example.com`);
    // Every request twice (a double click), all at once: on PostgreSQL each runs on its own pooled connection.
    const results = await Promise.all(
      [...emails, ...emails].map((email) => register(ctxFor(t.db), person(email, { categoryId: cat.financial_institution, idempotencyKey: `rush-${email.split("@")[0]}` }))),
    );
    expect(results).toHaveLength(100);
    const rows = await t.db.select().from(registrations).where(inArray(registrations.email, emails));
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === "pending")).toHaveLength(20);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(30);
    expect(new Set(rows.map((r) => r.number)).size).toBe(50);
    const bucket = (await bucketTotals(t.db, editionId)).find((b) => b.bucket === "cat:financial_institution");
    expect(bucket!.used).toBe(20);
  });
});

describe("organiser settings", () => {
  it("limits a category on one day, counting places already held, audited", async () => {
    const s = await staff();
    await register(ctxFor(t.db), person("day1a@example.com", { categoryId: cat.procurement_head, days: [1] }));
    const r = await setCapacity(s, { editionId, categoryId: cat.procurement_head!, day: 1, capacity: 2 });
    expect(r.bucket).toBe("cat:procurement_head@1");
    const row = (await bucketTotals(t.db, editionId)).find((b) => b.bucket === "cat:procurement_head@1");
    expect(row).toMatchObject({ capacity: 2, used: 1 });
    await register(ctxFor(t.db), person("day1b@example.com", { categoryId: cat.procurement_head, days: [1, 2] }));
    const third = await register(ctxFor(t.db), person("day1c@example.com", { categoryId: cat.procurement_head, days: [1] }));
    expect(third.registrations[0]!.status).toBe("waitlisted");
    // Day 2 alone is not limited for this category.
    expect((await register(ctxFor(t.db), person("day2@example.com", { categoryId: cat.procurement_head, days: [2] }))).registrations[0]!.status).toBe("pending");
    // Raising the limit promotes the one waiting.
    expect(await setCapacity(s, { editionId, categoryId: cat.procurement_head!, day: 1, capacity: 3 })).toMatchObject({ promoted: 1 });
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.action, "registration.capacity_set"));
    expect(audit.some((a) => (a.data as { bucket?: string }).bucket === "cat:procurement_head@1")).toBe(true);
    await expect(setCapacity(s, { editionId, categoryId: null, day: 7, capacity: 5 })).rejects.toMatchObject({
      fields: [{ path: "day", code: "registration_day_out_of_range" }],
    });
  });

  it("refuses a choice question without options and a yes/no question with some", async () => {
    const s = await staff();
    const base = { editionId, categoryId: null, labelEn: "Q", labelUr: "سوال" };
    await expect(createQuestion(s, { ...base, kind: "select", options: [] })).rejects.toMatchObject({
      fields: [{ path: "options", code: "registration_options_needed" }],
    });
    await expect(createQuestion(s, { ...base, kind: "yesno", options: [{ value: "a", en: "A", ur: "ا" }] })).rejects.toMatchObject({
      fields: [{ path: "options", code: "registration_options_not_allowed" }],
    });
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor));
    await expect(createQuestion(visitor, { ...base, kind: "text" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("exhibitor staff", () => {
  it("is neither offered nor accepted by public, group or desk registration", async () => {
    const staffOnly = { categoryId: cat.exhibitor_staff };
    const refused = { code: "validation_failed", fields: [{ path: "categoryId", code: "registration_category_not_public" }] };
    await expect(register(ctxFor(t.db), person("staff-self@example.com", staffOnly))).rejects.toMatchObject(refused);
    const member = (email: string) => ({ name: email, email, days: [0], consentData: true, consentScan: false });
    await expect(registerGroup(ctxFor(t.db), { editionId, ...staffOnly, members: [member("sg1@example.com"), member("sg2@example.com")] })).rejects.toMatchObject(refused);
    const gate = ctxFor(t.db, await actorFor(t.db, demo.gate));
    await expect(registerWalkIn(gate, person("staff-desk@example.com", staffOnly))).rejects.toMatchObject(refused);
    expect(await t.db.select().from(registrations).where(eq(registrations.categoryId, cat.exhibitor_staff!))).toHaveLength(0);
    const form = await getRegistrationForm(ctxFor(t.db), { slug: "showcase-2026" });
    expect(form.categories.map((c) => c.code)).not.toContain("exhibitor_staff");
    expect(form.categories.length).toBeGreaterThan(5);
    expect((await getRegistrationForm(ctxFor(t.db), { slug: "showcase-2026", category: "exhibitor_staff" })).category).toBeNull();
  });
});

describe("leaving takes the badge with it", () => {
  it("a cancelled registration's badge is revoked and listed for offline gates", async () => {
    const r = await register(ctxFor(t.db), person("leaver@example.com"));
    const reg = r.registrations[0]!;
    expect(reg.status).toBe("approved");
    const before = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    expect(before).toHaveLength(1);
    expect(before[0]!.revokedAt).toBeNull();
    await cancelOwnRegistration(ctxFor(t.db), { token: r.manageTokens![0]! });
    const [after] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    expect(after).toMatchObject({ revokedReason: "registration_cancelled", revokedAt: expect.any(Date) });
    const bundle = await gateBundle(ctxFor(t.db, await actorFor(t.db, demo.gate)), { editionId });
    expect(bundle.revokedBadges).toContainEqual([reg.number, after!.serial]);
    expect(bundle.revokedRegistrations).toContain(reg.number);
    // Cancelling again changes nothing (and does not fail).
    expect(await cancelOwnRegistration(ctxFor(t.db), { token: r.manageTokens![0]! })).toMatchObject({ status: "cancelled" });
  });

  it("a refused registration holding a badge has it revoked", async () => {
    const r = await register(ctxFor(t.db), person("refusedbadge@example.com", { categoryId: cat.media, organisation: "Daily News" }));
    const reg = r.registrations[0]!;
    expect(reg.status).toBe("pending");
    // Badges are signed only on approval, so no normal path leaves a pending one with a badge;
    // approve it, then put it back to pending by hand, to check refusal leaves no valid badge.
    await decideRegistrations(await staff(), { editionId, ids: [reg.id], decision: "approve" });
    await t.db.update(registrations).set({ status: "pending" }).where(eq(registrations.id, reg.id));
    expect(await t.db.select().from(badges).where(eq(badges.registrationId, reg.id))).toHaveLength(1);
    await decideRegistrations(await staff(), { editionId, ids: [reg.id], decision: "refuse", reason: "No press card" });
    const [b] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    expect(b).toMatchObject({ revokedReason: "registration_refused", revokedAt: expect.any(Date) });
  });
});

describe("an approved registrant changing days", () => {
  it("gets a new badge for the new days; the old one is replaced", async () => {
    const r = await register(ctxFor(t.db), person("newdays@example.com", { days: [0] }));
    const reg = r.registrations[0]!;
    expect(reg.status).toBe("approved");
    await updateOwnRegistration(ctxFor(t.db), { token: r.manageTokens![0], days: [0, 1], answers: {} });
    const list = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id)).orderBy(badges.serial);
    expect(list.map((b) => b.serial)).toEqual([0, 1]);
    expect(list[0]!.replacedAt).not.toBeNull();
    // Saving the same days again signs nothing new.
    await updateOwnRegistration(ctxFor(t.db), { token: r.manageTokens![0], days: [1, 0], answers: {} });
    expect(await t.db.select().from(badges).where(eq(badges.registrationId, reg.id))).toHaveLength(2);
  });
});

// The rush reads the edition, the category and its questions once per database handle
// (operations/setup-cache.ts). These tests change them behind the cache's back, with plain writes
// as another process would make them, and check that the next registration is judged on the new
// rows: database triggers bump the edition's registration set-up version, which the numbers
// statement reads.
describe("the registration set-up cache", () => {
  const statusOf = async (email: string) => (await t.db.select().from(registrations).where(and(eq(registrations.editionId, editionId), eq(registrations.email, email))))[0]?.status;
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof DomainError ? { code: e.code, fields: (e.fields ?? []).map((f) => `${f.path}:${f.code}`) } : Promise.reject(e)),
    );

  it("asks a required question added after the cache was filled, and stops asking one removed", async () => {
    expect(await refusal(register(ctxFor(t.db), person("cache-a@example.com")))).toBeNull(); // fills the cache
    const [q] = await t.db
      .insert(registrationQuestions)
      .values({ editionId, categoryId: cat.general_public, kind: "text", labelEn: "Where from?", labelUr: "کہاں سے؟", required: true })
      .returning();
    expect(await refusal(register(ctxFor(t.db), person("cache-b@example.com")))).toEqual({ code: "validation_failed", fields: [`answers.${q!.id}:required`] });
    expect(await statusOf("cache-b@example.com")).toBeUndefined();
    // Removed again: the cache (which now holds the question) must not refuse what the database accepts.
    await t.db.delete(registrationQuestions).where(eq(registrationQuestions.id, q!.id));
    expect(await refusal(register(ctxFor(t.db), person("cache-b@example.com")))).toBeNull();
    expect(await statusOf("cache-b@example.com")).toBe("approved");
  });

  it("follows a category that comes to need approval, and an edition taken offline", async () => {
    expect(await refusal(register(ctxFor(t.db), person("cache-c@example.com")))).toBeNull();
    expect(await statusOf("cache-c@example.com")).toBe("approved");
    await t.db.update(visitorCategories).set({ needsApproval: true }).where(eq(visitorCategories.id, cat.general_public!));
    expect(await refusal(register(ctxFor(t.db), person("cache-d@example.com")))).toBeNull();
    expect(await statusOf("cache-d@example.com")).toBe("pending");
    await t.db.update(visitorCategories).set({ needsApproval: false }).where(eq(visitorCategories.id, cat.general_public!));
    await t.db.update(editions).set({ status: "draft" }).where(eq(editions.id, editionId));
    try {
      expect((await refusal(register(ctxFor(t.db), person("cache-e@example.com"))))?.code).toMatch(/^(unauthenticated|forbidden)$/);
      expect(await statusOf("cache-e@example.com")).toBeUndefined();
    } finally {
      await t.db.update(editions).set({ status: "published" }).where(eq(editions.id, editionId));
    }
    expect(await refusal(register(ctxFor(t.db), person("cache-e@example.com")))).toBeNull();
    expect(await statusOf("cache-e@example.com")).toBe("approved");
  });
});
