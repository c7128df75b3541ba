// Calling windows and retry policies as people read them: a week table and sentences, through the catalogue and Intl.
import { useTranslation } from 'react-i18next';
import type { CallingWindows, RetryOutcome, RetryPolicy } from '@app/briefs';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const OUTCOMES: RetryOutcome[] = ['busy', 'noAnswer', 'machine', 'failed', 'abandoned', 'congestion'];

export function WindowsTable(p: { windows: CallingWindows; caption?: string }) {
  const { t } = useTranslation();
  const w = p.windows;
  const flags = (['evenings', 'weekends', 'holidays'] as const).map((k) =>
    t(w[k] ? `planner.windows.${k}Yes` : `planner.windows.${k}No`),
  );
  return (
    <div className="pl-windows">
      <table>
        {p.caption && <caption>{p.caption}</caption>}
        <tbody>
          {DAYS.map((d) => {
            const ranges = w.weekdays?.find((x) => x.day === d)?.ranges ?? [];
            return (
              <tr key={d}>
                <th scope="row">{t(`planner.days.${d}`)}</th>
                <td>
                  {ranges.length ? ranges.map((r) => `${r.from}–${r.to}`).join(', ') : t('planner.windows.closed')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        {flags.join(' · ')} · {t('planner.windows.zone', { zone: w.timeZone })}
      </p>
    </div>
  );
}

/** "busy: again after 2 hours, at most 3 times" per outcome, then the cap per contact. */
export function RetryWords(p: { policy: RetryPolicy }) {
  const { t, i18n } = useTranslation();
  const after = (min: number) => {
    const unit = min % 60 === 0 ? 'hour' : 'minute';
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'long' }).format(
      unit === 'hour' ? min / 60 : min,
    );
  };
  return (
    <ul className="pl-retry">
      {OUTCOMES.filter((o) => p.policy[o]).map((o) => (
        <li key={o}>
          {t('planner.retry.rule', {
            outcome: t(`planner.retry.outcomes.${o}`),
            after: after(p.policy[o].retryAfterMinutes),
            n: p.policy[o].maxRetries,
          })}
        </li>
      ))}
      {p.policy.maxAttemptsPerContact !== undefined && (
        <li>{t('planner.retry.cap', { n: p.policy.maxAttemptsPerContact })}</li>
      )}
    </ul>
  );
}
