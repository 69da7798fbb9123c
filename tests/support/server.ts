import "../../src/wiring";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { inject } from "vitest";
import { serve } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import type { Clock } from "../../src/platform/clock";
import type { AppConfig } from "../../src/platform/config";
import type { AppServices } from "../../src/platform/context";
import { createApp } from "../../src/server/app";
import { startServices } from "../../src/server/start-services";

export interface TestServer {
  url: string;
  services: AppServices;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real app from the production build (tests/support/global-e2e.ts builds it),
 * in-process on a random port, over a fresh embedded database seeded with the
 * demo edition: a copy of the snapshot seeded at the clock's start when there is
 * one (clocks.ts), else seeded here. With smtpPort, the outbox worker delivers to
 * that SMTP server.
 */
export async function startTestServer(options: { smtpPort?: number; clock?: Clock & { start?: string } } = {}): Promise<TestServer> {
  const buildDir = path.resolve("build");
  const build = (await import(/* @vite-ignore */ pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;

  // Listen first: PUBLIC_URL (links in emails, the CSRF origin check) needs the port.
  let handler: (req: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const server = serve({ fetch: (req) => handler(req), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "numaish-e2e-"));
  const config: AppConfig = {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    publicUrl: url,
    seedDemo: true,
    smtp: options.smtpPort ? { host: "127.0.0.1", port: options.smtpPort, secure: false } : undefined,
    mailFrom: "Numaish <no-reply@numaish.test>",
    outboxPollMs: 200,
    secureCookies: false,
    trustProxy: false,
  };
  const snapshot = options.clock?.start ? inject("e2eSnapshots")?.[options.clock.start] : undefined;
  const running = snapshot
    ? await startServices(config, { seed: false, clock: options.clock, loadDataDir: new Blob([fs.readFileSync(snapshot)]) })
    : await startServices(config, { seed: true, clock: options.clock });
  const app = createApp({ services: running.services, build, clientDir: path.join(buildDir, "client") });
  handler = (req) => app.fetch(req);

  return {
    url,
    services: running.services,
    dataDir,
    async close() {
      // Browsers keep connections alive; drop them so close() does not wait for a timeout.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
