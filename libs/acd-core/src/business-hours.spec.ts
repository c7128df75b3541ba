import { describe, expect, it } from '@jest/globals';
import { isOpen } from './business-hours';

const hours = { timeZone: 'Europe/Paris', weekly: { mon: [{ start: '09:00', end: '18:00' }] } };

describe('isOpen', () => {
  it('is open within the local range and closed outside it', () => {
    expect(isOpen(hours, [], Date.parse('2026-03-09T08:30:00Z'))).toBe(true); // Monday 09:30 in Paris
    expect(isOpen(hours, [], Date.parse('2026-03-09T07:30:00Z'))).toBe(false); // 08:30
    expect(isOpen(hours, [], Date.parse('2026-03-10T08:30:00Z'))).toBe(false); // Tuesday
  });

  it('follows daylight saving time and closes on holidays', () => {
    expect(isOpen(hours, [], Date.parse('2026-03-30T07:30:00Z'))).toBe(true); // 09:30 CEST
    expect(isOpen(hours, ['2026-03-09'], Date.parse('2026-03-09T08:30:00Z'))).toBe(false);
  });
});
