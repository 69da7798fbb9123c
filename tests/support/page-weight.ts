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

/** Measures a page cold; a page whose network never goes quiet is loaded again once (bytes are the
 *  subject here, not time: a request stalled on a loaded machine must not fail a budget), and a
 *  second stall fails with the requests still open. */
export async function measurePage(browser: Browser, baseUrl: string, path: string, locale: "en" | "ur", cookies: { name: string; value: string }[] = []): Promise<PageWeight> {
  const first = await measureOnce(browser, baseUrl, path, locale, cookies);
  if ("weight" in first) return first.weight;
  const second = await measureOnce(browser, baseUrl, path, locale, cookies);
  if ("weight" in second) return second.weight;
  throw new Error(`${path} (${locale}): the network never went quiet; still open: ${second.pending.join(", ")}`);
}

const QUIET_MS = 500;
const STALL_MS = 20_000;

async function measureOnce(
  browser: Browser,
  baseUrl: string,
  path: string,
  locale: "en" | "ur",
  cookies: { name: string; value: string }[],
): Promise<{ weight: PageWeight } | { pending: string[] }> {
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
    const open = new Set<string>();
    let lastChange = Date.now();
    const settle = (id: string) => (open.delete(id), (lastChange = Date.now()));
    cdp.on("Network.requestWillBeSent", (e) => (urls.set(e.requestId, e.request.url), open.add(e.requestId), (lastChange = Date.now())));
    cdp.on("Network.loadingFinished", (e) => (sizes.set(e.requestId, e.encodedDataLength), settle(e.requestId)));
    cdp.on("Network.loadingFailed", (e) => settle(e.requestId));
    await page.goto(path, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    // Quiet: nothing in flight for half a second (as Playwright's "networkidle"), read from the
    // same CDP events that count the bytes.
    const until = Date.now() + STALL_MS;
    while (open.size > 0 || Date.now() - lastChange < QUIET_MS) {
      if (Date.now() > until) return { pending: [...open].map((id) => urls.get(id) ?? id) };
      await new Promise((r) => setTimeout(r, 50));
    }
    const rows = [...sizes].map(([id, bytes]) => ({ url: new URL(urls.get(id) ?? "", baseUrl).pathname, bytes }));
    return {
      weight: {
        path,
        locale,
        bytes: rows.reduce((n, r) => n + r.bytes, 0),
        requests: rows.length,
        heaviest: rows.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
      },
    };
  } finally {
    await context.close();
  }
}
