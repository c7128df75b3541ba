import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfileView } from '@app/auth';
import type { CampaignView } from '@app/campaigns';
import type { CampaignLiveView } from '@app/dialer';
import { api, type ApiError } from '../api';
import { useDialingText } from '../dialing';
import { useFormat, useNow } from '../format';

const SHOWN_STATES = new Set(['running', 'pilot', 'paused', 'pilot_paused']);
const PAUSABLE = new Set(['running', 'pilot']);
const RESUMABLE = new Set(['paused', 'pilot_paused']);

/** Every agent of the supervisor's departments with state, time in state, campaign and call; campaigns to steer. */
export function FloorView() {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const dialingText = useDialingText();
  const [agents, setAgents] = useState<AgentProfileView[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignView[]>([]);
  const [live, setLive] = useState<Record<string, CampaignLiveView>>({});
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    const [a, c] = await Promise.all([
      api<AgentProfileView[]>('GET', '/agents'),
      api<CampaignView[]>('GET', '/campaigns'),
    ]);
    const shown = c.filter((x) => SHOWN_STATES.has(x.state));
    const views = await Promise.all(
      shown.map((x) => api<CampaignLiveView>('GET', `/campaigns/${x.id}/live`).catch(() => null)),
    );
    const byId: Record<string, CampaignLiveView> = {};
    for (const v of views) if (v) byId[v.campaignId] = v;
    setAgents(a);
    setCampaigns(shown);
    setLive(byId);
  }, []);

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

  const act = async (what: string, method: string, path: string, body?: unknown) => {
    try {
      await api(method, path, body);
      setMessage({ kind: 'info', text: t('floor.done', { what }) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: t('agent.refused', { what, message: (e as ApiError).message }) });
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
                  <td>{c.name}</td>
                  <td>{t(`campaignStates.${c.state}`, { defaultValue: c.state })}</td>
                  <td>{v ? f.number(v.liveCalls.length) : '—'}</td>
                  <td>{v ? dialingText(v.dialing) : '—'}</td>
                  <td>
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
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      <section className="card" aria-labelledby="floor-agents">
        <h2 id="floor-agents">{t('floor.agents')}</h2>
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
              return (
                <tr key={a.id} data-agent={a.id}>
                  <td>{a.displayName}</td>
                  <td>
                    <span className={`badge state-${state}`} data-testid="floor-agent-state">
                      {t(`states.${state}`, { defaultValue: state })}
                    </span>
                    {l?.reason && (
                      <span className="muted"> · {t(`pauseReasons.${l.reason}`, { defaultValue: l.reason })}</span>
                    )}
                  </td>
                  <td>{l ? f.duration(now - new Date(l.since).getTime()) : '—'}</td>
                  <td>{l?.campaign ?? '—'}</td>
                  <td>
                    {l?.call
                      ? `${l.call.calledNumber} · ${t(`callStates.${l.call.state}`, { defaultValue: l.call.state })} · ${f.duration(now - new Date(l.call.since).getTime())}`
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
