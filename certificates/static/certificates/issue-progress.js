// Polls the job issuing a workshop's certificates and reloads the page when it is done.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var bar = box.querySelector(".progress > span");
  var text = box.querySelector(".job-text");
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        var percent = job.total ? Math.round((100 * job.done) / job.total) : 0;
        bar.style.width = percent + "%";
        text.textContent = job.done + " / " + job.total;
        if (job.failed) { text.textContent = job.message; return; }
        if (job.ready) { location.href = location.pathname; return; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
