// The chart types and parts the balance pages draw (lines with a threshold, bars), on ECharts core.
// SVG rather than canvas: a few small charts stay crisp in print and screenshots.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** ECharts core with the balance charts registered. */
export { echarts };
