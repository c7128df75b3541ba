import { useTranslation } from 'react-i18next';
import type { DialingStatus } from '@app/dialer-core';
import { useFormat } from './format';

/**
 * Why a campaign is or is not dialing, in the interface's language: each hold reason's code through the catalogue
 * (with "until" through Intl); the server's own sentence only for a code the catalogue does not know yet.
 */
export function useDialingText(): (s: DialingStatus) => string {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  return (s) => {
    if (s.dialing) return t('wallboard.dialing');
    const r = s.reasons[0];
    if (!r || !i18n.exists(`holdReasons.${r.code}`)) return t('wallboard.notDialing', { summary: s.summary });
    const why = t(`holdReasons.${r.code}`);
    const more = r.until ? t('holdReasons.until', { at: f.dateTime(r.until) }) : '';
    return t('wallboard.notDialing', { summary: why + more });
  };
}
