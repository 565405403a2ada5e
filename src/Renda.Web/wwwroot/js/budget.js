// Budget analysis charts (Features/BudgetMonitoring/BudgetCharts.cs puts the data in data-chart; the CSP forbids inline script).
(function () {
  if (!window.echarts) return;
  document.querySelectorAll('[data-chart][data-kind]').forEach(function (el) {
    const d = JSON.parse(el.dataset.chart);
    const chart = echarts.init(el);
    const narrow = el.clientWidth < 576;
    let option;
    if (el.dataset.kind === 'units') {
      option = {
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: narrow ? 90 : 180, right: 30, top: 30, bottom: 20 },
        xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', inverse: true, data: d.names, axisLabel: { width: narrow ? 80 : 170, overflow: 'truncate' } },
        series: [
          { name: '执行率', type: 'bar', data: d.rates, label: { show: !narrow, position: 'right', formatter: '{c}%' },
            // The time line (时间进度): a unit left of it is behind schedule.
            markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#a4161a' }, label: { formatter: '时间进度 {c}%' }, data: [{ xAxis: d.schedule }] } }
        ]
      };
      el.style.height = Math.max(280, d.names.length * 22 + 60) + 'px';
    } else if (el.dataset.kind === 'functions') {
      option = {
        animation: false,
        tooltip: { formatter: function (p) { return p.name + '<br>已支付 ' + Number(p.value).toLocaleString('zh-CN', { minimumFractionDigits: 2 }) + ' 元'; } },
        series: [{ type: 'treemap', data: d, leafDepth: 2, roam: false, breadcrumb: { show: true }, label: { show: true, formatter: '{b}' },
          upperLabel: { show: true, height: 22 }, levels: [{ itemStyle: { borderWidth: 3, gapWidth: 3 } }, { itemStyle: { gapWidth: 1 } }] }]
      };
    } else if (el.dataset.kind === 'months') {
      option = {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: ['当月支付', '累计执行率', '时间进度'] },
        grid: { left: 60, right: 50, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: d.months },
        yAxis: [{ type: 'value', name: '元' }, { type: 'value', name: '%', max: 100 }],
        series: [
          { name: '当月支付', type: 'bar', data: d.paid },
          { name: '累计执行率', type: 'line', yAxisIndex: 1, data: d.rate },
          { name: '时间进度', type: 'line', yAxisIndex: 1, data: d.schedule, lineStyle: { type: 'dashed' } }
        ]
      };
    }
    if (!option) return;
    chart.setOption(option);
    chart.resize();
    chart.on('click', function (p) { if (p.data && p.data.link && !(p.data.children && p.data.children.length)) window.location.href = p.data.link; });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
