import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentOperationsReport, CampaignOperationsReport, ComplianceReport, QueueReport } from '@app/reporting';
import { api, apiDownload, type ApiError } from '../api';
import { FieldError, FormError, describedBy } from '../components/FieldError';
import { useFormat } from '../format';
import type { PageProps } from '../routes';
import { BarChart } from './Chart';
import './reports.css';

const KINDS = ['campaigns', 'agents', 'queues', 'compliance'] as const;
type Kind = (typeof KINDS)[number];
const MODES = ['preview', 'progressive', 'predictive'] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface Filters {
  departmentId: string;
  campaignId: string;
  agentId: string;
  mode: string;
  from: string;
  to: string;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400_000).toISOString().slice(0, 10);
/** A date input's day as the start of that UTC day (the reports' ranges are UTC, `[from, to)`). */
const startOf = (d: string) => (d ? `${d}T00:00:00Z` : '');

function query(kind: Kind, f: Filters): string {
  const q = new URLSearchParams();
  if (f.departmentId) q.set('departmentId', f.departmentId);
  if (f.campaignId && kind !== 'queues') q.set('campaignId', f.campaignId);
  if (f.agentId && kind === 'agents') q.set('agentId', f.agentId);
  if (f.mode && kind !== 'compliance' && kind !== 'queues') q.set('mode', f.mode);
  if (f.from) q.set('from', startOf(f.from));
  if (f.to) q.set('to', startOf(f.to));
  return q.toString();
}

/** Planners', supervisors', QA's and admins' reports: campaigns, agents and compliance, with filters, charts, exports. */
export function OperationsReports(_p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  /** A wait band of the queue report ("0-5s", "120s+") in the page's language. */
  const bandLabel = (band: string): string => {
    const m = /^(\d+)(?:-(\d+))?s(\+)?$/.exec(band);
    if (!m) return band;
    return m[2]
      ? t('reports.charts.band', { from: f.number(+m[1]), to: f.number(+m[2]) })
      : t('reports.charts.bandOver', { from: f.number(+m[1]) });
  };
  const [kind, setKind] = useState<Kind>('campaigns');
  const [filters, setFilters] = useState<Filters>({
    departmentId: '',
    campaignId: '',
    agentId: '',
    mode: '',
    from: day(-30),
    to: day(1),
  });
  const [applied, setApplied] = useState(filters);
  const [departments, setDepartments] = useState<{ id: string; name: string }[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignOperationsReport | null>(null);
  const [agents, setAgents] = useState<AgentOperationsReport | null>(null);
  const [compliance, setCompliance] = useState<ComplianceReport | null>(null);
  const [queues, setQueues] = useState<QueueReport | null>(null);
  const [known, setKnown] = useState<{
    campaigns: { id: string; name: string }[];
    agents: { id: string; name: string }[];
  }>({
    campaigns: [],
    agents: [],
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ id: string; name: string }[]>('GET', '/departments')
      .then(setDepartments)
      .catch(() => setDepartments([]));
  }, []);

  useEffect(() => {
    setBusy(true);
    setError(null);
    const path = `/reports/${kind}?${query(kind, applied)}`;
    const done = () => setBusy(false);
    const fail = (e: unknown) => setError(e as ApiError);
    if (kind === 'campaigns')
      api<CampaignOperationsReport>('GET', path)
        .then((r) => {
          setCampaigns(r);
          setKnown((k) => ({
            ...k,
            campaigns: merge(
              k.campaigns,
              r.campaigns.map((c) => ({ id: c.campaignId, name: c.name })),
            ),
          }));
        })
        .catch(fail)
        .finally(done);
    if (kind === 'agents')
      api<AgentOperationsReport>('GET', path)
        .then((r) => {
          setAgents(r);
          setKnown((k) => ({
            ...k,
            agents: merge(
              k.agents,
              r.agents.map((a) => ({ id: a.agentId, name: a.name ?? a.agentId })),
            ),
          }));
        })
        .catch(fail)
        .finally(done);
    if (kind === 'compliance') api<ComplianceReport>('GET', path).then(setCompliance).catch(fail).finally(done);
    if (kind === 'queues') api<QueueReport>('GET', path).then(setQueues).catch(fail).finally(done);
  }, [kind, applied]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(filters);
  };
  const set = (k: keyof Filters, v: string) => setFilters((x) => ({ ...x, [k]: v }));
  const rate = (x: number | null) => (x === null ? '—' : f.percent(x));
  const hourOf = (h: number) => campaigns?.byHour.find((x) => x.hour === h) ?? { dials: 0, humanAnswered: 0 };
  const hours = (s: number) => f.number(s / 3600, 1);
  const exportRecords = (format: 'csv' | 'xlsx', encoding?: string) => {
    const q = new URLSearchParams({ format, from: startOf(applied.from), to: startOf(applied.to) });
    if (encoding) q.set('encoding', encoding);
    if (applied.departmentId) q.set('departmentId', applied.departmentId);
    if (applied.campaignId) q.set('campaignId', applied.campaignId);
    void apiDownload(`/reports/call-records?${q}`, `call-records.${format}`).catch((e: unknown) =>
      setError(e as ApiError),
    );
  };

  return (
    <div className="reports">
      <h1>{t('reports.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('reports.kinds')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={kind === k}
            className={kind === k ? 'primary' : undefined}
            onClick={() => setKind(k)}
            data-kind={k}
          >
            {t(`reports.kind.${k}`)}
          </button>
        ))}
      </div>
      <form className="card row filters" onSubmit={apply} aria-label={t('reports.filters')}>
        <label>
          {t('reports.filter.department')}
          <select
            value={filters.departmentId}
            onChange={(e) => set('departmentId', e.target.value)}
            name="departmentId"
            {...describedBy('f-department', error, 'departmentId')}
          >
            <option value="">{t('reports.filter.all')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError id="f-department" error={error} field="departmentId" />
        </label>
        <label>
          {t('reports.filter.from')}
          <input
            type="date"
            name="from"
            value={filters.from}
            onChange={(e) => set('from', e.target.value)}
            {...describedBy('f-from', error, 'from')}
          />
          <FieldError id="f-from" error={error} field="from" />
        </label>
        <label>
          {t('reports.filter.to')}
          <input
            type="date"
            name="to"
            value={filters.to}
            onChange={(e) => set('to', e.target.value)}
            {...describedBy('f-to', error, 'to')}
          />
          <FieldError id="f-to" error={error} field="to" />
        </label>
        <label>
          {t('reports.filter.campaign')}
          <select
            value={filters.campaignId}
            onChange={(e) => set('campaignId', e.target.value)}
            name="campaignId"
            {...describedBy('f-campaign', error, 'campaignId')}
          >
            <option value="">{t('reports.filter.all')}</option>
            {known.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="f-campaign" error={error} field="campaignId" />
        </label>
        {kind === 'agents' && (
          <label>
            {t('reports.filter.agent')}
            <select
              value={filters.agentId}
              onChange={(e) => set('agentId', e.target.value)}
              name="agentId"
              {...describedBy('f-agent', error, 'agentId')}
            >
              <option value="">{t('reports.filter.all')}</option>
              {known.agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <FieldError id="f-agent" error={error} field="agentId" />
          </label>
        )}
        {kind !== 'compliance' && (
          <label>
            {t('reports.filter.mode')}
            <select
              value={filters.mode}
              onChange={(e) => set('mode', e.target.value)}
              name="mode"
              {...describedBy('f-mode', error, 'mode')}
            >
              <option value="">{t('reports.filter.all')}</option>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`reports.modes.${m}`)}
                </option>
              ))}
            </select>
            <FieldError id="f-mode" error={error} field="mode" />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="apply-filters">
          {t('reports.filter.apply')}
        </button>
      </form>
      <FormError error={error} shownFields={['departmentId', 'campaignId', 'agentId', 'mode', 'from', 'to']} />
      <section className="card row">
        <span>{t('reports.export.callRecords')}</span>
        <button type="button" onClick={() => exportRecords('xlsx')}>
          {t('reports.export.xlsx')}
        </button>
        <button type="button" onClick={() => exportRecords('csv')}>
          {t('reports.export.csv')}
        </button>
        <button type="button" onClick={() => exportRecords('csv', 'gb18030')}>
          {t('reports.export.gb18030')}
        </button>
      </section>

      {kind === 'campaigns' && campaigns && (
        <section className="card" data-testid="report-campaigns">
          <h2>{t('reports.kind.campaigns')}</h2>
          <div className="table-scroll">
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('reports.col.campaign')}</th>
                  <th scope="col">{t('reports.col.mode')}</th>
                  <th scope="col">{t('reports.col.dials')}</th>
                  <th scope="col">{t('reports.col.answerRate')}</th>
                  <th scope="col">{t('reports.col.humanAnswered')}</th>
                  <th scope="col">{t('reports.col.abandonRate')}</th>
                  <th scope="col">{t('reports.col.amdRate')}</th>
                  <th scope="col">{t('reports.col.contactsPerHour')}</th>
                  <th scope="col">{t('reports.col.successes')}</th>
                  <th scope="col">{t('reports.col.budget')}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.campaigns.map((c) => (
                  <tr key={c.campaignId} data-campaign={c.campaignId}>
                    <td>{c.name}</td>
                    <td>{t(`reports.modes.${c.mode}`, { defaultValue: c.mode })}</td>
                    <td>{f.number(c.dials)}</td>
                    <td>{rate(c.answerRate)}</td>
                    <td>{f.number(c.humanAnswered)}</td>
                    <td>{rate(c.abandonRate)}</td>
                    <td>{rate(c.amdRate)}</td>
                    <td>{c.contactsPerHour === null ? '—' : f.number(c.contactsPerHour, 1)}</td>
                    <td>{f.number(c.successes)}</td>
                    <td>
                      {c.abandonWindows
                        .map((w) =>
                          t('reports.col.budgetLeft', { hours: f.number(w.hours), n: f.number(w.budgetLeft) }),
                        )
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {campaigns.campaigns.length === 0 && <p className="muted">{t('reports.none')}</p>}
          <BarChart
            title={t('reports.charts.byDay')}
            xLabel={t('reports.charts.day')}
            categories={campaigns.byDay.map((d) => f.day(d.day))}
            series={[
              { label: t('reports.charts.dials'), values: campaigns.byDay.map((d) => d.dials), stroke: '#1565c0' },
              {
                label: t('reports.charts.humanAnswered'),
                values: campaigns.byDay.map((d) => d.humanAnswered),
                stroke: '#2e7d32',
              },
              {
                label: t('reports.charts.abandoned'),
                values: campaigns.byDay.map((d) => d.abandoned),
                stroke: '#b3261e',
              },
            ]}
            testId="ops-chart-day"
          />
          <BarChart
            title={t('reports.charts.byHour')}
            xLabel={t('reports.charts.hour')}
            categories={HOURS.map((h) => String(h).padStart(2, '0'))}
            series={[
              { label: t('reports.charts.dials'), values: HOURS.map((h) => hourOf(h).dials), stroke: '#1565c0' },
              {
                label: t('reports.charts.humanAnswered'),
                values: HOURS.map((h) => hourOf(h).humanAnswered),
                stroke: '#2e7d32',
              },
            ]}
          />
        </section>
      )}

      {kind === 'agents' && agents && (
        <section className="card" data-testid="report-agents">
          <h2>{t('reports.kind.agents')}</h2>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.agent')}</th>
                <th scope="col">{t('reports.col.loggedIn')}</th>
                <th scope="col">{t('reports.col.ready')}</th>
                <th scope="col">{t('reports.col.talk')}</th>
                <th scope="col">{t('reports.col.wrap')}</th>
                <th scope="col">{t('reports.col.paused')}</th>
                <th scope="col">{t('reports.col.calls')}</th>
                <th scope="col">{t('reports.col.successRate')}</th>
                <th scope="col">{t('reports.col.aht')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.agents.map((a) => (
                <tr key={a.agentId}>
                  <td>{a.name ?? a.agentId}</td>
                  <td>{hours(a.loggedInSeconds)}</td>
                  <td>{hours(a.readySeconds)}</td>
                  <td>{hours(a.talkSeconds)}</td>
                  <td>{hours(a.wrapSeconds)}</td>
                  <td>{hours(a.pausedSeconds)}</td>
                  <td>{f.number(a.calls)}</td>
                  <td>{rate(a.successRate)}</td>
                  <td>{a.averageHandleSeconds === null ? '—' : f.duration(a.averageHandleSeconds * 1000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {agents.agents.length === 0 && <p className="muted">{t('reports.none')}</p>}
          <BarChart
            title={t('reports.charts.callsPerAgent')}
            xLabel={t('reports.col.agent')}
            categories={agents.agents.map((a) => a.name ?? a.agentId.slice(0, 6))}
            series={[
              { label: t('reports.col.calls'), values: agents.agents.map((a) => a.calls), stroke: '#1565c0' },
              {
                label: t('reports.charts.successes'),
                values: agents.agents.map((a) => a.successes),
                stroke: '#ef6c00',
              },
            ]}
          />
        </section>
      )}

      {kind === 'queues' && queues && (
        <section className="card" data-testid="report-queues">
          <h2>{t('reports.kind.queues')}</h2>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.queue')}</th>
                <th scope="col">{t('reports.col.offered')}</th>
                <th scope="col">{t('reports.col.answered')}</th>
                <th scope="col">{t('reports.col.serviceLevel')}</th>
                <th scope="col">{t('reports.col.serviceLevelNoShort')}</th>
                <th scope="col">{t('reports.col.asa')}</th>
                <th scope="col">{t('reports.col.abandonRate')}</th>
                <th scope="col">{t('reports.col.overflowed')}</th>
                <th scope="col">{t('reports.col.longestWait')}</th>
              </tr>
            </thead>
            <tbody>
              {queues.queues.map((q) => (
                <tr key={q.queueId}>
                  <td>
                    {q.name}{' '}
                    <span className="muted small">
                      {t('reports.col.target', { seconds: f.number(q.targetSeconds) })}
                    </span>
                  </td>
                  <td>{f.number(q.offered)}</td>
                  <td>{f.number(q.answered)}</td>
                  <td>{rate(q.serviceLevel)}</td>
                  <td>{rate(q.serviceLevelExcludingShortAbandons)}</td>
                  <td>{q.asaSeconds === null ? '—' : f.duration(q.asaSeconds * 1000)}</td>
                  <td>{rate(q.abandonRate)}</td>
                  <td>{f.number(q.overflowed)}</td>
                  <td>{q.longestWaitSeconds === null ? '—' : f.duration(q.longestWaitSeconds * 1000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {queues.queues.length === 0 && <p className="muted">{t('reports.none')}</p>}
          <BarChart
            title={t('reports.charts.abandonsByWait')}
            xLabel={t('reports.charts.waited')}
            categories={Object.keys(queues.queues[0]?.abandonsByWait ?? {}).map(bandLabel)}
            series={[
              {
                label: t('reports.charts.abandoned'),
                values: Object.keys(queues.queues[0]?.abandonsByWait ?? {}).map((band) =>
                  queues.queues.reduce((n, q) => n + (q.abandonsByWait[band] ?? 0), 0),
                ),
                stroke: '#b3261e',
              },
            ]}
            testId="queue-chart-wait"
          />
          <BarChart
            title={t('reports.charts.byHour')}
            xLabel={t('reports.charts.hour')}
            categories={HOURS.map((h) => String(h).padStart(2, '0'))}
            series={[
              {
                label: t('reports.col.offered'),
                values: HOURS.map((h) => queues.byHour.find((x) => x.hour === h)?.offered ?? 0),
                stroke: '#1565c0',
              },
              {
                label: t('reports.col.answered'),
                values: HOURS.map((h) => queues.byHour.find((x) => x.hour === h)?.answered ?? 0),
                stroke: '#2e7d32',
              },
            ]}
          />
        </section>
      )}

      {kind === 'compliance' && compliance && (
        <section className="card" data-testid="report-compliance">
          <h2>{t('reports.kind.compliance')}</h2>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.campaign')}</th>
                <th scope="col">{t('reports.col.worst24')}</th>
                <th scope="col">{t('reports.col.worst30')}</th>
                <th scope="col">{t('reports.col.outsideWindow')}</th>
                <th scope="col">{t('reports.col.dncPrevented')}</th>
                <th scope="col">{t('reports.col.perNumberDay')}</th>
              </tr>
            </thead>
            <tbody>
              {compliance.campaigns.map((c) => {
                const w = (h: number) => {
                  const x = c.abandon.find((a) => a.hours === h);
                  if (!x?.worst) return '—';
                  return `${rate(x.worst.rate)} (${t('reports.col.overCap', { n: f.number(x.windowsOverCap), cap: f.number(c.capPercent, 1) })})`;
                };
                return (
                  <tr key={c.campaignId}>
                    <td>{c.name}</td>
                    <td>{w(24)}</td>
                    <td>{w(720)}</td>
                    <td className={c.outsideWindow > 0 ? 'bad' : undefined}>{f.number(c.outsideWindow)}</td>
                    <td>{f.number(c.dncPrevented.contactsClosedBeforeDial + c.dncPrevented.attemptsRejectedByRule)}</td>
                    <td>
                      {t('reports.col.perNumberValue', {
                        max: f.number(c.attemptsPerNumberPerDay.max),
                        cap: f.number(c.attemptsPerNumberPerDay.cap),
                        over: f.number(c.attemptsPerNumberPerDay.numberDaysOverCap),
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {compliance.campaigns.length === 0 && <p className="muted">{t('reports.none')}</p>}
          <details>
            <summary>{t('reports.proof')}</summary>
            <pre className="small">{compliance.outsideWindow.proofQuery}</pre>
            <code className="small">{JSON.stringify(compliance.outsideWindow.parameters)}</code>
          </details>
          {compliance.notes.length > 0 && (
            <ul className="small muted">
              {compliance.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function merge(a: { id: string; name: string }[], b: { id: string; name: string }[]) {
  const seen = new Map(a.map((x) => [x.id, x]));
  for (const x of b) seen.set(x.id, x);
  return [...seen.values()];
}
