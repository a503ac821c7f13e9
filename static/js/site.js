// The few behaviours of the site shell; every page works without them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  var toggle = document.querySelector(".nav-toggle");
  var menu = document.getElementById("site-menu");
  if (toggle && menu) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
    });
  }

  // Registration: show the part of the form that applies, and the facilities of the governorate.
  var form = document.querySelector("form[data-registration]");
  if (!form) { return; }
  function showPart() {
    var checked = form.querySelector("input[name=status]:checked");
    var status = checked ? checked.value : "existing";
    form.querySelectorAll("[data-status]").forEach(function (part) {
      part.hidden = part.getAttribute("data-status") !== status;
    });
  }
  form.querySelectorAll("input[name=status]").forEach(function (radio) {
    radio.addEventListener("change", showPart);
  });
  showPart();

  var governorate = form.querySelector("select[name=governorate]");
  var facility = form.querySelector("select[name=facility]");
  if (!governorate || !facility) { return; }
  governorate.addEventListener("change", function () {
    var empty = facility.options[0].cloneNode(true);
    facility.replaceChildren(empty);
    facility.disabled = true;
    if (!governorate.value) { return; }
    var url = form.getAttribute("data-facilities-url") + "?governorate=" + encodeURIComponent(governorate.value);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        data.facilities.forEach(function (row) {
          facility.appendChild(new Option(row.name, row.id));
        });
      })
      .finally(function () { facility.disabled = false; });
  });
})();
