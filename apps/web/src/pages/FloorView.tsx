import { messageText, reasonText } from '../errors';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfileView } from '@app/auth';
import type { CampaignView, PacingSettings } from '@app/campaigns';
import type { AgentSessionView, CampaignLiveView } from '@app/dialer';
import { api, type ApiError, type SessionUser } from '../api';
import { describedBy, FieldError } from '../components/FieldError';
import { useDialingText } from '../dialing';
import { useFormat, useNow } from '../format';
import '../live/live.css';

const SHOWN_STATES = new Set(['draft', 'pilot', 'pilot_paused', 'pilot_review', 'running', 'paused']);
const PAUSABLE = new Set(['running', 'pilot']);
const RESUMABLE = new Set(['paused', 'pilot_paused']);
/** PATCH /api/campaigns/:id/pacing applies in these states (the runner retunes its pacer live). */
const TUNABLE = new Set(['pilot', 'pilot_paused', 'running', 'paused']);
/** Starting (the first pilot round) and launching after the pilot review are the planner's and the admin's. */
const STARTERS = new Set(['planner', 'admin']);
/** Listen, whisper and barge (the ACD's snoop) are the supervisor's and the admin's. */
const MONITORS = new Set(['supervisor', 'admin']);
const MONITOR_MODES = ['listen', 'whisper', 'barge'] as const;
type MonitorMode = (typeof MONITOR_MODES)[number];
const ENDPOINT_KEY = 'dialer.monitorEndpoint';

interface Monitoring {
  agentId: string;
  mode: MonitorMode;
  channelId: string;
}

/** The abandon target and dial ratio limit of one campaign under way, within the planner's bounds. */
function PacingForm(p: { c: CampaignView; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pacing = p.c.pacing as unknown as Partial<PacingSettings>;
  const [cap, setCap] = useState(String(pacing.abandonCapPercent ?? 3));
  const [lines, setLines] = useState(String(pacing.maxLinesPerAgent ?? 1));
  const [error, setError] = useState<ApiError | null>(null);
  const predictive = p.c.mode === 'predictive';
  const id = `pacing-${p.c.id}`;
  const save = async () => {
    setError(null);
    try {
      const body: Record<string, number> = { abandonCapPercent: Number(cap) };
      if (predictive) body.maxLinesPerAgent = Number(lines);
      await api('PATCH', `/campaigns/${p.c.id}/pacing`, body);
      p.onSaved(
        t('floor.pacingSaved', {
          cap: f.number(Number(cap), 2),
          lines: f.number(predictive ? Number(lines) : 1),
        }),
      );
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <form
      className="row steer"
      noValidate
      data-testid="pacing-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('floor.abandonTarget')}
        <input
          type="number"
          min={0.01}
          max={5}
          step={0.01}
          value={cap}
          onChange={(e) => setCap(e.target.value)}
          data-testid="abandon-target"
          {...describedBy(`${id}-cap`, error, 'abandonCapPercent')}
        />
        <FieldError id={`${id}-cap`} error={error} field="abandonCapPercent" />
      </label>
      <label>
        {t('floor.dialRatio')}
        <input
          type="number"
          min={1}
          max={5}
          step={1}
          value={predictive ? lines : '1'}
          disabled={!predictive}
          title={predictive ? undefined : t('floor.dialRatioFixed')}
          onChange={(e) => setLines(e.target.value)}
          data-testid="dial-ratio"
          {...describedBy(`${id}-lines`, error, 'maxLinesPerAgent')}
        />
        <FieldError id={`${id}-lines`} error={error} field="maxLinesPerAgent" />
      </label>
      <button type="submit" data-testid="pacing-save">
        {t('floor.pacingSave')}
      </button>
      {error && !error.details?.length && (
        <span className="error" role="alert">
          {messageText(error)}
        </span>
      )}
    </form>
  );
}

/** Every agent of the supervisor's departments with state, time in state, campaign and call; campaigns to steer. */
export function FloorView(props: { user: SessionUser }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const dialingText = useDialingText();
  const role = props.user.role;
  const [agents, setAgents] = useState<AgentProfileView[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignView[]>([]);
  const [live, setLive] = useState<Record<string, CampaignLiveView>>({});
  /** Reasons of paused agents no campaign view knows (an inbound call pauses the agent with reason `inbound`). */
  const [reasons, setReasons] = useState<Record<string, string | null>>({});
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [endpoint, setEndpoint] = useState(() => localStorage.getItem(ENDPOINT_KEY) ?? '');
  const [monitoring, setMonitoring] = useState<Monitoring | null>(null);

  const load = useCallback(async () => {
    const [a, c] = await Promise.all([
      api<AgentProfileView[]>('GET', '/agents'),
      api<CampaignView[]>('GET', '/campaigns'),
    ]);
    const shown = c.filter((x) => SHOWN_STATES.has(x.state));
    const views = await Promise.all(
      shown
        .filter((x) => x.state !== 'draft' && x.state !== 'pilot_review')
        .map((x) => api<CampaignLiveView>('GET', `/campaigns/${x.id}/live`).catch(() => null)),
    );
    const byId: Record<string, CampaignLiveView> = {};
    for (const v of views) if (v) byId[v.campaignId] = v;
    const onCampaign = new Set(Object.values(byId).flatMap((v) => v.agents.list.map((x) => x.agentId)));
    const unknown = a.filter((x) => x.state === 'paused' && !onCampaign.has(x.id));
    const sessions = MONITORS.has(role)
      ? await Promise.all(
          unknown.map((x) => api<AgentSessionView>('GET', `/agent/session?agentId=${x.id}`).catch(() => null)),
        )
      : [];
    const r: Record<string, string | null> = {};
    for (const s of sessions) if (s) r[s.agentId] = s.reason;
    setAgents(a);
    setCampaigns(shown);
    setLive(byId);
    setReasons(r);
  }, [role]);

  useEffect(() => {
    let stop = false;
    const tick = () => {
      if (!stop) load().catch(() => undefined);
    };
    tick();
    const id = setInterval(tick, 2000);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, [load]);

  const refused = (what: string, e: unknown) => {
    const err = e as ApiError;
    const detail = err.details?.map(reasonText).join('; ');
    setMessage({ kind: 'error', text: t('agent.refused', { what, message: detail || messageText(err) }) });
  };
  const act = async (what: string, method: string, path: string, body?: unknown) => {
    try {
      await api(method, path, body);
      setMessage({ kind: 'info', text: t('floor.done', { what }) });
      await load();
    } catch (e) {
      refused(what, e);
    }
  };

  const monitor = async (agentId: string, mode: MonitorMode) => {
    const what = t(`floor.monitor.${mode}`);
    try {
      const r = await api<{ channelId: string }>('POST', `/agents/${agentId}/${mode}`, { endpoint });
      setMonitoring({ agentId, mode, channelId: r.channelId });
      setMessage({ kind: 'info', text: t('floor.monitor.started', { what }) });
    } catch (e) {
      refused(what, e);
    }
  };
  const stopMonitoring = async () => {
    if (!monitoring) return;
    const what = t('floor.monitor.stop');
    try {
      await api('DELETE', `/agents/${monitoring.agentId}/monitor/${monitoring.channelId}`);
      setMonitoring(null);
      setMessage({ kind: 'info', text: t('floor.done', { what }) });
    } catch (e) {
      refused(what, e);
    }
  };

  // What the live views know about each agent: its campaign, state since, current call.
  const byAgent = new Map<
    string,
    {
      campaign: string;
      since: string;
      state: string;
      reason: string | null;
      call?: CampaignLiveView['liveCalls'][number];
    }
  >();
  for (const v of Object.values(live)) {
    const name = campaigns.find((c) => c.id === v.campaignId)?.name ?? v.campaignId;
    for (const a of v.agents.list)
      byAgent.set(a.agentId, { campaign: name, since: a.since, state: a.state, reason: a.reason });
    for (const c of v.liveCalls) {
      const e = c.agentId ? byAgent.get(c.agentId) : undefined;
      if (e) e.call = c;
    }
  }
  const canMonitor = MONITORS.has(role);
  const endpointOk = endpoint.trim().length >= 3;

  return (
    <div className="floor">
      <section className="card" aria-labelledby="floor-campaigns">
        <h1 id="floor-campaigns">{t('floor.campaigns')}</h1>
        {campaigns.length === 0 && <p className="muted">{t('wallboard.none')}</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('floor.campaign')}</th>
              <th scope="col">{t('floor.state')}</th>
              <th scope="col">{t('wallboard.liveCalls')}</th>
              <th scope="col">{t('floor.dialingStatus')}</th>
              <th scope="col">{t('floor.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => {
              const v = live[c.id];
              return (
                <tr key={c.id} data-campaign={c.id}>
                  <td>
                    {c.name}
                    <div className="muted small">{t(`modes.${c.mode}`, { defaultValue: c.mode })}</div>
                  </td>
                  <td data-testid="campaign-state">{t(`campaignStates.${c.state}`, { defaultValue: c.state })}</td>
                  <td>{v ? f.number(v.liveCalls.length) : '—'}</td>
                  <td>{v ? dialingText(v.dialing) : '—'}</td>
                  <td>
                    {c.state === 'draft' && STARTERS.has(role) && (
                      <button
                        data-testid="campaign-start"
                        type="button"
                        className="primary"
                        onClick={() => void act(t('floor.startPilot'), 'POST', `/campaigns/${c.id}/start-pilot`, {})}
                      >
                        {t('floor.startPilot')}
                      </button>
                    )}
                    {c.state === 'pilot_review' && STARTERS.has(role) && (
                      <button
                        data-testid="campaign-launch"
                        type="button"
                        className="primary"
                        onClick={() => void act(t('floor.launch'), 'POST', `/campaigns/${c.id}/launch`, {})}
                      >
                        {t('floor.launch')}
                      </button>
                    )}
                    {(c.state === 'draft' || c.state === 'pilot_review') && !STARTERS.has(role) && (
                      <span className="muted small">{t('floor.plannerStarts')}</span>
                    )}
                    {PAUSABLE.has(c.state) && (
                      <button
                        data-testid="campaign-pause"
                        type="button"
                        onClick={() => void act(t('floor.pause'), 'POST', `/campaigns/${c.id}/pause`)}
                      >
                        {t('floor.pause')}
                      </button>
                    )}
                    {RESUMABLE.has(c.state) && (
                      <button
                        data-testid="campaign-resume"
                        type="button"
                        onClick={() => void act(t('floor.resume'), 'POST', `/campaigns/${c.id}/resume`)}
                      >
                        {t('floor.resume')}
                      </button>
                    )}
                    {TUNABLE.has(c.state) && (
                      <PacingForm
                        key={`${c.id}-${c.updatedAt as unknown as string}`}
                        c={c}
                        onSaved={(text) => {
                          setMessage({ kind: 'info', text });
                          void load();
                        }}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind} data-testid="floor-message">
          {message.text}
        </p>
      )}
      <section className="card" aria-labelledby="floor-agents">
        <h2 id="floor-agents">{t('floor.agents')}</h2>
        {canMonitor && (
          <div className="row monitor-endpoint">
            <label>
              {t('floor.monitor.endpoint')}
              <input
                value={endpoint}
                placeholder="PJSIP/supervisor-1"
                onChange={(e) => {
                  setEndpoint(e.target.value);
                  localStorage.setItem(ENDPOINT_KEY, e.target.value.trim());
                }}
                data-testid="monitor-endpoint"
              />
            </label>
            {monitoring && (
              <>
                <span role="status" data-testid="monitoring">
                  {t('floor.monitor.active', {
                    what: t(`floor.monitor.${monitoring.mode}`),
                    agent: agents.find((a) => a.id === monitoring.agentId)?.displayName ?? monitoring.agentId,
                  })}
                </span>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void stopMonitoring()}
                  data-testid="monitor-stop"
                >
                  {t('floor.monitor.stop')}
                </button>
              </>
            )}
          </div>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('floor.agent')}</th>
              <th scope="col">{t('floor.state')}</th>
              <th scope="col">{t('agent.timeInState')}</th>
              <th scope="col">{t('floor.campaign')}</th>
              <th scope="col">{t('floor.call')}</th>
              <th scope="col">{t('floor.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => {
              const l = byAgent.get(a.id);
              const state = l?.state ?? a.state;
              const reason = l?.reason ?? reasons[a.id] ?? null;
              const onCall = state === 'talking' || (state === 'paused' && reason === 'inbound');
              return (
                <tr key={a.id} data-agent={a.id}>
                  <td>{a.displayName}</td>
                  <td>
                    <span className={`badge state-${state}`} data-testid="floor-agent-state">
                      {t(`states.${state}`, { defaultValue: state })}
                    </span>
                    {reason && (
                      <span className="muted"> · {t(`pauseReasons.${reason}`, { defaultValue: reason })}</span>
                    )}
                  </td>
                  <td>{l ? f.duration(now - new Date(l.since).getTime()) : '—'}</td>
                  <td>{l?.campaign ?? '—'}</td>
                  <td>
                    {l?.call
                      ? `${l.call.calledNumber} · ${t(`callStates.${l.call.state}`, { defaultValue: l.call.state })} · ${f.duration(now - new Date(l.call.since).getTime())}`
                      : reason === 'inbound'
                        ? t('floor.inboundCall')
                        : '—'}
                  </td>
                  <td>
                    {state !== 'offline' && state !== 'paused' && (
                      <button
                        data-testid="force-pause"
                        type="button"
                        onClick={() =>
                          void act(t('floor.forcePause'), 'POST', `/agent/pause?agentId=${a.id}`, {
                            reason: 'supervisor',
                          })
                        }
                      >
                        {t('floor.forcePause')}
                      </button>
                    )}
                    {state !== 'offline' && (
                      <button
                        data-testid="force-logout"
                        type="button"
                        onClick={() => void act(t('floor.forceLogout'), 'DELETE', `/agent/session?agentId=${a.id}`)}
                      >
                        {t('floor.forceLogout')}
                      </button>
                    )}
                    {canMonitor &&
                      onCall &&
                      MONITOR_MODES.map((m) => (
                        <button
                          key={m}
                          type="button"
                          data-testid={`monitor-${m}`}
                          disabled={!endpointOk || !!monitoring}
                          title={endpointOk ? undefined : t('floor.monitor.needEndpoint')}
                          onClick={() => void monitor(a.id, m)}
                        >
                          {t(`floor.monitor.${m}`)}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
