import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, isReviewOverdue, isWorkingDay } from './working-days';

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    // 2026-11-27 is a Friday
    const fri = new Date('2026-11-27T10:00:00Z');
    expect(isWorkingDay(fri, new Set())).toBe(true);
    expect(isWorkingDay(new Date('2026-11-28T10:00:00Z'), new Set())).toBe(false);
    expect(addWorkingDays(fri, 1).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(addWorkingDays(fri, 2).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('skips holiday dates', () => {
    const fri = new Date('2026-11-27T10:00:00Z');
    expect(addWorkingDays(fri, 2, new Set(['2026-11-30'])).toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });

  it('a weekend submission starts counting on Monday', () => {
    expect(addWorkingDays(new Date('2026-11-28T09:00:00Z'), 1).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('flags a brief waiting longer than the SLA', () => {
    const submitted = new Date('2026-11-26T10:00:00Z'); // Thursday
    expect(isReviewOverdue(submitted, new Date('2026-11-30T09:59:00Z'), 2)).toBe(false);
    expect(isReviewOverdue(submitted, new Date('2026-11-30T10:01:00Z'), 2)).toBe(true);
    expect(isReviewOverdue(submitted, new Date('2026-11-30T10:01:00Z'), 2, new Set(['2026-11-27']))).toBe(false);
  });
});
