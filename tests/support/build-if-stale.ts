import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { precompress } from "../../scripts/precompress.mjs";

// The production build, made once and reused while no source is newer than it (browser tests,
// bench:pages). A fresh clone always builds; a developer's second run does not.
const SOURCES = ["src", "public", "react-router.config.ts", "vite.config.ts", "package-lock.json", "scripts/precompress.mjs"];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export default function buildIfStale(): void {
  const serverBuild = path.resolve("build/server/index.js");
  const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map((s) => newest(path.resolve(s))))) {
    console.log("build: newer than the sources; not rebuilt");
    return;
  }
  const started = Date.now();
  execFileSync(path.resolve("node_modules/.bin/react-router"), ["build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  precompress(path.resolve("build/client"));
  console.log(`build: built the app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
