import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { editions } from "../editions/tables";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { issueBadge } from "./operations/issue-badge";
import { recordScan } from "./operations/scan";
import { updateGate } from "./operations/setup";
import { badges, checkinSetupVersions, gates } from "./tables";

// Scans cache gates and keys per process, yet a change made anywhere (another process, a script,
// this process) is honoured at the very next scan: the database bumps the edition's set-up version
// on every change (triggers), and the scan's one read compares it with what was cached.

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
const showDay0 = () => fixedClock("2026-01-24T05:00:00Z");
const as = async (who: keyof typeof demo) => ctxFor(t.db, await actorFor(t.db, demo[who]), "en", showDay0());

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
});
afterAll(async () => t?.close());

async function badgeFor(email: string) {
  const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email, days: [0] });
  await inTransaction(await as("organiser"), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return badge!.code;
}
const version = async () => (await t.db.select().from(checkinSetupVersions).where(eq(checkinSetupVersions.editionId, ids.edition.id)))[0]?.version ?? 0;

describe("scans and the set-up cache", () => {
  it("a gate changed outside this process is honoured at the next scan, not seconds later", async () => {
    const gateId = ids.gate("hall1").id;
    const [g] = await t.db.select().from(gates).where(eq(gates.id, gateId));
    await updateGate(await as("organiser"), { gateId, nameEn: g!.nameEn, nameUr: g!.nameUr, zoneId: g!.zoneId, reentryAllowed: false });
    const code = await badgeFor("cache.one@example.com");
    const gate = await as("gate");
    expect((await recordScan(gate, { gateId, code, deviceId: "d1" })).result).toBe("admit"); // gate now cached
    expect(await recordScan(gate, { gateId, code, deviceId: "d1" })).toMatchObject({ result: "refuse", reason: "already_inside" });
    // Another process (here: a plain UPDATE this process's cache never hears of) allows re-entry.
    const before = await version();
    await t.db.update(gates).set({ reentryAllowed: true }).where(eq(gates.id, gateId));
    expect(await version()).toBe(before + 1);
    expect((await recordScan(gate, { gateId, code, deviceId: "d1" })).result).toBe("admit");
    // And back: the very next scan refuses again.
    await t.db.update(gates).set({ reentryAllowed: false }).where(eq(gates.id, gateId));
    const code2 = await badgeFor("cache.two@example.com");
    expect((await recordScan(gate, { gateId, code: code2, deviceId: "d1" })).result).toBe("admit");
    expect(await recordScan(gate, { gateId, code: code2, deviceId: "d1" })).toMatchObject({ result: "refuse", reason: "already_inside" });
  });

  it("moving the edition's dates elsewhere is honoured at the next scan", async () => {
    const gateId = ids.gate("hall1").id;
    const code = await badgeFor("cache.three@example.com");
    const gate = await as("gate");
    const [e] = await t.db.select().from(editions).where(eq(editions.id, ids.edition.id));
    expect((await recordScan(gate, { gateId, code: await badgeFor("cache.warm@example.com"), deviceId: "d2" })).result).toBe("admit");
    // The show moves a week later in another process: 24 January is no longer a show day.
    await t.db.update(editions).set({ startsOn: "2026-01-31", endsOn: "2026-02-02" }).where(eq(editions.id, ids.edition.id));
    expect((await recordScan(gate, { gateId, code, deviceId: "d2" })).result).toBe("refuse");
    await t.db.update(editions).set({ startsOn: e!.startsOn, endsOn: e!.endsOn }).where(eq(editions.id, ids.edition.id));
    expect((await recordScan(gate, { gateId, code, deviceId: "d2" })).result).toBe("admit");
  });

  it("deleting an edition with gates and keys does not trip the version trigger", async () => {
    const [copy] = await t.db
      .insert(editions)
      .values({ ...(await t.db.select().from(editions).where(eq(editions.id, ids.edition.id)))[0]!, id: undefined, slug: "cache-scratch", year: 2031 } as never)
      .returning();
    await t.db.insert(gates).values({ editionId: copy!.id, code: "g1", nameEn: "G", nameUr: "گ" } as never);
    expect((await t.db.select().from(checkinSetupVersions).where(eq(checkinSetupVersions.editionId, copy!.id))).length).toBe(1);
    await t.db.delete(editions).where(eq(editions.id, copy!.id));
    expect((await t.db.select().from(checkinSetupVersions).where(eq(checkinSetupVersions.editionId, copy!.id))).length).toBe(0);
  });
});
