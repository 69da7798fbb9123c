// The entry of a server process that tests/support/process.ts spawns: the app as src/server/main.ts
// starts it (config from the environment, startServices, createApp, @hono/node-server), with two
// differences a test needs. The clock starts at TEST_CLOCK_START (the suite runs on fixed days,
// tests/support/clocks.ts) and runs at the wall clock's pace; and the pages (the React Router
// build) are mounted only when TEST_WITH_PAGES=1, so database tests do not depend on a build.
import "../../src/wiring";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { loadConfig } from "../../src/platform/config";
import { createApp } from "../../src/server/app";
import { startServices } from "../../src/server/start-services";
import { clockFrom } from "./clocks";

const config = loadConfig();
const start = process.env.TEST_CLOCK_START;
const running = await startServices(config, { clock: start ? clockFrom(start) : undefined });
const buildDir = path.resolve("build");
const build =
  process.env.TEST_WITH_PAGES === "1"
    ? ((await import(/* @vite-ignore */ pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild)
    : undefined;
const app = createApp({ services: running.services, build, clientDir: build ? path.join(buildDir, "client") : undefined });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`app process ${process.pid} listening on port ${info.port}`);
});
const shutdown = async () => {
  server.close();
  await running.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
