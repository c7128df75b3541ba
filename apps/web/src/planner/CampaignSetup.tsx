import { useTranslation } from 'react-i18next';
import type { BriefView, CallingWindows } from '@app/briefs';
import type { CampaignView } from '@app/campaigns';
import { api } from '../api';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { CampaignForm } from './CampaignForm';
import { Link, LoadError, Loading, useResource } from './shared';

/** A new campaign from an accepted brief: its windows, pilot size and priority to start with. */
export function CampaignSetup(p: PageProps) {
  const { t } = useTranslation();
  const brief = useResource<BriefView>(`/briefs/${p.params.id}`);
  const b = brief.data;
  if (brief.error) return <LoadError error={brief.error} />;
  if (!b) return <Loading />;
  const name = b.campaigns.length ? `${b.title} – ${b.campaigns.length + 1}` : b.title;
  return (
    <div className="planner">
      <p>
        <Link to={`/planner/briefs/${b.id}`}>{t('planner.backToBrief')}</Link>
      </p>
      <h1>{t('planner.setup.title', { brief: b.title })}</h1>
      <section className="card">
        <CampaignForm
          start={{ windows: b.windows, pilotSize: b.pilotSize, priority: b.priority, name }}
          fallbackName={name}
          briefWindows={b.windows as unknown as CallingWindows}
          briefId={b.id}
          submitLabel={t('planner.setup.create')}
          onSubmit={async (body) => {
            const c = await api<CampaignView>('POST', `/briefs/${b.id}/campaign`, body);
            navigate(`/planner/campaigns/${c.id}`);
          }}
        />
      </section>
    </div>
  );
}

export default CampaignSetup;
