(function () {
  'use strict';
  // Without ECharts (offline, blocked, failed integrity) the static images stay.
  if (typeof echarts === 'undefined') { return; }
  var D = JSON.parse(document.getElementById('gofolio-data').textContent);
  var fmt = {
    pct: function (v) { return v == null || isNaN(v) ? '\u2013' : Number(v).toFixed(2) + '%'; },
    money: function (v) { return v == null || isNaN(v) ? '\u2013' : Number(v).toLocaleString('en', {maximumFractionDigits: 0}); }
  };
  var charts = [];
  // show swaps a figure's static image for a live chart.
  function show(id) {
    var fig = document.getElementById(id);
    var live = fig.querySelector('.live');
    live.hidden = false;
    var img = fig.querySelector('img.static');
    if (img) { img.hidden = true; }
    var c = echarts.init(live.querySelector('.canvas'));
    charts.push(c);
    return {fig: fig, chart: c};
  }
  D.charts.forEach(function (spec) {
    var o = spec.option;
    if (spec.unit) { o.tooltip.valueFormatter = fmt[spec.unit]; }
    show(spec.id).chart.setOption(o);
  });

  // Performance: every line rebased to 0% at the first date shown.
  var P = D.perf, n = P.dates.length, last = n - 1;
  var perf = show(P.id), chart = perf.chart;
  P.option.xAxis.data = P.dates;
  P.option.tooltip.valueFormatter = fmt.pct;
  chart.setOption(P.option);
  function rebase(s) {
    chart.setOption({series: P.lines.map(function (index) {
      var base = null, data = new Array(n);
      for (var i = 0; i < n; i++) {
        var v = index[i];
        if (i >= s && v != null && base == null) { base = v; }
        data[i] = (i < s || v == null || base == null) ? null : Math.round((v / base - 1) * 1e6) / 1e4;
      }
      return {data: data};
    })});
  }
  function shown() {
    var z = chart.getOption().dataZoom[0];
    if (z.startValue != null) { return z.startValue; }
    return Math.round((z.start || 0) / 100 * last);
  }
  // startOf is the index of the last date on or before the preset's start
  // (the close the range is measured from), or 0.
  function startOf(p) {
    if (p === 'Max') { return 0; }
    var d = new Date(P.dates[last] + 'T00:00:00Z'), y = d.getUTCFullYear();
    var months = {'1M': 1, '3M': 3, '6M': 6, '1Y': 12, '5Y': 60}[p];
    var from = p === 'YTD' ? new Date(Date.UTC(y - 1, 11, 31)) : new Date(Date.UTC(y, d.getUTCMonth() - months, d.getUTCDate()));
    var key = from.toISOString().slice(0, 10), s = 0;
    for (var i = 0; i < n && P.dates[i] <= key; i++) { s = i; }
    return s;
  }
  var buttons = perf.fig.querySelectorAll('button[data-preset]');
  function press(p) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.preset === p)); });
  }
  var applying = false;
  function preset(p) {
    var s = startOf(p);
    applying = true;
    chart.dispatchAction({type: 'dataZoom', startValue: s, endValue: last});
    applying = false;
    rebase(s);
    press(p);
  }
  buttons.forEach(function (b) { b.addEventListener('click', function () { preset(b.dataset.preset); }); });
  chart.on('datazoom', function () {
    if (applying) { return; }
    rebase(shown());
    press(null);
  });
  preset('Max');
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.dataset.charts = 'live';
}());
