import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, SEED_CLOCK, type TestDb } from "../../../tests/support/db";
import { auditEntries } from "../../platform/audit/tables";
import type { Actor } from "../../platform/permissions/actor";
import { copyEdition } from "../editions/operations/copy-edition";
import { organisers } from "../editions/tables";
import { getB2bProgramme, setB2bProgramme } from "./operations/programme";
import { b2bProgrammes } from "./tables";
import { invalid } from "../../../tests/support/invalid";

// Setting up the B2B programme: who may, what is refused (with the field and the reason), what
// the audit log keeps, and that next year's edition gets a copy.

let t: TestDb;
let editionId: string;
let staff: Awaited<ReturnType<typeof actorFor>>;

/** The demo show: 24–26 January 2026 in Lahore (Asia/Karachi, UTC+5). */
const showProgramme = {
  enabled: true,
  windowOpensAt: "2026-01-05T04:00:00Z",
  windowClosesAt: "2026-01-22T19:00:00Z",
  days: [1, 2, 3].map((day) => ({ day, sessions: [{ start: "10:00", end: "13:00" }, { start: "14:30", end: "17:30" }] })),
  breaks: [],
  slotMinutes: 20,
  loungeTables: 40,
  stallMeetings: true,
  interpreters: { ur: 4, en: 4, zh: 2 },
  maxMeetingsPerDay: 8,
  maxRequestsSent: 20,
  requestDirection: "both" as const,
  requestExpiryDays: 3,
};

const organiser = () => ctxFor(t.db, staff);
const fieldsOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err as { code: string; fields: { path: string; code: string; params?: Record<string, unknown> }[] },
  );
  expect(e?.code).toBe("validation_failed");
  return e!.fields.map((f) => `${f.path}:${f.code}`);
};

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  staff = await actorFor(t.db, demo.organiser);
});

afterAll(async () => {
  await t?.close();
});

describe("the B2B programme", () => {
  it("is seeded for the demo: the 2026 show's three days, and next year's edition open for requests", async () => {
    const show = await getB2bProgramme(organiser(), { editionId });
    expect(show).toMatchObject({ exists: true, slots: 54, programme: { enabled: true, slotMinutes: 20, loungeTables: 40, stallMeetings: true, interpreters: { ur: 4, en: 4, zh: 2 } } });
    // The seeded programme passes the operation's own checks.
    await setB2bProgramme(organiser(), { editionId, ...show.programme });
    const rows = await t.db.select().from(b2bProgrammes);
    const next = rows.find((r) => r.editionId !== editionId && r.windowClosesAt! > new Date(SEED_CLOCK));
    expect(next).toMatchObject({ enabled: true });
    expect(next!.windowOpensAt!.getTime()).toBeLessThanOrEqual(Date.parse(SEED_CLOCK));
  });

  it("is set by the edition's organiser, read back as it was given, and audited with what changed", async () => {
    const set = await setB2bProgramme(organiser(), { editionId, ...showProgramme });
    expect(set.slots).toBe(3 * 18);
    const got = await getB2bProgramme(organiser(), { editionId });
    expect(got).toMatchObject({ exists: true, slots: 54, edition: { dayCount: 3, timezone: "Asia/Karachi" } });
    expect(got.programme).toEqual({ ...showProgramme, allowRegulators: false, windowOpensAt: "2026-01-05T04:00:00.000Z", windowClosesAt: "2026-01-22T19:00:00.000Z" });

    await setB2bProgramme(organiser(), { editionId, ...showProgramme, loungeTables: 30, breaks: [{ day: 2, start: "12:00", end: "12:20" }] });
    const [entry] = await t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "b2b.programme_set"), eq(auditEntries.entityId, editionId)))
      .orderBy(desc(auditEntries.id))
      .limit(1);
    expect(entry).toMatchObject({ editionId, actorUserId: staff.kind === "user" ? staff.userId : null });
    expect(entry!.data).toEqual({ created: false, changed: { loungeTables: 30, breaks: [{ day: 2, start: "12:00", end: "12:20" }] } });
    expect((await getB2bProgramme(organiser(), { editionId })).slots).toBe(53);
  });

  it("refuses, field by field, sessions that overlap, breaks outside sessions, days the edition lacks, and a window that closes after the meetings begin", async () => {
    const fields = await fieldsOf(
      setB2bProgramme(organiser(), {
        editionId,
        ...showProgramme,
        windowClosesAt: "2026-01-24T05:10:00Z", // 10:10 in Lahore on day 1: after the first meeting
        days: [
          { day: 1, sessions: [{ start: "10:00", end: "13:00" }, { start: "12:00", end: "15:00" }] },
          { day: 2, sessions: [{ start: "10:00", end: "13:00" }] },
          { day: 5, sessions: [{ start: "10:00", end: "13:00" }] },
        ],
        breaks: [{ day: 2, start: "13:30", end: "14:00" }],
      }),
    );
    expect(fields).toEqual(["days.0.sessions:b2b_sessions_overlap", "days.2.day:b2b_day_out_of_range", "breaks.0:b2b_break_outside_sessions"]);
    expect(await fieldsOf(setB2bProgramme(organiser(), { editionId, ...showProgramme, windowClosesAt: "2026-01-24T05:10:00Z" }))).toEqual([
      "windowClosesAt:b2b_window_after_meetings",
    ]);
    expect(await fieldsOf(setB2bProgramme(organiser(), { editionId, ...showProgramme, windowOpensAt: "2026-01-23T00:00:00Z" }))).toEqual(["windowClosesAt:b2b_window_order"]);
    expect(
      await fieldsOf(setB2bProgramme(organiser(), { editionId, ...showProgramme, windowOpensAt: null, loungeTables: 0, stallMeetings: false, days: [] })),
    ).toEqual(["windowOpensAt:b2b_window_required", "days:b2b_no_sessions", "loungeTables:b2b_no_meeting_place"]);
    // The schema's own refusals: slot length, times of day, unknown fields.
    expect(await fieldsOf(setB2bProgramme(organiser(), { editionId, ...showProgramme, slotMinutes: 45 }))).toEqual(["slotMinutes:too_big"]);
    expect(await fieldsOf(setB2bProgramme(organiser(), { editionId, ...showProgramme, breaks: [{ day: 1, start: "25:00", end: "11:00" }] }))).toEqual([
      "breaks.0.start:b2b_time_format",
    ]);
    expect(await fieldsOf(setB2bProgramme(organiser(), invalid({ editionId, ...showProgramme, colour: "red" })))).toEqual(["colour:unrecognized_key"]);
    // Switched off, an unfinished programme may be saved.
    await setB2bProgramme(organiser(), { editionId, ...showProgramme, enabled: false, windowOpensAt: null, windowClosesAt: null, days: [] });
    expect((await getB2bProgramme(organiser(), { editionId })).programme).toMatchObject({ enabled: false, days: [] });
  });

  it("is refused to visitors, exhibitors, anonymous callers and other organisers' staff; an unknown edition is not found for staff (editions/for-change.ts)", async () => {
    const otherOrg = (await t.db.insert(organisers).values({ slug: "b2b-other-org", nameEn: "Other", nameUr: "دوسرا", shortName: "O" }).returning())[0]!.id;
    const otherStaff: Actor = { kind: "user", userId: randomUUID(), email: "s@other.example", name: "S", grants: [{ role: "organiser_staff", organiserId: otherOrg, tradeBodyId: null, enterpriseId: null }] };
    for (const [actor, code] of [
      [await actorFor(t.db, demo.visitor), "forbidden"],
      [await actorFor(t.db, demo.exhibitor), "forbidden"],
      [otherStaff, "forbidden"],
      [undefined, "unauthenticated"],
    ] as const) {
      await expect(getB2bProgramme(ctxFor(t.db, actor), { editionId })).rejects.toMatchObject({ code });
      await expect(setB2bProgramme(ctxFor(t.db, actor), { editionId, ...showProgramme })).rejects.toMatchObject({ code });
    }
    await expect(getB2bProgramme(organiser(), { editionId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    await expect(getB2bProgramme(ctxFor(t.db, await actorFor(t.db, demo.admin)), { editionId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("is copied to next year's edition, switched off and without a window", async () => {
    await setB2bProgramme(organiser(), { editionId, ...showProgramme });
    const copy = await copyEdition(organiser(), { editionId, slug: "b2b-copy-2028", year: 2028, startsOn: "2028-01-22" });
    const [row] = await t.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, copy.id));
    expect(row).toMatchObject({ enabled: false, windowOpensAt: null, windowClosesAt: null, slotMinutes: 20, loungeTables: 40, stallMeetings: true, interpreters: { ur: 4, en: 4, zh: 2 } });
    expect(row!.days).toHaveLength(3);
  });
});
