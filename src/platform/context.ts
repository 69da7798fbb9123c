import type { Clock } from "./clock";
import type { AppConfig } from "./config";
import { transaction } from "./db/after-commit";
import type { Db, Executor, Tx } from "./db/types";
import type { Locale } from "./i18n/locales";
import type { Actor } from "./permissions/actor";

/** What every operation receives: the database (or a transaction), who acts, the time, the setup. */
export interface Ctx {
  db: Executor;
  actor: Actor;
  clock: Clock;
  config: AppConfig;
  locale: Locale;
}

/** Services the server holds for its whole life and hands to each request. */
export interface AppServices {
  db: Db;
  clock: Clock;
  config: AppConfig;
}

/** Run `fn` in a transaction (a savepoint when ctx.db is already one). After the outermost
 *  commit, what the work asked for runs (`afterCommit`: e.g. the outbox worker wakes for queued mail). */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Tx, ctx: Ctx) => Promise<T>): Promise<T> {
  return transaction(ctx.db, (tx) => fn(tx, { ...ctx, db: tx }));
}
