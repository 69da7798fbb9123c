import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { outboxMessages } from "../../platform/mail/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { getApplication, saveApplication } from "./operations/application";
import { nominateOne } from "./operations/nominate";
import { nominations } from "./tables";
import { freshEditionWithCall } from "./test-support";

// The nominee's application after the new-user review: Urdu digits, every
// problem at once, HS codes checked, a clear submitted state with a receipt.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

async function nominee(slug: string, email: string | null) {
  const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
  const edition = await freshEditionWithCall(staff, slug);
  const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
  const ntn = `${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}-1`;
  const created = await nominateOne(rep, { editionId: edition.id, enterpriseName: "Sadia Crafts", ntn, cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: "2000000", employees: "3", womenLed: "yes", contactName: "Sadia", email: email ?? "", phone: "03009998887" });
  return { id: created.id, token: created.link.split("/apply/")[1]!.split("?")[0]! };
}

const complete = { enterpriseName: "Sadia Crafts", district: "Sialkot", womenLed: "yes", womenOwnershipPercent: "100", employees: "3", turnoverBand: "micro", products: [{ name: "Football", hsCode: "9506.62" }], goals: "Meet buyers" };

describe("the application form", () => {
  it("takes Urdu and Eastern Arabic-Indic digits in numbers and HS codes", async () => {
    const { token } = await nominee("app-digits", null);
    const ur = ctxFor(t.db, undefined, "ur");
    await saveApplication(ur, { token, data: { ...complete, employees: "۳۰", womenOwnershipPercent: "٥١", products: [{ name: "فٹ بال", hsCode: "۹۵۰۶.۶۲" }] } });
    const app = await getApplication(ur, { token });
    expect(app.data.employees).toBe(30);
    expect(app.data.womenOwnershipPercent).toBe(51);
    expect(app.data.products).toEqual([{ name: "فٹ بال", hsCode: "9506.62" }]);
  });

  it("reports every problem of a submission at once, each with a code that says what to type", async () => {
    const { token } = await nominee("app-all-at-once", null);
    const ctx = ctxFor(t.db);
    const data = { ...complete, district: "", employees: "", womenOwnershipPercent: "abc", goals: "", products: [{ name: "", hsCode: "" }, { name: "Gloves", hsCode: "abc" }, { name: "Ball", hsCode: "" }] };
    const refused = await saveApplication(ctx, { token, submit: true, data }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "validation_failed" });
    const fields = (refused as { fields: { path: string; code: string }[] }).fields.map((f) => `${f.path}:${f.code}`).sort();
    expect(fields).toEqual(["district:required", "employees:required", "goals:required", "products.1.hsCode:hs_code_format", "products.2.hsCode:required", "womenOwnershipPercent:percent_0_100"].sort());
    // A draft is only checked for format: the same bad HS code and percentage, nothing about empty fields.
    const draft = await saveApplication(ctx, { token, data }).catch((e: unknown) => e);
    expect((draft as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual(["products.1.hsCode", "womenOwnershipPercent"]);
    await expect(saveApplication(ctx, { token, data: { ...complete, employees: "-3" } })).rejects.toMatchObject({ fields: [{ path: "employees", code: "employee_count" }] });
  });

  it("stays submitted when updated, never falls back to a draft, and sends one receipt in the applicant's language", async () => {
    const email = "sadia-receipt@example.pk";
    const { id, token } = await nominee("app-submitted", email);
    const ur = ctxFor(t.db, undefined, "ur");
    const first = await saveApplication(ur, { token, submit: true, data: complete });
    expect(first).toMatchObject({ status: "submitted", updated: false, emailedTo: email });
    const [n] = await t.db.select().from(nominations).where(eq(nominations.id, id));
    expect(n!.locale).toBe("ur");
    const receipts = async () => (await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).filter((m) => m.kind === "nomination.submitted");
    const [receipt] = await receipts();
    expect(receipt!.subject).toContain("درخواست موصول");
    expect(receipt!.bodyText).toContain(`/apply/${token}?lang=ur`);

    const again = await saveApplication(ur, { token, submit: true, data: { ...complete, goals: "Meet European buyers" } });
    expect(again).toMatchObject({ status: "submitted", updated: true, emailedTo: null });
    // An old tab's "save draft" with a field emptied is checked as a whole application and refused.
    await expect(saveApplication(ur, { token, data: { ...complete, goals: "" } })).rejects.toMatchObject({ code: "validation_failed", fields: [{ path: "goals", code: "required" }] });
    const [after] = await t.db.select().from(nominations).where(eq(nominations.id, id));
    expect(after!.status).toBe("submitted");
    expect((after!.application as { goals: string }).goals).toBe("Meet European buyers");
    expect(after!.submittedAt).toEqual(n!.submittedAt);
    expect(await receipts()).toHaveLength(1);

    // After the call closes nothing changes any more.
    const late = ctxFor(t.db, undefined, "ur", fixedClock("2026-02-02T00:00:00Z"));
    await expect(saveApplication(late, { token, submit: true, data: complete })).rejects.toMatchObject({ code: "call_closed" });
    expect((await getApplication(late, { token })).open).toBe(false);
  });
});
