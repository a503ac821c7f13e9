// One tap marks one person at once, without reloading. Each tap carries its own UUID, so a retry
// or a replay by the sync endpoint never makes a second mark. Without a connection the marks wait
// in localStorage and go to the sync endpoint when the connection returns.
(function () {
  "use strict";
  var list = document.querySelector(".marking[data-mark-url]");
  if (!list) return;
  var QUEUE_KEY = "cme.pendingMarks";
  var note = document.getElementById("offline-note");

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function newUuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }
  function queue() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch (e) { return []; }
  }
  function saveQueue(items) {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
    note.hidden = items.length === 0;
    note.querySelector("[data-pending]").textContent = items.length ? "(" + items.length + ")" : "";
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status >= 500) throw new Error("server");
      return response.json();
    });
  }
  function show(row, status) {
    row.querySelectorAll(".tap").forEach(function (button) {
      var on = button.dataset.status === status;
      button.classList.toggle("is-on", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  function showCounts(counts) {
    Object.keys(counts).forEach(function (key) {
      var cell = document.querySelector("[data-count='" + key + "']");
      if (cell) cell.textContent = counts[key];
    });
  }
  function flush() {
    var items = queue();
    if (!items.length || !navigator.onLine) return;
    post(list.dataset.syncUrl, { marks: items }).then(function (reply) {
      var settled = {};
      (reply.results || []).forEach(function (r) { settled[r.client_uuid] = true; });
      saveQueue(queue().filter(function (item) { return !settled[item.client_uuid]; }));
      window.location.reload();
    }).catch(function () { /* still offline: try again later */ });
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest(".tap");
    if (!button) return;
    var row = button.closest("[data-enrolment]");
    var previous = row.querySelector(".tap.is-on");
    var mark = {
      client_uuid: newUuid(),
      session: Number(list.dataset.session),
      enrolment: Number(row.dataset.enrolment),
      status: button.dataset.status,
      taken_at: new Date().toISOString()
    };
    show(row, mark.status);
    row.classList.add("is-saving");
    post(list.dataset.markUrl, mark).then(function (reply) {
      row.classList.remove("is-saving");
      if (reply.result === "refused") {
        show(row, previous ? previous.dataset.status : "");
        window.alert(reply.reason);
      } else {
        row.classList.add("is-saved");
      }
      if (reply.counts) showCounts(reply.counts);
    }).catch(function () {
      row.classList.remove("is-saving");
      saveQueue(queue().concat([mark]));
    });
  });
  window.addEventListener("online", flush);
  saveQueue(queue());
  flush();

  var qr = document.getElementById("qr");
  if (qr) {
    setInterval(function () { qr.src = qr.dataset.src + "?t=" + Date.now(); }, 20000);
  }
})();
