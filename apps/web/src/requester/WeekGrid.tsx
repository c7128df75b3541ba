import { useTranslation } from 'react-i18next';
import { DAYS, EVENING_HOUR, WEEKEND, hasEvening, hasWeekend, type HourGrid } from './windows';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London', 'Asia/Shanghai', 'America/New_York'];
  }
})();

/**
 * The calling windows as a week of hours: a cell is one hour on one day in the contacts' time zone. Evenings and
 * weekends are what the grid holds (unticking clears those hours, ticking adds the usual ones); holidays is a flag.
 */
export function WeekGrid(p: {
  grid: HourGrid;
  onGrid: (g: HourGrid) => void;
  holidays: boolean;
  onHolidays: (v: boolean) => void;
  timeZone: string;
  onTimeZone: (z: string) => void;
  invalid?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const dayName = (d: string) => t(`requester.days.${d}`);
  const hourText = (h: number) =>
    new Intl.DateTimeFormat(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(Date.UTC(2026, 0, 1, h));
  const set = (change: (g: HourGrid) => void) => {
    const g = Object.fromEntries(DAYS.map((d) => [d, [...p.grid[d]]])) as HourGrid;
    change(g);
    p.onGrid(g);
  };
  const evening = hasEvening(p.grid);
  const weekend = hasWeekend(p.grid);
  return (
    <fieldset className="week-grid" aria-invalid={p.invalid || undefined}>
      <legend>{t('requester.form.windows')}</legend>
      <p className="muted small">{t('requester.grid.help')}</p>
      <div className="grid-scroll">
        <table className="hours" data-testid="week-grid">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('requester.grid.day')}</span>
              </th>
              {HOURS.map((h) => (
                <th key={h} scope="col" className={h >= EVENING_HOUR ? 'evening' : undefined}>
                  {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
                  <span className="sr-only">{h % 3 === 0 ? '' : hourText(h)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAYS.map((d) => (
              <tr key={d} className={WEEKEND.includes(d) ? 'weekend' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="day"
                    onClick={() =>
                      set((g) => {
                        const any = g[d].some(Boolean);
                        g[d] = HOURS.map((h) => !any && h >= 9 && h < 18);
                      })
                    }
                  >
                    {t(`requester.daysShort.${d}`)}
                    <span className="sr-only">{t('requester.grid.toggleDay', { day: dayName(d) })}</span>
                  </button>
                </th>
                {HOURS.map((h) => (
                  <td key={h} className={h >= EVENING_HOUR ? 'evening' : undefined}>
                    <button
                      type="button"
                      className={`cell${p.grid[d][h] ? ' on' : ''}`}
                      aria-pressed={p.grid[d][h]}
                      aria-label={t('requester.grid.cell', { day: dayName(d), from: hourText(h) })}
                      data-cell={`${d}-${h}`}
                      onClick={() => set((g) => void (g[d][h] = !g[d][h]))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={evening}
            name="evenings"
            onChange={(e) =>
              set((g) => {
                for (const d of DAYS)
                  for (let h = EVENING_HOUR; h < 24; h++)
                    g[d][h] = e.target.checked ? h < 21 && (g[d].some(Boolean) || !WEEKEND.includes(d)) : false;
              })
            }
          />
          {t('requester.grid.evenings')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={weekend}
            name="weekends"
            onChange={(e) =>
              set((g) => {
                for (const d of WEEKEND) g[d] = HOURS.map((h) => e.target.checked && h >= 10 && h < 17);
              })
            }
          />
          {t('requester.grid.weekends')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={p.holidays}
            name="holidays"
            onChange={(e) => p.onHolidays(e.target.checked)}
          />
          {t('requester.grid.holidays')}
        </label>
        <label>
          {t('requester.grid.timeZone')}
          <input
            list="time-zones"
            name="timeZone"
            value={p.timeZone}
            onChange={(e) => p.onTimeZone(e.target.value)}
            required
          />
          <datalist id="time-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
      </div>
    </fieldset>
  );
}
