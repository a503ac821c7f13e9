(function () {
  "use strict";
  // Draws each chart with the vendored Chartist from its JSON data; the server's SVG stays as the
  // fallback when the library did not load, and the table beside each chart holds the figures.
  if (!window.Chartist) return;
  function format(value, unit) {
    if (value === null || value === undefined) return "—";
    return unit === "%" ? value.toFixed(1) + "%" : String(value);
  }
  document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
    var source = document.getElementById(figure.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var box = document.createElement("div");
    box.className = "ct-chart chart-drawn chart-" + data.kind;
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", data.title);
    box.dataset.chartLibrary = "chartist";
    var horizontal = data.kind === "bars";
    var rows = Math.max(1, data.labels.length);
    box.style.height = horizontal ? Math.max(10, 1.8 * rows + 3) + "rem" : "16rem";
    var series = data.series.map(function (values, index) {
      return { name: data.names[index] || "",
               data: values.map(function (value) { return value === null ? 0 : value; }) };
    });
    var options = {
      horizontalBars: horizontal,
      reverseData: horizontal,
      seriesBarDistance: 12,
      chartPadding: { top: 8, right: 24, bottom: 4, left: 8 },
      axisX: { onlyInteger: data.unit !== "%", labelInterpolationFnc: function (value) {
        return horizontal ? format(Number(value), data.unit) : value;
      } },
      axisY: { offset: horizontal ? 120 : 40, onlyInteger: true }
    };
    if (data.unit === "%" && horizontal) { options.high = 100; options.low = 0; }
    var fallback = figure.querySelector(".chart-fallback");
    figure.insertBefore(box, fallback);
    try {
      new window.Chartist.BarChart(box, { labels: data.labels, series: series }, options);
      if (fallback) fallback.hidden = true;
      if (series.length > 1) {
        var legend = document.createElement("ul");
        legend.className = "chart-legend";
        series.forEach(function (item, index) {
          var entry = document.createElement("li");
          entry.className = "ct-series-" + "abcdefgh"[index];
          entry.textContent = item.name;
          legend.appendChild(entry);
        });
        figure.insertBefore(legend, box);
      }
    } catch (error) {
      box.remove();
    }
  });
})();
