// The ESM build of echarts-for-react/lib/core: the CJS one reaches the bundle as a module object.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkLineComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './types';

// The only module that touches echarts: register just the parts the pages draw, so the bundle
// carries a fraction of the library (STYLE: no chart library imported whole).
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers; the page also has the same figures in a table. */
  label: string;
  height?: number | string;
  dark?: boolean;
}

/** A chart that resizes with its box and disposes its echarts instance on unmount. */
export default function EChart({ option, label, height = 360, dark = false }: EChartProps) {
  return (
    <div role="img" aria-label={label} className="echart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        theme={dark ? 'dark' : undefined}
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
