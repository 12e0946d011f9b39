// Resizes every iframe that shows the Ashraf 3 reading companion to its content height.
// Add it once to a course page: <script src="…/embed-resize.js" defer></script>
// The companion posts {type: "ashraf3-companion:resize", height, href} from inside the frame
// whenever its height changes (and {subject: "lti.frameResize", height} for Canvas).
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || data.type !== "ashraf3-companion:resize" || typeof data.height !== "number") return;
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow === event.source) {
      frames[i].style.height = Math.ceil(data.height) + "px";
    }
  }
});
