// Resizes every iframe on a course page that shows the Ashraf 3 reading companion to the
// height of its content. Add it once to the page, as a script element whose src is this
// file's address beside the companion (https://…/companion/embed-resize.js), or paste the snippet the companion's Embed panel shows: this same file, with the
// companion's origin in data-companion-origin (this file is the only copy of the script).
//
// The companion posts {type: "ashraf3-companion:resize", height} from inside its frame
// whenever its height changes (and {subject: "lti.frameResize", height} for Canvas). Only
// frames whose src is on the companion's origin are resized, to a height in a sane range,
// and a frame that posts faster than any real layout change is ignored for a while. A frame
// counts as the companion's only when its src (not a srcdoc) is under the companion's address
// and the message comes from the origin that frame has: the companion's, or "null" when its
// sandbox leaves out allow-same-origin (a course page on the companion's own origin may hold
// other sandboxed frames, which post from "null" too).
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script && (script.getAttribute("data-companion-origin") || (script.src && new URL(script.src, location.href).origin));
  if (!origin) return;
  // The companion's address: the folder this file is published in, or (pasted inline) its origin.
  var base = script.src ? new URL(".", new URL(script.src, location.href)).href : origin + "/";
  var MIN_HEIGHT = 80;
  var MAX_HEIGHT = 20000;
  var PER_SECOND = 20;
  var seen = new WeakMap();

  function allowed(frame) {
    var now = Date.now();
    var s = seen.get(frame);
    if (!s || now - s.since >= 1000) s = { since: now, count: 0 };
    s.count += 1;
    seen.set(frame, s);
    return s.count <= PER_SECOND;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "ashraf3-companion:resize" || typeof data.height !== "number" || !isFinite(data.height)) return;
    if (event.origin !== origin && event.origin !== "null") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var src = frame.getAttribute("src");
      if (!src || frame.hasAttribute("srcdoc")) return;
      var url = new URL(src, location.href);
      var opaque = frame.hasAttribute("sandbox") && !frame.sandbox.contains("allow-same-origin");
      if (url.origin !== origin || url.href.indexOf(base) !== 0) return;
      if (event.origin !== (opaque ? "null" : origin) || !allowed(frame)) return;
      frame.style.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height))) + "px";
      return;
    }
  });
})();
