(function () {
  'use strict';
  // The allocation's selector: one grouping shown at a time (its table,
  // and its static image or the live donut). Without ECharts the buttons
  // still switch the static images.
  var fig = document.getElementById('allocation-chart');
  if (!fig) { return; }
  var data = JSON.parse(document.getElementById('gofolio-data').textContent);
  var D = data.allocation || [];
  var palette = data.perf && data.perf.option && data.perf.option.color;
  var groups = fig.querySelectorAll('.alloc-group');
  var buttons = fig.querySelectorAll('.alloc-select button');
  var name = fig.querySelector('.alloc-by-name');
  var chart = null;
  if (typeof echarts !== 'undefined') {
    var live = fig.querySelector('.live');
    live.hidden = false;
    fig.querySelectorAll('img.static').forEach(function (img) { img.hidden = true; });
    chart = echarts.init(live.querySelector('.canvas'));
    window.addEventListener('resize', function () { chart.resize(); draw(current); });
  }
  var current = D.length ? D[0].id : null;
  // draw shows grouping id as a donut: each slice's label is its weight as
  // the table writes it; labels of small slices are left to the tooltip,
  // and on a narrow screen every label is (the table is beside it).
  function draw(id) {
    if (!chart) { return; }
    var g = D.filter(function (d) { return d.id === id; })[0];
    if (!g) { return; }
    var narrow = fig.clientWidth < 520;
    chart.setOption({
      animation: false,
      color: palette,
      tooltip: {trigger: 'item', confine: true, formatter: function (p) {
        return echarts.format.encodeHTML(p.name) + ': ' + p.data.text;
      }},
      series: [{
        name: g.by, type: 'pie', radius: ['42%', '70%'], center: ['50%', '50%'],
        avoidLabelOverlap: true, minShowLabelAngle: 8,
        label: {show: !narrow, formatter: function (p) { return p.name + '\n' + p.data.text; }, fontSize: 11, lineHeight: 14, overflow: 'truncate', width: 150},
        labelLine: {show: !narrow},
        data: g.drawn.map(function (r) { return {name: r.name, value: r.value, text: r.label}; })
      }]
    }, true);
    swatches(g);
  }
  // swatches marks each table row with its slice's colour (a row summed
  // into "Other (n)" with Other's), so that the donut reads without labels.
  function swatches(g) {
    var colors = chart.getOption().color, at = {};
    g.drawn.forEach(function (r, i) { at[r.name] = i; });
    var other = g.drawn.length && /^Other \(\d+\)$/.test(g.drawn[g.drawn.length - 1].name) ? g.drawn.length - 1 : -1;
    var group = fig.querySelector('.alloc-group[data-by="' + g.id + '"]');
    group.querySelectorAll('tbody tr').forEach(function (tr) {
      var cell = tr.cells[0], old = cell.querySelector('.swatch');
      if (old) { old.remove(); }
      var name = cell.textContent, i = name in at ? at[name] : other;
      if (i < 0 || tr.dataset.weight < 0) { return; }
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = colors[i % colors.length];
      cell.insertBefore(sw, cell.firstChild);
    });
  }
  function select(id) {
    current = id;
    groups.forEach(function (el) { el.hidden = el.dataset.by !== id; });
    buttons.forEach(function (b) {
      var on = b.dataset.by === id;
      b.setAttribute('aria-pressed', String(on));
      if (on && name) { name.textContent = b.textContent.toLowerCase(); }
    });
    draw(id);
  }
  buttons.forEach(function (b) { b.addEventListener('click', function () { select(b.dataset.by); }); });
  if (buttons.length > 1) { fig.querySelector('.alloc-select').hidden = false; }
  if (current) { select(current); }
}());
