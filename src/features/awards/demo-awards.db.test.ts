import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { fixedClock } from "../../platform/clock";
import { renderCertificatePdf } from "./certificate-pdf";
import { certificateOf } from "./operations/results";
import { awardCategories, awardRounds } from "./tables";

// The demo's awards (issue #13, awards item 5) through the API: the 2026 show's winners sealed
// before the ceremony and public after it, with stall and profile; the transparency figures; the
// certificate; the organiser-only and judge-only endpoints; next year's categories open.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t?.close());

const BEFORE = fixedClock("2026-01-20T08:00:00Z");
const AFTER = fixedClock("2026-12-04T06:00:00Z");

describe("the demo awards and the API", () => {
  it("keeps the 2026 winners sealed before the ceremony and publishes them after", async () => {
    const before = await testApp(t.db, BEFORE).call("/api/v1/editions/showcase-2026/awards/winners");
    expect(before.status).toBe(200);
    expect(before.body.categories).toEqual([]);
    const api = testApp(t.db, AFTER);
    const after = await api.call("/api/v1/editions/showcase-2026/awards/winners");
    expect(after.body.categories.map((c: { slug: string }) => c.slug)).toEqual(["innovation", "women-led-micro", "export-potential", "quality-standards"]);
    const innovation = after.body.categories[0];
    expect(innovation.places.map((p: { place: string }) => p.place)).toEqual(["winner", "runner_up", "runner_up"]);
    expect(after.body.categories.flatMap((c: { places: { stall: unknown }[] }) => c.places).some((p: { stall: unknown }) => p.stall !== null)).toBe(true);
    const transparency = await api.call("/api/v1/editions/showcase-2026/awards/transparency");
    expect(transparency.status).toBe(200);
    expect(transparency.body.categories[0].rounds.map((r: { kind: string }) => r.kind)).toEqual(["shortlist", "final"]);
    // the certificate: only once published
    const winner = innovation.places[0];
    const ctxAt = (clock: typeof AFTER) => ({ ...ctxFor(t.db, undefined, "en", clock) });
    expect((await certificateOf(ctxAt(AFTER), { categoryId: innovation.id, entryId: winner.entryId })).result.place).toBe("winner");
    await expect(certificateOf(ctxAt(BEFORE), { categoryId: innovation.id, entryId: winner.entryId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses the organiser's and the judges' endpoints to anonymous callers, and lists them in the OpenAPI document", async () => {
    const api = testApp(t.db, AFTER);
    const { editionId } = await demoShow(t.db);
    expect((await api.call(`/api/v1/editions/${editionId}/awards`)).status).toBe(401);
    expect((await api.call("/api/v1/awards/judging")).status).toBe(401);
    const [round] = await t.db.select().from(awardRounds).where(eq(awardRounds.editionId, editionId)).limit(1);
    expect((await api.call(`/api/v1/awards/rounds/${round!.id}/board`)).status).toBe(401);
    const doc = await api.call("/api/v1/openapi.json");
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(["/editions/{slug}/awards/winners", "/awards/rounds/{id}/scores", "/awards/categories/{id}/lock"]));
    void demo;
  });

  it("leaves next year's categories open: rounds in draft, nothing locked", async () => {
    const { editionId } = await demoShow(t.db, "sme-showcase-2027");
    const cats = await t.db.select().from(awardCategories).where(eq(awardCategories.editionId, editionId));
    expect(cats).toHaveLength(4);
    expect(cats.every((c) => c.lockedAt === null)).toBe(true);
    const rounds = await t.db.select().from(awardRounds).where(eq(awardRounds.editionId, editionId));
    expect(rounds.every((r) => r.status === "draft")).toBe(true);
  });
});

describe("the certificate", () => {
  it("shapes an Urdu name, and still prints when fontkit cannot lay a string out", async () => {
    const base = { locale: "en" as const, title: "Certificate of Excellence", placeLine: "Winner", categoryName: "Export potential", editionName: "Showcase 2026", enterpriseName: "Noor Textiles", dateLine: "26 January 2026" };
    // ٹیکسٹائلز makes fontkit's mark positioning throw: laid out without it, not dropped.
    const ok = await renderCertificatePdf({ ...base, enterpriseNameUr: "نور ٹیکسٹائلز" });
    expect(ok.urduRendered).toBe(true);
    expect((await renderCertificatePdf({ ...base, locale: "ur", title: "سندِ امتیاز", placeLine: "فاتح", enterpriseName: "نور ٹیکسٹائلز", enterpriseNameUr: null })).urduRendered).toBe(true);
    expect(ok.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const noFont = await renderCertificatePdf({ ...base, enterpriseNameUr: "نور ٹیکسٹائلز", urduFontPath: "/nonexistent/font.woff" });
    expect(noFont.urduRendered).toBe(false);
    expect(noFont.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
