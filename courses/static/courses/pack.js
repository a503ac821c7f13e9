// Starts building the course's offline pack in the background; core/job-progress.js follows the
// job and starts the download when it is ready.
(function () {
  "use strict";
  var form = document.querySelector("[data-pack-form]");
  var box = document.querySelector("[data-pack-progress] [data-job]");
  if (!form || !box || !window.fetch || !window.cmeFollowJob) return;
  var text = box.querySelector("[data-job-text]");
  function failed() { text.textContent = form.dataset.failedText; form.hidden = false; }
  box.addEventListener("job:failed", function () { form.hidden = false; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.hidden = true;
    box.parentElement.hidden = false;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        box.dataset.doneUrl = form.action + "download/";
        if (job.ready) {
          text.textContent = box.dataset.readyText;
          window.location.href = job.url;
          return;
        }
        box.dataset.statusUrl = job.status_url;
        window.cmeFollowJob(box);
      })
      .catch(failed);
  });
})();
