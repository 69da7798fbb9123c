// `npm start`: build the web app when there is no build yet (or it is older than
// the sources), then run the server. Plain JavaScript so it runs before anything
// is compiled.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { precompress } from "./precompress.mjs";

const [major] = process.versions.node.split(".").map(Number);
if (major < 22) {
  // npm puts the project's own Node (the `node` dependency) first on the PATH: run through npm.
  console.error(`Numaish runs on Node.js 22 or newer; this is ${process.version}. Start it with "npm start" after "npm ci".`);
  process.exit(1);
}

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const serverBuild = path.resolve("build/server/index.js");
const stale = !fs.existsSync(serverBuild) || newest(path.resolve("src")) > fs.statSync(serverBuild).mtimeMs;
const bin = (name) => path.resolve("node_modules/.bin", name);
if (stale) {
  // The build's own chatter (tool deprecation notices, per-file sizes) is for developers
  // (`npm run build` shows it); an operator sees one line, and the whole log only on failure.
  const started = Date.now();
  process.stdout.write("Building the web app (first start only)… ");
  const r = spawnSync(bin("react-router"), ["build"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    console.log("failed:\n");
    process.stdout.write(r.stdout ?? "");
    process.stderr.write(r.stderr ?? "");
    process.exit(r.status ?? 1);
  }
  precompress(path.resolve("build/client"));
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s.`);
}
const r = spawnSync(bin("tsx"), ["src/server/main.ts"], { stdio: "inherit" });
process.exit(r.status ?? 1);
