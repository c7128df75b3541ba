// Every setting of a campaign, as the planner sets it up from a brief (POST) or adjusts it between pilot rounds (PATCH).
import { reasonText } from '../errors';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallingWindows } from '@app/briefs';
import type { CampaignSettingsDto, CampaignView } from '@app/campaigns';
import type { CampaignMode, DispositionCategory, MachineAction } from '@app/database';
import type { ScriptWithVersions } from '@app/scripts';
import { HHMM } from '@libs/briefs/src/calling-windows';
import { widerThanBriefParts } from '@libs/campaigns/src/campaign-windows';
import { DEFAULT_DISPOSITIONS } from '@libs/campaigns/src/campaign-settings';
import { api, type ApiError } from '../api';
import { describedBy, FieldError } from '../components/FieldError';
import { Field, OtherErrors } from './shared';
import { DAYS } from './windows';
import { useWiderText } from './wider';

const MODES: CampaignMode[] = ['preview', 'progressive', 'predictive'];
const CATEGORIES: DispositionCategory[] = ['success', 'contact', 'no-contact', 'callback', 'do-not-call'];
const MACHINE: MachineAction[] = ['hangup', 'message'];

interface FormState {
  name: string;
  mode: CampaignMode;
  scriptVersionId: string;
  agentGroup: string;
  skills: string;
  callerId: string;
  abandonCapPercent: string;
  abandonWindowHours: string;
  maxLinesPerAgent: string;
  ringTimeoutSeconds: string;
  amdEnabled: boolean;
  machineAction: MachineAction;
  machineMessage: string;
  abandonMessage: string;
  dispositions: { code: string; label: string; category: DispositionCategory }[];
  wrapUpSeconds: string;
  previewAutoDialSeconds: string;
  /** One text per day: "09:00-12:00, 13:00-17:00"; empty: no calls that day. */
  days: Record<string, string>;
  evenings: boolean;
  weekends: boolean;
  holidays: boolean;
  timeZone: string;
  holidayDates: string[];
  allowWiderWindows: boolean;
  pilotSize: string;
  priority: string;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));

function initial(c: Partial<CampaignView> & { windows: unknown }, fallbackName: string): FormState {
  const w = c.windows as unknown as CallingWindows;
  const pacing = (c.pacing ?? {}) as Record<string, unknown>;
  const days: Record<string, string> = {};
  for (const d of DAYS)
    days[d] = (w.weekdays.find((x) => x.day === d)?.ranges ?? []).map((r) => `${r.from}-${r.to}`).join(', ');
  const own = (c.dispositions ?? []).filter((d) => !d.system);
  return {
    name: c.name ?? fallbackName,
    mode: c.mode ?? 'progressive',
    scriptVersionId: c.scriptVersionId ?? '',
    agentGroup: c.agentGroup ?? '',
    skills: Object.entries(c.requiredSkills ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
    callerId: c.callerId ?? '',
    abandonCapPercent: str(pacing.abandonCapPercent ?? 3),
    abandonWindowHours: str(pacing.abandonWindowHours ?? 24),
    maxLinesPerAgent: str(pacing.maxLinesPerAgent ?? ''),
    ringTimeoutSeconds: str(pacing.ringTimeoutSeconds ?? 25),
    amdEnabled: c.amdEnabled ?? false,
    machineAction: c.machineAction ?? 'hangup',
    machineMessage: c.machineMessage ?? '',
    abandonMessage: c.abandonMessage ?? '',
    dispositions: (own.length ? own : DEFAULT_DISPOSITIONS).map((d) => ({
      code: d.code,
      label: d.label,
      category: d.category,
    })),
    wrapUpSeconds: str(c.wrapUpSeconds ?? 15),
    previewAutoDialSeconds: str(c.previewAutoDialSeconds ?? ''),
    days,
    evenings: w.evenings,
    weekends: w.weekends,
    holidays: w.holidays,
    timeZone: w.timeZone,
    holidayDates: w.holidayDates ?? [],
    // Windows already kept beyond the brief's (the campaign carries the warning) stay kept when adjusting.
    allowWiderWindows: (c.warnings ?? []).some((w) => w.field === 'windows'),
    pilotSize: str(c.pilotSize ?? ''),
    priority: str(c.priority ?? ''),
  };
}

/** The windows as the API takes them, and which `weekdays[i]` each day became (for the API's field errors). */
function windowsOf(s: FormState): { windows: CallingWindows; index: Record<string, number> } {
  const index: Record<string, number> = {};
  const weekdays: CallingWindows['weekdays'] = [];
  for (const d of DAYS) {
    const text = s.days[d].trim();
    if (!text) continue;
    index[d] = weekdays.length;
    weekdays.push({
      day: d,
      ranges: text.split(',').map((r) => {
        const [from = '', to = ''] = r.split('-').map((x) => x.trim());
        return { from, to };
      }),
    });
  }
  return {
    windows: {
      weekdays,
      evenings: s.evenings,
      weekends: s.weekends,
      holidays: s.holidays,
      holidayDates: s.holidayDates,
      timeZone: s.timeZone.trim(),
    },
    index,
  };
}

function bodyOf(s: FormState): CampaignSettingsDto {
  const skills: Record<string, number> = {};
  for (const part of s.skills.split(',')) {
    if (!part.trim()) continue;
    const [k, v] = part.split('=').map((x) => x.trim());
    skills[k] = Number(v);
  }
  const pacing = {
    abandonCapPercent: num(s.abandonCapPercent),
    abandonWindowHours: num(s.abandonWindowHours),
    maxLinesPerAgent: num(s.maxLinesPerAgent),
    ringTimeoutSeconds: num(s.ringTimeoutSeconds),
  };
  return {
    name: s.name.trim() || undefined,
    mode: s.mode,
    scriptVersionId: s.scriptVersionId || undefined,
    agentGroup: s.agentGroup.trim() || undefined,
    requiredSkills: skills,
    callerId: s.callerId.trim() || undefined,
    pacing,
    amdEnabled: s.amdEnabled,
    machineAction: s.machineAction,
    machineMessage: s.machineMessage.trim() || undefined,
    abandonMessage: s.abandonMessage.trim() || undefined,
    dispositions: s.dispositions,
    wrapUpSeconds: num(s.wrapUpSeconds),
    previewAutoDialSeconds: num(s.previewAutoDialSeconds),
    windows: windowsOf(s).windows as CampaignSettingsDto['windows'],
    pilotSize: num(s.pilotSize),
    priority: num(s.priority),
    allowWiderWindows: s.allowWiderWindows || undefined,
  };
}

/** The scripts of a brief with their versions, for the script version choice. */
export function useScriptVersions(briefId: string | null): { id: string; label: string }[] {
  const [out, setOut] = useState<{ id: string; label: string }[]>([]);
  useEffect(() => {
    if (!briefId) return;
    let stop = false;
    void (async () => {
      const all = await api<{ id: string; briefId: string | null }[]>('GET', '/scripts');
      const full = await Promise.all(
        all.filter((s) => s.briefId === briefId).map((s) => api<ScriptWithVersions>('GET', `/scripts/${s.id}`)),
      );
      if (!stop)
        setOut(
          full.flatMap((s) => [...s.versions].reverse().map((v) => ({ id: v.id, label: `${s.name} · v${v.version}` }))),
        );
    })().catch(() => undefined);
    return () => {
      stop = true;
    };
  }, [briefId]);
  return out;
}

export function CampaignForm(p: {
  /** Where the values start: the brief's windows (new) or the campaign's settings (adjust). */
  start: Partial<CampaignView> & { windows: unknown };
  fallbackName: string;
  briefWindows: CallingWindows | null;
  briefId: string | null;
  submitLabel: string;
  onSubmit: (body: CampaignSettingsDto) => Promise<void>;
  /** More fields of the same request (a new campaign's contacts), shown with the general ones. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [s, setS] = useState<FormState>(() => initial(p.start, p.fallbackName));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const versions = useScriptVersions(p.briefId);
  // The newest version of the brief's script is chosen once it is known (the planner may still choose none).
  const chosen = useRef(false);
  useEffect(() => {
    if (chosen.current || !versions[0]) return;
    chosen.current = true;
    setS((x) => (x.scriptVersionId ? x : { ...x, scriptVersionId: versions[0].id }));
  }, [versions]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setS((x) => ({ ...x, [k]: v }));
  const { windows, index } = windowsOf(s);
  const wellFormed = windows.weekdays.every((d) => d.ranges.every((r) => HHMM.test(r.from) && HHMM.test(r.to)));
  const widerText = useWiderText();
  const wider = (p.briefWindows && wellFormed ? widerThanBriefParts(windows, p.briefWindows) : []).map(widerText);
  const text = (k: keyof FormState, field: string, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={`cf-${k}`} label={label} field={field} error={error}>
      {(a) => <input {...a} {...extra} value={s[k] as string} onChange={(e) => set(k, e.target.value as never)} />}
    </Field>
  );
  const submit = async () => {
    setBusy(true);
    try {
      await p.onSubmit(bodyOf(s));
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  // Reasons about the windows as a whole (wider than the brief's, no day at all) go under the week grid.
  const dayPaths = Object.values(index).map((i) => `windows.weekdays[${i}]`);
  const windowsRest = (error?.details ?? []).filter(
    (d) =>
      (d.field === 'windows' || d.field.startsWith('windows.')) &&
      d.field !== 'windows.timeZone' &&
      !dayPaths.some((x) => d.field.startsWith(x + '.') || d.field === x),
  );
  const shown = [
    'name',
    'mode',
    'scriptVersionId',
    'agentGroup',
    'requiredSkills',
    'callerId',
    'pacing',
    'amdEnabled',
    'machineAction',
    'machineMessage',
    'abandonMessage',
    'dispositions',
    'wrapUpSeconds',
    'previewAutoDialSeconds',
    'windows',
    'pilotSize',
    'priority',
    'contacts',
  ];

  return (
    <form
      className="pl-campaign-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('planner.setup.general')}</legend>
        <div className="pl-cols">
          {text('name', 'name', t('planner.setup.name'))}
          <Field id="cf-mode" label={t('planner.setup.mode')} field="mode" error={error}>
            {(a) => (
              <select {...a} value={s.mode} onChange={(e) => set('mode', e.target.value as CampaignMode)}>
                {MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`planner.modes.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="cf-script" label={t('planner.setup.script')} field="scriptVersionId" error={error}>
            {(a) => (
              <select {...a} value={s.scriptVersionId} onChange={(e) => set('scriptVersionId', e.target.value)}>
                <option value="">{t('planner.setup.noScript')}</option>
                {s.scriptVersionId && !versions.some((v) => v.id === s.scriptVersionId) && (
                  <option value={s.scriptVersionId}>{t('planner.setup.currentScript')}</option>
                )}
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('callerId', 'callerId', t('planner.setup.callerId'), { placeholder: '+442071234567' })}
          {text('agentGroup', 'agentGroup', t('planner.setup.agentGroup'))}
          {text('skills', 'requiredSkills', t('planner.setup.skills'), { placeholder: 'french=5' })}
          {text('pilotSize', 'pilotSize', t('planner.setup.pilotSize'), { type: 'number', min: 1 })}
          {text('priority', 'priority', t('planner.setup.priority'), { type: 'number', min: 0, max: 100 })}
          {p.children}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('planner.setup.pacing')}</legend>
        <div className="pl-cols">
          {text('abandonCapPercent', 'pacing.abandonCapPercent', t('planner.setup.abandonCap'), {
            type: 'number',
            step: 0.01,
          })}
          <Field
            id="cf-window"
            label={t('planner.setup.abandonWindow')}
            field="pacing.abandonWindowHours"
            error={error}
          >
            {(a) => (
              <select {...a} value={s.abandonWindowHours} onChange={(e) => set('abandonWindowHours', e.target.value)}>
                <option value="24">{t('planner.setup.window24')}</option>
                <option value="720">{t('planner.setup.window720')}</option>
              </select>
            )}
          </Field>
          {text('maxLinesPerAgent', 'pacing.maxLinesPerAgent', t('planner.setup.maxLines'), { type: 'number' })}
          {text('ringTimeoutSeconds', 'pacing.ringTimeoutSeconds', t('planner.setup.ringTimeout'), { type: 'number' })}
          {text('wrapUpSeconds', 'wrapUpSeconds', t('planner.setup.wrapUp'), { type: 'number' })}
          {text('previewAutoDialSeconds', 'previewAutoDialSeconds', t('planner.setup.autoDial'), { type: 'number' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('planner.setup.machines')}</legend>
        <div className="pl-cols">
          <label className="choice">
            <input type="checkbox" checked={s.amdEnabled} onChange={(e) => set('amdEnabled', e.target.checked)} />
            {t('planner.setup.amd')}
          </label>
          <Field id="cf-machine" label={t('planner.setup.machineAction')} field="machineAction" error={error}>
            {(a) => (
              <select
                {...a}
                value={s.machineAction}
                onChange={(e) => set('machineAction', e.target.value as MachineAction)}
              >
                {MACHINE.map((m) => (
                  <option key={m} value={m}>
                    {t(`planner.setup.machine.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('machineMessage', 'machineMessage', t('planner.setup.machineMessage'))}
          {text('abandonMessage', 'abandonMessage', t('planner.setup.abandonMessage'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('planner.setup.dispositions')}</legend>
        <table className="pl-dispositions">
          <thead>
            <tr>
              <th scope="col">{t('planner.setup.code')}</th>
              <th scope="col">{t('planner.setup.label')}</th>
              <th scope="col">{t('planner.setup.category')}</th>
              <th scope="col">{t('planner.setup.success')}</th>
              <th scope="col">
                <span className="sr-only">{t('planner.setup.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.dispositions.map((d, i) => {
              const row = (patch: Partial<FormState['dispositions'][number]>) =>
                set(
                  'dispositions',
                  s.dispositions.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                );
              return (
                <tr key={i}>
                  <td>
                    <input
                      {...describedBy(`cf-d${i}-code`, error, `dispositions[${i}].code`)}
                      aria-label={t('planner.setup.code')}
                      value={d.code}
                      onChange={(e) => row({ code: e.target.value })}
                    />
                    <FieldError id={`cf-d${i}-code`} error={error} field={`dispositions[${i}].code`} />
                  </td>
                  <td>
                    <input
                      {...describedBy(`cf-d${i}-label`, error, `dispositions[${i}].label`)}
                      aria-label={t('planner.setup.label')}
                      value={d.label}
                      onChange={(e) => row({ label: e.target.value })}
                    />
                    <FieldError id={`cf-d${i}-label`} error={error} field={`dispositions[${i}].label`} />
                  </td>
                  <td>
                    <select
                      aria-label={t('planner.setup.category')}
                      value={d.category}
                      onChange={(e) => row({ category: e.target.value as DispositionCategory })}
                    >
                      {CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {t(`planner.categories.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {d.category === 'success' ? (
                      <span className="badge pl-good">{t('planner.setup.success')}</span>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      onClick={() =>
                        set(
                          'dispositions',
                          s.dispositions.filter((_, j) => j !== i),
                        )
                      }
                    >
                      {t('planner.setup.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <FieldError id="cf-dispositions" error={error} field="dispositions" />
        <button
          type="button"
          onClick={() => set('dispositions', [...s.dispositions, { code: '', label: '', category: 'contact' }])}
        >
          {t('planner.setup.addDisposition')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('planner.setup.windows')}</legend>
        <table className="pl-week">
          <tbody>
            {DAYS.map((d) => {
              const path = index[d] !== undefined ? `windows.weekdays[${index[d]}]` : `windows.${d}`;
              return (
                <tr key={d}>
                  <th scope="row">
                    <label htmlFor={`cf-day-${d}`}>{t(`planner.days.${d}`)}</label>
                  </th>
                  <td>
                    <input
                      {...describedBy(`cf-day-${d}`, error, path)}
                      value={s.days[d]}
                      placeholder={t('planner.setup.dayHint')}
                      onChange={(e) => set('days', { ...s.days, [d]: e.target.value })}
                      data-day={d}
                    />
                    <FieldError id={`cf-day-${d}`} error={error} field={path} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="pl-cols">
          {(['evenings', 'weekends', 'holidays'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="checkbox" checked={s[k]} onChange={(e) => set(k, e.target.checked)} data-flag={k} />
              {t(`planner.setup.${k}`)}
            </label>
          ))}
          {text('timeZone', 'windows.timeZone', t('planner.setup.timeZone'))}
        </div>
        {windowsRest.length > 0 && (
          <ul className="field-error" id="cf-windows-error" role="alert" data-field-error="windows">
            {windowsRest.map((d) => (
              <li key={d.field + d.reason}>{reasonText(d)}</li>
            ))}
          </ul>
        )}
        {wider.length > 0 && (
          <div className="pl-warning" role="status" data-testid="windows-warning">
            <p>{t('planner.setup.wider')}</p>
            <ul>
              {wider.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <label className="choice">
              <input
                type="checkbox"
                checked={s.allowWiderWindows}
                onChange={(e) => set('allowWiderWindows', e.target.checked)}
                data-testid="allow-wider"
              />
              {t('planner.setup.allowWider')}
            </label>
          </div>
        )}
        <FieldError id="cf-allow" error={error} field="allowWiderWindows" />
      </fieldset>
      <OtherErrors error={error} shownFields={shown} />
      <button type="submit" className="primary" disabled={busy} data-testid="campaign-submit">
        {p.submitLabel}
      </button>
    </form>
  );
}
