// The verify form goes to /verify/<key>/ (a readable address to share) instead of ?key=.
(function () {
  "use strict";
  var form = document.querySelector("form[data-verify-form]");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = form.elements.key.value.trim();
    if (value) {
      location.href = location.pathname.replace(/[^/]+\/?$/, "") + encodeURIComponent(value) + "/";
    }
  });
})();
