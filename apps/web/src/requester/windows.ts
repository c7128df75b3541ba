// The calling windows as a week grid of hours (what the form edits) and back to the API's ranges.
import type { CallingWindows, Weekday } from '@app/briefs';

export const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKEND: readonly Weekday[] = ['sat', 'sun'];
/** Evening calling starts here (the server's EVENING_STARTS, 18:00). */
export const EVENING_HOUR = 18;

/** day → 24 booleans, one per hour starting at HH:00. */
export type HourGrid = Record<Weekday, boolean[]>;

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function emptyGrid(): HourGrid {
  return Object.fromEntries(DAYS.map((d) => [d, Array<boolean>(24).fill(false)])) as HourGrid;
}

/** Weekdays 09:00–18:00: the usual start. */
export function officeHours(): HourGrid {
  const g = emptyGrid();
  for (const d of DAYS.slice(0, 5)) for (let h = 9; h < 18; h++) g[d][h] = true;
  return g;
}

export function gridFromWindows(w: Pick<CallingWindows, 'weekdays'>): HourGrid {
  const g = emptyGrid();
  for (const d of w.weekdays)
    for (const r of d.ranges) {
      const from = Number(r.from.slice(0, 2));
      const to = r.to === '24:00' ? 24 : Math.ceil(Number(r.to.slice(0, 2)) + Number(r.to.slice(3)) / 60);
      for (let h = from; h < to && h < 24; h++) g[d.day][h] = true;
    }
  return g;
}

export function weekdaysFromGrid(g: HourGrid): CallingWindows['weekdays'] {
  const out: CallingWindows['weekdays'] = [];
  for (const day of DAYS) {
    const ranges: { from: string; to: string }[] = [];
    let start = -1;
    for (let h = 0; h <= 24; h++) {
      const on = h < 24 && g[day][h];
      if (on && start < 0) start = h;
      if (!on && start >= 0) {
        ranges.push({ from: hh(start), to: h === 24 ? '24:00' : hh(h) });
        start = -1;
      }
    }
    if (ranges.length) out.push({ day, ranges: ranges.slice(0, 6) });
  }
  return out;
}

export const hasEvening = (g: HourGrid): boolean => DAYS.some((d) => g[d].some((on, h) => on && h >= EVENING_HOUR));
export const hasWeekend = (g: HourGrid): boolean => WEEKEND.some((d) => g[d].some(Boolean));
