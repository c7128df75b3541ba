import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { FormError } from '../components/FieldError';
import { AdminPage, errorText, Field, useList, type Message } from './common';
import type { CreateUser, Department, Role, User } from './types';

const ROLES: Role[] = ['requester', 'planner', 'supervisor', 'agent', 'qa', 'admin'];

/** Users and roles: add a user (an agent gets an agent profile at once), change a role, deactivate. */
export default function Users({ user }: PageProps) {
  const { t } = useTranslation();
  const isAdmin = user.role === 'admin';
  const { items, reload } = useList(() => api<User[]>('GET', '/users'));
  const departments = useList(() => api<Department[]>('GET', '/departments')).items ?? [];
  const [message, setMessage] = useState<Message | null>(null);
  const blank: CreateUser = {
    email: '',
    displayName: '',
    password: '',
    role: 'agent',
    departmentId: user.departmentId,
  };
  const [form, setForm] = useState<CreateUser>(blank);
  const [error, setError] = useState<ApiError | null>(null);
  const depName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;

  const create = async () => {
    setError(null);
    try {
      const u = await api<User>('POST', '/users', form);
      // An agent needs an agent profile to log in on a phone: made here, its phone and skills set on the agents page.
      if (u.role === 'agent') await api('POST', '/agents', { userId: u.id });
      setForm(blank);
      setMessage({ kind: 'info', text: t('admin.users.created', { name: u.displayName, role: t(`roles.${u.role}`) }) });
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const update = async (u: User, body: Record<string, unknown>) => {
    try {
      await api('PATCH', `/users/${u.id}`, body);
      setMessage({ kind: 'info', text: t('admin.saved') });
      await reload();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <AdminPage user={user} section="users" message={message}>
      {isAdmin && (
        <section className="card" aria-labelledby="user-new">
          <h2 id="user-new">{t('admin.users.new')}</h2>
          <form
            className="admin-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <Field id="user-email" label={t('admin.users.email')} field="email" error={error}>
              {(a) => (
                <input
                  {...a}
                  type="email"
                  value={form.email}
                  onChange={(e) => setForm({ ...form, email: e.target.value })}
                />
              )}
            </Field>
            <Field id="user-name" label={t('admin.users.name')} field="displayName" error={error}>
              {(a) => (
                <input
                  {...a}
                  value={form.displayName}
                  onChange={(e) => setForm({ ...form, displayName: e.target.value })}
                />
              )}
            </Field>
            <Field id="user-password" label={t('admin.users.password')} field="password" error={error}>
              {(a) => (
                <input
                  {...a}
                  type="password"
                  autoComplete="new-password"
                  value={form.password}
                  onChange={(e) => setForm({ ...form, password: e.target.value })}
                />
              )}
            </Field>
            <Field id="user-role" label={t('admin.users.role')} field="role" error={error}>
              {(a) => (
                <select {...a} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="user-dep" label={t('admin.users.department')} field="departmentId" error={error}>
              {(a) => (
                <select
                  {...a}
                  value={form.departmentId}
                  onChange={(e) => setForm({ ...form, departmentId: e.target.value })}
                >
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="primary" data-testid="user-create">
              {t('admin.create')}
            </button>
          </form>
          <FormError error={error} shownFields={['email', 'displayName', 'password', 'role', 'departmentId']} />
        </section>
      )}
      <section className="card" aria-labelledby="user-list">
        <h2 id="user-list">{t('admin.users.list')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.department')}</th>
              <th scope="col">{t('admin.users.active')}</th>
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map((u) => (
              <tr key={u.id} data-user={u.email}>
                <td>{u.displayName}</td>
                <td>{u.email}</td>
                <td>
                  {isAdmin && u.id !== user.id ? (
                    <select
                      aria-label={t('admin.users.roleOf', { name: u.displayName })}
                      value={u.role}
                      onChange={(e) => void update(u, { role: e.target.value })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`roles.${u.role}`)
                  )}
                </td>
                <td>{depName(u.departmentId)}</td>
                <td>
                  {isAdmin && u.id !== user.id ? (
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={u.active}
                        onChange={(e) => void update(u, { active: e.target.checked })}
                      />
                      {t('admin.users.active')}
                    </label>
                  ) : u.active ? (
                    t('admin.yes')
                  ) : (
                    t('admin.no')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AdminPage>
  );
}
