import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { outboxMessages } from "../../platform/mail/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { actorForUser } from "../accounts/grants";
import { editionTradeBodies } from "../editions/tables";
import { acceptRows, checkUpload, listNominations, nominateOne, reissueLink } from "./operations/nominate";
import { getCallForStaff, saveCall } from "./operations/call";
import { csv, freshEditionWithCall, HEADER, makeUser, tradeBodyId } from "./test-support";
import { nominations } from "./tables";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

const row = (name: string, ntn: string, extra = "micro,12000000,6,yes,Ayesha Khan,ayesha@example.pk,0300-1234567,Sialkot") =>
  `${name},${ntn},sialkot-sports-goods,${extra}`;

describe("the nomination call", () => {
  it("starts from the default criteria, saves quotas and publishes a rule that then stays fixed, audited", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "call-test", { bonus: { womenLed: 5 } });
    const page = await getCallForStaff(staff, { editionId: edition.id });
    expect(page.call.criteria.map((c) => c.id)).toEqual(["quality", "innovation", "market_readiness"]);
    expect(page.call.criteria.every((c) => c.guidanceUr.length === 5 && c.weight === 1)).toBe(true);
    expect(page.call.publishedAt).not.toBeNull();
    const lcci = await tradeBodyId(t.db, "lcci");
    const base = { editionId: edition.id, opensAt: page.call.opensAt, closesAt: page.call.closesAt, criteria: page.call.criteria, totalStalls: 12 };
    await saveCall(staff, { ...base, rule: page.call.rule, quotas: [{ tradeBodyId: lcci, quota: 3 }] });
    const [m] = await t.db.select().from(editionTradeBodies).where(and(eq(editionTradeBodies.editionId, edition.id), eq(editionTradeBodies.tradeBodyId, lcci)));
    expect(m!.nominationQuota).toBe(3);
    await expect(saveCall(staff, { ...base, rule: { bonus: { womenLed: 9 } } })).rejects.toMatchObject({ code: "rule_published" });
    await expect(saveCall(staff, { ...base, closesAt: "2025-01-01T00:00:00Z", rule: page.call.rule })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "closesAt", code: "closes_before_opens" })],
    });
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    await expect(saveCall(rep, { ...base, rule: page.call.rule })).rejects.toMatchObject({ code: "forbidden" });
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.entityId, edition.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["nomination_call.created", "nomination_call.published", "nomination_call.updated"]));
  });
});

describe("nominating", () => {
  it("reports every problem of a mixed file by row and column, accepts the valid rows, and a fixed re-upload adds the rest", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "upload-test");
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    const file = csv([
      HEADER,
      row("Good One", "1234567-1"),
      row("Bad NTN", "12-3"),
      row("Dup", "1234567-1"),
      "No Cluster,1234567-4,atlantis,small,200000000,10,no,Bilal,,,",
      row("Good Two", "1234567-5", "small,60000000,20,no,Bilal Ahmed,,3001234567,Sialkot"),
    ]);
    const report = await checkUpload(rep, { editionId: edition.id, file });
    expect(report.valid.map((v) => v.enterpriseName)).toEqual(["Good One", "Good Two"]);
    expect(report.valid[1]!.phone).toBe("+923001234567");
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "ntn", "ntn_format"],
      [4, "ntn", "duplicate_in_file"],
      [5, "cluster", "cluster_unknown"],
      [5, "sizeClass", "size_class_mismatch"],
      [5, "phone", "contact_missing"],
    ]);
    // Nothing is stored before acceptance.
    expect(await t.db.select().from(nominations).where(eq(nominations.editionId, edition.id))).toEqual([]);

    const accepted = await acceptRows(rep, { editionId: edition.id, rows: report.rows.filter((r) => report.valid.some((v) => v.row === r.row)) });
    expect(accepted.created).toHaveLength(2);
    // The link opens in the language the representative nominated in.
    expect(accepted.created[0]!.link).toMatch(/^http:\/\/numaish\.test\/apply\/[\w-]{40,}\?lang=en$/);
    const stored = await t.db.select().from(nominations).where(eq(nominations.editionId, edition.id));
    expect(stored.map((n) => n.status)).toEqual(["invited", "invited"]);
    // The link is stored hashed only.
    expect(stored.some((n) => accepted.created.some((c) => c.link.endsWith(n.linkHash)))).toBe(false);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "ayesha@example.pk"));
    expect(mails).toHaveLength(1);
    // Both languages, each with the link that opens the application in it, Urdu first.
    const token = accepted.created[0]!.link.split("/apply/")[1]!.split("?")[0]!;
    const body = mails[0]!.bodyText;
    expect(body).toContain("محترم");
    expect(body.indexOf(`/apply/${token}?lang=ur`)).toBeGreaterThan(-1);
    expect(body.indexOf(`/apply/${token}?lang=ur`)).toBeLessThan(body.indexOf(`/apply/${token}?lang=en`));

    // The whole file, fixed, uploaded again: accepted rows are not errors and not added twice.
    const fixed = csv([HEADER, row("Good One", "1234567-1"), row("Bad NTN", "1234567-3"), row("Good Two", "1234567-5", "small,60000000,20,no,Bilal Ahmed,,3001234567,Sialkot")]);
    const again = await checkUpload(rep, { editionId: edition.id, file: fixed });
    expect(again.problems).toEqual([]);
    expect(again.alreadyNominated).toEqual([2, 4]);
    expect(again.valid.map((v) => v.enterpriseName)).toEqual(["Bad NTN"]);
  });

  it("reports problems in Urdu with the row number, and one-by-one nomination checks the same rules by field", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "one-test");
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber), "ur");
    const fields = { editionId: edition.id, enterpriseName: "Form Co", ntn: "7654321-0", cluster: "Sialkot sports goods", sizeClass: "micro", annualTurnoverPkr: "1000000", employees: "3", womenLed: "ہاں", contactName: "Sana", email: "", phone: "" };
    await expect(nominateOne(rep, fields)).rejects.toMatchObject({ code: "validation_failed", fields: [{ path: "phone", code: "contact_missing", params: {} }] });
    const created = await nominateOne(rep, { ...fields, phone: "0321 7654321" });
    expect(created.enterpriseName).toBe("Form Co");
    const [n] = await t.db.select().from(nominations).where(eq(nominations.id, created.id));
    expect(n!.womenLed).toBe(true);
    expect(n!.locale).toBe("ur");
    expect(created.link.endsWith("?lang=ur")).toBe(true);
    expect((await reissueLink(rep, { nominationId: created.id })).link).toMatch(/\?lang=ur$/);
    // The organiser's audit log shows the reissue.
    const [reissued] = await t.db.select().from(auditEntries).where(eq(auditEntries.entityId, created.id));
    expect(reissued).toMatchObject({ action: "nomination.link_reissued", organiserId: edition.organiserId, actorLabel: demo.chamber });
  });

  it("enforces the quota, also when two uploads of one trade body race", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "quota-test");
    const lcci = await tradeBodyId(t.db, "lcci");
    await t.db.update(editionTradeBodies).set({ nominationQuota: 3 }).where(and(eq(editionTradeBodies.editionId, edition.id), eq(editionTradeBodies.tradeBodyId, lcci)));
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    const rows = (from: number) => [0, 1].map((i) => ({ row: i + 2, values: { enterpriseName: `Firm ${from + i}`, ntn: `12345${from + i}-0`, cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: "100000", employees: "2", womenLed: "no", contactName: "X", phone: "03001234567" } }));
    const results = await Promise.allSettled([acceptRows(rep, { editionId: edition.id, rows: rows(10) }), acceptRows(rep, { editionId: edition.id, rows: rows(20) })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "quota_exceeded", params: { remaining: 1 } } });
    const own = await listNominations(rep, { editionId: edition.id });
    expect(own.nominations).toHaveLength(2);
    expect(own.remaining).toBe(1);
  });

  it("never shows or lets another trade body touch a nominee, nor tells it who holds an NTN", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const edition = await freshEditionWithCall(staff, "isolation-test");
    const lcciRep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    const kcciUser = await makeUser(t.db, "kcci-rep@example.pk", "trade_body_rep", "kcci");
    const kcciRep = ctxFor(t.db, await actorForUser(t.db, kcciUser));
    const created = await nominateOne(lcciRep, { editionId: edition.id, enterpriseName: "Lahore Firm", ntn: "1111111-1", cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: "100000", employees: "2", womenLed: "no", contactName: "X", phone: "03001234567" });

    expect((await listNominations(kcciRep, { editionId: edition.id })).nominations).toEqual([]);
    expect((await listNominations(lcciRep, { editionId: edition.id })).nominations.map((n) => n.id)).toEqual([created.id]);
    const lcci = await tradeBodyId(t.db, "lcci");
    await expect(listNominations(kcciRep, { editionId: edition.id, tradeBodyId: lcci })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reissueLink(kcciRep, { nominationId: created.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptRows(kcciRep, { editionId: edition.id, tradeBodyId: lcci, rows: [{ row: 2, values: {} }] })).rejects.toMatchObject({ code: "forbidden" });
    const report = await checkUpload(kcciRep, { editionId: edition.id, file: csv([HEADER, row("Same Firm", "1111111-1")]) });
    expect(report.problems).toEqual([{ row: 2, column: "ntn", code: "nominated_by_another_trade_body", params: {} }]);
    expect(JSON.stringify(report)).not.toContain("Lahore");
    // Organiser staff see every trade body's nominees.
    expect((await listNominations(staff, { editionId: edition.id, tradeBodyId: lcci })).nominations).toHaveLength(1);
    await expect(listNominations(ctxFor(t.db, await actorFor(t.db, demo.visitor)), { editionId: edition.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
