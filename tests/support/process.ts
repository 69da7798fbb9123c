import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

// The real app as a separate Node process on a PostgreSQL database (a copy of the test template:
// copyPostgresTemplate in db.ts), for what one process cannot show: a crash (SIGKILL) mid-work and
// a restart on the same database, or several processes sharing one database. The process runs
// tests/support/app-process-main.ts (main.ts's start with a test clock; API and health, pages on
// request) under Node with tsx as a loader, so signals reach the server itself. It never seeds:
// the template already holds the demo, and seeding would take ~15 s per start.

export interface AppProcess {
  /** http://127.0.0.1:<port>, also the process's PUBLIC_URL (so the CSRF origin check passes). */
  url: string;
  port: number;
  pid: number;
  /** Everything the process printed (stdout and stderr), for failure messages. */
  output(): string;
  /** kill -9: no handler runs, open transactions die with their connections. */
  kill(): Promise<void>;
  /** SIGTERM: the server closes, the outbox worker finishes its message, the pool ends; exit 0. */
  stop(): Promise<number | null>;
}

export interface AppProcessOptions {
  databaseUrl: string;
  /** The instant the process's clock starts at (clocks.ts); the wall clock when omitted. */
  clock?: string;
  /** The same port again, e.g. for a restart after a kill; a free one when omitted. */
  port?: number;
  /** An SMTP server (tests/support/smtp.ts): the process's outbox worker delivers there. */
  smtpPort?: number;
  /** Mount the pages from the production build (it must exist: build-if-stale.ts). */
  pages?: boolean;
  env?: Record<string, string>;
  /** How long to wait for /readyz to answer 200. */
  readyTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
// A test that throws before its clean-up must not leave servers behind on a shared machine.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A port nobody listens on now (the OS picks it; the process then binds it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start an app process and wait until it is ready (database reachable, migrations applied). */
export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    TZ: "UTC",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    OUTBOX_POLL_MS: "200",
    ...(options.clock ? { TEST_CLOCK_START: options.clock } : {}),
    ...(options.smtpPort ? { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(options.smtpPort) } : {}),
    ...(options.pages ? { TEST_WITH_PAGES: "1" } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/support/app-process-main.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const proc: AppProcess = {
    url,
    port,
    pid: child.pid!,
    output: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  const until = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app process exited before it was ready (${child.exitCode ?? child.signalCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return proc;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      await proc.kill();
      throw new Error(`app process not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
