// Charts of the suggestion statistics dashboard. Each chart's data comes from its element's
// data-chart attribute (CSP: no inline script); a click on a bar or slice opens its records.
(function () {
  if (!window.echarts) return;
  const charts = [];

  function init(id, option, link) {
    const el = document.getElementById(id);
    if (!el || !el.dataset.chart) return;
    const d = JSON.parse(el.dataset.chart);
    if (d.names && el.dataset.grow === 'true') el.style.height = Math.max(320, 30 * d.names.length + 70) + 'px';
    const chart = echarts.init(el);
    chart.setOption(Object.assign({ animation: false }, option(d)));
    chart.on('click', p => { const href = link(d, p); if (href) window.location.href = href; });
    charts.push(chart);
  }

  const byIndex = (d, p) => d.links && d.links[p.dataIndex];

  init('chart-category', d => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['收到', '交办', '按期答复'] },
    grid: { left: 40, right: 10, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '收到', type: 'bar', data: d.received },
      { name: '交办', type: 'bar', data: d.assigned },
      { name: '按期答复', type: 'bar', data: d.answeredOnTime }
    ]
  }), byIndex);

  init('chart-unit', d => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['交办', '按期答复'] },
    grid: { left: 10, right: 20, top: 40, bottom: 20, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: d.names, inverse: true },
    series: [
      { name: '交办', type: 'bar', data: d.assigned },
      { name: '按期答复', type: 'bar', data: d.answeredOnTime }
    ]
  }), byIndex);

  init('chart-satisfaction', d => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: d.data, label: { formatter: '{b}\n{c} 件' } }]
  }), (d, p) => d.data[p.dataIndex] && d.data[p.dataIndex].link);

  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
