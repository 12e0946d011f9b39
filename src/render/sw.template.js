// Service worker for the Ashraf 3 reading companion, generated at build time by the page
// renderer (src/render/precache.rs): VERSION and FILES below are filled in from the build's own
// files.
//
// One build = one cache. Install fetches every file of the build into a fresh cache and checks
// each against the sha256 the build computed, so a cache never mixes two deployments (a host
// that is half-way through an upload, or a proxy's stale copy, fails the install and the
// old cache keeps serving). The old worker keeps serving the old cache until the page accepts
// the update; then the old cache is deleted. Old JavaScript never meets new wasm.
const VERSION = "__VERSION__";
// [path relative to the scope, sha256 in hex]; a page is its folder ("./", "read/<doc>/"),
// not its index.html.
const FILES = __FILES__;
const SCOPE = self.registration.scope;
const PREFIX = "ashraf3-companion:" + SCOPE + ":";
const CACHE = PREFIX + VERSION;
const PATHS = new Set(FILES.map(([path]) => new URL(path, SCOPE).pathname));

/** A page under both its names ("read/x/index.html" is "read/x/"). */
function key(pathname) {
  return pathname.endsWith("/index.html") ? pathname.slice(0, -"index.html".length) : pathname;
}

/** Whether a cache name is one of this app's, at this scope, and not this build's. */
function isOldCache(name) {
  return name !== CACHE && name.startsWith(PREFIX) && /^[0-9a-f]{16}$/.test(name.slice(PREFIX.length));
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Fetches one file of this build and checks it against its hash. A response that followed a
 * redirect (some hosts send index.html to ./) is rebuilt: a browser refuses a redirected
 * response as the answer to a navigation.
 */
async function fetchChecked([path, sha256]) {
  const url = new URL(path, SCOPE).href;
  const response = await fetch(url, { cache: "reload" });
  if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
  const body = await response.arrayBuffer();
  const got = hex(await crypto.subtle.digest("SHA-256", body));
  if (got !== sha256) throw new Error(`precache: ${url} is not the file of build ${VERSION}`);
  const clean = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  return [url, clean];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all(FILES.map(fetchChecked)).then(async (responses) => {
      const cache = await caches.open(CACHE);
      await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
    })
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter(isOldCache).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const path = key(url.pathname);
  // A folder link without its trailing slash (…/read/lends-hope): the host would redirect it to
  // the folder; offline, the worker does, so the page's relative links resolve as online.
  if (request.mode === "navigate" && !PATHS.has(path) && PATHS.has(path + "/")) {
    event.respondWith(Response.redirect(url.origin + path + "/" + url.search + url.hash, 301));
    return;
  }
  // A navigation the build has no file for (a sibling folder, or a whole site when the
  // companion is at its root) is none of the worker's business: the network answers it.
  if (request.mode === "navigate" && !PATHS.has(path)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // How a view is shown is in its query (?embed=1, ?figure=…): the page is looked up
      // without it.
      const hit = await cache.match(url.origin + path, { ignoreSearch: true });
      return hit || fetch(request);
    })
  );
});
