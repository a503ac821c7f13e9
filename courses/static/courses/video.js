// A video link becomes a privacy-friendly YouTube player when clicked; without JS it stays a link.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-video]");
    if (!link) return;
    var match = /(?:youtube\.com\/watch\?v=|youtu\.be\/)([\w-]{6,})/.exec(link.href);
    if (!match) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = "https://www.youtube-nocookie.com/embed/" + match[1] + "?autoplay=1";
    frame.title = link.textContent;
    frame.allow = "autoplay; encrypted-media";
    frame.allowFullscreen = true;
    frame.className = "video-frame";
    link.parentNode.replaceWith(frame);
  });
})();
