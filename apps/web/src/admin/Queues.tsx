import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { FormError } from '../components/FieldError';
import { useFormat } from '../format';
import { AdminPage, errorText, Field, parseSkills, skillsText, useList, type Message } from './common';
import type { AgentProfile, IvrMenu, Queue, QueueMembership, Strategy } from './types';

const STRATEGIES: Strategy[] = [
  'longest-idle',
  'round-robin',
  'fewest-calls',
  'random',
  'linear',
  'skills-based',
  'ring-all',
];

function Members(p: { q: Queue; agents: AgentProfile[]; onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const { items, reload } = useList(() => api<QueueMembership[]>('GET', `/queues/${p.q.id}/members`), [p.q.id]);
  const [agentId, setAgentId] = useState('');
  const name = (id: string) => p.agents.find((a) => a.id === id)?.displayName ?? id;
  const add = async () => {
    try {
      await api('PUT', `/queues/${p.q.id}/members`, { agentId });
      p.onMessage({ kind: 'info', text: t('admin.queues.memberAdded', { name: name(agentId), queue: p.q.name }) });
      setAgentId('');
      await reload();
    } catch (e) {
      p.onMessage({ kind: 'error', text: errorText(e) });
    }
  };
  const remove = async (id: string) => {
    try {
      await api('DELETE', `/queues/${p.q.id}/members/${id}`);
      await reload();
    } catch (e) {
      p.onMessage({ kind: 'error', text: errorText(e) });
    }
  };
  const members = items ?? [];
  return (
    <div className="members">
      <ul>
        {members.map((m) => (
          <li key={m.agentId}>
            {name(m.agentId)}{' '}
            <button type="button" className="link" onClick={() => void remove(m.agentId)}>
              {t('admin.remove')}
            </button>
          </li>
        ))}
        {members.length === 0 && <li className="muted">{t('admin.queues.noMembers')}</li>}
      </ul>
      <div className="row">
        <label>
          {t('admin.queues.addMember')}
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            <option value="">{t('admin.choose')}</option>
            {p.agents
              .filter((a) => a.departmentId === p.q.departmentId && !members.some((m) => m.agentId === a.id))
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
          </select>
        </label>
        <button type="button" disabled={!agentId} onClick={() => void add()}>
          {t('admin.add')}
        </button>
      </div>
    </div>
  );
}

/** IVR menus: list, and a simple new menu whose digits lead to queues. */
function Menus(p: { queues: Queue[]; onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const { items, reload } = useList(() => api<IvrMenu[]>('GET', '/ivr-menus'));
  const [form, setForm] = useState({ name: '', prompt: '', digit: '1', queueId: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const qName = (id?: string) => p.queues.find((q) => q.id === id)?.name ?? id ?? '—';
  const create = async () => {
    setError(null);
    try {
      await api('POST', '/ivr-menus', {
        name: form.name,
        prompt: form.prompt,
        choices: form.queueId ? { [form.digit]: { queueId: form.queueId } } : {},
      });
      p.onMessage({ kind: 'info', text: t('admin.ivr.created', { name: form.name }) });
      setForm({ name: '', prompt: '', digit: '1', queueId: '' });
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section className="card" aria-labelledby="ivr-title">
      <h2 id="ivr-title">{t('admin.ivr.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.ivr.name')}</th>
            <th scope="col">{t('admin.ivr.prompt')}</th>
            <th scope="col">{t('admin.ivr.choices')}</th>
          </tr>
        </thead>
        <tbody>
          {(items ?? []).map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>
                <code>{m.prompt}</code>
              </td>
              <td>
                {Object.entries(m.choices)
                  .map(([d, c]) => `${d} → ${c.queueId ? qName(c.queueId) : t('admin.ivr.menu')}`)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('admin.ivr.new')}</h3>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field id="ivr-name" label={t('admin.ivr.name')} field="name" error={error}>
          {(a) => <input {...a} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field id="ivr-prompt" label={t('admin.ivr.prompt')} field="prompt" error={error}>
          {(a) => (
            <input
              {...a}
              value={form.prompt}
              placeholder="sound:welcome-menu"
              onChange={(e) => setForm({ ...form, prompt: e.target.value })}
            />
          )}
        </Field>
        <Field id="ivr-digit" label={t('admin.ivr.digit')} field={`choices.${form.digit}`} error={error}>
          {(a) => (
            <select {...a} value={form.digit} onChange={(e) => setForm({ ...form, digit: e.target.value })}>
              {['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'].map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          )}
        </Field>
        <label className="admin-field">
          {t('admin.ivr.toQueue')}
          <select value={form.queueId} onChange={(e) => setForm({ ...form, queueId: e.target.value })}>
            <option value="">{t('admin.choose')}</option>
            {p.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('admin.create')}</button>
      </form>
      <FormError error={error} shownFields={['name', 'prompt', 'choices']} />
    </section>
  );
}

/** Queues with their settings and member agents; IVR menus. */
export default function Queues({ user }: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { items, reload } = useList(() => api<Queue[]>('GET', '/queues'));
  const agents = useList(() => api<AgentProfile[]>('GET', '/agents')).items ?? [];
  const [message, setMessage] = useState<Message | null>(null);
  const blank = {
    name: '',
    strategy: 'longest-idle' as Strategy,
    serviceLevelSeconds: '20',
    maxWaitSeconds: '300',
    wrapUpSeconds: '10',
    requiredSkills: '',
  };
  const [form, setForm] = useState(blank);
  const [error, setError] = useState<ApiError | null>(null);
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const create = async () => {
    setError(null);
    try {
      const body = {
        name: form.name,
        strategy: form.strategy,
        serviceLevelSeconds: num(form.serviceLevelSeconds),
        maxWaitSeconds: num(form.maxWaitSeconds),
        wrapUpSeconds: num(form.wrapUpSeconds),
        ...(form.requiredSkills.trim() ? { requiredSkills: parseSkills(form.requiredSkills) } : {}),
      };
      const q = await api<Queue>('POST', '/queues', body);
      setMessage({ kind: 'info', text: t('admin.queues.created', { name: q.name }) });
      setForm(blank);
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const queues = items ?? [];
  return (
    <AdminPage user={user} section="queues" message={message}>
      <section className="card" aria-labelledby="queue-new">
        <h2 id="queue-new">{t('admin.queues.new')}</h2>
        <form
          className="admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Field id="queue-name" label={t('admin.queues.name')} field="name" error={error}>
            {(a) => (
              <input
                {...a}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
                data-testid="queue-name"
              />
            )}
          </Field>
          <Field id="queue-strategy" label={t('admin.queues.strategy')} field="strategy" error={error}>
            {(a) => (
              <select
                {...a}
                value={form.strategy}
                onChange={(e) => setForm({ ...form, strategy: e.target.value as Strategy })}
              >
                {STRATEGIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`admin.queues.strategies.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="queue-sl" label={t('admin.queues.serviceLevel')} field="serviceLevelSeconds" error={error}>
            {(a) => (
              <input
                {...a}
                type="number"
                value={form.serviceLevelSeconds}
                onChange={(e) => setForm({ ...form, serviceLevelSeconds: e.target.value })}
                data-testid="queue-sl"
              />
            )}
          </Field>
          <Field id="queue-wait" label={t('admin.queues.maxWait')} field="maxWaitSeconds" error={error}>
            {(a) => (
              <input
                {...a}
                type="number"
                value={form.maxWaitSeconds}
                onChange={(e) => setForm({ ...form, maxWaitSeconds: e.target.value })}
              />
            )}
          </Field>
          <Field id="queue-wrap" label={t('admin.queues.wrapUp')} field="wrapUpSeconds" error={error}>
            {(a) => (
              <input
                {...a}
                type="number"
                value={form.wrapUpSeconds}
                onChange={(e) => setForm({ ...form, wrapUpSeconds: e.target.value })}
              />
            )}
          </Field>
          <Field id="queue-skills" label={t('admin.queues.skills')} field="requiredSkills" error={error}>
            {(a) => (
              <input
                {...a}
                value={form.requiredSkills}
                placeholder="french:3"
                onChange={(e) => setForm({ ...form, requiredSkills: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="primary" data-testid="queue-create">
            {t('admin.create')}
          </button>
        </form>
        <FormError
          error={error}
          shownFields={['name', 'strategy', 'serviceLevelSeconds', 'maxWaitSeconds', 'wrapUpSeconds', 'requiredSkills']}
        />
      </section>
      <section className="card" aria-labelledby="queue-list">
        <h2 id="queue-list">{t('admin.queues.list')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.queues.name')}</th>
              <th scope="col">{t('admin.queues.strategy')}</th>
              <th scope="col">{t('admin.queues.targets')}</th>
              <th scope="col">{t('admin.queues.skills')}</th>
              <th scope="col">{t('admin.queues.members')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.id} data-queue={q.name}>
                <td>{q.name}</td>
                <td>{t(`admin.queues.strategies.${q.strategy}`)}</td>
                <td>
                  {t('admin.queues.targetsText', {
                    sl: f.number(q.serviceLevelSeconds),
                    wait: f.number(q.maxWaitSeconds),
                    wrap: f.number(q.wrapUpSeconds),
                  })}
                </td>
                <td>{skillsText(q.requiredSkills) || '—'}</td>
                <td>
                  <Members q={q} agents={agents} onMessage={setMessage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Menus queues={queues} onMessage={setMessage} />
    </AdminPage>
  );
}
