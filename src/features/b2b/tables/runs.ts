import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { editions } from "#features/editions";
import { b2bRequests } from "./requests";

// Scheduling runs and the placements each proposes (a draft until published).

export const runStatuses = ["queued", "running", "done", "failed"] as const;

/** One scheduling run: a draft until published. */
export const b2bRuns = pgTable(
  "b2b_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    status: text("status", { enum: runStatuses }).notNull().default("queued"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    weight: doublePrecision("weight"),
    upperBound: doublePrecision("upper_bound"),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    /** The phase a running run is in (the engine's: compile, construct, improve, …; then bound, write). */
    progress: text("progress"),
    /** When and by which process (host:pid) a runner claimed the run (FOR UPDATE SKIP LOCKED). */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    /** The claiming runner's last sign of life (run-worker.ts: every HEARTBEAT_MS); a running run
     *  whose heartbeat is older than STALE_MS is taken over by another runner. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    /** A re-run keeps this run's pinned placements where they are. */
    baseRunId: uuid("base_run_id").references((): AnyPgColumn => b2bRuns.id, { onDelete: "set null" }),
  },
  (t) => [
    check("b2b_runs_status", sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    index("b2b_runs_edition_idx").on(t.editionId, t.createdAt),
  ],
);

/** The placements a run proposes (a draft; meetings are written only on publishing). */
export const b2bRunPlacements = pgTable(
  "b2b_run_placements",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => b2bRuns.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => b2bRequests.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    startMinute: integer("start_minute").notNull(),
    place: text("place", { enum: ["table", "stall"] }).notNull(),
    tableNo: integer("table_no"),
    interpreterLanguage: text("interpreter_language"),
    /** Pinned by the organiser: a re-run from this run keeps it where it is; published pinned. */
    pinned: boolean("pinned").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "b2b_run_placements_pk", columns: [t.runId, t.requestId] }),
    check("b2b_run_placements_place", sql`(${t.place} = 'table' and ${t.tableNo} >= 1) or (${t.place} = 'stall' and ${t.tableNo} is null)`),
  ],
);
