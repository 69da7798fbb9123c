import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { issueBadge } from "./operations/issue-badge";
import { setRehearsal } from "./operations/rehearsal";
import { forgetGates, recordScan } from "./operations/scan";
import { badges, gates, scans } from "./tables";

// Door rehearsals on two dates before the show (24–26 January 2026, Lahore), both rehearsing show
// day 1: being let in at yesterday's rehearsal does not make a badge "already inside" today, at a
// gate without re-entry. Within one rehearsal date it still does.

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
const on = (iso: string) => fixedClock(iso);
const as = async (who: keyof typeof demo, clock: ReturnType<typeof fixedClock>) => ctxFor(t.db, await actorFor(t.db, demo[who]), "en", clock);

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
  await t.db.update(gates).set({ reentryAllowed: false }).where(eq(gates.id, ids.gate("hall1").id));
  forgetGates();
});
afterAll(async () => t?.close());

describe("door rehearsals on two dates", () => {
  it("a badge let in at one rehearsal is let in again at the next one, once", async () => {
    const editionId = ids.edition.id;
    const gateId = ids.gate("hall1").id;
    const reg = await insertApprovedRegistration(t.db, editionId, { email: "two-rehearsals@example.pk", days: [0] });
    const first = on("2026-01-19T06:00:00Z");
    await inTransaction(await as("organiser", first), (tx, ctx) => issueBadge(tx, ctx, reg.id));
    const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    const code = badge!.code;

    await setRehearsal(await as("organiser", first), { editionId, dayIndex: 0 });
    expect(await recordScan(await as("gate", first), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "admit" });
    expect(await recordScan(await as("gate", first), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "refuse", reason: "already_inside" });

    const second = on("2026-01-21T06:00:00Z");
    await setRehearsal(await as("organiser", second), { editionId, dayIndex: 0 });
    expect(await recordScan(await as("gate", second), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "admit", reason: "ok" });
    expect(await recordScan(await as("gate", second), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "refuse", reason: "already_inside" });

    // The show's own first day is not blocked by either rehearsal.
    expect(await recordScan(await as("gate", on("2026-01-24T05:00:00Z")), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "admit", reason: "ok" });
    const stored = await t.db.select().from(scans).where(eq(scans.registrationNo, reg.number));
    expect(stored.filter((s) => s.result === "admit").map((s) => s.rehearsal)).toEqual([true, true, false]);
  });
});
