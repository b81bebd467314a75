import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

/** The option shape of exactly the chart parts EChart.tsx registers: nothing else will draw. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | TooltipComponentOption
>;

/** Colours shared by the option builders: restrained blue, red for what needs attention. */
export const palette = {
  blue: '#1f4e9c',
  lightBlue: '#8fb0e3',
  red: '#c8313a',
  green: '#2e7d4f',
  amber: '#b36b00',
  grey: '#8a94a6',
  text: '#1d2733',
  textOnDark: '#e8eef8',
  gridLine: '#e3e8f0',
  gridLineDark: '#2d3b52',
};
