// Follows a background job (core/jobs.py) on any page: the include core/job_progress.html marks a
// box with data-job and the job's status URL; its bar and text show how far the job has come, and
// when it is done the page reloads or goes to data-done-url. A failed job shows its message.
(function () {
  "use strict";
  if (window.cmeFollowJob) return;  // the include was on the page twice: one follower is enough
  function follow(box) {
    var bar = box.querySelector(".progress");
    var text = box.querySelector("[data-job-text]");
    function show(percent) {
      bar.firstElementChild.style.width = percent + "%";
      bar.setAttribute("aria-valuenow", percent);
    }
    function poll() {
      fetch(box.dataset.statusUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (job) {
          if (!job) { setTimeout(poll, 3000); return; }
          if (job.total) {
            show(Math.min(100, Math.round((100 * job.done) / job.total)));
            text.textContent = job.done + " / " + job.total;
          }
          if (job.failed) {
            text.textContent = job.message || box.dataset.failedText || "";
            box.dispatchEvent(new CustomEvent("job:failed"));
            return;
          }
          if (job.ready) {
            show(100);
            if (box.dataset.readyText) text.textContent = box.dataset.readyText;
            if (box.dataset.doneUrl) window.location.href = box.dataset.doneUrl;
            else window.location.reload();
            return;
          }
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    box.hidden = false;
    poll();
  }
  window.cmeFollowJob = follow;  // for pages that start the job themselves (courses/pack.js)
  document.querySelectorAll("[data-job]").forEach(function (box) {
    if (box.dataset.statusUrl && !box.dataset.ready) follow(box);
  });
})();
