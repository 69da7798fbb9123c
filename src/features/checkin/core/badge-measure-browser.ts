import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import type { PublicKeySet, VerifyResult } from "./badge-format";

// Runs the scanner page's verifier (badge-verify-web.ts, bundled as the page would bundle it) in
// Debian's headless Chromium: to check it agrees with the server, and to time one offline
// verification where it will really run. Measurement and test support only; not app code.

export async function bundleWebVerifier(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL("./badge-verify-web.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    globalName: "BadgeWeb",
    platform: "browser",
    target: "chrome120",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

export interface BrowserRun {
  results: VerifyResult[];
  msPerBadge: number;
  userAgent: string;
}

/** Verify `texts` in Chromium with one verifier (keys imported once, as at a gate), timing the loop. */
export async function verifyInChromium(texts: readonly string[], publicKeys: PublicKeySet, edition: number): Promise<BrowserRun> {
  const script = await bundleWebVerifier();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    // WebCrypto needs a secure context, which about:blank is not: serve an https page from memory.
    await page.route("https://scanner.numaish.test/**", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>scanner</title>" }));
    await page.goto("https://scanner.numaish.test/");
    await page.addScriptTag({ content: script });
    return await page.evaluate(
      async ({ texts, publicKeys, edition }) => {
        const verify = (globalThis as any).BadgeWeb.createWebVerifier(publicKeys, edition);
        for (const t of texts.slice(0, 100)) await verify(t); // warm-up, key import
        const start = performance.now();
        const results = [];
        for (const t of texts) results.push(await verify(t));
        const ms = performance.now() - start;
        return { results, msPerBadge: ms / texts.length, userAgent: navigator.userAgent };
      },
      { texts: [...texts], publicKeys, edition },
    );
  } finally {
    await browser.close();
  }
}
