import { describe, expect, it } from '@jest/globals';
import { wallTimeToIso } from '../format';
import { dayLabel, daysFrom, hourLabel, wallTime } from './callback-time';

describe('the callback picker', () => {
  it("lists the days from today in the contact's zone", () => {
    // 2026-11-30 20:00 UTC is already 1 December in Shanghai.
    const at = Date.UTC(2026, 10, 30, 20);
    expect(daysFrom(at, 'Asia/Shanghai', 3)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(daysFrom(at, 'America/New_York', 2)).toEqual(['2026-11-30', '2026-12-01']);
    expect(daysFrom(Date.UTC(2026, 11, 31, 12), 'UTC', 2)).toEqual(['2026-12-31', '2027-01-01']);
  });

  it("names days and hours in the page's language, not the browser's", () => {
    expect(dayLabel('2026-12-01', 'en')).toBe('Tue, Dec 1, 2026');
    expect(dayLabel('2026-12-01', 'zh-CN')).toBe('2026年12月1日周二');
    expect(hourLabel(10, 'en')).toBe('10');
    expect(hourLabel(10, 'zh-CN')).toBe('10时');
  });

  it("reads the picked day and time as a wall time in the contact's zone", () => {
    expect(wallTime('2026-12-01', 9, 5)).toBe('2026-12-01T09:05');
    expect(wallTimeToIso(wallTime('2026-12-01', 10, 0), 'Asia/Shanghai')).toBe('2026-12-01T02:00:00.000Z');
  });
});
