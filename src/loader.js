// The page's loader: starts the app (its module and wasm) on a page that already shows its view.
// Every page carries it inline: Trunk writes an empty module script naming this build's module
// and wasm (Trunk.toml's pattern_script, as data-module and data-wasm), and the page renderer
// (src/render/loader.rs) puts this file into it, without its comments and indentation, before the
// Content-Security-Policy hashes it. index.html's own inline script runs before this one: it sets
// the base of 404.html and marks a page whose app does not start ("app-failed").
//
// Text first: the module and wasm wait until the page has loaded (its HTML and stylesheet) and
// been painted, so they never compete with the text for the network.
//
// Only `//` comments on lines of their own, and no line that starts inside a string: the
// renderer drops every line that starts with `//`.

const files = document.querySelector("script[data-wasm]").dataset;

// A link of an earlier version (`?view=…`) gets the library's page, not its view's; that page
// also names the whole app (data-all-module, data-all-wasm: the module of 404.html, which holds
// every view), which then starts in place of the library's module and shows the view the link
// asks for, or what in it was wrong, without loading another page.
const legacy = /[?&]view=/.test(location.search);
const module = (legacy && files.allModule) || files.module;
const wasmFile = (legacy && files.allWasm) || files.wasm;

// A file named relative to the app's root, resolved when the app starts: a 404 page sets its
// base late (index.html's inline script), so the names must not be resolved before that.
const at = (name) => new URL(name, document.baseURI).href;

function start() {
  // The documents' text, which the app reads before it hydrates, is fetched beside the module
  // and wasm, not after them: the page names its file, and the app takes the fetch under way
  // (`browser::prefetched`). Its failure is the app's to report, so it is silenced here.
  const text = document.querySelector("meta[name=companion-text]");
  if (text) (window.companionText = fetch(at(text.content))).catch(() => {});
  // The wasm too is fetched beside the module, not once the module has arrived: on a slow
  // network that is one round trip less before the page is usable. Its failure is the module's
  // initialisation's to report (below), so it is silenced here.
  const wasm = fetch(at(wasmFile));
  wasm.catch(() => {});
  return import(at(module))
    .then((module) => module.default({ module_or_path: wasm }))
    .catch((error) => {
      // A blocked or refused file: the page shows what needs the app (index.html's start-up
      // check), unless the app had already taken the page over.
      const html = document.documentElement;
      if (!html.classList.contains("app")) html.classList.add("app-failed");
      console.warn("The reading companion's app could not start:", error);
    });
}

function run() {
  // For a link of an earlier version the app starts at once, to move to the view as soon as it
  // can.
  if (document.readyState === "complete" || legacy) {
    start();
    return;
  }
  // The frame after the load event, or half a second later in a tab or frame that does not
  // paint; whichever comes first, once.
  addEventListener(
    "load",
    () => {
      let started;
      const go = () => started || (started = setTimeout(start));
      requestAnimationFrame(go);
      setTimeout(go, 500);
    },
    { once: true },
  );
}

// A 404 page whose address does not yet show the app's root ("data-unrooted") starts the app
// once index.html's inline script has found it ("companion-rooted"): before that, the files
// would be looked for in the wrong folder.
if (document.documentElement.hasAttribute("data-unrooted")) {
  addEventListener("companion-rooted", run, { once: true });
} else {
  run();
}
