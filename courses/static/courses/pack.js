// Builds the course's offline pack in the background, shows its progress, then downloads it.
(function () {
  "use strict";
  var form = document.querySelector("[data-pack-form]");
  if (!form || !window.fetch) return;
  var box = document.querySelector("[data-pack-progress]");
  var bar = document.querySelector("[data-pack-bar]");
  var message = document.querySelector("[data-pack-message]");
  var ready = form.dataset.readyText;
  var failed = form.dataset.failedText;
  function done(url) { bar.style.width = "100%"; message.textContent = ready; window.location.href = url; }
  function poll(status, url) {
    fetch(status, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.total) bar.style.width = Math.round((100 * job.done) / job.total) + "%";
        if (job.failed) { message.textContent = failed; form.hidden = false; return; }
        if (job.ready) { done(url); return; }
        setTimeout(function () { poll(status, url); }, 1000);
      })
      .catch(function () { setTimeout(function () { poll(status, url); }, 3000); });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.hidden = true;
    box.hidden = false;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (r) { return r.json(); })
      .then(function (job) { if (job.ready) done(job.url); else poll(job.status_url, form.action + "download/"); })
      .catch(function () { message.textContent = failed; form.hidden = false; });
  });
})();
