// Deputies per congress (bar chart); data comes from the element's data-chart attribute (CSP: no inline script).
(function () {
  const el = document.getElementById('deputies-chart');
  if (!el || !window.echarts) return;
  const d = JSON.parse(el.dataset.chart);
  const chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['在任代表', '女性代表', '少数民族代表'] },
    grid: { left: 40, right: 10, top: 40, bottom: 80 },
    xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: '在任代表', type: 'bar', data: d.deputies },
      { name: '女性代表', type: 'bar', data: d.female },
      { name: '少数民族代表', type: 'bar', data: d.minority }
    ]
  });
  window.addEventListener('resize', () => chart.resize());
})();
