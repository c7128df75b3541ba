// The deadline forecast as a chart: contacts left over time as expected at the forecast's pace, the pace the deadline
// needs, and the deadline itself as a vertical line (uPlot, as the wallboard's chart).
import { messageText, reasonText } from '../errors';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Forecast } from '@app/briefs';
import { api, type ApiError } from '../api';
import { useFormat } from '../format';
import { forecastSeries } from './forecast-series';

function Chart(p: { fc: Forecast; title: string }) {
  const { t, i18n } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const lang = i18n.language;
    const when = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const deadline = new Date(p.fc.deadline).getTime() / 1000;
    const plot = new uPlot(
      {
        width: el.current.clientWidth || 600,
        height: 220,
        title: p.title,
        series: [
          {
            label: t('planner.forecast.time'),
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : when.format(v * 1000)),
          },
          {
            label: t('planner.forecast.expected'),
            stroke: '#1565c0',
            width: 2,
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : count.format(v)),
          },
          {
            label: t('planner.forecast.needed'),
            stroke: '#2e7d32',
            width: 2,
            dash: [6, 4],
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : count.format(v)),
          },
        ],
        axes: [
          { space: 110, values: (_u: uPlot, splits: number[]) => splits.map((v) => when.format(v * 1000)) },
          { values: (_u: uPlot, splits: number[]) => splits.map((v) => count.format(v)) },
        ],
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        hooks: {
          // The deadline: a red vertical line with its label.
          draw: [
            (u: uPlot) => {
              const x = u.valToPos(deadline, 'x', true);
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = '#c62828';
              ctx.lineWidth = 2;
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.fillStyle = '#c62828';
              ctx.font = '12px sans-serif';
              ctx.fillText(t('planner.forecast.deadline'), x + 4, u.bbox.top + 14);
              ctx.restore();
            },
          ],
        },
      },
      forecastSeries(p.fc),
      el.current,
    );
    return () => plot.destroy();
  }, [p.fc, p.title, i18n.language, t]);
  return <div ref={el} className="chart" role="img" aria-label={p.title} data-testid="forecast-chart" />;
}

/** The forecast of a campaign (a what-if with another number of agents: nothing is stored), with its chart. */
export function ForecastPanel(p: { campaignId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [agents, setAgents] = useState('');
  const [fc, setFc] = useState<Forecast | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const load = async (n: string) => {
    try {
      setFc(await api<Forecast | null>('GET', `/campaigns/${p.campaignId}/forecast${n ? `?agents=${n}` : ''}`));
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  useEffect(() => {
    void load('');
  }, [p.campaignId]);
  return (
    <section className="card" aria-labelledby="pl-forecast">
      <h2 id="pl-forecast">{t('planner.forecast.title')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void load(agents);
        }}
      >
        <label>
          {t('planner.forecast.agents')}
          <input
            type="number"
            min={0}
            value={agents}
            onChange={(e) => setAgents(e.target.value)}
            aria-invalid={error?.details?.some((d) => d.field === 'agents') || undefined}
            aria-describedby={error ? 'fc-agents-error' : undefined}
            data-testid="forecast-agents"
          />
        </label>
        {error && (
          <span className="field-error" id="fc-agents-error" role="alert" data-field-error="agents">
            {((d) => (d ? reasonText(d) : messageText(error)))(error.details?.find((d) => d.field === 'agents'))}
          </span>
        )}
        <button type="submit">{t('planner.forecast.whatIf')}</button>
      </form>
      {fc === null && <p className="muted">{t('planner.forecast.noDeadline')}</p>}
      {fc && (
        <>
          <p className={`forecast ${fc.canFinishByDeadline ? 'good' : 'bad'}`} data-testid="forecast-text">
            {fc.expectedFinishAt
              ? t('planner.forecast.finish', {
                  finish: f.dateTime(fc.expectedFinishAt),
                  deadline: f.dateTime(fc.deadline),
                  agents: f.number(fc.agents),
                })
              : t('planner.forecast.never', { deadline: f.dateTime(fc.deadline), agents: f.number(fc.agents) })}{' '}
            {!fc.canFinishByDeadline &&
              fc.agentsNeeded !== null &&
              t('planner.forecast.agentsNeeded', { n: f.number(fc.agentsNeeded) })}
          </p>
          <p className="muted small">
            {t('planner.forecast.basis', {
              left: f.number(fc.contactsRemaining),
              rate: f.percent(fc.contactRate),
              rateSource: t(`planner.forecast.source.${fc.contactRateSource}`),
              handle: f.number(fc.averageHandleSeconds),
              hours: f.number(fc.callableHoursUntilDeadline, 1),
            })}
          </p>
          <Chart fc={fc} title={t('planner.forecast.chart')} />
        </>
      )}
    </section>
  );
}
