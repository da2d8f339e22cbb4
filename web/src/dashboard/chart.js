// Bar charts with Apache ECharts, only the parts the dashboard draws (tree-shaken).

import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const live = new Set();
window.addEventListener('resize', () => live.forEach((chart) => chart.resize()));

/** Disposes the charts of the previous view. */
export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

/**
 * Draws bars: one category per region, one series per entry of `series`
 * ({ name, values }); `stack` piles them up; `onPick(index)` on a click.
 */
export function bars(container, { categories, series, stack = false, onPick }) {
  // A live refresh replaces a widget's chart: let go of charts no longer in the page.
  live.forEach((old) => {
    if (!old.getDom().isConnected) { old.dispose(); live.delete(old); }
  });
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  live.add(chart);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: stack ? 'all' : undefined,
      data: s.values,
      emphasis: { focus: 'series' },
    })),
  });
  // What the chart shows, readable without the canvas (tests, assistive tools).
  container.dataset.categories = JSON.stringify(categories);
  container.dataset.series = JSON.stringify(series.map((s) => s.values));
  if (onPick) {
    // A click anywhere over a category (not only on a bar) picks it.
    chart.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!chart.containPixel('grid', point)) return;
      const [index] = chart.convertFromPixel({ seriesIndex: 0 }, point);
      if (index >= 0 && index < categories.length) onPick(index);
    });
  }
  return chart;
}
