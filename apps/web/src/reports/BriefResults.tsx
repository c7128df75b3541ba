import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '@app/briefs';
import type { AnswerSummary, BriefResults as Results, ContactResultsPage } from '@app/reporting';
import { api, apiDownload, type ApiError } from '../api';
import { FieldError, FormError, describedBy } from '../components/FieldError';
import { useFormat } from '../format';
import type { PageProps } from '../routes';
import { BarChart } from './Chart';
import './reports.css';

interface Delivered {
  archiveId: string;
  campaignName: string;
  bytes: number;
  sha256: string;
  at: string;
  downloadPath: string;
}

function Answer(p: { a: AnswerSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const a = p.a;
  return (
    <section className="answer" data-question={a.id}>
      <h3>{a.text}</h3>
      <p className="muted small">{t('reports.results.answered', { n: f.number(a.answered) })}</p>
      {'counts' in a && (
        <ul className="bars">
          {Object.entries(a.counts).map(([option, n]) => (
            <li key={option}>
              <span className="label">{option}</span>
              <meter min={0} max={Math.max(1, a.answered)} value={n} aria-label={option} />
              <span>{f.number(n)}</span>
            </li>
          ))}
        </ul>
      )}
      {'mean' in a && (
        <p>
          {t('reports.results.numbers', {
            min: a.min === null ? '—' : f.number(a.min, 1),
            max: a.max === null ? '—' : f.number(a.max, 1),
            mean: a.mean === null ? '—' : f.number(a.mean, 1),
            median: a.median === null ? '—' : f.number(a.median, 1),
          })}
        </p>
      )}
      {'samples' in a && (
        <ul className="small">
          {a.samples.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A brief's results from the reporting app: figures, charts by day and hour, answers, contacts, exports, archives. */
export function BriefResults(p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = p.params.id;
  const [r, setR] = useState<Results | null>(null);
  const [contacts, setContacts] = useState<ContactResultsPage | null>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [delivered, setDelivered] = useState<Delivered[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api<Results>('GET', `/reports/briefs/${id}/results`)
      .then(setR)
      .catch((e: unknown) => setError(e as ApiError));
    api<NotificationView[]>('GET', '/notifications')
      .then((all) =>
        setDelivered(
          all
            .filter((n) => n.kind === 'results.delivered' && (n.payload as { briefId?: string })?.briefId === id)
            .map((n) => n.payload as unknown as Delivered),
        ),
      )
      .catch(() => setDelivered([]));
  }, [id]);

  useEffect(() => {
    const q = new URLSearchParams({ page: String(page), pageSize: '20', ...(query ? { search: query } : {}) });
    api<ContactResultsPage>('GET', `/reports/briefs/${id}/contacts?${q}`)
      .then(setContacts)
      .catch((e: unknown) => setError(e as ApiError));
  }, [id, page, query]);

  const download = (path: string, name: string) =>
    void apiDownload(path, name).catch((e: unknown) => setError(e as ApiError));
  const rate = (x: number | null) => (x === null ? '—' : f.percent(x));
  const days = r?.byDay ?? [];
  const hours = r
    ? Array.from(
        { length: 24 },
        (_, h) => r.byHour.find((x) => x.hour === h) ?? { hour: h, attempts: 0, humanAnswered: 0, successes: 0 },
      )
    : [];

  return (
    <div className="reports">
      <h1>{r ? t('reports.results.title', { title: r.title }) : t('reports.results.loading')}</h1>
      <FormError error={error} shownFields={['search']} />
      {r && (
        <>
          <p>
            <span className="badge">
              {t(`reports.deadline.${r.deadline.state}`, { defaultValue: r.deadline.state })}
            </span>{' '}
            {t('reports.results.deadline', { at: f.dateTime(r.deadline.deadline) })}
          </p>
          <div className="tiles" data-testid="figures">
            <div className="tile">
              <span className="big">{f.number(r.contacts)}</span>
              <span>{t('reports.results.contacts')}</span>
            </div>
            <div className="tile">
              <span className="big">{f.number(r.contactsAttempted)}</span>
              <span>{t('reports.results.attempted')}</span>
            </div>
            <div className="tile">
              <span className="big" data-testid="reached">
                {f.number(r.reached)}
              </span>
              <span>{t('reports.results.reached', { rate: rate(r.reachRate) })}</span>
            </div>
            <div className="tile">
              <span className="big">{f.number(r.successful)}</span>
              <span>{t('reports.results.successful', { rate: rate(r.successRate) })}</span>
            </div>
            <div className="tile">
              <span className="big">{f.number(r.attempts)}</span>
              <span>{t('reports.results.attempts')}</span>
            </div>
            <div className="tile">
              <span className="big">{f.number(r.inProgress)}</span>
              <span>{t('reports.results.inProgress')}</span>
            </div>
          </div>
          <section className="card">
            <h2>{t('reports.results.byResult')}</h2>
            <table className="compact">
              <tbody>
                {Object.entries(r.byResult)
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => (
                    <tr key={k}>
                      <th scope="row">{t(`reports.contactResults.${k}`, { defaultValue: k })}</th>
                      <td>{f.number(n)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p className="muted small">
              {t('reports.results.pilotSplit', {
                pilot: f.number(r.pilot.attempts),
                full: f.number(r.fullRun.attempts),
              })}
            </p>
          </section>
          <section className="card charts">
            <h2>{t('reports.results.charts')}</h2>
            <BarChart
              title={t('reports.charts.byDay')}
              xLabel={t('reports.charts.day')}
              categories={days.map((d) => f.day(d.day))}
              series={[
                { label: t('reports.charts.attempts'), values: days.map((d) => d.attempts), stroke: '#1565c0' },
                {
                  label: t('reports.charts.humanAnswered'),
                  values: days.map((d) => d.humanAnswered),
                  stroke: '#2e7d32',
                },
                { label: t('reports.charts.successes'), values: days.map((d) => d.successes), stroke: '#ef6c00' },
              ]}
              testId="chart-day"
            />
            <BarChart
              title={t('reports.charts.byHour')}
              xLabel={t('reports.charts.hour')}
              categories={hours.map((h) => String(h.hour).padStart(2, '0'))}
              series={[
                { label: t('reports.charts.attempts'), values: hours.map((h) => h.attempts), stroke: '#1565c0' },
                {
                  label: t('reports.charts.humanAnswered'),
                  values: hours.map((h) => h.humanAnswered),
                  stroke: '#2e7d32',
                },
              ]}
              testId="chart-hour"
            />
          </section>
          {r.answers.length > 0 && (
            <section className="card" data-testid="answers">
              <h2>{t('reports.results.answers')}</h2>
              {r.answers.map((a) => (
                <Answer key={a.id} a={a} />
              ))}
            </section>
          )}
          <section className="card" data-testid="exports">
            <h2>{t('reports.results.exports')}</h2>
            <div className="row">
              <button
                type="button"
                onClick={() => download(`/reports/briefs/${id}/export?format=xlsx`, 'results.xlsx')}
                data-testid="export-xlsx"
              >
                {t('reports.export.xlsx')}
              </button>
              <button type="button" onClick={() => download(`/reports/briefs/${id}/export?format=csv`, 'results.csv')}>
                {t('reports.export.csv')}
              </button>
              <button
                type="button"
                onClick={() => download(`/reports/briefs/${id}/export?format=csv&encoding=gb18030`, 'results.csv')}
              >
                {t('reports.export.gb18030')}
              </button>
              <button type="button" onClick={() => download(`/reports/briefs/${id}/results.pdf`, 'results.pdf')}>
                {t('reports.export.pdf')}
              </button>
            </div>
          </section>
          <section className="card" data-testid="archives">
            <h2>{t('reports.results.archives')}</h2>
            {delivered.length === 0 ? (
              <p className="muted">{t('reports.results.noArchives')}</p>
            ) : (
              <ul>
                {delivered.map((d) => (
                  <li key={d.archiveId} data-archive={d.archiveId}>
                    {t('reports.results.archive', {
                      campaign: d.campaignName,
                      at: f.dateTime(d.at),
                      size: f.number(d.bytes / 1024, 1),
                    })}{' '}
                    <code className="small" title={d.sha256}>
                      {d.sha256.slice(0, 12)}
                    </code>{' '}
                    <button
                      type="button"
                      onClick={() => download(d.downloadPath.replace(/^\/api/, ''), `results-${d.archiveId}.csv`)}
                    >
                      {t('reports.results.downloadArchive')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <section className="card" data-testid="contacts">
        <h2>{t('reports.results.perContact')}</h2>
        <form
          className="row"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setPage(1);
            setQuery(search.trim());
          }}
        >
          <label>
            {t('reports.results.search')}
            <input
              type="search"
              name="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              {...describedBy('contact-search', error, 'search')}
            />
            <FieldError id="contact-search" error={error} field="search" />
          </label>
          <button type="submit">{t('reports.results.find')}</button>
        </form>
        {contacts && (
          <>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('reports.results.name')}</th>
                  <th scope="col">{t('reports.results.numbers')}</th>
                  <th scope="col">{t('reports.results.result')}</th>
                  <th scope="col">{t('reports.results.attemptsCol')}</th>
                  <th scope="col">{t('reports.results.last')}</th>
                </tr>
              </thead>
              <tbody>
                {contacts.items.map((c) => {
                  const last = c.attempts[c.attempts.length - 1];
                  return (
                    <tr key={c.contactId}>
                      <td>{[c.firstName, c.lastName].filter(Boolean).join(' ') || c.externalId || '—'}</td>
                      <td>{c.numbers.join(', ')}</td>
                      <td>{t(`reports.contactResults.${c.result}`, { defaultValue: c.result })}</td>
                      <td>{f.number(c.attempts.length)}</td>
                      <td>{last ? `${f.dateTime(last.at)} · ${last.dispositionLabel ?? last.outcome ?? ''}` : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="row">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('reports.results.previous')}
              </button>
              <span>
                {t('reports.results.page', {
                  page: f.number(page),
                  pages: f.number(Math.max(1, Math.ceil(contacts.total / contacts.pageSize))),
                  total: f.number(contacts.total),
                })}
              </span>
              <button
                type="button"
                disabled={page * contacts.pageSize >= contacts.total}
                onClick={() => setPage(page + 1)}
              >
                {t('reports.results.next')}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
