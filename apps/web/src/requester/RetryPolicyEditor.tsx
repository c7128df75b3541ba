import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { FieldError, describedBy } from '../components/FieldError';

export const OUTCOMES = ['busy', 'noAnswer', 'machine', 'failed', 'abandoned', 'congestion'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type RetryRules = Record<Outcome, { retryAfterMinutes: number; maxRetries: number }> & {
  maxAttemptsPerContact: number;
};

export const DEFAULT_RULES: RetryRules = {
  busy: { retryAfterMinutes: 120, maxRetries: 3 },
  noAnswer: { retryAfterMinutes: 120, maxRetries: 3 },
  machine: { retryAfterMinutes: 240, maxRetries: 2 },
  failed: { retryAfterMinutes: 60, maxRetries: 2 },
  abandoned: { retryAfterMinutes: 60, maxRetries: 2 },
  congestion: { retryAfterMinutes: 10, maxRetries: 3 },
  maxAttemptsPerContact: 6,
};

/** A catalogue sentence with `{{name}}` slots filled by elements (inputs), so each language keeps its word order. */
export function Sentence(p: { text: string; slots: Record<string, ReactNode> }) {
  const parts = p.text.split(/(\{\{\w+\}\})/);
  return (
    <>
      {parts.map((part, i) => {
        const m = /^\{\{(\w+)\}\}$/.exec(part);
        return <Fragment key={i}>{m ? p.slots[m[1]] : part}</Fragment>;
      })}
    </>
  );
}

/** In hours when whole hours, else in minutes. */
export const inUnit = (minutes: number): { n: number; unit: 'hours' | 'minutes' } =>
  minutes % 60 === 0 ? { n: minutes / 60, unit: 'hours' } : { n: minutes, unit: 'minutes' };

/** "busy: again after 2 hours, at most 3 times", per outcome, each number editable in place. */
export function RetryPolicyEditor(p: { rules: RetryRules; onChange: (r: RetryRules) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const set = (o: Outcome, patch: Partial<RetryRules[Outcome]>) =>
    p.onChange({ ...p.rules, [o]: { ...p.rules[o], ...patch } });
  return (
    <fieldset className="retry">
      <legend>{t('requester.form.retry')}</legend>
      <ul className="plain">
        {OUTCOMES.map((o) => {
          const { n, unit } = inUnit(p.rules[o].retryAfterMinutes);
          const afterId = `retry-${o}-after`;
          const timesId = `retry-${o}-times`;
          return (
            <li key={o} data-outcome={o}>
              <strong>{t(`requester.outcomes.${o}`)}</strong>
              {t('requester.retry.colon')}
              <Sentence
                text={t('requester.retry.sentence', { after: '{{after}}', unit: '{{unit}}', times: '{{times}}' })}
                slots={{
                  after: (
                    <input
                      type="number"
                      min={1}
                      className="num"
                      value={n}
                      aria-label={t('requester.retry.afterLabel', { outcome: t(`requester.outcomes.${o}`) })}
                      {...describedBy(afterId, p.error, `retryPolicy.${o}.retryAfterMinutes`)}
                      onChange={(e) =>
                        set(o, { retryAfterMinutes: Number(e.target.value) * (unit === 'hours' ? 60 : 1) })
                      }
                    />
                  ),
                  unit: (
                    <select
                      value={unit}
                      aria-label={t('requester.retry.unitLabel', { outcome: t(`requester.outcomes.${o}`) })}
                      onChange={(e) =>
                        set(o, {
                          retryAfterMinutes: e.target.value === 'hours' ? n * 60 : n,
                        })
                      }
                    >
                      <option value="minutes">{t('requester.retry.minutes', { count: n })}</option>
                      <option value="hours">{t('requester.retry.hours', { count: n })}</option>
                    </select>
                  ),
                  times: (
                    <input
                      type="number"
                      min={0}
                      className="num"
                      value={p.rules[o].maxRetries}
                      aria-label={t('requester.retry.timesLabel', { outcome: t(`requester.outcomes.${o}`) })}
                      {...describedBy(timesId, p.error, `retryPolicy.${o}.maxRetries`)}
                      onChange={(e) => set(o, { maxRetries: Number(e.target.value) })}
                    />
                  ),
                }}
              />
              <FieldError id={afterId} error={p.error} field={`retryPolicy.${o}.retryAfterMinutes`} />
              <FieldError id={timesId} error={p.error} field={`retryPolicy.${o}.maxRetries`} />
            </li>
          );
        })}
        <li>
          <Sentence
            text={t('requester.retry.maxAttempts', { n: '{{n}}' })}
            slots={{
              n: (
                <input
                  type="number"
                  min={1}
                  className="num"
                  value={p.rules.maxAttemptsPerContact}
                  aria-label={t('requester.retry.maxAttemptsLabel')}
                  {...describedBy('retry-max', p.error, 'retryPolicy.maxAttemptsPerContact')}
                  onChange={(e) => p.onChange({ ...p.rules, maxAttemptsPerContact: Number(e.target.value) })}
                />
              ),
            }}
          />
          <FieldError id="retry-max" error={p.error} field="retryPolicy.maxAttemptsPerContact" />
        </li>
      </ul>
    </fieldset>
  );
}

/** The policy in words, read-only (the brief's page). */
export function retryInWords(t: (k: string, o?: Record<string, unknown>) => string, rules: RetryRules): string[] {
  return OUTCOMES.map((o) => {
    const { n, unit } = inUnit(rules[o].retryAfterMinutes);
    return t('requester.retry.words', {
      outcome: t(`requester.outcomes.${o}`),
      n,
      unit: t(`requester.retry.${unit}`, { count: n }),
      times: rules[o].maxRetries,
    });
  });
}
