import { execFileSync, spawn } from "node:child_process";
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

function isFresh(): boolean {
  const serverBuild = path.resolve("build/server/index.js");
  const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map((s) => newest(path.resolve(s))))) {
    console.log("build: newer than the sources; not rebuilt");
    return true;
  }
  return false;
}

/** The same, in a child process, so the caller's thread goes on (tests/support/prepare.ts). */
export async function buildIfStaleAsync(): Promise<void> {
  if (isFresh()) return;
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/react-router"), ["build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`react-router build exited with ${code}`))));
  });
  precompress(path.resolve("build/client"));
  console.log(`build: built the app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default function buildIfStale(): void {
  if (isFresh()) return;
  const started = Date.now();
  execFileSync(path.resolve("node_modules/.bin/react-router"), ["build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  precompress(path.resolve("build/client"));
  console.log(`build: built the app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
