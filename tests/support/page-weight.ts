import type { Browser } from "playwright-core";

// What a phone downloads to show a page the first time (cold cache): bytes on the wire (compressed,
// with headers) and requests, from Chromium's own network events. Deterministic for a given build
// and page, so budgets on it may be tests (times may not).

export interface PageWeight {
  path: string;
  locale: "en" | "ur";
  bytes: number;
  requests: number;
  /** The five heaviest responses, for a reader who wants to know why. */
  heaviest: { url: string; bytes: number }[];
}

export async function measurePage(browser: Browser, baseUrl: string, path: string, locale: "en" | "ur", cookies: { name: string; value: string }[] = []): Promise<PageWeight> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 360, height: 740 } });
  try {
    const url = new URL(baseUrl);
    await context.addCookies([...cookies, ...(locale === "ur" ? [{ name: "numaish_lang", value: "ur" }] : [])].map((c) => ({ ...c, domain: url.hostname, path: "/" })));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
    await page.goto(path, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState("networkidle");
    const rows = [...sizes].map(([id, bytes]) => ({ url: new URL(urls.get(id) ?? "", baseUrl).pathname, bytes }));
    return {
      path,
      locale,
      bytes: rows.reduce((n, r) => n + r.bytes, 0),
      requests: rows.length,
      heaviest: rows.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    };
  } finally {
    await context.close();
  }
}
