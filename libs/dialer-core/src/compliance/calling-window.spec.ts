import { describe, expect, it } from '@jest/globals';
import {
  callability,
  CallingRules,
  defaultCallingRules,
  isWithinWindow,
  nextWindowOpening,
  TimeRange,
} from './calling-window';
import { instantAtOrAfter } from './local-time';

const t = (iso: string): number => Date.parse(iso);
const everyDay = (ranges: TimeRange[]): CallingRules['weekly'] => ({
  sun: ranges,
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: ranges,
});
/** Builder: rules open every day in the given ranges, no margin, everything allowed, unless overridden. */
function rules(ranges: TimeRange[], over: Partial<CallingRules> = {}): CallingRules {
  return {
    weekly: everyDay(ranges),
    eveningsAllowed: true,
    eveningStart: '18:00',
    weekendsAllowed: true,
    weekendDays: ['sat', 'sun'],
    holidaysAllowed: true,
    holidays: [],
    safetyMarginSeconds: 0,
    ...over,
  };
}
const nineToNine = [{ start: '09:00', end: '21:00' }];

describe('isWithinWindow across zones', () => {
  it('America/New_York opens at 09:00 local (EDT in summer, EST in winter)', () => {
    const r = rules(nineToNine);
    expect(isWithinWindow(r, 'America/New_York', t('2026-07-15T12:59:59Z'), 0)).toBe(false);
    expect(isWithinWindow(r, 'America/New_York', t('2026-07-15T13:00:00Z'), 0)).toBe(true);
    expect(isWithinWindow(r, 'America/New_York', t('2026-01-15T13:30:00Z'), 0)).toBe(false);
    expect(isWithinWindow(r, 'America/New_York', t('2026-01-15T14:00:00Z'), 0)).toBe(true);
  });

  it('Europe/London follows BST', () => {
    const r = rules(nineToNine);
    expect(isWithinWindow(r, 'Europe/London', t('2026-06-01T08:00:00Z'), 0)).toBe(true);
    expect(isWithinWindow(r, 'Europe/London', t('2026-12-01T08:30:00Z'), 0)).toBe(false);
    expect(isWithinWindow(r, 'Europe/London', t('2026-12-01T09:00:00Z'), 0)).toBe(true);
  });

  it('Asia/Kolkata uses its half-hour offset', () => {
    const r = rules(nineToNine);
    expect(isWithinWindow(r, 'Asia/Kolkata', t('2026-05-05T03:29:00Z'), 0)).toBe(false);
    expect(isWithinWindow(r, 'Asia/Kolkata', t('2026-05-05T03:30:00Z'), 0)).toBe(true);
  });

  it('keeps ring timeout + safety margin before the close', () => {
    const r = rules(nineToNine, { safetyMarginSeconds: 60 });
    // Close 21:00 IST = 15:30Z; ring 20 s + margin 60 s: last placement 15:28:40Z.
    expect(isWithinWindow(r, 'Asia/Kolkata', t('2026-05-05T15:28:40Z'), 20)).toBe(true);
    expect(isWithinWindow(r, 'Asia/Kolkata', t('2026-05-05T15:28:41Z'), 20)).toBe(false);
    expect(isWithinWindow(r, 'Asia/Kolkata', t('2026-05-05T15:28:41Z'), 0)).toBe(true);
  });
});

describe('daylight-saving edges', () => {
  it('spring forward (New York): the margin counts real time, not wall-clock time', () => {
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT. Window 00:00-03:00 lasts two real hours, closing 07:00Z.
    const r = rules([{ start: '00:00', end: '03:00' }], { safetyMarginSeconds: 60 });
    expect(isWithinWindow(r, 'America/New_York', t('2026-03-08T06:58:40Z'), 20)).toBe(true);
    // 01:59 EST: a wall-clock reading would see an hour left; really 60 s remain.
    expect(isWithinWindow(r, 'America/New_York', t('2026-03-08T06:59:00Z'), 20)).toBe(false);
  });

  it('spring forward: a window starting inside the gap opens when the gap ends', () => {
    const r = rules([{ start: '02:30', end: '05:00' }]);
    expect(instantAtOrAfter('America/New_York', { y: 2026, m: 3, d: 8 }, 2.5 * 3600)).toBe(t('2026-03-08T07:00:00Z'));
    expect(isWithinWindow(r, 'America/New_York', t('2026-03-08T06:59:59Z'), 0)).toBe(false);
    expect(isWithinWindow(r, 'America/New_York', t('2026-03-08T07:00:00Z'), 0)).toBe(true);
  });

  it('fall back (New York): the repeated hour lengthens the window; the close is the real 02:00 EST', () => {
    // 1 November 2026: 02:00 EDT falls back to 01:00 EST. Window 00:00-02:00 runs 04:00Z-07:00Z.
    const r = rules([{ start: '00:00', end: '02:00' }], { safetyMarginSeconds: 60 });
    expect(isWithinWindow(r, 'America/New_York', t('2026-11-01T06:30:00Z'), 20)).toBe(true);
    const c = callability(r, 'America/New_York', t('2026-11-01T06:30:00Z'), 20);
    expect(c).toEqual({ callable: true, from: t('2026-11-01T04:00:00Z'), until: t('2026-11-01T07:00:00Z') - 80000 });
  });

  it('fall back: a close inside the repeated hour is its first pass (never ring in the second)', () => {
    const r = rules([{ start: '00:00', end: '01:30' }]);
    expect(isWithinWindow(r, 'America/New_York', t('2026-11-01T05:29:00Z'), 0)).toBe(true);
    // 01:10 EST on the second pass reads inside the window on the wall, but the window closed at 01:30 EDT.
    expect(isWithinWindow(r, 'America/New_York', t('2026-11-01T06:10:00Z'), 0)).toBe(false);
  });

  it('Australia/Lord_Howe: half-hour DST shift, both directions', () => {
    // 5 April 2026: 02:00 +11 falls back to 01:30 +10:30 at 15:00Z. Window 00:00-01:45 closes at 01:45 +11 = 14:45Z.
    const back = rules([{ start: '00:00', end: '01:45' }]);
    expect(isWithinWindow(back, 'Australia/Lord_Howe', t('2026-04-04T14:44:00Z'), 0)).toBe(true);
    expect(isWithinWindow(back, 'Australia/Lord_Howe', t('2026-04-04T15:05:00Z'), 0)).toBe(false);
    // 4 October 2026: 02:00 +10:30 springs to 02:30 +11 at 15:30Z; a window from 02:15 opens then.
    const fwd = rules([{ start: '02:15', end: '06:00' }]);
    expect(isWithinWindow(fwd, 'Australia/Lord_Howe', t('2026-10-03T15:29:00Z'), 0)).toBe(false);
    expect(isWithinWindow(fwd, 'Australia/Lord_Howe', t('2026-10-03T15:30:00Z'), 0)).toBe(true);
    expect(nextWindowOpening(fwd, 'Australia/Lord_Howe', t('2026-10-03T14:00:00Z'))).toBe(t('2026-10-03T15:30:00Z'));
  });
});

describe('weekends, evenings, holidays', () => {
  it('weekends can be switched off', () => {
    const sat = t('2026-07-18T15:00:00Z'); // Saturday 11:00 in New York
    expect(isWithinWindow(rules(nineToNine), 'America/New_York', sat, 0)).toBe(true);
    expect(isWithinWindow(rules(nineToNine, { weekendsAllowed: false }), 'America/New_York', sat, 0)).toBe(false);
  });

  it('without evenings every range is cut at the evening start', () => {
    const at1900 = t('2026-07-15T23:00:00Z'); // 19:00 EDT
    expect(isWithinWindow(rules(nineToNine), 'America/New_York', at1900, 0)).toBe(true);
    expect(isWithinWindow(rules(nineToNine, { eveningsAllowed: false }), 'America/New_York', at1900, 0)).toBe(false);
    expect(isWithinWindow(rules(nineToNine, { eveningsAllowed: false }), 'America/New_York', at1900 - 7200000, 0)).toBe(
      true,
    );
  });

  it('holidays apply in their zones only, unless allowed', () => {
    const july4 = t('2026-07-04T15:00:00Z');
    const h = { holidaysAllowed: false, holidays: [{ date: '2026-07-04', zones: ['America/New_York'] }] };
    expect(isWithinWindow(rules(nineToNine, h), 'America/New_York', july4, 0)).toBe(false);
    expect(isWithinWindow(rules(nineToNine, h), 'Europe/London', july4, 0)).toBe(true);
    expect(isWithinWindow(rules(nineToNine, { ...h, holidaysAllowed: true }), 'America/New_York', july4, 0)).toBe(true);
    const everywhere = { holidaysAllowed: false, holidays: [{ date: '2026-07-04' }] };
    expect(isWithinWindow(rules(nineToNine, everywhere), 'Europe/London', july4, 0)).toBe(false);
  });
});

describe('nextWindowOpening and callability', () => {
  it('skips the weekend and a holiday Monday', () => {
    const r = rules(nineToNine, {
      weekendsAllowed: false,
      holidaysAllowed: false,
      holidays: [{ date: '2026-09-07' }], // Labor Day, Monday
    });
    const fridayNight = t('2026-09-05T02:00:00Z'); // Friday 22:00 EDT
    expect(nextWindowOpening(r, 'America/New_York', fridayNight)).toBe(t('2026-09-08T13:00:00Z'));
  });

  it('returns the instant itself when already callable, and bounds for the database', () => {
    const r = { ...defaultCallingRules, weekly: everyDay(nineToNine) };
    const noon = t('2026-07-15T16:00:00Z');
    expect(nextWindowOpening(r, 'America/New_York', noon, 20)).toBe(noon);
    const c = callability(r, 'America/New_York', noon, 20);
    expect(c.callable).toBe(true);
    expect(c.until).toBe(t('2026-07-16T01:00:00Z') - 80000);
    const late = callability(r, 'America/New_York', t('2026-07-16T01:30:00Z'), 20);
    expect(late).toEqual({
      callable: false,
      from: t('2026-07-16T13:00:00Z'),
      until: t('2026-07-17T01:00:00Z') - 80000,
    });
  });

  it('treats the tail of a window shorter than ring + margin as closed', () => {
    const r = rules([{ start: '09:00', end: '09:01' }], { safetyMarginSeconds: 60 });
    expect(isWithinWindow(r, 'Europe/London', t('2026-12-01T09:00:00Z'), 20)).toBe(false);
  });

  it('rejects malformed times', () => {
    expect(() => isWithinWindow(rules([{ start: '9am', end: '17:00' }]), 'Europe/London', Date.now(), 0)).toThrow(
      /HH:MM/,
    );
  });
});
