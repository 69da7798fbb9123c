// The service worker of the lounge, stall and door scanners (client/scan-form.tsx registers it
// once per page, its scope the page's own path, e.g. /lounge/<edition>): a reload with the network
// gone still opens the page, and its scans go to the phone's queue. On install it keeps the page
// and the scripts and styles the page names (/assets/…); the page itself is network-first (fresh
// meetings when online), assets cache-first (their names are fingerprinted); a script loaded later
// (the camera's jsQR) is kept when first fetched. Everything else passes through. The gate has its
// own worker (gate-sw.ts). Served from our origin: CSP script-src 'self' covers it.
const source = `
const CACHE = "numaish-scanner-v1";
const page = new URL(self.registration.scope).pathname;
const keep = (req, res) => { if (res.ok && !res.redirected) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); } return res; };
self.addEventListener("install", (e) => {
  e.waitUntil(fetch(page, { credentials: "same-origin" }).then(async (res) => {
    if (!res.ok || res.redirected) return;
    const html = await res.clone().text();
    const c = await caches.open(CACHE);
    await c.put(page, res);
    const assets = [...new Set([...html.matchAll(/["'](\\/assets\\/[^"'\\s?#]+)["']/g)].map((m) => m[1]))];
    await c.addAll(assets);
  }).catch(() => undefined));
  self.skipWaiting();
});
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (e.request.mode === "navigate" && url.pathname === page) {
    e.respondWith(fetch(e.request).then((r) => keep(page, r)).catch(() => caches.match(page).then((hit) => hit || Response.error())));
    return;
  }
  if (url.pathname.startsWith("/assets/") || url.pathname === "/favicon.svg") {
    e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request).then((r) => keep(e.request, r))));
  }
});
`;

export function loader() {
  return new Response(source, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" } });
}
