// Polls the job of a long import and shows how far it has come; reloads when it is done.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box || !box.dataset.jobUrl) return;
  var bar = box.querySelector(".progress");
  var text = box.querySelector("[data-progress-text]");
  function poll() {
    fetch(box.dataset.jobUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (job.ready) { window.location.reload(); return; }
        var percent = job.total ? Math.round((job.done * 100) / job.total) : 0;
        bar.firstElementChild.style.width = percent + "%";
        bar.setAttribute("aria-valuenow", percent);
        text.textContent = job.total ? percent + " %" : "";
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
