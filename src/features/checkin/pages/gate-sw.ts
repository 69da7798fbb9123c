// The scanner page's service worker, served from our origin (CSP: script-src 'self' covers it).
// It keeps /gate and the built assets it loaded in a cache so the page opens and works with the
// network gone: /gate is network-first (fresh lists when online), assets cache-first (their
// names are fingerprinted). Everything else passes through untouched.
const source = `
const CACHE = "numaish-gate-v1";
self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.add("/gate")).catch(() => undefined));
  self.skipWaiting();
});
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
self.addEventListener("message", (e) => {
  if (e.data && e.data.type === "cache" && Array.isArray(e.data.urls)) {
    const urls = e.data.urls.filter((u) => typeof u === "string" && u.startsWith("/assets/"));
    e.waitUntil(caches.open(CACHE).then((c) => c.addAll(urls)).catch(() => undefined));
  }
});
const put = (req, res) => { if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); } return res; };
self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === "/gate" && e.request.mode === "navigate") {
    e.respondWith(fetch(e.request).then((r) => put("/gate", r)).catch(() => caches.match("/gate", { ignoreSearch: true }).then((hit) => hit || Response.error())));
    return;
  }
  if (url.pathname.startsWith("/assets/") || url.pathname === "/favicon.svg") {
    e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request).then((r) => put(e.request, r))));
  }
});
`;

export function loader() {
  return new Response(source, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache", "service-worker-allowed": "/" },
  });
}
