(function () {
  'use strict';
  // Without ECharts (offline, blocked, failed integrity) the static images stay.
  if (typeof echarts === 'undefined') { return; }
  var D = JSON.parse(document.getElementById('gofolio-data').textContent);
  function num(v) { return v != null && !isNaN(v); }
  var fmt = {
    pct: function (v) { return num(v) ? Number(v).toFixed(2) + '%' : '\u2013'; },
    fixed1: function (v) { var s = Number(v).toFixed(1); return s === '-0.0' ? '0.0' : s; },
    signedPct: function (v) { return num(v) ? (v > 0 ? '+' : '') + Number(v).toFixed(2) + '%' : '\u2013'; },
    money: function (v) { return num(v) ? Number(v).toLocaleString('en', {maximumFractionDigits: 0}) : '\u2013'; },
    ratio: function (v) { return num(v) ? Number(v).toFixed(2) : '\u2013'; },
    // growth of 1 and the return it is: 1.234× (+23.40%)
    growth: function (v) { return num(v) ? Number(v).toFixed(3) + '\u00d7 (' + fmt.signedPct((v - 1) * 100) + ')' : '\u2013'; }
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

  // The time charts share the report's dates: their series are values,
  // paired here with the dates as times (ms, UTC).
  var n = D.dates.length, last = n - 1;
  var times = D.dates.map(function (d) { return Date.parse(d + 'T00:00:00Z'); });
  function pairs(values) { return values.map(function (v, i) { return [times[i], v]; }); }

  // fitted is a y-axis bound fitted to the values in the range shown: 4% of
  // their spread below the lowest, 10% above the highest (headroom for the
  // peaks), rounded outwards to a hundredth of the spread's order of magnitude,
  // so that -0.02% shows as such and not on an axis down to -100%. A bound
  // that is 0 stays 0 when floor0 (values from zero: money) or ceil0
  // (values up to zero: drawdown).
  function fitted(opts) {
    function step(e) {
      var r = e.max - e.min;
      if (!(r > 0)) { r = Math.abs(e.max) || 1; }
      return {r: r, s: Math.pow(10, Math.floor(Math.log10(r / 10)))};
    }
    function clean(x) { return Number(x.toPrecision(10)); }
    return {
      min: function (e) {
        if (opts.floor0 && e.min >= 0) { return 0; }
        var k = step(e);
        return clean(Math.floor((e.min - 0.04 * k.r) / k.s) * k.s);
      },
      max: function (e) {
        if (opts.ceil0 && e.max <= 0) { return 0; }
        var k = step(e);
        return clean(Math.ceil((e.max + 0.1 * k.r) / k.s) * k.s);
      }
    };
  }
  // fitY sets o's y-axis to fitted bounds; a bound not at zero falls
  // between ticks, so its label (an odd number over the next tick's) is
  // not shown.
  function fitY(o, opts) {
    var f = fitted(opts);
    o.yAxis.min = f.min;
    o.yAxis.max = f.max;
    o.yAxis.axisLabel = o.yAxis.axisLabel || {};
    o.yAxis.axisLabel.showMinLabel = !!opts.floor0;
    o.yAxis.axisLabel.showMaxLabel = !!opts.ceil0;
  }

  // tooltipOf lists every series of a time chart at the date hovered, its
  // value or a dash where it has none (ECharts' own axis tooltip leaves out
  // a series whose nearest point is on another date). series() is the
  // chart's series now: {name, color, data} with data[i] on date i.
  function marker(color) {
    return '<span style="display:inline-block;margin-right:5px;border-radius:5px;width:10px;height:10px;background:' + color + '"></span>';
  }
  function tooltipOf(series, format) {
    return function (params) {
      var p = Array.isArray(params) ? params[0] : params;
      if (!p || !p.value) { return ''; }
      var i = indexAtOrBefore(p.value[0]);
      return '<b>' + D.dates[i] + '</b>' + series().map(function (s) {
        var v = s.data[i];
        return '<br>' + marker(s.color) + echarts.format.encodeHTML(s.name) +
          '<span style="float:right;margin-left:16px;font-weight:600">' + format(Array.isArray(v) ? v[1] : v) + '</span>';
      }).join('');
    };
  }
  function colored(o) {
    return o.series.map(function (s, k) { return {name: s.name, color: o.color[k % o.color.length], data: s.data}; });
  }

  var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var complete = {
    time: function (spec, o) {
      o.series.forEach(function (s) { s.data = pairs(s.data); });
      fitY(o, {floor0: spec.unit === 'money', ceil0: spec.id === 'drawdown'});
      var series = colored(o);
      o.tooltip.formatter = tooltipOf(function () { return series; }, fmt[spec.unit]);
    },
    monthly: function (spec, o) {
      var years = o.yAxis.data;
      // one decimal in every cell; smaller on a narrow screen
      var narrow = document.getElementById(spec.id).clientWidth < 520;
      o.series.forEach(function (s) {
        s.label.formatter = function (p) { return fmt.fixed1(p.value[2]); };
        if (narrow) { s.label.fontSize = 8; }
      });
      o.tooltip.formatter = function (p) {
        var when = p.value[0] === 12 ? 'Year ' + years[p.value[1]] : months[p.value[0]] + ' ' + years[p.value[1]];
        return when + ': ' + fmt.signedPct(p.value[2]);
      };
    }
  };
  // Kinds defined in charts.js, with the helpers they use.
  var extra = typeof gofolioCharts === 'function' ? gofolioCharts({D: D, fmt: fmt, marker: marker, show: show, times: times, indexAtOrBefore: indexAtOrBefore, range: function () { return range; }}) : {kinds: {}};
  Object.keys(extra.kinds).forEach(function (k) { complete[k] = extra.kinds[k]; });
  var timeCharts = [];
  D.charts.forEach(function (spec) {
    var o = spec.option;
    if (spec.unit) { o.tooltip.valueFormatter = fmt[spec.unit]; }
    if (complete[spec.kind]) { complete[spec.kind](spec, o); }
    var c = show(spec.id).chart;
    c.setOption(o);
    if (spec.kind === 'time') { timeCharts.push(c); }
  });

  // Performance: every line rebased to 0% at the first date shown.
  var P = D.perf;
  var perf = show(P.id), chart = perf.chart;
  var perfSeries = colored(P.option);
  P.option.tooltip.formatter = tooltipOf(function () { return perfSeries; }, function (v) { return logScale ? fmt.growth(Math.pow(10, v)) : fmt.pct(v); });
  fitY(P.option, {});
  chart.setOption(P.option);
  timeCharts.unshift(chart);
  var names = P.option.series.map(function (s) { return s.name; });
  var returns = {};
  // rebase shows each line from s to e as g[t] / g[s'] − 1, s' its first
  // date with a value on or after s, and records its return over the range,
  // g[e'] / g[s'] − 1 (e' its last date with a value up to e), for the
  // legend and the line above the chart.
  function rebase(s, e) {
    var lo = Infinity, hi = -Infinity;
    chart.setOption({series: P.lines.map(function (index, k) {
      var base = null, end = null, data = new Array(n);
      for (var i = 0; i < n; i++) {
        var v = index[i];
        if (i >= s && v != null && base == null) { base = v; }
        var pct = (i < s || v == null || base == null) ? null : Math.round((v / base - 1) * 1e6) / 1e4;
        data[i] = [times[i], pct == null || !logScale ? pct : Math.round(Math.log10(v / base) * 1e6) / 1e6];
        if (i <= e && pct != null) { end = pct; }
        if (i >= s && i <= e && data[i][1] != null) { lo = Math.min(lo, data[i][1]); hi = Math.max(hi, data[i][1]); }
      }
      returns[names[k]] = end;
      perfSeries[k].data = data;
      return {data: data};
    })});
    if (logScale && lo <= hi) { chart.setOption({yAxis: extra.logAxis(lo, hi)}); }
    chart.setOption({legend: {formatter: function (name) { return name + '  ' + fmt.signedPct(returns[name]); }}});
    var line = perf.fig.querySelector('.range-returns');
    line.textContent = D.dates[s] + ' \u2013 ' + D.dates[e] + ': ' + names.map(function (name) {
      return name + ' ' + fmt.signedPct(returns[name]);
    }).join(' \u00b7 ');
  }
  // indexAtOrBefore is the last date at or before time t (0 if none);
  // indexAtOrAfter the first at or after it (the last if none).
  function indexAtOrBefore(t) {
    var lo = 0, hi = last;
    if (times[0] > t) { return 0; }
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (times[mid] <= t) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }
  function indexAtOrAfter(t) {
    var i = indexAtOrBefore(t);
    return times[i] < t && i < last ? i + 1 : i;
  }
  // shown is the range of dates c shows, as indexes.
  function shown(c) {
    var z = c.getOption().dataZoom[0], span = times[last] - times[0];
    var from = z.startValue != null ? z.startValue : times[0] + (z.start || 0) / 100 * span;
    var to = z.endValue != null ? z.endValue : times[0] + (z.end == null ? 100 : z.end) / 100 * span;
    return [indexAtOrAfter(from), indexAtOrBefore(to)];
  }
  // startOf is the index of the last date on or before the preset's start
  // (the close the range is measured from), or 0. 5D is five trading days:
  // the close five dates before the last.
  function startOf(p) {
    if (p === 'Max') { return 0; }
    if (p === '5D') { return Math.max(0, last - 5); }
    var d = new Date(times[last]), y = d.getUTCFullYear();
    var m = {'1M': 1, '3M': 3, '6M': 6, '1Y': 12, '5Y': 60}[p];
    var from = p === 'YTD' ? Date.UTC(y - 1, 11, 31) : Date.UTC(y, d.getUTCMonth() - m, d.getUTCDate());
    return indexAtOrBefore(from);
  }
  var buttons = perf.fig.querySelectorAll('button[data-preset]');
  function press(p) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.preset === p)); });
  }
  // zoom shows dates s..e on every time chart and rebases the performance.
  var applying = false;
  var range = [0, last];
  function zoom(s, e) {
    range = [s, e];
    applying = true;
    timeCharts.forEach(function (c) { c.dispatchAction({type: 'dataZoom', startValue: times[s], endValue: times[e]}); });
    applying = false;
    rebase(s, e);
  }
  function preset(p) {
    zoom(startOf(p), last);
    press(p);
  }
  buttons.forEach(function (b) { b.addEventListener('click', function () { preset(b.dataset.preset); }); });
  // The securities chart (charts.js) follows the presets too.
  var security = extra.start ? extra.start() : null;
  if (security) { timeCharts.push(security); }
  // A range chosen on any time chart (slider, wheel, drag) is shown on all.
  timeCharts.forEach(function (c) {
    c.on('datazoom', function () {
      if (applying) { return; }
      var r = shown(c);
      zoom(r[0], r[1]);
      press(null);
    });
  });
  // Log scale: each line's growth of 1 since the range's start, g[t] /
  // g[s'], as log10 on the y-axis (a return in % cannot go on a log axis),
  // which charts.js's logAxis fits and labels with the growth.
  var logScale = !!D.log, logButton = document.createElement('button');
  logButton.type = 'button';
  logButton.className = 'log-scale';
  logButton.textContent = 'Log scale';
  perf.fig.querySelector('.presets').appendChild(logButton);
  function setScale() {
    logButton.setAttribute('aria-pressed', String(logScale));
    var f = fitted({});
    if (!logScale) {
      chart.setOption({yAxis: {min: f.min, max: f.max, axisTick: {customValues: null},
        axisLabel: {formatter: '{value}%', customValues: null, showMinLabel: false, showMaxLabel: false}}});
    }
  }
  logButton.addEventListener('click', function () {
    logScale = !logScale;
    setScale();
    rebase(range[0], range[1]);
  });
  setScale();
  preset('Max');
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.dataset.charts = 'live';
}());
