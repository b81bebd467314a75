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

/** The size of a chart's box in CSS pixels, as EChart measures it. */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Below this width a chart is drawn for a phone: short names, one-line labels, fewer words. A
 * 390-pixel phone leaves about 320 pixels for a chart inside a card.
 */
export const NARROW_CHART_PX = 520;
export const isNarrow = (size: Pick<ChartSize, 'width'>): boolean => size.width < NARROW_CHART_PX;

/**
 * Roughly how wide a label is drawn: CJK characters a full em, others about 0.6 em. Enough to
 * decide how many rows a legend wraps into, which echarts does not tell the grid.
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? fontSize : fontSize * 0.6;
  return width;
}

/** How many rows a plain legend of these names takes at this width (icon 25 px + gap 10 px each). */
export function legendRows(names: readonly string[], width: number, fontSize: number): number {
  const usable = Math.max(1, width - 16);
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const item = 25 + textWidth(name, fontSize) + 10;
    if (x > 0 && x + item > usable) {
      rows += 1;
      x = 0;
    }
    x += item;
  }
  return rows;
}
