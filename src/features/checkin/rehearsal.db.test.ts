import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { newScanNonce } from "./core/offline-sync";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { footfall } from "./operations/footfall";
import { issueBadge } from "./operations/issue-badge";
import { gateBundle, uploadOfflineScans } from "./operations/offline";
import { rehearsalState, setRehearsal } from "./operations/rehearsal";
import { forgetGates, recordScan } from "./operations/scan";
import { badges, gates, scans } from "./tables";
import { testApp } from "../../../tests/support/http";

// A door rehearsal on 20 January (the show is 24–26 January 2026, Lahore): gates scan as if it were
// a show day, and none of it counts for the show.

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
const rehearsalDay = () => fixedClock("2026-01-20T06:00:00Z"); // 11:00 in Lahore
const showDay0 = () => fixedClock("2026-01-24T05:00:00Z");
const as = async (who: keyof typeof demo, clock = rehearsalDay(), locale: "en" | "ur" = "en") => ctxFor(t.db, await actorFor(t.db, demo[who]), locale, clock);

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
  // This test needs a gate without re-entry, whatever the demo's defaults.
  await t.db.update(gates).set({ reentryAllowed: false }).where(eq(gates.id, ids.gate("hall1").id));
  forgetGates();
});
afterAll(async () => t?.close());

async function badgeFor(email: string, days = [0]) {
  const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email, days });
  await inTransaction(await as("organiser"), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: badge!.code };
}

describe("door rehearsal", () => {
  it("only organisers start it, never on a show day, and it is audited", async () => {
    const editionId = ids.edition.id;
    await expect(setRehearsal(await as("gate"), { editionId, dayIndex: 0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setRehearsal(await as("organiser", showDay0()), { editionId, dayIndex: 0 })).rejects.toMatchObject({
      fields: [{ path: "dayIndex", code: "checkin_rehearsal_event_day" }],
    });
    await expect(setRehearsal(await as("organiser"), { editionId, dayIndex: 7 })).rejects.toMatchObject({ code: "validation_failed" });
    const state = await setRehearsal(await as("organiser"), { editionId, dayIndex: 0 });
    expect(state).toMatchObject({ active: { onDate: "2026-01-20", dayIndex: 0 }, eventDay: false, dayCount: 3 });
    expect(await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "checkin.rehearsal_started"), eq(auditEntries.entityId, editionId)))).toHaveLength(1);
    // The next day it is over by itself.
    expect((await rehearsalState(await as("gate", fixedClock("2026-01-21T06:00:00Z")), { editionId })).active).toBeNull();
  });

  it("admits a day-0 badge, refuses it again, keeps it out of the show's figures and lets the show admit it", async () => {
    const editionId = ids.edition.id;
    await setRehearsal(await as("organiser"), { editionId, dayIndex: 0 });
    const { reg, code } = await badgeFor("rehearse@example.pk");
    const gateId = ids.gate("hall1").id;
    expect(await recordScan(await as("gate"), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "admit", reason: "ok" });
    expect(await recordScan(await as("gate"), { gateId, code, deviceId: "p1" })).toMatchObject({ result: "refuse", reason: "already_inside" });
    const stored = await t.db.select().from(scans).where(eq(scans.registrationNo, reg.number));
    expect(stored.map((s) => s.rehearsal)).toEqual([true, true]);
    expect(stored.every((s) => s.dayIndex === 0)).toBe(true);

    // The bundle carries it, so an offline phone decides the same way; its uploaded scans are flagged.
    const bundle = await gateBundle(await as("gate"), { editionId });
    expect(bundle.rehearsal).toEqual({ onDate: "2026-01-20", dayIndex: 0 });
    const other = await badgeFor("rehearse2@example.pk");
    const upload = await uploadOfflineScans(await as("gate"), {
      editionId,
      scans: [{ nonce: newScanNonce(), gateId, deviceId: "p2", at: "2026-01-20T06:30:00Z", code: other.code, registrationNo: other.reg.number, zone: null, result: "admit", reason: "ok", offline: true }],
    });
    expect(upload.recorded).toBe(1);
    const [offlineScan] = await t.db.select().from(scans).where(eq(scans.registrationNo, other.reg.number));
    expect(offlineScan).toMatchObject({ rehearsal: true, dayIndex: 0 });

    // The dashboard on the rehearsal day shows the rehearsal, marked as such.
    const during = await footfall(await as("organiser"), { editionId });
    expect(during.rehearsal).toBe(true);
    expect(during.totals.entries).toBeGreaterThanOrEqual(2);
    // The agenda's session doors have no rehearsal: their attendance is the show's, not shown now.
    expect(during.bySession).toEqual([]);

    // On the show's first day: the rehearsal admission does not make them "already inside",
    // and the show's figures hold only the show's scans.
    const show = await as("gate", showDay0());
    expect(await recordScan(show, { gateId, code, deviceId: "p1" })).toMatchObject({ result: "admit", reason: "ok" });
    const after = await footfall(await as("organiser", showDay0()), { editionId });
    expect(after.rehearsal).toBe(false);
    expect(after.bySession.find((s) => s.titleEn === "Opening ceremony")).toMatchObject({ day: 1, start: "10:00" });
    const showScans = await t.db.select().from(scans).where(and(eq(scans.editionId, editionId), eq(scans.rehearsal, false), eq(scans.result, "admit")));
    expect(after.totals.entries).toBe(showScans.length);
    expect(showScans.some((s) => s.registrationNo === reg.number)).toBe(true);
  });

  it("ends when an organiser ends it", async () => {
    const editionId = ids.edition.id;
    await setRehearsal(await as("organiser"), { editionId, dayIndex: 1 });
    const ended = await setRehearsal(await as("organiser"), { editionId, dayIndex: null });
    expect(ended.active).toBeNull();
    const { code } = await badgeFor("late@example.pk");
    // 20 January is not a show day: without a rehearsal the badge is not valid today.
    expect(await recordScan(await as("gate"), { gateId: ids.gate("hall1").id, code, deviceId: "p1" })).toMatchObject({ result: "refuse", reason: "not_valid_today" });
  });

  it("over the API: gate staff read it, only organisers change it", async () => {
    const api = testApp(t.db);
    const signIn = async (email: string) =>
      (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const path = `/api/v1/editions/${ids.edition.id}/rehearsal`;
    const gate = await signIn(demo.gate);
    expect((await api.call(path, { cookie: gate })).status).toBe(200);
    expect((await api.call(path, { method: "PUT", cookie: gate, json: { dayIndex: 0 } })).status).toBe(403);
    const organiser = await signIn(demo.organiser);
    const started = await api.call(path, { method: "PUT", cookie: organiser, json: { dayIndex: 2 } });
    expect(started.status).toBe(200);
    expect(started.body.active).toMatchObject({ dayIndex: 2 });
    expect((await api.call(path, { method: "PUT", cookie: organiser, json: { dayIndex: 99 } })).status).toBe(400);
    expect((await api.call(path, { method: "PUT", cookie: organiser, json: { dayIndex: null } })).body.active).toBeNull();
  });
});
