import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { rowsOf } from "../../platform/db/rows";
import { isDomainError } from "../../platform/errors";
import type { Actor } from "../../platform/permissions/actor";
import { newScanNonce } from "../checkin/core/offline-sync";
import { scans, gates } from "../checkin/tables";
import { editions } from "../editions/tables";
import { registrations } from "../registration/tables";
import { b2bMeetings, b2bParticipants, b2bRequests } from "../b2b/tables";
import { insertApprovedRegistration } from "../checkin/fixtures";
import { breakdownNames } from "./client";
import { editionAnalytics } from "./operations/analytics";
import { tradeBodyFigures } from "./operations/trade-body";
import { analyticsExport } from "./operations/exports";
import { testApp } from "../../../tests/support/http";

// The analytics area (issue #15, item 5): the SMEs' stages and the visitors are counted from the
// features' own rows (a change there moves the figure by one), every breakdown adds up to the
// same totals, another edition is set beside in time order, and only organiser staff see it.

let t: TestDb;
let editionId: string;
let staff: Actor;
const view = (over: Partial<Parameters<typeof editionAnalytics>[1]> = {}) => editionAnalytics(ctxFor(t.db, staff, "en"), { editionId, ...over });
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (isDomainError(e) ? e.code : String(e)));
const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await t.db.execute(q))[0]!.n;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  staff = await actorFor(t.db, demo.organiser);
});
afterAll(async () => t?.close());

describe("the SMEs from nomination to meetings", () => {
  it("counts the demo's stages as the features hold them, and every breakdown adds up to the same totals", async () => {
    const d = await view();
    const submitted = await count(sql`SELECT count(*)::int AS n FROM nominations WHERE edition_id = ${editionId} AND status = 'submitted'`);
    expect(d.funnelTotal.nominated).toBe(submitted);
    expect(d.funnelTotal.selected).toBeGreaterThan(100);
    expect(d.funnelTotal.selected).toBeLessThan(submitted);
    expect(d.funnelTotal.exhibiting).toBe(d.funnelTotal.selected);
    expect(d.charts.funnel).toMatch(/^<svg[^>]*aria-hidden="true"/);
    for (const by of breakdownNames) {
      const other = await view({ by });
      expect(other.funnelTotal, by).toEqual(d.funnelTotal);
      expect(new Set(other.funnel.map((r) => r.group)).size, by).toBe(other.funnel.length);
      expect(other.funnel.every((r) => r.label.length > 0 && r.selected <= r.nominated && r.exhibiting <= r.nominated)).toBe(true);
    }
    const women = (await view({ by: "women_led" })).funnel.find((r) => r.group === "yes")!;
    expect(women.nominated).toBe(
      await count(sql`SELECT count(*)::int AS n FROM nominations n LEFT JOIN enterprises e ON e.ntn = n.ntn AND e.organiser_id = (SELECT organiser_id FROM editions WHERE id = ${editionId})
        WHERE n.edition_id = ${editionId} AND n.status = 'submitted' AND n.women_led`),
    );
  });

  it("moves by one when a meeting is cancelled, a stall unconfirmed or a nomination withdrawn", async () => {
    const before = (await view()).funnelTotal;
    // A nominated firm joins the B2B programme, meets a buyer, and the meeting is cancelled.
    const [firm] = rowsOf<{ id: string }>(
      await t.db.execute(sql`SELECT e.id FROM enterprises e JOIN nominations n ON n.ntn = e.ntn AND n.edition_id = ${editionId} AND n.status = 'submitted'
        WHERE e.organiser_id = (SELECT organiser_id FROM editions WHERE id = ${editionId})
          AND NOT EXISTS (SELECT 1 FROM b2b_participants p WHERE p.edition_id = ${editionId} AND p.enterprise_id = e.id) LIMIT 1`),
    );
    const [sme] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm!.id, approved: true, optedIn: true }).returning();
    expect((await view()).funnelTotal.inB2b).toBe(before.inB2b + 1);
    const reg = await insertApprovedRegistration(t.db, editionId, { email: "analytics-buyer@example.pk" });
    const [buyer] = await t.db.insert(b2bParticipants).values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: reg.id, approved: true, optedIn: true }).returning();
    const [request] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, requestedBy: "buyer", status: "accepted" }).returning();
    const [meeting] = await t.db.insert(b2bMeetings).values({ editionId, requestId: request!.id, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, day: 1, startMinute: 600, place: "stall", uid: "analytics-1@numaish.test" }).returning();
    expect((await view()).funnelTotal.meetings).toBe(before.meetings + 1);
    await t.db.update(b2bMeetings).set({ status: "cancelled" }).where(eq(b2bMeetings.id, meeting!.id));
    expect((await view()).funnelTotal.meetings).toBe(before.meetings);

    const [stall] = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM floor_stalls WHERE edition_id = ${editionId} AND state = 'confirmed' LIMIT 1`));
    await t.db.execute(sql`UPDATE floor_stalls SET state = 'assigned' WHERE id = ${stall!.id}`);
    expect((await view()).funnelTotal.exhibiting).toBe(before.exhibiting - 1);
    await t.db.execute(sql`UPDATE floor_stalls SET state = 'confirmed' WHERE id = ${stall!.id}`);

    const [nom] = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM nominations WHERE edition_id = ${editionId} AND status = 'submitted' LIMIT 1`));
    await t.db.execute(sql`UPDATE nominations SET status = 'withdrawn' WHERE id = ${nom!.id}`);
    expect((await view()).funnelTotal.nominated).toBe(before.nominated - 1);
    await t.db.execute(sql`UPDATE nominations SET status = 'submitted' WHERE id = ${nom!.id}`);
    expect((await view()).funnelTotal).toEqual({ ...before, inB2b: before.inB2b + 1 });
  });
});

describe("the visitors", () => {
  it("counts registrations by category, the approved, and who came (a rehearsal's scans left out)", async () => {
    const row = (d: Awaited<ReturnType<typeof view>>) => d.visitors.find((v) => v.code === "corporate_buyer")!;
    const before = row(await view());
    const pending = await insertApprovedRegistration(t.db, editionId, { email: "analytics-pending@example.pk", category: "corporate_buyer", status: "pending" });
    const reg = await insertApprovedRegistration(t.db, editionId, { email: "analytics-visitor@example.pk", category: "corporate_buyer" });
    const added = row(await view());
    expect([added.registered, added.approved, added.attended]).toEqual([before.registered + 2, before.approved + 1, before.attended]);
    const [gate] = await t.db.select().from(gates).where(eq(gates.editionId, editionId)).limit(1);
    const now = new Date("2026-01-24T06:00:00Z");
    const scan = (registrationNo: number, rehearsal: boolean, result: "admit" | "refuse" = "admit") =>
      t.db.insert(scans).values({ editionId, nonce: newScanNonce(), gateId: gate!.id, deviceId: "analytics-test", code: "x", registrationNo, dayIndex: 1, scannedAt: now, uploadedAt: now, offline: false, result, reason: result === "admit" ? "ok" : "not_approved", rehearsal });
    await scan(reg.number, true);
    await scan(reg.number, false, "refuse");
    await scan(pending.number, false);
    expect(row(await view()).attended).toBe(before.attended);
    await scan(reg.number, false);
    await scan(reg.number, false);
    expect(row(await view()).attended).toBe(before.attended + 1);
    await t.db.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, reg.id));
    const cancelled = row(await view());
    expect([cancelled.registered, cancelled.approved, cancelled.attended]).toEqual([before.registered + 1, before.approved, before.attended]);
  });
});

describe("edition against edition, and who may look", () => {
  it("sets next year's edition beside this one, in time order, for the chosen stage", async () => {
    const [next] = await t.db.select().from(editions).where(eq(editions.slug, "sme-showcase-2027"));
    const d = await view({ compare: next!.id, measure: "nominated", by: "cluster" });
    expect(d.comparison!.other.id).toBe(next!.id);
    expect(d.comparison!.columns.map((c) => c.id)).toEqual([editionId, next!.id]);
    expect(d.comparison!.funnelTotal[0]).toBe(d.funnelTotal.nominated);
    const mine = new Map(d.funnel.map((r) => [r.group, r.nominated]));
    expect(d.comparison!.funnel.every((r) => (mine.get(r.group) ?? null) === r.values[0])).toBe(true);
    expect(d.comparison!.chart).toMatch(/^<svg/);
    // Seen from 2027, 2026 is still the first column.
    const back = await editionAnalytics(ctxFor(t.db, staff, "ur"), { editionId: next!.id, compare: editionId });
    expect(back.comparison!.columns.map((c) => c.id)).toEqual([editionId, next!.id]);
    expect(await code(view({ compare: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
  });

  it("is for the organiser's staff only", async () => {
    expect(await code(editionAnalytics(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
    for (const who of [demo.exhibitor, demo.visitor, demo.reviewer, demo.gate, demo.chamber])
      expect(["forbidden", "not_found"], who).toContain(await code(editionAnalytics(ctxFor(t.db, await actorFor(t.db, who)), { editionId })));
  });
});

describe("a trade body's members", () => {
  const chamberFigures = async (over: Partial<Parameters<typeof tradeBodyFigures>[1]> = {}) => tradeBodyFigures(ctxFor(t.db, await actorFor(t.db, demo.chamber)), { editionId, ...over });
  const chamberId = async () => {
    const a = await actorFor(t.db, demo.chamber);
    return a.kind === "user" ? a.grants.find((g) => g.role === "trade_body_rep")!.tradeBodyId! : "";
  };

  it("counts only its own nominations, hides small groups, and names no firm", async () => {
    const tb = await chamberId();
    const mine = await count(sql`SELECT count(*)::int AS n FROM nominations WHERE edition_id = ${editionId} AND trade_body_id = ${tb} AND status = 'submitted'`);
    expect(mine).toBeGreaterThanOrEqual(5);
    const d = await chamberFigures({ by: "cluster" });
    expect(d.members).toBe(mine);
    expect(d.total!.nominated).toBe(mine);
    for (const r of d.rows) if (r.values.nominated !== null) expect(r.values.nominated).toBeGreaterThanOrEqual(5);
    // A hidden group can never be worked out: none or at least two are hidden.
    expect(d.rows.filter((r) => r.values.nominated === null).length).not.toBe(1);
    const names = rowsOf<{ enterprise_name: string }>(await t.db.execute(sql`SELECT enterprise_name FROM nominations WHERE edition_id = ${editionId} AND trade_body_id = ${tb}`));
    const text = JSON.stringify(d);
    expect(names.filter((n) => text.includes(n.enterprise_name))).toEqual([]);
    expect(d.editions.some((e) => e.id === editionId)).toBe(true);
  });

  it("shows no group and no scores when it nominated fewer than five firms", async () => {
    const tb = await chamberId();
    const [other] = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM trade_bodies WHERE id <> ${tb} LIMIT 1`));
    const moved = rowsOf<{ id: string }>(
      await t.db.execute(sql`UPDATE nominations SET trade_body_id = ${other!.id} WHERE id IN (SELECT id FROM nominations WHERE edition_id = ${editionId} AND trade_body_id = ${tb} AND status = 'submitted' OFFSET 3) RETURNING id`),
    );
    try {
      const d = await chamberFigures();
      expect(d.members).toBe(3);
      expect(d.total).toBeNull();
      expect(d.rows).toEqual([]);
      expect(d.chart).toBeNull();
      expect(d.readiness!.exportMedian).toBeNull();
    } finally {
      for (const m of moved) await t.db.execute(sql`UPDATE nominations SET trade_body_id = ${tb} WHERE id = ${m.id}`);
    }
  });

  it("is for trade-body representatives, each of its own editions only", async () => {
    expect(await code(tradeBodyFigures(ctxFor(t.db), { editionId }))).toBe("unauthenticated");
    expect(await code(tradeBodyFigures(ctxFor(t.db, staff), { editionId }))).toBe("forbidden");
    expect(await code(tradeBodyFigures(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId }))).toBe("forbidden");
    expect(await code(tradeBodyFigures(ctxFor(t.db, await actorFor(t.db, demo.chamber)), { editionId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
  });
});

describe("the API and the downloads", () => {
  it("gives the page's figures to organiser staff and a trade body its own aggregates, and each table as CSV and XLSX", async () => {
    const api = testApp(t.db);
    const cookieFor = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    expect((await api.call(`/api/v1/editions/${editionId}/analytics`)).status).toBe(401);
    expect((await api.call(`/api/v1/editions/${editionId}/analytics`, { cookie: await cookieFor(demo.exhibitor) })).status).toBe(403);
    const staffCookie = await cookieFor(demo.organiser);
    const r = await api.call(`/api/v1/editions/${editionId}/analytics?by=women_led`, { cookie: staffCookie });
    expect(r.status).toBe(200);
    const page = await view({ by: "women_led" });
    expect(r.body.funnelTotal).toEqual(page.funnelTotal);
    expect(r.body.funnel.map((x: { group: string }) => x.group).sort()).toEqual(["no", "yes"]);
    expect(JSON.stringify(r.body)).not.toContain("<svg");
    expect((await api.call(`/api/v1/editions/${editionId}/analytics?by=nonsense`, { cookie: staffCookie })).status).toBe(400);
    const tb = await api.call(`/api/v1/trade-body/figures?editionId=${editionId}`, { cookie: await cookieFor(demo.chamber) });
    expect(tb.status).toBe(200);
    expect(tb.body.members).toBeGreaterThanOrEqual(5);
    expect((await api.call(`/api/v1/trade-body/figures`, { cookie: staffCookie })).status).toBe(403);
    const doc = JSON.stringify((await api.call("/api/v1/openapi.json")).body);
    for (const id of ["getEditionAnalytics", "getTradeBodyFigures"]) expect(doc).toContain(id);

    const csv = await analyticsExport(ctxFor(t.db, staff, "en"), { editionId, table: "funnel", format: "csv", by: "size" });
    const lines = csv.body.toString("utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("Group,Nominated,Selected,Exhibiting,Baseline answered,In B2B,Meetings");
    expect(lines.at(-1)!.split(",")[1]).toBe(String(page.funnelTotal.nominated));
    const xlsx = await analyticsExport(ctxFor(t.db, staff, "ur"), { editionId, table: "visitors", format: "xlsx" });
    expect(xlsx.contentType).toContain("spreadsheetml");
    expect(xlsx.body.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(await code(analyticsExport(ctxFor(t.db, await actorFor(t.db, demo.exhibitor)), { editionId, table: "funnel" }))).toBe("forbidden");
  });
});
