import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
  stroke: string;
}

/** Nested bars: each further series a little narrower, drawn over the one before, so every figure stays visible. */
const barsOf = (i: number) => uPlot.paths.bars!({ size: [Math.max(0.25, 0.8 - 0.22 * i), 40] });

/**
 * A small uPlot chart: one bar series per figure over categories (days or hours), labelled by `categories`.
 * The figures are also in a table beside it, so the canvas carries role="img" with the title only.
 */
export function BarChart(p: {
  title: string;
  xLabel: string;
  categories: string[];
  series: ChartSeries[];
  testId?: string;
}) {
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
          { label: p.xLabel, value: (_u: uPlot, v: number | null) => (v == null ? '—' : (p.categories[v] ?? '')) },
          ...p.series.map((s, i) => ({ label: s.label, stroke: s.stroke, fill: s.stroke + 'cc', paths: barsOf(i) })),
        ],
        scales: { x: { time: false, range: [-0.5, p.categories.length - 0.5] } },
        axes: [
          {
            space: 40,
            incrs: [1, 2, 3, 4, 6, 12],
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
