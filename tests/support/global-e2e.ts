import { execFileSync } from "node:child_process";
import path from "node:path";

// Browser journeys run against the real production build, as users get it:
// build it once per run, then every e2e file starts its own server from it.
export default function setup() {
  const bin = path.resolve("node_modules/.bin/react-router");
  const started = Date.now();
  execFileSync(bin, ["build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  console.log(`e2e: built the app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
