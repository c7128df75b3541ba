import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefView, CallingWindows } from '@app/briefs';
import type { CampaignView, PilotRecord, PilotSummary, TransitionResult } from '@app/campaigns';
import type { CampaignState } from '@app/database';
import type { CampaignLiveView } from '@app/dialer';
import { api, type ApiError } from '../api';
import { useDialingText } from '../dialing';
import { widerThanBriefParts } from '@libs/campaigns/src/campaign-windows';
import { useFormat } from '../format';
import type { PageProps } from '../routes';
import { CampaignForm } from './CampaignForm';
import { LIVE_STATES } from './CampaignList';
import { ForecastPanel } from './ForecastChart';
import { Field, Link, LoadError, Loading, OtherErrors, StateBadge, usePoll, useResource } from './shared';
import { useWiderText } from './wider';

const EDITABLE = new Set<CampaignState>(['draft', 'pilot_paused', 'pilot_review', 'paused']);
const FINAL = new Set<CampaignState>(['completed', 'cancelled']);

/** Live figures while the campaign (or its pilot) runs, every second from GET /campaigns/:id/live. */
function Watch(p: { campaignId: string; onState: (s: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialingText = useDialingText();
  const [live, setLive] = useState<CampaignLiveView | null>(null);
  const onState = p.onState;
  const load = useCallback(async () => {
    const v = await api<CampaignLiveView>('GET', `/campaigns/${p.campaignId}/live`);
    setLive(v);
    onState(v.state);
  }, [p.campaignId, onState]);
  usePoll(load, 1000);
  if (!live) return <Loading />;
  const tile = (key: string, value: string, label: string) => (
    <div className="tile" data-testid={`live-${key}`}>
      <span className="big">{value}</span>
      <span>{label}</span>
    </div>
  );
  return (
    <section className="card" aria-labelledby="pl-watch">
      <h2 id="pl-watch">{t('planner.pilot.watch')}</h2>
      <p className={`dialing ${live.dialing.dialing ? 'good' : 'bad'}`} data-testid="why-not-dialing">
        {dialingText(live.dialing)}
      </p>
      <div className="tiles">
        {tile('calls', f.number(live.liveCalls.length), t('planner.pilot.liveCalls'))}
        {tile('agents', f.number(live.agents.list.length), t('planner.pilot.agents'))}
        {tile('talking', f.number(live.agents.byState.talking ?? 0), t('planner.pilot.talking'))}
        {tile('dials', f.number(live.dials.total), t('planner.pilot.dials'))}
        {tile('answered', f.number(live.answeredByPerson), t('planner.pilot.answered'))}
        {tile(
          'abandon',
          f.percent(live.abandonRate.run),
          t('planner.pilot.abandonRate', { cap: f.percent(live.abandonRate.cap) }),
        )}
      </div>
      <table className="pl-small-table">
        <caption>{t('planner.pilot.contacts')}</caption>
        <tbody>
          {Object.entries(live.contacts).map(([k, n]) => (
            <tr key={k}>
              <th scope="row">{t(`planner.contactStatus.${k}`, { defaultValue: k })}</th>
              <td data-status={k}>{f.number(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Summary(p: { record: PilotRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const s: PilotSummary | null = p.record.summary;
  if (!s) return <p className="muted">{t('planner.pilot.noSummary')}</p>;
  const rows: [string, string][] = [
    [t('planner.pilot.pilotContacts'), f.number(s.pilotContacts)],
    [t('planner.pilot.attempted'), f.number(s.contactsAttempted)],
    [t('planner.pilot.reached'), f.number(s.contactsReached)],
    [t('planner.pilot.attempts'), f.number(s.attempts)],
    [t('planner.pilot.contactRate'), f.percent(s.contactRate)],
    [t('planner.pilot.reachRate'), f.percent(s.reachRate)],
    [t('planner.pilot.abandonRateShort'), f.percent(s.abandonRate)],
    [t('planner.pilot.talk'), s.averageTalkSeconds === null ? '—' : f.duration(s.averageTalkSeconds * 1000)],
    [t('planner.pilot.handle'), s.averageHandleSeconds === null ? '—' : f.duration(s.averageHandleSeconds * 1000)],
  ];
  return (
    <div className="pl-summary" data-testid="pilot-summary">
      <dl className="pl-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="pl-grid">
        <table className="pl-small-table">
          <caption>{t('planner.pilot.outcomes')}</caption>
          <tbody>
            {Object.entries(s.outcomes).map(([k, n]) => (
              <tr key={k}>
                <th scope="row">{t(`planner.outcomes.${k}`, { defaultValue: k })}</th>
                <td>{f.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="pl-small-table">
          <caption>{t('planner.pilot.dispositions')}</caption>
          <tbody>
            {Object.entries(s.dispositions.byCode).map(([k, n]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td data-code={k}>{f.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {Object.entries(s.scriptAnswers).map(([q, a]) => (
          <table key={q} className="pl-small-table">
            <caption>{t('planner.pilot.answers', { question: q, n: f.number(a.answered) })}</caption>
            <tbody>
              {Object.entries(a.values).map(([v, n]) => (
                <tr key={v}>
                  <th scope="row">{v}</th>
                  <td>{f.number(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {p.record.rounds.length > 1 && (
        <p className="muted small">{t('planner.pilot.rounds', { n: f.number(p.record.rounds.length) })}</p>
      )}
    </div>
  );
}

/** One campaign: its pilot (run, watch, summary, adjust, another round), launch, steering and the forecast. */
export function CampaignPage(p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = p.params.id;
  const campaign = useResource<CampaignView>(`/campaigns/${id}`);
  const c = campaign.data;
  const brief = useResource<BriefView>(c?.briefId ? `/briefs/${c.briefId}` : null);
  const pilot = useResource<PilotRecord & { state: string }>(
    c && (c.state === 'pilot_review' || c.state === 'running' || c.state === 'paused' || c.state === 'completed')
      ? `/campaigns/${id}/pilot-summary?s=${c.state}`
      : null,
  );
  const widerText = useWiderText();
  /**
   * The campaign's warnings in the page's language: the windows wider than the brief's are worded here from the
   * campaign's and the brief's windows (the API words them in English); any other warning keeps the API's words.
   */
  const warningTexts = (warnings: { field: string; reason: string }[]): { text: string; lang?: string }[] => {
    const briefWindows = brief.data?.windows as unknown as CallingWindows | undefined;
    const windows = warnings.some((w) => w.field === 'windows') && c && briefWindows;
    return [
      ...(windows
        ? widerThanBriefParts(c.windows as unknown as CallingWindows, briefWindows).map((part) => ({
            text: widerText(part),
          }))
        : []),
      ...warnings.filter((w) => !windows || w.field !== 'windows').map((w) => ({ text: w.reason, lang: 'en' })),
    ];
  };
  const [pilotSize, setPilotSize] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const reload = campaign.reload;
  const onState = useCallback(
    (s: string) => {
      // The runner moved it (a pilot ends by itself once its contacts are done): read it again.
      if (campaign.data && s !== campaign.data.state) {
        setMessage(null);
        void reload();
      }
    },
    [campaign.data, reload],
  );

  if (campaign.error) return <LoadError error={campaign.error} />;
  if (!c) return <Loading />;

  const act = async (what: string, path: string, body: unknown = {}) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<TransitionResult>('POST', `/campaigns/${id}/${path}`, body);
      campaign.set(r);
      setError(null);
      setMessage(
        [t(`planner.pilot.did.${what}`), ...warningTexts(r.warnings ?? []).map((w) => w.text)]
          .filter(Boolean)
          .join(' · '),
      );
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const runPilot = async () => {
    const size = pilotSize ?? String(c.pilotSize ?? '');
    if (size && Number(size) !== c.pilotSize) {
      try {
        campaign.set(await api<CampaignView>('PATCH', `/campaigns/${id}`, { pilotSize: Number(size) }));
      } catch (e) {
        return setError(e as ApiError);
      }
    }
    await act('pilot', 'start-pilot');
  };
  const state = c.state;
  const pilotForm = (label: string) => (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void runPilot();
      }}
    >
      <Field id="pilot-size" label={t('planner.pilot.size')} field="pilotSize" error={error}>
        {(a) => (
          <input
            {...a}
            type="number"
            min={1}
            value={pilotSize ?? String(c.pilotSize ?? '')}
            onChange={(e) => setPilotSize(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy} data-testid="run-pilot">
        {label}
      </button>
    </form>
  );

  return (
    <div className="planner">
      <p>
        {c.briefId && <Link to={`/planner/briefs/${c.briefId}`}>{t('planner.backToBrief')}</Link>} ·{' '}
        <Link to="/planner/campaigns">{t('planner.campaigns.title')}</Link>
      </p>
      <h1>
        {c.name} <StateBadge kind="campaign" value={state} />{' '}
        <span className="muted">{t(`planner.modes.${c.mode}`)}</span>
      </h1>
      {message && (
        <p className="info" role="status" data-testid="campaign-message">
          {message}
        </p>
      )}
      {c.warnings.length > 0 && (
        <div className="pl-warning" role="status" data-testid="campaign-warnings">
          <p>{t('planner.campaign.warnings')}</p>
          <ul>
            {warningTexts(c.warnings).map((w) => (
              <li key={w.text} lang={w.lang}>
                {w.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <OtherErrors error={error} shownFields={['pilotSize']} />
      <section className="card" aria-labelledby="pl-steps">
        <h2 id="pl-steps">{t('planner.pilot.title')}</h2>
        <p className="muted">
          {t('planner.campaign.contacts', { total: f.number(c.contacts.total), pilot: f.number(c.contacts.pilot) })}
        </p>
        {state === 'draft' && pilotForm(t('planner.pilot.run'))}
        {state === 'pilot' && (
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void act('pause', 'pause')} data-testid="pause">
              {t('planner.pilot.pause')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void act('review', 'review-pilot')}
              data-testid="review-pilot"
            >
              {t('planner.pilot.review')}
            </button>
          </div>
        )}
        {state === 'pilot_paused' && (
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void act('resume', 'resume')} data-testid="resume">
              {t('planner.pilot.resume')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act('review', 'review-pilot')}
              data-testid="review-pilot"
            >
              {t('planner.pilot.review')}
            </button>
          </div>
        )}
        {state === 'pilot_review' && (
          <>
            <h3>{t('planner.pilot.summary')}</h3>
            {pilot.data ? <Summary record={pilot.data} /> : <Loading />}
            {pilotForm(t('planner.pilot.again'))}
            <div className="row">
              {pilot.data?.summary?.attempts === 0 && (
                <label className="choice">
                  <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
                  {t('planner.pilot.force')}
                </label>
              )}
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void act('launch', 'launch', force ? { force: true } : {})}
                data-testid="launch"
              >
                {t('planner.pilot.launch')}
              </button>
            </div>
          </>
        )}
        {(state === 'running' || state === 'paused') && (
          <div className="row">
            {state === 'running' ? (
              <button type="button" disabled={busy} onClick={() => void act('pause', 'pause')} data-testid="pause">
                {t('planner.pilot.pauseRun')}
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => void act('resume', 'resume')} data-testid="resume">
                {t('planner.pilot.resumeRun')}
              </button>
            )}
          </div>
        )}
        {(state === 'running' || state === 'paused' || state === 'completed') && pilot.data?.summary && (
          <details>
            <summary>{t('planner.pilot.summary')}</summary>
            <Summary record={pilot.data} />
          </details>
        )}
      </section>
      {LIVE_STATES.has(state) && <Watch campaignId={c.id} onState={onState} />}
      {EDITABLE.has(state) && (
        <section className="card" aria-labelledby="pl-adjust">
          <h2 id="pl-adjust">{t('planner.pilot.adjust')}</h2>
          {!adjusting ? (
            <button type="button" onClick={() => setAdjusting(true)} data-testid="adjust">
              {t('planner.pilot.adjustOpen')}
            </button>
          ) : (
            <CampaignForm
              start={c}
              fallbackName={c.name}
              briefWindows={(brief.data?.windows as unknown as CallingWindows) ?? null}
              briefId={c.briefId}
              submitLabel={t('planner.pilot.saveSettings')}
              onSubmit={async (body) => {
                campaign.set(await api<CampaignView>('PATCH', `/campaigns/${id}`, body));
                setAdjusting(false);
                setMessage(t('planner.pilot.did.saved'));
              }}
            />
          )}
        </section>
      )}
      {/* Asked again at each state change: a pilot's summary gives the forecast its rates. */}
      {!FINAL.has(state) && <ForecastPanel key={state} campaignId={c.id} />}
    </div>
  );
}

export default CampaignPage;
