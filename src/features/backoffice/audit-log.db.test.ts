import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import type { Actor } from "../../platform/permissions/actor";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
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
