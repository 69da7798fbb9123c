import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { outboxMessages } from "../../platform/mail/tables";
import { copyEdition } from "../editions/operations/copy-edition";
import { editions } from "../editions/tables";
import { decideScan } from "./core/decide";
import { bundleSets, gateBundleSchema, scanDay } from "./core/gate-bundle";
import { lookupShortCode, unpackManualList } from "./core/manual-entry";
import { newScanNonce } from "./core/offline-sync";
import { CHECK_ALPHABET, formatShortCode } from "./core/short-code";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { footfall } from "./operations/footfall";
import { issueBadge } from "./operations/issue-badge";
import { admitFound, findBadges, NAME_SEARCHES_PER_WINDOW } from "./operations/lookup";
import { revokeBadge } from "./operations/manage-badges";
import { gateBundle, uploadOfflineScans } from "./operations/offline";
import { recordScan } from "./operations/scan";
import { badges, gates, scans } from "./tables";

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
// 10:00 in Lahore on the first day of the demo edition (2026-01-24).
const day0 = () => fixedClock("2026-01-24T05:00:00Z");
const as = async (email: string, locale: "en" | "ur" = "en") => ctxFor(t.db, await actorFor(t.db, email), locale, day0());
const gateCtx = (locale: "en" | "ur" = "en") => as(demo.gate, locale);
const staffCtx = () => as(demo.organiser);
let gate: string;

async function withBadge(editionId: string, email: string, name: string, nameUr?: string) {
  const reg = await insertApprovedRegistration(t.db, editionId, { email, name, ...(nameUr ? { nameUr } : {}) });
  await inTransaction(await staffCtx(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: badge!.code, shortCode: formatShortCode(2026, reg.number) };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no refusal";
};

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
  await t.db.update(gates).set({ reentryAllowed: false }).where(eq(gates.editionId, ids.edition.id));
  gate = ids.gate("hall1").id;
});
afterAll(async () => t?.close());

describe(`finding a badge when the camera fails (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("finds a badge by its short code, admits it as a manual entry once, then says already inside like a scan", async () => {
    const { reg, code, shortCode } = await withBadge(ids.edition.id, "code1@example.pk", "Zarmina Qureshi");
    const before = (await footfall(await staffCtx(), { editionId: ids.edition.id })).totals.entries;

    // As printed, in lower case without dashes, or without the year: one person, with what staff need to compare.
    for (const query of [shortCode, shortCode.toLowerCase().replace(/-/g, " "), shortCode.slice(5)]) {
      const found = await findBadges(await gateCtx(), { gateId: gate, query });
      expect(found).toEqual({
        via: "code",
        found: [{ registrationNo: reg.number, shortCode, name: "Zarmina Qureshi", nameUr: null, category: "Corporate buyer", status: "approved", badge: "valid" }],
      });
    }
    expect((await findBadges(await gateCtx("ur"), { gateId: gate, query: shortCode })).found[0]!.category).not.toBe("Corporate buyer");

    const admitted = await admitFound(await gateCtx(), { gateId: gate, registrationNo: reg.number, via: "code" });
    expect(admitted).toMatchObject({ result: "admit", reason: "ok", person: { registrationNo: reg.number, name: "Zarmina Qureshi" } });
    const again = await admitFound(await gateCtx(), { gateId: ids.gate("hall2").id, registrationNo: reg.number, via: "code" });
    expect(again).toMatchObject({ result: "refuse", reason: "already_inside" });
    // The QR, once the camera works again, is the same badge: already inside too.
    expect((await recordScan(await gateCtx(), { gateId: gate, code })).reason).toBe("already_inside");

    const rows = await t.db.select().from(scans).where(eq(scans.registrationId, reg.id));
    expect(rows.map((r) => [r.result, r.reason, r.manual]).sort()).toEqual([
      ["admit", "ok", "code"],
      ["refuse", "already_inside", null],
      ["refuse", "already_inside", "code"],
    ]);
    expect((await footfall(await staffCtx(), { editionId: ids.edition.id })).totals.entries).toBe(before + 1);
  });

  it("refuses a short code with a wrong check letter, or of another edition, with a clear reason", async () => {
    const { shortCode } = await withBadge(ids.edition.id, "code2@example.pk", "Farhan Akhtar");
    const wrong = shortCode.slice(0, -1) + CHECK_ALPHABET.split("").find((c) => c !== shortCode.at(-1))!;
    expect(await refusal(findBadges(await gateCtx(), { gateId: gate, query: wrong }))).toBe("short_code_check_failed");
    // One digit misread: the check letter catches it.
    const misread = shortCode.replace(/-(\d)/, (_, d: string) => `-${(Number(d) + 1) % 10}`);
    expect(await refusal(findBadges(await gateCtx(), { gateId: gate, query: misread }))).toBe("short_code_check_failed");

    // Another edition of the same organiser (the gate staff may scan there too): its codes and
    // its people are not this gate's.
    await copyEdition(await staffCtx(), { editionId: ids.edition.id, slug: "showcase-2027", year: 2027, startsOn: "2027-01-23" });
    const [next] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2027"));
    const other = await insertApprovedRegistration(t.db, next!.id, { email: "other@example.pk", name: "Sabeen Elsewhere" });
    const otherCode = formatShortCode(2027, other.number);
    expect(await refusal(findBadges(await gateCtx(), { gateId: gate, query: otherCode }))).toBe("short_code_other_edition");
    expect(await findBadges(await gateCtx(), { gateId: gate, query: "Sabeen" })).toEqual({ via: "name", found: [] });
    // A well-formed code of this edition's year that names nobody here: found none.
    expect(await findBadges(await gateCtx(), { gateId: gate, query: formatShortCode(2026, 9_999_999) })).toEqual({ via: "code", found: [] });
  });

  it("finds people by name (Latin or Urdu) for gate staff only, and admits by the same rules", async () => {
    const { reg } = await withBadge(ids.edition.id, "name1@example.pk", "Mehwish Tarar", "مہوش تارڑ");
    const found = await findBadges(await gateCtx(), { gateId: gate, query: "mehwish" });
    expect(found.via).toBe("name");
    expect(found.found.map((f) => f.name)).toEqual(["Mehwish Tarar"]);
    expect((await findBadges(await gateCtx(), { gateId: gate, query: "تارڑ" })).found.map((f) => f.registrationNo)).toEqual([reg.number]);
    // LIKE wildcards are text, not patterns.
    expect((await findBadges(await gateCtx(), { gateId: gate, query: "%%%" })).found).toEqual([]);
    expect(await refusal(findBadges(await gateCtx(), { gateId: gate, query: "Me" }))).toBe("validation_failed");

    // Who may not: visitors, exhibitors, anyone signed out.
    for (const who of [demo.visitor, demo.exhibitor]) {
      expect(await refusal(findBadges(await as(who), { gateId: gate, query: "Mehwish" }))).toBe("forbidden");
      expect(await refusal(admitFound(await as(who), { gateId: gate, registrationNo: reg.number, via: "name" }))).toBe("forbidden");
    }
    expect(await refusal(findBadges(ctxFor(t.db, undefined, "en", day0()), { gateId: gate, query: "Mehwish" }))).toBe("unauthenticated");

    // Revoked: found, shown as revoked, and refused as a scan would be.
    await revokeBadge(await staffCtx(), { registrationId: reg.id, reason: "Lost" });
    expect((await findBadges(await gateCtx(), { gateId: gate, query: "Mehwish" })).found[0]).toMatchObject({ badge: "revoked" });
    expect(await admitFound(await gateCtx(), { gateId: gate, registrationNo: reg.number, via: "name" })).toMatchObject({ result: "refuse", reason: "revoked" });
    const [row] = await t.db.select().from(scans).where(eq(scans.registrationId, reg.id));
    expect(row).toMatchObject({ manual: "name", result: "refuse" });

    // No badge yet (pending): said plainly, nothing to scan.
    const pending = await insertApprovedRegistration(t.db, ids.edition.id, { email: "pending@example.pk", name: "Pending Person", status: "pending" });
    expect((await findBadges(await gateCtx(), { gateId: gate, query: "Pending Person" })).found[0]).toMatchObject({ status: "pending", badge: "none" });
    expect(await refusal(admitFound(await gateCtx(), { gateId: gate, registrationNo: pending.number, via: "name" }))).toBe("registration_not_approved");

    // Name searches are audited, and limited per person.
    const audited = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "checkin.nameSearched"), eq(auditEntries.editionId, ids.edition.id)));
    expect(audited.length).toBeGreaterThan(3);
    expect(audited[0]!.data).toMatchObject({ results: expect.any(Number) });
    let limited = "";
    for (let i = 0; i < NAME_SEARCHES_PER_WINDOW + 1 && !limited; i++) {
      const r = await refusal(findBadges(await gateCtx(), { gateId: gate, query: "Nobody by this name" }));
      if (r !== "no refusal") limited = r!;
    }
    expect(limited).toBe("rate_limited");
    // Short codes stay open: they name one badge and are checked.
    const { shortCode } = await withBadge(ids.edition.id, "code3@example.pk", "After Limit");
    expect((await findBadges(await gateCtx(), { gateId: gate, query: shortCode })).found).toHaveLength(1);
  });

  it("over the API: the badge email carries the code; find and admit for gate staff, refusals with their codes", async () => {
    const api = testApp(t.db, day0());
    const signIn = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const { reg, shortCode } = await withBadge(ids.edition.id, "api-code@example.pk", "Rubina Api");
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "api-code@example.pk"));
    expect(mail!.bodyText).toContain(shortCode);
    const gateCookie = await signIn(demo.gate);
    const base = `/api/v1/gates/${ids.gate("hall3").id}`;
    const found = await api.call(`${base}/badge-search`, { json: { query: shortCode }, cookie: gateCookie });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ via: "code", found: [{ registrationNo: reg.number, shortCode, name: "Rubina Api", badge: "valid" }] });
    const wrong = await api.call(`${base}/badge-search`, { json: { query: shortCode.slice(0, -1) + (shortCode.endsWith("A") ? "B" : "A") }, cookie: gateCookie });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "short_code_check_failed" } });
    const admitted = await api.call(`${base}/manual-scans`, { json: { registrationNo: reg.number, via: "code" }, cookie: gateCookie });
    expect(admitted.body).toMatchObject({ result: "admit", reason: "ok" });
    expect((await api.call(`${base}/manual-scans`, { json: { registrationNo: reg.number, via: "code" }, cookie: gateCookie })).body).toMatchObject({ reason: "already_inside" });
    expect((await api.call(`${base}/badge-search`, { json: { query: shortCode }, cookie: await signIn(demo.visitor) })).status).toBe(403);
    expect((await api.call(`${base}/badge-search`, { json: { query: shortCode } })).status).toBe(401);
  });

  it("finds short codes offline from the bundle (numbers, no names) and checks uploaded manual admits", async () => {
    const { reg, shortCode } = await withBadge(ids.edition.id, "offline1@example.pk", "Offline Visitor");
    const bundle = gateBundleSchema.parse(await gateBundle(await gateCtx(), { editionId: ids.edition.id }));
    expect(JSON.stringify(bundle)).not.toContain("Offline Visitor");
    const byNumber = unpackManualList(bundle.manual!);
    const found = lookupShortCode(shortCode.slice(5), bundle.manual!, byNumber, bundle.edition);
    expect(found).toMatchObject({ ok: true, registrationNo: reg.number, code: shortCode });
    expect(lookupShortCode(shortCode.slice(0, -1) + (shortCode.endsWith("A") ? "B" : "A"), bundle.manual!, byNumber, bundle.edition)).toEqual({ ok: false, reason: "bad_check" });
    expect(lookupShortCode(formatShortCode(2026, 9_999_999), bundle.manual!, byNumber, bundle.edition)).toEqual({ ok: false, reason: "unknown" });
    // The phone decides with the very function the server runs.
    const hall = bundle.gates.find((g) => g.id === gate)!;
    const today = scanDay(new Date("2026-01-24T05:00:00Z"), bundle);
    const decision = decideScan({ verification: found.ok ? found.verification : { ok: false, code: "unknown_code" }, ...bundleSets(bundle), today, gateZone: hall.zone, reentryAllowed: hall.reentryAllowed, history: [] });
    expect(decision).toMatchObject({ result: "admit", reason: "ok" });

    const item = (code: string, registrationNo: number) => ({
      nonce: newScanNonce(),
      gateId: gate,
      deviceId: "phone-off",
      at: "2026-01-24T05:10:00.000Z",
      code,
      registrationNo,
      zone: null,
      result: "admit",
      reason: "ok",
      offline: true,
      manual: "code",
    });
    const forged = formatShortCode(2026, 9_999_998);
    const answer = await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: [item(shortCode, reg.number), item(forged, 9_999_998), item(shortCode, reg.number + 1)] });
    expect(answer).toMatchObject({ recorded: 3, incidents: 2 });
    const rows = await t.db.select().from(scans).where(and(eq(scans.editionId, ids.edition.id), eq(scans.deviceId, "phone-off")));
    expect(rows.filter((r) => r.result === "admit").map((r) => [r.registrationNo, r.manual])).toEqual([[reg.number, "code"]]);
  });
});
