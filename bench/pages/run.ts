// First-load weight of the public pages, as a phone on a slow network pays it: bytes on the wire
// (compressed, headers included) and requests, cold cache, 360 px, in English and Urdu.
//
//   npm run bench:pages          (builds the app when the build is older than the sources)
//
// Then the application form (/apply/:token) and back-office pages signed in as the organiser.
//
// Method: the production build is served by the real app over an embedded database seeded with
// the demo, in this process; Debian's Chromium (CHROMIUM_PATH) loads each page in a fresh context
// with the cache disabled and counts Network.loadingFinished.encodedDataLength over every request
// until the network is idle. One JSON line per page and language, then one summary line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { fixedClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import { createApp } from "../../src/server/app";
import { startServices } from "../../src/server/start-services";
import { launchBrowser } from "../../tests/e2e/helpers";
import { APPLICATION_FORM_BUDGET, BACK_OFFICE_BUDGET, BACK_OFFICE_PAGES, BUDGET, PUBLIC_PAGES, TARGET } from "../../tests/support/page-budgets";
import { measurePage, type PageWeight } from "../../tests/support/page-weight";
import { weightFixtures } from "../../tests/support/weight-fixtures";
import buildIfStale from "../../tests/support/build-if-stale";

buildIfStale();
const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
let handler: (req: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
const server = serve({ fetch: (req) => handler(req), port: 0, hostname: "127.0.0.1" });
await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "numaish-bench-pages-"));
const config = { ...loadConfig({ PUBLIC_URL: url, SEED_DEMO: "true", DATA_DIR: dataDir } as NodeJS.ProcessEnv), publicUrl: url };
const running = await startServices(config, { seed: true, clock: fixedClock("2026-12-04T06:00:00Z") });
handler = createApp({ services: running.services, build, clientDir: path.resolve("build/client") }).fetch;
const browser = await launchBrowser();
const rows: PageWeight[] = [];
try {
  for (const p of PUBLIC_PAGES) {
    for (const locale of ["en", "ur"] as const) {
      const w = await measurePage(browser, url, p, locale);
      rows.push(w);
      console.log(JSON.stringify({ bench: "pages", ...w, budget: BUDGET[locale], target: TARGET[locale] }));
    }
  }
  // The application form and the back office (signed in as the demo organiser): budgets, not the public targets.
  const fixtures = await weightFixtures(running.services);
  for (const locale of ["en", "ur"] as const) {
    const w = await measurePage(browser, url, fixtures.applyPath, locale);
    console.log(JSON.stringify({ bench: "pages", ...w, path: "/apply/:token", budget: APPLICATION_FORM_BUDGET }));
    for (const p of BACK_OFFICE_PAGES) {
      const b = await measurePage(browser, url, p, locale, [fixtures.organiserCookie]);
      console.log(JSON.stringify({ bench: "pages", ...b, budget: BACK_OFFICE_BUDGET }));
    }
  }
} finally {
  await browser.close();
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  server.close();
  await running.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const max = (l: "en" | "ur") => Math.max(...rows.filter((r) => r.locale === l).map((r) => r.bytes));
console.log(JSON.stringify({ bench: "pages", summary: true, maxBytesEn: max("en"), maxBytesUr: max("ur"), targetEn: TARGET.en, targetUr: TARGET.ur }));
