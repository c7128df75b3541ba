import { useTranslation } from 'react-i18next';
import type { WiderPart } from '@app/campaigns';
import { useFormat, type Format } from '../format';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Words one way a campaign's calling windows go beyond its brief's (`widerThanBriefParts`), through the catalogue. */
export function wordWider(p: WiderPart, t: T, f: Format): string {
  const hours = (ranges: string[]) => f.list(ranges.map((r) => r.replace('-', '–')));
  switch (p.kind) {
    case 'hours':
      return t('planner.wider.hours', {
        days: f.list(p.days.map((d) => t(`planner.days.${d}`))),
        extra: hours(p.extra),
        brief: p.brief.length ? hours(p.brief) : t('planner.wider.noCalls'),
      });
    case 'evenings':
      return t('planner.wider.evenings');
    case 'weekends':
      return t('planner.wider.weekends');
    case 'holidays':
      return t('planner.wider.holidays');
    case 'holiday-dates':
      return t('planner.wider.holidayDates', { dates: f.list(p.dates.map((d) => f.date(d))) });
  }
}

/** `wordWider` in the page's language. */
export function useWiderText(): (p: WiderPart) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (p) => wordWider(p, t as T, f);
}
