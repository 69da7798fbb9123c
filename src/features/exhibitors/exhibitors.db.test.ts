import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { users } from "../../platform/auth/tables";
import { fixedClock } from "../../platform/clock";
import { auditEntries } from "../../platform/audit/tables";
import { isDomainError } from "../../platform/errors";
import { outboxMessages } from "../../platform/mail/tables";
import { enterprises } from "../editions/enterprise-tables";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StallLocator } from "../floor/components/stall-locator";
import { publicStall } from "../floor/operations/plan";
import { translator } from "../../platform/i18n/translate";
import { catalogue, catalogueExhibitor, catalogueOpenData, catalogueProduct, openDataColumns, openDataRows } from "./operations/catalogue";
import { chaseLate, exhibitorsOverview, sendMessage, setDeadlines } from "./operations/organiser";
import { addProduct, getFile, ownPortal, removeProduct, saveProfile, uploadFile } from "./operations/profile";
import { solidPng } from "./seed";
import { exhibitorProfiles } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// Issue #12, items 5 and 6: an exhibitor edits only its own profile; uploads are checked by type
// and size; the checklist follows the profile and the deadlines; chasing emails each late
// exhibitor once, in its language; the catalogue filters and searches (Urdu too) published
// profiles only; its open data carries public fields only.

let t: TestDb;
let editionId: string;
const slug = "showcase-2026";

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
});
afterAll(async () => t?.close());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.fields[0]?.code ?? e.code;
    throw e;
  }
};
const as = async (email: string) => ctxFor(t.db, await actorFor(t.db, email));

describe("the exhibitor's own profile", () => {
  it("is the account's own enterprise whatever the input names, and no one else's", async () => {
    const me = await as(demo.exhibitor);
    const portal = await ownPortal(me, editionId);
    expect(portal.enterprise.slug).toBe("belveta-surgical-works");
    expect(portal.stall?.confirmed).toBe(true);
    const [other] = await t.db.select().from(enterprises).where(eq(enterprises.slug, "gomnote-instruments"));
    await saveProfile(me, invalid({ editionId, enterpriseId: other!.id, fasciaEn: "BELVETA", fasciaUr: "بیلویتا", descriptionUr: "سرجیکل آلات", published: "on" }));
    const [mine] = await t.db.select().from(exhibitorProfiles).where(and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.enterpriseId, portal.enterprise.id)));
    const [theirs] = await t.db.select().from(exhibitorProfiles).where(and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.enterpriseId, other!.id)));
    expect(mine?.fasciaUr).toBe("بیلویتا");
    expect(theirs?.fasciaUr).not.toBe("بیلویتا");
    // Another exhibitor's product cannot be removed through one's own profile.
    const theirProduct = (await catalogueExhibitor(ctxFor(t.db), { slug, exhibitor: "gomnote-instruments" })).exhibitor.products[0]!;
    expect(await code(removeProduct(me, { editionId, productId: theirProduct.id }))).toBe("not_found");
    expect(await code(saveProfile(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
    expect(await code(saveProfile(await as(demo.visitor), { editionId }))).toBe("forbidden");
    expect(await code(ownPortal(await as(demo.organiser)))).toBe("forbidden");
  });

  it("validates the phone, the HS code and the fascia scripts", async () => {
    const me = await as(demo.exhibitor);
    expect(await code(saveProfile(me, { editionId, phone: "12345" }))).toBe("exhibitor_phone");
    expect(await code(saveProfile(me, { editionId, fasciaUr: "Belveta" }))).toBe("urdu_script");
    expect(await code(addProduct(me, { editionId, nameEn: "Scissors", hsCode: "9" }))).toBe("exhibitor_hs_code");
    expect(await code(addProduct(me, { editionId, nameEn: "Scissors", hsCode: "821300001" }))).toBe("exhibitor_hs_code");
    const { productId } = await addProduct(me, { editionId, nameEn: "Tissue forceps", nameUr: "ٹشو فورسیپس", hsCode: "9018.90" });
    expect((await ownPortal(me, editionId)).products.find((p) => p.id === productId)?.hsCode).toBe("901890");
    await saveProfile(me, { editionId, phone: "0300-1234567", fasciaEn: "BELVETA", fasciaUr: "بیلویتا", published: "on" });
    expect((await ownPortal(me, editionId)).profile.phone).toBe("+923001234567");
  });

  it("keeps the stall needs it states (a checkbox left out clears it), refuses a floor area out of range, and offers the plan's sizes", async () => {
    const me = await as(demo.exhibitor);
    await saveProfile(me, { editionId, powerNeed: "three_phase", stepFree: "on", wantsCorner: "on", stallAreaM2: "12", womenEnclave: "no" });
    const saved = (await ownPortal(me, editionId)).profile;
    expect(saved).toMatchObject({ powerNeed: "three_phase", stepFree: true, wantsCorner: true, stallAreaM2: 12, womenEnclave: false });
    // The page sends every field: an unticked box arrives as "" and clears the need.
    await saveProfile(me, { editionId, powerNeed: "single_phase", stepFree: "", wantsCorner: "", stallAreaM2: "", womenEnclave: null });
    expect((await ownPortal(me, editionId)).profile).toMatchObject({ powerNeed: "single_phase", stepFree: false, wantsCorner: false, stallAreaM2: null, womenEnclave: null });
    for (const bad of ["0", "-9", "501", "nine"]) expect(await code(saveProfile(me, { editionId, stallAreaM2: bad }))).toBe("exhibitor_stall_area");
    // The database refuses it too, whoever writes.
    const refused = await t.db.execute(sql`UPDATE exhibitor_profiles SET stall_area_m2 = 0 WHERE edition_id = ${editionId}`).then(() => "ok", (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message));
    expect(refused).toMatch(/exhibitor_profiles_stall_area/);
    const portal = await ownPortal(me, editionId);
    expect(portal.stallChoices.sizes.length).toBeGreaterThan(0);
    expect(portal.stallChoices.sizes).toEqual([...portal.stallChoices.sizes].sort((a, b) => a - b));
  });

  it("refuses an upload that is not a PNG, JPEG or WebP by its bytes, or too large, and a seventh photo", async () => {
    const me = await as(demo.exhibitor);
    const gif = new Uint8Array(Buffer.from("GIF89a........"));
    expect(await code(uploadFile(me, { editionId, kind: "logo", bytes: gif }))).toBe("exhibitor_file_type");
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await code(uploadFile(me, { editionId, kind: "photo", bytes: big }))).toBe("exhibitor_file_too_large");
    const png = new Uint8Array(solidPng(4, 4, [10, 20, 30]));
    const have = (await ownPortal(me, editionId)).files.filter((f) => f.kind === "photo").length;
    for (let i = have; i < 6; i++) await uploadFile(me, { editionId, kind: "photo", bytes: png });
    expect(await code(uploadFile(me, { editionId, kind: "photo", bytes: png }))).toBe("exhibitor_too_many_photos");
    const { fileId, contentType } = await uploadFile(me, { editionId, kind: "logo", bytes: png });
    expect(contentType).toBe("image/png");
    expect((await getFile(ctxFor(t.db), { fileId })).contentType).toBe("image/png");
  });
});

describe("checklist and chasing", () => {
  it("marks items done from the profile and late after their deadline; the organiser's list filters the late", async () => {
    const me = await as(demo.exhibitor);
    const org = await as(demo.organiser);
    await saveProfile(me, { editionId, fasciaEn: "BELVETA", fasciaUr: "بیلویتا", powerNeed: "", samples: "", published: "on" });
    await setDeadlines(org, { editionId, power: "2026-01-05", samples: "2026-01-20" });
    const list = (await ownPortal(me, editionId)).checklist;
    expect(Object.fromEntries(list.map((c) => [c.item, c.done ? "done" : c.late ? "late" : "todo"]))).toMatchObject({ fascia: "done", power: "late", samples: "todo" });
    const all = await exhibitorsOverview(org, { editionId });
    const late = await exhibitorsOverview(org, { editionId, late: true });
    expect(all.total).toBe(170);
    expect(late.exhibitors.length).toBe(all.lateCount);
    expect(late.exhibitors.every((e) => e.late)).toBe(true);
    expect(late.exhibitors.some((e) => e.slug === "belveta-surgical-works")).toBe(true);
    expect(await code(exhibitorsOverview(me, { editionId }))).toBe("forbidden");
  });

  it("emails each late exhibitor once, in its account's language, through the outbox, and audits it", async () => {
    const org = await as(demo.organiser);
    await t.db.update(users).set({ locale: "ur" }).where(eq(users.email, demo.exhibitor));
    const late = await exhibitorsOverview(org, { editionId, late: true });
    const before = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "exhibitor.chase"));
    const r = await chaseLate(org, { editionId });
    expect(r.chased + r.unreachable).toBe(late.exhibitors.length);
    const mails = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "exhibitor.chase"))).filter((m) => !before.some((b) => b.id === m.id));
    expect(mails.length).toBe(r.chased);
    expect(new Set(mails.map((m) => m.toAddress)).size).toBe(mails.length);
    const mine = mails.find((m) => m.toAddress === demo.exhibitor)!;
    expect(mine.subject).toMatch(/[\u0600-\u06FF]/);
    expect(mine.bodyText).toContain("اسٹال کی ضروریات");
    expect(mails.filter((m) => m.toAddress !== demo.exhibitor).every((m) => /late/.test(m.subject))).toBe(true);
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "exhibitor.chased"), eq(auditEntries.editionId, editionId)));
    expect(audit.length).toBe(1);
    // A second chase the same day writes to nobody already chased; a day later they are chased again.
    const again = await chaseLate(org, { editionId });
    expect(again).toMatchObject({ chased: 0, recentlyChased: late.exhibitors.length });
    const later = await chaseLate(ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", fixedClock("2026-01-11T09:00:00Z")), { editionId });
    expect(later.chased).toBe(r.chased);
  });

  it("shows the organiser's message in the portal", async () => {
    await sendMessage(await as(demo.organiser), { editionId, bodyEn: "Build-up starts at 8 am.", bodyUr: "اسٹال کی تیاری صبح 8 بجے شروع ہو گی۔" });
    expect((await ownPortal(await as(demo.exhibitor), editionId)).messages[0]?.bodyUr).toBe("اسٹال کی تیاری صبح 8 بجے شروع ہو گی۔");
  });
});

describe("the public catalogue", () => {
  const anon = () => ctxFor(t.db);
  it("lists published exhibitors, filtered by women-led, size, cluster and province", async () => {
    const all = await catalogue(anon(), { slug });
    expect(all.total).toBe(170);
    const women = await catalogue(anon(), { slug, womenLed: true, page: 1 });
    expect(women.count).toBeGreaterThan(0);
    expect(women.count).toBeLessThan(all.total);
    expect(women.exhibitors.every((e) => e.womenLed)).toBe(true);
    const micro = await catalogue(anon(), { slug, size: "micro" });
    expect(micro.exhibitors.every((e) => e.sizeClass === "micro")).toBe(true);
    const cluster = await catalogue(anon(), { slug, cluster: "sialkot-surgical-instruments" });
    expect(cluster.count).toBeGreaterThan(0);
    expect(cluster.exhibitors.every((e) => e.cluster?.slug === "sialkot-surgical-instruments")).toBe(true);
    const sindh = await catalogue(anon(), { slug, province: "Sindh" });
    expect(sindh.exhibitors.every((e) => e.province === "Sindh")).toBe(true);
    const sector = all.facets.sectors[0]!.code;
    expect((await catalogue(anon(), { slug, sector })).exhibitors.every((e) => e.sector?.code === sector)).toBe(true);
  });

  it("searches in English and in Urdu whatever the spelling, and by HS code", async () => {
    const en = await catalogue(anon(), { slug, q: "forceps" });
    expect(en.count).toBeGreaterThan(0);
    const ur = await catalogue(anon(), { slug, q: "فورسیپس" });
    expect(ur.count).toBeGreaterThan(0);
    // Arabic yeh and kaf for the Urdu letters: the same hits.
    const arabic = await catalogue(anon(), { slug, q: "فورسيپس" });
    expect(arabic.exhibitors.map((e) => e.slug)).toEqual(ur.exhibitors.map((e) => e.slug));
    const hs = await catalogue(anon(), { slug, q: "9018" });
    expect(hs.exhibitors.every((e) => e.products.some((p) => p.hsCode.startsWith("9018")))).toBe(true);
    expect(hs.count).toBeGreaterThan(0);
    expect((await catalogue(anon(), { slug, q: "zzzqqq" })).count).toBe(0);
  });

  it("hides an unpublished profile, and keeps next year's open", async () => {
    const [p] = await t.db.select().from(exhibitorProfiles).innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId)).where(and(eq(exhibitorProfiles.editionId, editionId), eq(enterprises.slug, "gomnote-instruments")));
    await t.db.update(exhibitorProfiles).set({ published: false }).where(eq(exhibitorProfiles.id, p!.exhibitor_profiles.id));
    expect(await code(catalogueExhibitor(anon(), { slug, exhibitor: "gomnote-instruments" }))).toBe("not_found");
    expect((await catalogue(anon(), { slug, q: "Gomnote" })).count).toBe(0);
    expect((await catalogue(anon(), { slug: "sme-showcase-2027" })).total).toBe(0);
  });

  it("places the exhibitor's confirmed stall on a small map of its hall, the same stall as the floor plan's", async () => {
    const list = await catalogue(anon(), { slug, q: "forceps" });
    const e = list.exhibitors.find((x) => x.stall && x.products.length)!;
    const { location, product } = await catalogueProduct(anon(), { slug, exhibitor: e.slug, productId: e.products[0]!.id });
    expect(product.id).toBe(e.products[0]!.id);
    expect(location?.stall.number).toBe(e.stall!.number);
    expect(location?.hall.code).toBe(e.stall!.hall);
    // The floor's own page of that stall: the same exhibitor, the same pavilion, the same place.
    const onPlan = await publicStall(anon(), { slug, hall: e.stall!.hall, number: e.stall!.number });
    expect(onPlan.stall.exhibitor?.slug).toBe(e.slug);
    expect(location!.area?.nameEn).toBe(onPlan.area?.nameEn);
    expect(location!.stall.box).toEqual(onPlan.stall.rect);
    expect(location!.others).toHaveLength(onPlan.stalls.length - 1);
    const b = location!.stall.box;
    expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= location!.hall.widthM && b.y + b.h <= location!.hall.depthM).toBe(true);

    // Drawn: the stall dark with its number, a caption in words in each language, light enough for a phone.
    for (const locale of ["en", "ur"] as const) {
      const html = renderToStaticMarkup(createElement(StallLocator, { location: location!, locale, t: translator(locale) }));
      expect(html).toContain(`data-stall="${e.stall!.number}"`);
      expect(html).toMatch(new RegExp(`>${e.stall!.number}</text>`));
      expect(html).toContain('dir="ltr"');
      const hall = locale === "ur" ? location!.hall.nameUr : location!.hall.nameEn;
      expect(html).toContain(`<figcaption class="muted">${locale === "ur" ? "اسٹال" : "Stall"} ${e.stall!.number}: ${hall}`);
      expect(Buffer.byteLength(html)).toBeLessThan(5_000);
    }
  });

  it("gives open data with public fields only", async () => {
    const data = await catalogueOpenData(anon(), { slug });
    const keys = new Set(data.exhibitors.flatMap((e) => Object.keys(e)));
    for (const k of ["ntn", "phone", "email", "powerNeed", "samples", "employees", "annualTurnoverPkr"]) expect(keys.has(k)).toBe(false);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/\+923\d{9}/);
    expect(text).not.toContain("@");
    const ntns = (await t.db.select({ ntn: enterprises.ntn }).from(enterprises).where(inArray(enterprises.slug, data.exhibitors.slice(0, 5).map((e) => e.slug)))).map((r) => r.ntn!);
    for (const n of ntns) expect(text).not.toContain(n);
    const rows = openDataRows(data);
    expect(rows.every((r) => r.length === openDataColumns.length)).toBe(true);
  });
});
