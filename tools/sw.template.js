// Service worker for the Ashraf 3 reading companion, generated at build time by
// tools/precache.py: VERSION and FILES below are filled in from the build's own files.
//
// One build = one cache. Install fetches every file of the build into a fresh cache; the
// old worker keeps serving the old cache until the page accepts the update, then the old
// cache is deleted. Old JavaScript never meets new wasm.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const SCOPE = self.registration.scope;
const PREFIX = "ashraf3-companion:" + SCOPE + ":";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE), { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const navigate = request.mode === "navigate";
      // Every view is index.html with a query string, so a page is matched without it.
      let hit = await cache.match(request, { ignoreSearch: navigate });
      if (!hit && navigate && new URL(request.url).pathname.endsWith("/")) {
        hit = await cache.match(new URL("index.html", SCOPE).href);
      }
      return hit || fetch(request);
    })
  );
});
