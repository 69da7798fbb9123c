import "../wiring";
import { systemClock, type Clock } from "../platform/clock";
import type { AppConfig } from "../platform/config";
import type { AppServices } from "../platform/context";
import { openDatabase, type Database } from "../platform/db/open";
import { smtpTransport, startOutboxWorker, type MailTransport } from "../platform/mail/worker";
import { seedDemo } from "../features/demo/seed-demo";
import { startRequestExpiry } from "../features/b2b/operations/requests-organiser";
import { startRunRunner } from "../features/b2b/run-worker";
import { startMeetdayRunner } from "../features/meetday/operations/runner";
import { startRetentionRunner } from "../features/privacy/operations/retention";
import { startLeadsRunner } from "../features/leads/operations/retention";
import { startFollowUpRunner } from "../features/baseline/operations/follow-up";
import { scoreUnscored } from "../features/baseline/operations/stored-scores";

export interface Running {
  services: AppServices;
  database: Database;
  seeded?: Awaited<ReturnType<typeof seedDemo>>;
  stop(): Promise<void>;
}

/**
 * Open the database (embedded or PostgreSQL), apply migrations, seed the demo
 * edition when asked, and start the outbox worker when SMTP is configured.
 */
export async function startServices(
  config: AppConfig,
  options: { clock?: Clock; transport?: MailTransport; seed?: boolean; loadDataDir?: Blob } = {},
): Promise<Running> {
  // loadDataDir: an embedded database starts as a copy of that dump (tests start from a seeded one).
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dataDir: config.dataDir, loadDataDir: options.loadDataDir },
  );
  try {
    await database.migrate();
    // Baseline responses stored before their scores were (migration 0037) are scored once here.
    await scoreUnscored(database.db);
    const clock = options.clock ?? systemClock;
    const seeded = options.seed ?? config.seedDemo ? await seedDemo(database.db, clock, { config }) : undefined;
    const transport = options.transport ?? (config.smtp ? smtpTransport(config.smtp) : undefined);
    const worker = transport
      ? startOutboxWorker({
          db: database.db,
          clock,
          transport,
          from: config.mailFrom,
          pollMs: config.outboxPollMs,
          onError: (e) => console.error("outbox worker:", e),
        })
      : undefined;
    // B2B meeting requests expire (with a reminder the day before) on a timer, like the outbox's.
    const expiry = options.clock ? undefined : startRequestExpiry({ db: database.db, clock, config, onError: (e) => console.error("b2b request expiry:", e) });
    // B2B scheduling runs: claimed with SKIP LOCKED, so every process may run one (issue #17).
    const runs = startRunRunner({ db: database.db, clock, pollMs: 5_000, onError: (e) => console.error("b2b run runner:", e) });
    // The meeting day (issue #14): no-shows and outcome emails on a timer, idempotent across processes.
    const meetday = options.clock ? undefined : startMeetdayRunner({ db: database.db, clock, config, onError: (e) => console.error("meetday runner:", e) });
    // Personal data (issue #15, part 7): each edition's retention setting applied hourly, idempotent.
    const retention = options.clock ? undefined : startRetentionRunner({ db: database.db, clock, config, onError: (e) => console.error("retention sweep:", e) });
    // Leads at the stalls: deleted 90 days after the show unless the visitor agreed (hourly, idempotent).
    const leadsRunner = options.clock ? undefined : startLeadsRunner({ db: database.db, clock, config, onError: (e) => console.error("leads retention:", e) });
    // The baseline's 6-month follow-up opens by itself when due, with one reminder (hourly, idempotent).
    const followUp = options.clock ? undefined : startFollowUpRunner({ db: database.db, clock, config, onError: (e) => console.error("baseline follow-up:", e) });
    const services: AppServices = { db: database.db, clock, config };
    return {
      services,
      database,
      seeded,
      async stop() {
        await runs.stop();
        await worker?.stop();
        await expiry?.stop();
        await meetday?.stop();
        await retention?.stop();
        await leadsRunner?.stop();
        await followUp?.stop();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
