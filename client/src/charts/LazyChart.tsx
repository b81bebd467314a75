import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

// Pages import this, not EChart itself, so echarts is a separate chunk fetched after the page's
// tables are on screen (the ranking must render within 1 s; the chart may follow).
const EChart = lazy(() => import('./EChart'));

export function LazyChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: props.height ?? 360 }} aria-hidden="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
