import { BarChart, type BarChartProps } from '@mantine/charts';
import { DrawnWhenNear } from '../../ui/DrawnWhenNear.js';

/**
 * A bar chart of the trends page: drawn once near the screen (DrawnWhenNear), its legend below the
 * bars, the page's quick tooltip and bar width.
 */
export function TrendBars({ h, withLegend, maxBarWidth = 48, ...chart }: Omit<BarChartProps, 'h'> & { h: number }) {
  return (
    <DrawnWhenNear height={h}>
      <BarChart
        h={h}
        {...(withLegend ? { withLegend, legendProps: { verticalAlign: 'bottom' } } : {})}
        tooltipAnimationDuration={100}
        maxBarWidth={maxBarWidth}
        {...chart}
      />
    </DrawnWhenNear>
  );
}
