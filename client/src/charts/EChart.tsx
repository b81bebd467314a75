import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkLineComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useMediaQuery } from '../ui/useMediaQuery';
import type { ChartOption, ChartSize } from './types';

// The only module that touches echarts: register just the parts the pages draw, so the bundle
// carries a fraction of the library (STYLE: no chart library imported whole).
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, MarkLineComponent, MarkPointComponent, TooltipComponent, CanvasRenderer]);

export interface EChartProps {
  /**
   * What to draw; a function of the chart's own size when the drawing depends on it (a phone gets
   * short names and fewer words), so the option builders stay pure and width-aware.
   */
  option: ChartOption | ((size: ChartSize) => ChartOption);
  /** What the chart shows, for screen readers; the page also has the same figures in a table. */
  label: string;
  height?: number | string;
  dark?: boolean;
}

/**
 * A chart that follows its box: a ResizeObserver resizes the canvas whenever the box changes (a
 * phone turned, a menu opened, the wall screen's panel), and the option is rebuilt when the width
 * crosses what the builder cares about. Disposes its echarts instance on unmount.
 */
export default function EChart({ option, label, height = 360, dark = false }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [size, setSize] = useState<ChartSize | null>(null);
  // People who ask their system for less motion get charts that appear without animating.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const measure = () => {
      const { width, height: h } = element.getBoundingClientRect();
      setSize((old) => (old && old.width === Math.round(width) && old.height === Math.round(h) ? old : { width: Math.round(width), height: Math.round(h) }));
    };
    const observer = new ResizeObserver(() => {
      instance.resize();
      measure();
    });
    observer.observe(element);
    measure();
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    if (!chart.current || !size || size.width === 0) return;
    const resolved = typeof option === 'function' ? option(size) : option;
    chart.current.setOption(reducedMotion ? { ...resolved, animation: false } : resolved, { notMerge: true, lazyUpdate: true });
  }, [option, size, reducedMotion]);

  return (
    <div role="img" aria-label={label} className="echart">
      <div ref={box} style={{ height, width: '100%' }} />
    </div>
  );
}
