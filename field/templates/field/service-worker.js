// The field app's service worker: it keeps the app shell (page, manifest, scripts, styles, icons)
// and answers it from its cache, so the app opens with no connection. It never touches the API:
// the app's data lives in IndexedDB and its requests go straight to the network.
const PREFIX = {{ cache_prefix|safe }};
const CACHE = PREFIX + {{ version|safe }};
const SHELL = {{ shell|safe }};
const KEEP = {{ keep|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(KEEP.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = request.mode === "navigate" && url.pathname === SHELL ? SHELL : url.pathname;
  if (!KEEP.includes(key)) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(key))
      .then((kept) => kept || fetch(request))
  );
});
