import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '@app/campaigns';
import type { CampaignLiveView } from '@app/dialer';
import { api, type ApiError } from '../api';
import { useDialingText } from '../dialing';
import { useFormat } from '../format';
import type { PageProps } from '../routes';
import { Link, LoadError, StateBadge, usePoll } from './shared';

/** States in which a campaign dials or could: they say why they do (not) dial. */
export const LIVE_STATES = new Set(['pilot', 'pilot_paused', 'running', 'paused']);

/** Every campaign of the planner's departments with its state, progress and why it is not dialing. */
export function CampaignList(_p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialingText = useDialingText();
  const [campaigns, setCampaigns] = useState<CampaignView[] | null>(null);
  const [live, setLive] = useState<Record<string, CampaignLiveView>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    try {
      const all = await api<CampaignView[]>('GET', '/campaigns');
      const views = await Promise.all(
        all
          .filter((c) => LIVE_STATES.has(c.state))
          .map((c) => api<CampaignLiveView>('GET', `/campaigns/${c.id}/live`).catch(() => null)),
      );
      const byId: Record<string, CampaignLiveView> = {};
      for (const v of views) if (v) byId[v.campaignId] = v;
      setCampaigns(all);
      setLive(byId);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  usePoll(load, 5000);
  return (
    <div className="planner">
      <h1>{t('planner.campaigns.title')}</h1>
      <LoadError error={error} />
      <section className="card">
        {campaigns && campaigns.length === 0 && <p className="muted">{t('planner.campaigns.none')}</p>}
        {campaigns && campaigns.length > 0 && (
          <table data-testid="campaign-list">
            <thead>
              <tr>
                <th scope="col">{t('planner.campaigns.name')}</th>
                <th scope="col">{t('planner.campaigns.state')}</th>
                <th scope="col">{t('planner.campaigns.mode')}</th>
                <th scope="col">{t('planner.campaigns.progress')}</th>
                <th scope="col">{t('planner.campaigns.deadline')}</th>
                <th scope="col">{t('planner.campaigns.dialing')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => {
                const total = c.contacts.total;
                const done = ['done', 'exhausted', 'dnc', 'excluded'].reduce(
                  (n, k) => n + (c.contacts.byStatus[k] ?? 0),
                  0,
                );
                const l = live[c.id];
                return (
                  <tr key={c.id} data-campaign={c.id}>
                    <td>
                      <Link to={`/planner/campaigns/${c.id}`}>{c.name}</Link>
                    </td>
                    <td>
                      <StateBadge kind="campaign" value={c.state} />
                    </td>
                    <td>{t(`planner.modes.${c.mode}`)}</td>
                    <td>{t('planner.campaigns.done', { done: f.number(done), total: f.number(total) })}</td>
                    <td>{c.deadline ? f.dateTime(c.deadline) : '—'}</td>
                    <td data-testid="why-not-dialing" className={l ? (l.dialing.dialing ? 'good' : 'bad') : 'muted'}>
                      {l ? dialingText(l.dialing) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export default CampaignList;
