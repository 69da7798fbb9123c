import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import { demoEditionIds } from "./fixtures";
import { MAX_ZONES } from "./core/badge-format";
import { checkinSetup, createGate, createZone, updateGate, updateZone } from "./operations/setup";
import { setStaffQuota } from "./operations/staff-badges";
import { zones } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// The organisers' check-in set-up: zones (server-allocated bits, never reused), gates and quotas.

let t: TestDb;
let editionId: string;
beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoEditionIds(t.db)).edition.id;
});
afterAll(async () => t?.close());

const organiser = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser));

describe("check-in set-up", () => {
  it("adds zones with the next free bit, never one given by the caller, and refuses a repeated code", async () => {
    const s = await organiser();
    const before = (await checkinSetup(s, { editionId })).zones;
    expect(before.map((z) => z.bit)).toEqual([0, 1, 2]);
    const vip = await createZone(s, { editionId, code: "VIP_Lounge", nameEn: "VIP lounge", nameUr: "وی آئی پی لاؤنج" });
    expect(vip).toMatchObject({ code: "vip_lounge", bit: 3 });
    // Renaming keeps code and bit: badges already printed still mean the same zone.
    await updateZone(s, { zoneId: vip.id, nameEn: "VIP hall", nameUr: "وی آئی پی ہال" });
    const [row] = await t.db.select().from(zones).where(eq(zones.id, vip.id));
    expect(row).toMatchObject({ code: "vip_lounge", bit: 3, nameEn: "VIP hall" });
    await expect(createZone(s, { editionId, code: "vip_lounge", nameEn: "Again", nameUr: "دوبارہ" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ path: "code", code: "checkin_code_taken" }],
    });
    await expect(createZone(s, invalid({ editionId, code: "x", nameEn: "X", nameUr: "ایکس", bit: 0 }))).rejects.toMatchObject({
      fields: [{ path: "bit", code: "unrecognized_key" }],
    });
    await expect(createZone(s, { editionId, code: "bad code!", nameEn: "X", nameUr: "" })).rejects.toMatchObject({
      fields: [
        { path: "code", code: "checkin_invalid_code" },
        { path: "nameUr", code: "required" },
      ],
    });
    // Two at once still get two bits (the edition row is locked while allocating).
    const [a, b] = await Promise.all([
      createZone(s, { editionId, code: "press_a", nameEn: "Press A", nameUr: "پریس اے" }),
      createZone(s, { editionId, code: "press_b", nameEn: "Press B", nameUr: "پریس بی" }),
    ]);
    expect([a.bit, b.bit].sort()).toEqual([4, 5]);
    // The table refuses a reused bit even if some other path tried.
    await expect(t.db.insert(zones).values({ editionId, code: "sneaky", nameEn: "S", nameUr: "س", bit: 3 })).rejects.toThrow();
    // A badge holds 16 zone bits; the seventeenth zone is refused in words.
    for (let i = 6; i < MAX_ZONES; i++) await createZone(s, { editionId, code: `z${i}`, nameEn: `Z${i}`, nameUr: `زون ${i}` });
    await expect(createZone(s, { editionId, code: "one_too_many", nameEn: "Z", nameUr: "ز" })).rejects.toMatchObject({
      fields: [{ path: "code", code: "checkin_zones_full", params: { max: MAX_ZONES } }],
    });
    const audit = await t.db.select().from(auditEntries).where(and(like(auditEntries.action, "checkin.zone_%"), eq(auditEntries.entityId, vip.id)));
    expect(audit.map((e) => e.action).sort()).toEqual(["checkin.zone_created", "checkin.zone_updated"]);
  });

  it("adds and changes gates, only with a zone of the same edition, audited", async () => {
    const s = await organiser();
    const setup = await checkinSetup(s, { editionId });
    const media = setup.zones.find((z) => z.code === "media_enclave")!;
    const g = await createGate(s, { editionId, code: "hall4", nameEn: "Hall 4 entrance", nameUr: "ہال 4 داخلہ", zoneId: "", reentryAllowed: "on" });
    await updateGate(s, { gateId: g.id, nameEn: "Hall 4 (media)", nameUr: "ہال 4 (میڈیا)", zoneId: media.id, reentryAllowed: false });
    const after = (await checkinSetup(s, { editionId })).gates.find((x) => x.id === g.id);
    expect(after).toMatchObject({ code: "hall4", zoneId: media.id, reentryAllowed: false, nameEn: "Hall 4 (media)" });
    await expect(createGate(s, { editionId, code: "hall1", nameEn: "Hall 1", nameUr: "ہال 1" })).rejects.toMatchObject({
      fields: [{ path: "code", code: "checkin_code_taken" }],
    });
    await expect(updateGate(s, { gateId: g.id, nameEn: "X", nameUr: "ایکس", zoneId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      fields: [{ path: "zoneId", code: "invalid_value" }],
    });
    const audit = await t.db.select().from(auditEntries).where(eq(auditEntries.entityId, g.id));
    expect(audit.map((e) => e.action).sort()).toEqual(["checkin.gate_created", "checkin.gate_updated"]);
  });

  it("sets exhibitor quotas for the organiser's enterprises only, and none of it is open to others", async () => {
    const s = await organiser();
    const setup = await checkinSetup(s, { editionId });
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const own = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    expect(setup.exhibitors.map((e) => e.id)).toContain(own);
    await setStaffQuota(s, { editionId, enterpriseId: own, quota: "12" });
    expect((await checkinSetup(s, { editionId })).quotas.find((q) => q.enterpriseId === own)?.quota).toBe(12);
    await expect(setStaffQuota(s, { editionId, enterpriseId: "00000000-0000-4000-8000-000000000000", quota: 3 })).rejects.toMatchObject({
      fields: [{ path: "enterpriseId", code: "invalid_value" }],
    });
    for (const who of [demo.exhibitor, demo.gate, demo.visitor]) {
      const ctx = ctxFor(t.db, await actorFor(t.db, who));
      await expect(checkinSetup(ctx, { editionId })).rejects.toMatchObject({ code: "forbidden" });
      await expect(createZone(ctx, { editionId, code: "nope", nameEn: "N", nameUr: "ن" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(createGate(ctx, { editionId, code: "nope", nameEn: "N", nameUr: "ن" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateZone(ctx, { zoneId: setup.zones[0]!.id, nameEn: "N", nameUr: "ن" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateGate(ctx, { gateId: setup.gates[0]!.id, nameEn: "N", nameUr: "ن" })).rejects.toMatchObject({ code: "forbidden" });
    }
  });
});
