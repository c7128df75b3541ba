import { describe, expect, it } from '@jest/globals';
import type { CallingWindows } from '@app/briefs';
import { widerThanBrief } from './campaign-windows';

const w = (over: Partial<CallingWindows> = {}): CallingWindows => ({
  weekdays: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
    day,
    ranges: [{ from: '09:00', to: '17:30' }],
  })),
  evenings: false,
  weekends: false,
  holidays: false,
  holidayDates: ['2026-12-25'],
  timeZone: 'Europe/London',
  ...over,
});

describe('campaign windows against the brief', () => {
  it('finds nothing when the campaign stays inside (narrower is fine)', () => {
    expect(widerThanBrief(w(), w())).toEqual([]);
    const narrower = w({ weekdays: [{ day: 'mon', ranges: [{ from: '10:00', to: '12:00' }] }] });
    expect(widerThanBrief(narrower, w())).toEqual([]);
  });

  it('names extra hours per group of days, weekends, evenings and dropped holidays', () => {
    const wide = w({
      weekdays: [
        { day: 'mon', ranges: [{ from: '08:00', to: '17:30' }] },
        { day: 'tue', ranges: [{ from: '08:00', to: '18:00' }] },
        { day: 'sat', ranges: [{ from: '10:00', to: '12:00' }] },
      ],
      weekends: true,
      evenings: true,
      holidayDates: [],
    });
    expect(widerThanBrief(wide, w())).toEqual([
      "mon 08:00-09:00 is outside the brief's windows (09:00-17:30)",
      "tue 08:00-09:00, 17:30-18:00 is outside the brief's windows (09:00-17:30)",
      "sat 10:00-12:00 is outside the brief's windows (no calls that day)",
      'evening calls are allowed, the brief does not allow them',
      'weekend calls are allowed, the brief does not allow them',
      "the brief's holidays 2026-12-25 are callable days in the campaign",
    ]);
  });
});
