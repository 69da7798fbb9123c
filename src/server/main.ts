import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { loadConfig } from "../platform/config";
import { createLogger } from "../platform/log";
import { DataDirLockedError } from "../platform/db/lock";
import { DEMO_PASSWORD, demoAccounts } from "../features/demo/seed-demo";
import { createApp } from "./app";
import { startServices } from "./start-services";

async function main() {
  const config = loadConfig();
  const buildDir = path.resolve("build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  let running;
  try {
    running = await startServices(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const app = createApp({ services: running.services, build, clientDir: path.join(buildDir, "client"), logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const db = running.database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
    const lines = [
      "",
      `Numaish is running at ${config.publicUrl} (port ${info.port})`,
      `Database: ${db}`,
      `Email: ${config.smtp ? `SMTP ${config.smtp.host}:${config.smtp.port}` : "no SMTP configured; read messages in Back office → Outbox"}`,
    ];
    if (config.seedDemo) {
      lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const a of demoAccounts) lines.push(`  ${a.role.padEnd(16)} ${a.email}`);
    }
    console.log(lines.join("\n") + "\n");
  });
  const shutdown = async () => {
    server.close();
    await running.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
