import { CallingRules, isWithinWindow, TimeRange, WeekdayName } from '@app/dialer-core';

/** An IVR menu's opening hours: local ranges per weekday in one time zone, closed on the given dates. */
export interface BusinessHours {
  timeZone: string;
  weekly: Partial<Record<WeekdayName, TimeRange[]>>;
}

/**
 * Open at `now`? Reuses the dialer's calling-window code (time zones, DST, holidays) with no evening cut, no
 * weekend rule and no ring margin: the menu is open exactly within its ranges, except on holidays.
 */
export function isOpen(hours: BusinessHours, holidays: string[], now: number): boolean {
  const rules: CallingRules = {
    weekly: hours.weekly,
    eveningsAllowed: true,
    eveningStart: '24:00',
    weekendsAllowed: true,
    weekendDays: [],
    holidaysAllowed: false,
    holidays: holidays.map((date) => ({ date })),
    safetyMarginSeconds: 0,
  };
  return isWithinWindow(rules, hours.timeZone, now, 0);
}
