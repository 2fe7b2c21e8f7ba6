import type { BarChartSeries } from '@mantine/charts';

/** A chart row that knows its period (its index among the trend's buckets). */
export interface PointRow {
  period: string;
  index: number;
  [series: string]: string | number | null;
}

/**
 * Bars that open the incidents behind them: recharts hands the clicked bar's row to onClick.
 * (The bar props are typed for every recharts handler; only onClick and the cursor are set.)
 */
export const clickableBars =
  (open: (row: PointRow, series: string) => void) =>
  (series: BarChartSeries): Record<string, unknown> => ({
    onClick: (data: { payload?: PointRow }) => {
      if (data.payload) open(data.payload, series.name);
    },
    style: { cursor: 'pointer' },
  });

/** A line chart's click: the period under the pointer (recharts' activeTooltipIndex). */
export const clickedIndex = (state: unknown): number | null => {
  const index = (state as { activeTooltipIndex?: number | string | null } | null)?.activeTooltipIndex;
  return index === null || index === undefined || Number.isNaN(Number(index)) ? null : Number(index);
};
