import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/platform/db/open";
import { setCapacity } from "../../src/features/registration/operations/settings";
import { actorFor, copyPostgresTemplate, ctxFor, demo, demoShow } from "../support/db";
import { startAppProcess, type AppProcess } from "../support/process";
import { rushEmail, rushOutcome, rushRegistrations } from "../support/rush";
import { BEFORE_THE_SHOW } from "../support/clocks";

// Issue 9, item 18: the kill -9 guarantee. A registration rush against a real server process, the
// process killed with SIGKILL in the middle, a new process on the same database: every registration
// that was acknowledged (202) is there exactly once, the people whose request died with the server
// retry with the same idempotency key and are then there exactly once too, and the capped category
// is never oversold. PostgreSQL only: the embedded database lives inside the process it would kill.

const onPostgres = process.env.NUMAISH_TEST_DB === "postgres";
const PEOPLE = 160;
const KILL_AFTER = 60; // acknowledged answers before the kill

describe.skipIf(!onPostgres)("kill -9 in a registration rush (PostgreSQL only; on PGlite there is no second process to restart)", () => {
  let copy: Awaited<ReturnType<typeof copyPostgresTemplate>>;
  let database: Database;
  let show: Awaited<ReturnType<typeof demoShow>>;
  const servers: AppProcess[] = [];

  beforeAll(async () => {
    copy = await copyPostgresTemplate();
    database = await openDatabase({ kind: "postgres", url: copy.url, poolSize: 2 });
    show = await demoShow(database.db);
  });
  afterAll(async () => {
    for (const s of servers) await s.kill();
    await database?.close();
    await copy?.drop();
  });

  it("every acknowledged registration survives the crash exactly once; retries add nobody twice; nothing oversold", { timeout: 120_000 }, async () => {
    const db = database.db;
    // A cap the rush overruns: 60 more places than the seed holds, so most of the rush is waitlisted.
    const before = await rushOutcome(db, show.editionId, show.cat.general_public!, "general_public", "crash");
    await setCapacity(ctxFor(db, await actorFor(db, demo.organiser)), {
      editionId: show.editionId,
      categoryId: show.cat.general_public,
      day: null,
      capacity: before.holding + 60,
    });

    const first = await startAppProcess({ databaseUrl: copy.url, clock: BEFORE_THE_SHOW });
    servers.push(first);
    let killed = false;
    const common = { editionId: show.editionId, categoryId: show.cat.general_public!, prefix: "crash", clients: 12, days: [0] };
    const people = Array.from({ length: PEOPLE }, (_, i) => i);
    const rush = await rushRegistrations({
      ...common,
      targets: () => [first.url],
      people,
      afterAnswer: async (r) => {
        if (!killed && r.acknowledged.size >= KILL_AFTER) {
          killed = true;
          await first.kill(); // mid-rush: other clients' requests are in flight
        }
      },
    });
    expect(killed).toBe(true);
    expect(rush.acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(rush.unanswered.size, "the kill cut the rush short").toBeGreaterThan(0);

    // A new process on the same database and port, as a supervisor would restart it.
    const second = await startAppProcess({ databaseUrl: copy.url, clock: BEFORE_THE_SHOW, port: first.port });
    servers.push(second);
    const afterCrash = await rushOutcome(db, show.editionId, show.cat.general_public!, "general_public", "crash");
    const missing = [...rush.acknowledged].filter((e) => afterCrash.perEmail.get(e) !== 1);
    expect(missing, "acknowledged before the kill, not in the database exactly once").toEqual([]);
    expect(afterCrash.duplicated).toBe(0);
    expect(afterCrash.bucketUsed).toBe(afterCrash.holding);
    expect(afterCrash.holding).toBeLessThanOrEqual(afterCrash.capacity);

    // The people who got no answer retry with the same key against the new process.
    const retry = await rushRegistrations({ ...common, targets: () => [second.url], people: [...rush.unanswered].sort((a, b) => a - b) });
    expect(retry.unanswered.size, JSON.stringify([retry.statuses, retry.refusals])).toBe(0);
    const end = await rushOutcome(db, show.editionId, show.cat.general_public!, "general_public", "crash");
    expect(people.filter((i) => end.perEmail.get(rushEmail("crash", i)) !== 1)).toEqual([]);
    expect(end.duplicated).toBe(0);
    expect(end.bucketUsed).toBe(end.holding);
    expect(end.holding).toBe(end.capacity); // full, not over: the rest are on the waitlist
    expect(await second.stop()).toBe(0);
  });
});
