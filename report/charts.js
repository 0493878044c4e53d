// gofolioCharts completes the chart kinds of this file (return histograms)
// and starts the securities chart, with report.js's helpers h: the data D,
// fmt, marker, show, times, indexAtOrBefore and range (the dates shown by
// the presets, as indexes).
var gofolioCharts = function (h) {
  'use strict';
  var D = h.D, fmt = h.fmt;
  function encode(s) { return echarts.format.encodeHTML(String(s)); }
  function row(color, name, value) {
    return '<br>' + h.marker(color) + encode(name) + '<span style="float:right;margin-left:16px;font-weight:600">' + value + '</span>';
  }
  var kinds = {
    // histogram: the series overlaid in each bin, translucent; the
    // tooltip gives the bin's range and every series' count.
    histogram: function (spec, o) {
      o.series.forEach(function (s, k) {
        s.barGap = '-100%';
        s.barCategoryGap = '4%';
        s.itemStyle = {opacity: k === 0 ? 0.8 : 0.5};
      });
      // each bin's lower edge, to one decimal (the tooltip gives its range)
      o.xAxis.axisLabel = {hideOverlap: true, formatter: function (v) { return fmt.fixed1(parseFloat(v)) + '%'; }};
      o.tooltip.formatter = function (params) {
        if (!params.length) { return ''; }
        return '<b>' + encode(params[0].name) + '</b>' + params.map(function (p) {
          return row(p.color, p.seriesName, p.value + (p.value === 1 ? ' return' : ' returns'));
        }).join('');
      };
    }
  };

  // The securities chart: the close of the security chosen, its trades
  // marked, the tooltip listing the close and the day's trades.
  var marks = {
    BUY: {name: 'Buy', symbol: 'triangle', color: '#0e9f6e'},
    SELL: {name: 'Sell', symbol: 'path://M0,0L10,0L5,9Z', color: '#c81e1e'},
    DIVIDEND: {name: 'Dividend', symbol: 'circle', color: '#9b1c9c'}
  };
  function price(v) { return v == null || isNaN(v) ? '\u2013' : Number(v).toLocaleString('en', {maximumFractionDigits: 4}); }
  // trade is a trade's tooltip row, naming its date when it is not the
  // date hovered.
  function trade(t, date, s) {
    var m = marks[t.kind], name = m.name + (t.date === date ? '' : ' on ' + t.date);
    if (t.kind === 'DIVIDEND') {
      // two short rows: a phone's tooltip has no room for one long one
      return row(m.color, name, Number(t.amount).toLocaleString('en', {minimumFractionDigits: 2, maximumFractionDigits: 2}) + ' ' + encode(s.reporting)) +
        row('transparent', 'a share', price(t.perShare) + ' ' + encode(s.reporting));
    }
    return row(m.color, name, price(t.quantity) + ' @ ' + price(t.price));
  }
  // near are the trades of s drawn within 6 pixels of time x on chart c:
  // a long range has several dates to the pixel, and the date hovered is
  // the nearest close's, not always the trade's.
  function near(c, s, x) {
    var px = c.convertToPixel({xAxisIndex: 0}, x);
    return s.trades.filter(function (t) {
      return Math.abs(c.convertToPixel({xAxisIndex: 0}, Date.parse(t.date + 'T00:00:00Z')) - px) <= 6;
    });
  }
  function securityOption(c, s) {
    var o = JSON.parse(JSON.stringify(s.option));
    s.trades = s.trades || [];
    o.color = ['#1a56db'];
    o.series = [{name: 'Close (' + s.currency + ')', type: 'line', showSymbol: false,
      data: s.close.map(function (v, i) { return [h.times[s.offset + i], v]; })}];
    Object.keys(marks).forEach(function (k) {
      var ts = s.trades.filter(function (t) { return t.kind === k; });
      if (!ts.length) { return; }
      o.series.push({name: marks[k].name, type: 'scatter', symbol: marks[k].symbol, symbolSize: 12, z: 3,
        itemStyle: {color: marks[k].color, borderColor: '#fff', borderWidth: 1},
        data: ts.map(function (t) { return [Date.parse(t.date + 'T00:00:00Z'), t.price]; })});
    });
    // no sliding: a tooltip grown by a trade's rows would slide from where
    // the narrower one was, past a phone's right edge
    o.tooltip.transitionDuration = 0;
    o.tooltip.formatter = function (params) {
      var p = Array.isArray(params) ? params[0] : params;
      if (!p || !p.value) { return ''; }
      var i = Math.max(h.indexAtOrBefore(p.value[0]), s.offset), date = D.dates[i];
      return '<b>' + date + '</b>' + row('#1a56db', 'Close', price(s.close[i - s.offset]) + ' ' + encode(s.currency)) +
        near(c, s, p.value[0]).map(function (t) { return trade(t, date, s); }).join('');
    };
    // the range the presets (or another time chart) show, on an axis over
    // the report's dates as theirs (report.js reads a slider's range as a
    // fraction of it)
    var r = h.range();
    o.xAxis.min = h.times[0];
    o.xAxis.max = h.times[h.times.length - 1];
    o.dataZoom.forEach(function (z) { z.startValue = h.times[r[0]]; z.endValue = h.times[r[1]]; delete z.start; delete z.end; });
    return o;
  }
  // start draws the securities chart and returns it, for report.js to
  // drive with the presets like the other time charts; null without one.
  function start() {
    var fig = document.getElementById('security');
    if (!fig || !D.securities || !D.securities.length) { return null; }
    var c = h.show('security').chart;
    fig.querySelectorAll('img.static').forEach(function (img) { img.hidden = true; });
    var pick = fig.querySelector('select');
    function draw() { c.setOption(securityOption(c, D.securities[Number(pick.value) || 0]), true); }
    pick.addEventListener('change', draw);
    draw();
    return c;
  }
  // growthTicks are the growths labelled on a log axis from lo to hi, as
  // the static chart's GrowthTicks: 1, 2 and 5 times the powers of ten
  // when three of them fit, else round steps (1, 2, 2.5 or 5 times a power
  // of ten giving 4 to 10 labels).
  function growthTicks(lo, hi) {
    var out = [], e, k;
    for (e = Math.floor(Math.log10(lo)); Math.pow(10, e) <= hi; e++) {
      [1, 2, 5].forEach(function (m) {
        var v = m * Math.pow(10, e);
        if (v >= lo && v <= hi) { out.push(Number(v.toPrecision(6))); }
      });
    }
    if (out.length >= 3) { return out; }
    var raw = (hi - lo) / 6, mag = Math.pow(10, Math.floor(Math.log10(raw))), step = 10 * mag;
    [1, 2, 2.5, 5].some(function (m) { if (m * mag >= raw) { step = m * mag; return true; } return false; });
    out = [];
    for (k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) { out.push(Number((k * step).toPrecision(10))); }
    return out;
  }
  // logAxis is the performance chart's y-axis for log10 growths lo..hi in
  // the range shown: 4% of their span below, 10% above (headroom for the
  // peaks), labelled with the growth at growthTicks.
  function logAxis(lo, hi) {
    var span = hi - lo || 0.01, min = lo - 0.04 * span, max = hi + 0.1 * span;
    var ticks = growthTicks(Math.pow(10, min), Math.pow(10, max)).map(Math.log10);
    return {min: min, max: max, axisTick: {customValues: ticks},
      axisLabel: {customValues: ticks, showMinLabel: true, showMaxLabel: true,
        formatter: function (v) { return Number(Math.pow(10, v).toPrecision(3)) + '\u00d7'; }}};
  }
  return {kinds: kinds, start: start, logAxis: logAxis};
};
