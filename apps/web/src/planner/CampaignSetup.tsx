import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefView, CallingWindows } from '@app/briefs';
import type { CampaignView } from '@app/campaigns';
import { api, type ApiError } from '../api';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { CampaignForm } from './CampaignForm';
import { Field, Link, LoadError, Loading, useResource } from './shared';

/** A new campaign from an accepted brief: its windows, pilot size and priority to start with. */
export function CampaignSetup(p: PageProps) {
  const { t } = useTranslation();
  const brief = useResource<BriefView>(`/briefs/${p.params.id}`);
  const b = brief.data;
  const [contacts, setContacts] = useState<'all' | 'not-finished' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (brief.error) return <LoadError error={brief.error} />;
  if (!b) return <Loading />;
  const name = b.campaigns.length ? `${b.title} – ${b.campaigns.length + 1}` : b.title;
  // A further campaign of the brief (a wave) calls, by default, only the contacts not finished in earlier ones.
  const which = contacts ?? (b.campaigns.length ? 'not-finished' : 'all');
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
            try {
              const c = await api<CampaignView>('POST', `/briefs/${b.id}/campaign`, { ...body, contacts: which });
              navigate(`/planner/campaigns/${c.id}`);
            } catch (e) {
              setError(e as ApiError);
              throw e;
            }
          }}
        >
          <Field id="cf-contacts" label={t('planner.setup.contacts')} field="contacts" error={error}>
            {(a) => (
              <select {...a} value={which} onChange={(e) => setContacts(e.target.value as 'all' | 'not-finished')}>
                <option value="all">{t('planner.setup.contactsAll')}</option>
                <option value="not-finished">{t('planner.setup.contactsNotFinished')}</option>
              </select>
            )}
          </Field>
        </CampaignForm>
      </section>
    </div>
  );
}

export default CampaignSetup;
