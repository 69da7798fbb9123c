import "../../src/wiring";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { fixedClock } from "../../src/platform/clock";
import { openDatabase } from "../../src/platform/db/open";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { E2E_SEED_INSTANTS } from "./clocks";
import { buildIfStaleAsync } from "./build-if-stale";

// Everything the test projects need before their first file, started together by whichever
// project's global setup runs first, so the two cores work side by side: vitest runs the projects'
// global setups one after another, and done one after another they took ~100 s of one core
// (2026-12-06: migrating PGlite 9 s per database, four of them; the build 12 s; PostgreSQL's
// template 12–20 s). Here the build and PostgreSQL's template are child processes, and PGlite is
// migrated once: each seeded snapshot starts from a copy of the migrated database.

export const SEED_CLOCK = "2025-11-01T09:00:00Z";
const TEMPLATE_PREFIX = "numaish_test_template";

type Piece = "pglite" | "postgres" | "e2e";
export interface Prepared {
  /** PGlite data dir (.tar), migrated and seeded at SEED_CLOCK, for db:pglite. */
  pglite: string;
  /** PostgreSQL template database, migrated and seeded at SEED_CLOCK, for db:postgres. */
  postgres: { url: string; template: string };
  /** After the production build: one seeded PGlite snapshot (.tar) per server start instant, for e2e. */
  e2e: Record<string, string>;
}

interface State {
  wanted: Promise<Set<string>>;
  pieces: Partial<Record<Piece, Promise<unknown>>>;
  build?: Promise<void>;
  migrated?: Promise<Buffer>;
  started: number;
}

const KEY = Symbol.for("numaish.tests.preparation");

/**
 * One piece of the run's preparation. The first call (the first project's global setup) starts
 * every piece this run's projects need, so later projects find theirs under way or done.
 */
export async function prepared<K extends Piece>(project: TestProject, piece: K): Promise<Prepared[K]> {
  const holder = globalThis as { [KEY]?: State };
  let state = holder[KEY];
  if (!state) {
    state = holder[KEY] = { wanted: projectsWithFiles(project), pieces: {}, started: Date.now() };
    const wanted = await state.wanted;
    if (wanted.has("db:postgres")) startPiece(state, "postgres");
    if (wanted.has("db:pglite")) startPiece(state, "pglite");
    if (wanted.has("e2e")) startPiece(state, "e2e");
  }
  return startPiece(state, piece);
}

/** The names of the projects that have files to run in this run (all of them if that is unknown). */
async function projectsWithFiles(project: TestProject): Promise<Set<string>> {
  const vitest = project.vitest as TestProject["vitest"] & { filenamePattern?: string[] };
  try {
    const specs = await vitest.globTestSpecifications(vitest.filenamePattern);
    return new Set(specs.map((s) => s.project.name));
  } catch {
    return new Set(vitest.projects.map((p) => p.name));
  }
}

function startPiece<K extends Piece>(state: State, piece: K): Promise<Prepared[K]> {
  const existing = state.pieces[piece];
  if (existing) return existing as Promise<Prepared[K]>;
  const took = (what: string) => console.log(`prepare: ${what} after ${((Date.now() - state.started) / 1000).toFixed(1)} s`);
  let made: Promise<unknown>;
  if (piece === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set");
    const template = `${TEMPLATE_PREFIX}_${process.pid}`;
    const tsx = path.resolve("node_modules/.bin/tsx");
    made = run(tsx, [path.resolve("tests/support/prepare-postgres.ts"), url, template, SEED_CLOCK]).then(() => {
      took("PostgreSQL template ready");
      return { url, template };
    });
  } else if (piece === "pglite") {
    made = seeded(state, SEED_CLOCK, "test").then((f) => (took("PGlite snapshot ready"), f));
  } else {
    // The build (a child process, on the other core) goes alongside PGlite's seeding here.
    state.build ??= buildIfStaleAsync().then(() => took("build done"));
    made = (async () => {
      const snapshots: Record<string, string> = {};
      for (const instant of E2E_SEED_INSTANTS) snapshots[instant] = await seeded(state, instant, `e2e-${instant.replace(/\W/g, "")}`);
      took(`${E2E_SEED_INSTANTS.length} demo snapshots for browser journeys ready`);
      await state.build;
      return snapshots;
    })();
  }
  // A failure surfaces in the project that awaits it, not as an unhandled rejection before then.
  made.catch(() => undefined);
  state.pieces[piece] = made;
  return made as Promise<Prepared[K]>;
}

/** A seeded PGlite snapshot in a temporary file; PGlite is migrated once per run for all of them. */
let queue: Promise<unknown> = Promise.resolve();
function seeded(state: State, instant: string, name: string): Promise<string> {
  state.migrated ??= migratedPglite();
  // One PGlite at a time: it is one thread either way, and memory stays flat.
  const next = queue.then(async () => {
    const file = path.join(os.tmpdir(), `numaish-${name}-${process.pid}.tar`);
    fs.writeFileSync(file, await seededFrom(await state.migrated!, instant));
    return file;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Removes a piece's files or template database (each project's teardown). */
export async function discard<K extends Piece>(piece: K, value: Prepared[K]): Promise<void> {
  if (piece === "pglite") fs.rmSync(value as string, { force: true });
  else if (piece === "e2e") for (const f of Object.values(value as Record<string, string>)) fs.rmSync(f, { force: true });
  else {
    const { url, template } = value as Prepared["postgres"];
    const pg = (await import("pg")).default;
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists ${template} with (force)`);
    await a.end();
  }
}

type Dumpable = { $client: { dumpDataDir(c: "none"): Promise<Blob> } };

async function dump(db: unknown): Promise<Buffer> {
  const blob = await (db as Dumpable).$client.dumpDataDir("none");
  return Buffer.from(await blob.arrayBuffer());
}

async function migratedPglite(): Promise<Buffer> {
  const database = await openDatabase({ kind: "pglite" });
  try {
    await database.migrate();
    return await dump(database.db);
  } finally {
    await database.close();
  }
}

async function seededFrom(migrated: Buffer, instant: string): Promise<Buffer> {
  const database = await openDatabase({ kind: "pglite", loadDataDir: new Blob([new Uint8Array(migrated)]) });
  try {
    await seedDemo(database.db, fixedClock(instant));
    // Frozen and checkpointed, a copy starts ~0.3 s sooner (1.5 s against 1.8 s, measured
    // 2026-12-07), and every database test file and journey server starts from one.
    const client = (database.db as unknown as { $client: { query(sql: string): Promise<unknown> } }).$client;
    await client.query("vacuum freeze");
    await client.query("checkpoint");
    return await dump(database.db);
  } finally {
    await database.close();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))));
  });
}

