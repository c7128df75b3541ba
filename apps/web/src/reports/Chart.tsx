import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
  stroke: string;
}

const bars = uPlot.paths.bars!({ size: [0.7, 40] });

/**
 * A small uPlot chart: one bar series per figure over categories (days or hours), labelled by `categories`.
 * The figures are also in a table beside it, so the canvas carries role="img" with the title only.
 */
export function BarChart(p: { title: string; categories: string[]; series: ChartSeries[]; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([p.title, p.categories, p.series]);
  useEffect(() => {
    if (!el.current || p.categories.length === 0) return;
    const xs = p.categories.map((_, i) => i);
    const plot = new uPlot(
      {
        width: Math.max(320, el.current.clientWidth || 600),
        height: 200,
        title: p.title,
        series: [
          { label: '', value: (_u: uPlot, v: number | null) => (v == null ? '—' : (p.categories[v] ?? '')) },
          ...p.series.map((s) => ({ label: s.label, stroke: s.stroke, fill: s.stroke + '99', paths: bars })),
        ],
        scales: { x: { time: false, range: (_u: uPlot, min: number, max: number) => [min - 0.5, max + 0.5] } },
        axes: [
          {
            space: 40,
            values: (_u: uPlot, splits: number[]) =>
              splits.map((v) => (Number.isInteger(v) ? (p.categories[v] ?? '') : '')),
          },
          {},
        ],
      },
      [xs, ...p.series.map((s) => s.values)],
      el.current,
    );
    return () => plot.destroy();
  }, [key]);
  return <div ref={el} className="chart" role="img" aria-label={p.title} data-testid={p.testId} />;
}
