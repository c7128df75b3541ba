import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { AdminPage, Field, listText, parseList, parseSkills, skillsText, useList, type Message } from './common';
import type { AgentProfile } from './types';

interface Draft {
  skills: string;
  endpoint: string;
  endpoints: string;
  groups: string;
  blended: boolean;
}
const draftOf = (a: AgentProfile): Draft => ({
  skills: skillsText(a.skills),
  endpoint: a.endpoint ?? '',
  endpoints: listText(a.endpoints),
  groups: listText(a.groups),
  blended: a.blended,
});

/** One agent's skills, phones (default and further endpoints), groups and blending, saved with PATCH /agents/:id. */
function AgentRow(p: { a: AgentProfile; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(p.a));
  const [error, setError] = useState<ApiError | null>(null);
  const id = `agent-${p.a.id}`;
  const save = async () => {
    setError(null);
    try {
      await api('PATCH', `/agents/${p.a.id}`, {
        skills: parseSkills(d.skills),
        endpoint: d.endpoint.trim() || null,
        endpoints: parseList(d.endpoints),
        groups: parseList(d.groups),
        blended: d.blended,
      });
      p.onSaved(p.a.displayName);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <tr data-agent={p.a.email}>
      <th scope="row">
        {p.a.displayName}
        <div className="muted small">{p.a.email}</div>
      </th>
      <td colSpan={4}>
        <form
          className="admin-form inline"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field id={`${id}-skills`} label={t('admin.agents.skills')} field="skills" error={error}>
            {(a) => (
              <input
                {...a}
                value={d.skills}
                placeholder="french:5, english:3"
                onChange={(e) => setD({ ...d, skills: e.target.value })}
                data-testid="agent-skills"
              />
            )}
          </Field>
          <Field id={`${id}-endpoint`} label={t('admin.agents.endpoint')} field="endpoint" error={error}>
            {(a) => (
              <input
                {...a}
                value={d.endpoint}
                placeholder="PJSIP/agent-1001"
                onChange={(e) => setD({ ...d, endpoint: e.target.value })}
                data-testid="agent-endpoint"
              />
            )}
          </Field>
          <Field id={`${id}-endpoints`} label={t('admin.agents.endpoints')} field="endpoints" error={error}>
            {(a) => (
              <input
                {...a}
                value={d.endpoints}
                onChange={(e) => setD({ ...d, endpoints: e.target.value })}
                data-testid="agent-endpoints"
              />
            )}
          </Field>
          <Field id={`${id}-groups`} label={t('admin.agents.groups')} field="groups" error={error}>
            {(a) => <input {...a} value={d.groups} onChange={(e) => setD({ ...d, groups: e.target.value })} />}
          </Field>
          <label className="choice">
            <input type="checkbox" checked={d.blended} onChange={(e) => setD({ ...d, blended: e.target.checked })} />
            {t('admin.agents.blended')}
          </label>
          <button type="submit" data-testid="agent-save">
            {t('admin.save')}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** Agents with their skills and assigned phones. */
export default function Agents({ user }: PageProps) {
  const { t } = useTranslation();
  const { items, reload } = useList(() => api<AgentProfile[]>('GET', '/agents'));
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <AdminPage user={user} section="agents" message={message}>
      <section className="card">
        <p className="muted">{t('admin.agents.help')}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.agents.agent')}</th>
              <th scope="col" colSpan={4}>
                {t('admin.agents.settings')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map((a) => (
              <AgentRow
                key={`${a.id}-${a.updatedAt}`}
                a={a}
                onSaved={(name) => {
                  setMessage({ kind: 'info', text: t('admin.agents.saved', { name }) });
                  void reload();
                }}
              />
            ))}
          </tbody>
        </table>
      </section>
    </AdminPage>
  );
}
