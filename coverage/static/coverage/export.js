(function () {
  "use strict";
  var box = document.getElementById("export-job");
  if (!box || box.dataset.ready || !box.dataset.statusUrl) return;
  var bar = box.querySelector(".progress");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && data.total) {
          var percent = Math.min(100, Math.round((100 * data.done) / data.total));
          bar.firstElementChild.style.width = percent + "%";
          bar.setAttribute("aria-valuenow", percent);
        }
        if (data && data.ready && !data.failed) {
          window.location.reload();
        } else if (data && data.failed) {
          document.getElementById("export-message").textContent = data.message;
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
