(function () {
  "use strict";
  // Draws each chart with the vendored Chartist from its JSON data; the server's SVG stays as the
  // fallback when the library did not load, and the table beside each chart holds the figures.
  if (!window.Chartist) return;
  document.querySelectorAll("figure[data-chart]").forEach(function (figure) {
    var source = document.getElementById(figure.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var box = document.createElement("div");
    box.className = "ct-chart chart-drawn chart-" + data.kind;
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", data.title);
    box.dataset.chartLibrary = "chartist";
    // Chartist draws left to right only: on Arabic and Kurdish pages the drawing is mirrored (its
    // labels flipped back in place, see coverage.css), so months and bars run right to left.
    if (document.documentElement.dir === "rtl") box.classList.add("chart-mirrored");
    var horizontal = data.kind === "bars";
    var rows = Math.max(1, data.labels.length);
    box.style.height = horizontal ? Math.max(10, 1.8 * rows + 3) + "rem" : "16rem";
    // Horizontal bars are drawn bottom-up: reverse the rows (not the series, whose colours the
    // legend names) so that they read top-down in the table's order.
    function ordered(values) { return horizontal ? values.slice().reverse() : values; }
    var series = data.series.map(function (values, index) {
      return { name: data.names[index] || "",
               data: ordered(values.map(function (value) { return value === null ? 0 : value; })) };
    });
    var percentAxis = horizontal && data.unit === "%";
    var options = {
      horizontalBars: horizontal,
      seriesBarDistance: 12,
      chartPadding: { top: 16, right: 36, bottom: 4, left: 8 },
      axisX: percentAxis ? {
        type: window.Chartist.FixedScaleAxis, ticks: [0, 25, 50, 75, 100], low: 0, high: 100,
        labelInterpolationFnc: function (value) { return value + "%"; }
      } : { onlyInteger: true, labelInterpolationFnc: function (value, index) {
        var every = Math.ceil(data.labels.length / 12);  // at most twelve month labels
        return index % every ? null : value;
      } },
      axisY: { offset: horizontal ? 120 : 40, onlyInteger: true }
    };
    var fallback = figure.querySelector(".chart-fallback");
    figure.insertBefore(box, fallback);
    try {
      new window.Chartist.BarChart(box, { labels: ordered(data.labels), series: series }, options);
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
