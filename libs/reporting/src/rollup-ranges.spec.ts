import { describe, expect, it } from '@jest/globals';
import { splitEnds, wholeMonths } from './abandon-windows';
import { coverByMonths, splitRange } from './rollup-ranges';

const d = (s: string): Date => new Date(s);

describe('splitRange: whole days or months from the coarse rollups, hours at the edges', () => {
  it('day-aligned ranges are whole days only', () => {
    expect(splitRange(d('2026-04-01T00:00:00Z'), d('2026-04-03T00:00:00Z'))).toEqual({
      wholeFrom: '2026-04-01',
      wholeTo: '2026-04-03',
      edge1: null,
      edge2: null,
    });
  });

  it('partial days at both ends become hour spans; bounds round up to the hour', () => {
    expect(splitRange(d('2026-04-01T10:30:00Z'), d('2026-04-03T05:10:00Z'))).toEqual({
      wholeFrom: '2026-04-02',
      wholeTo: '2026-04-03',
      edge1: [d('2026-04-01T11:00:00Z'), d('2026-04-02T00:00:00Z')],
      edge2: [d('2026-04-03T00:00:00Z'), d('2026-04-03T06:00:00Z')],
    });
  });

  it('a range inside one day is hours only', () => {
    expect(splitRange(d('2026-04-01T10:00:00Z'), d('2026-04-01T12:00:00Z'))).toEqual({
      wholeFrom: null,
      wholeTo: null,
      edge1: [d('2026-04-01T10:00:00Z'), d('2026-04-01T12:00:00Z')],
      edge2: null,
    });
  });

  it('months: whole months inside, the rest as hours', () => {
    expect(splitRange(d('2026-03-15T00:00:00Z'), d('2026-06-02T00:00:00Z'), 'month')).toEqual({
      wholeFrom: '2026-04-01',
      wholeTo: '2026-06-01',
      edge1: [d('2026-03-15T00:00:00Z'), d('2026-04-01T00:00:00Z')],
      edge2: [d('2026-06-01T00:00:00Z'), d('2026-06-02T00:00:00Z')],
    });
  });
});

describe('splitEnds: window ends (whole hours) in (from, to]', () => {
  it('whole days hold the ends (day, day + 1]; the rest are spans of ends', () => {
    expect(splitEnds(d('2026-04-01T00:30:00Z'), d('2026-04-03T05:00:00Z'))).toEqual({
      wholeFrom: '2026-04-01',
      wholeTo: '2026-04-03',
      edges: [[d('2026-04-03T00:00:00Z'), d('2026-04-03T05:00:00Z')]],
    });
    expect(splitEnds(d('2026-04-01T10:30:00Z'), d('2026-04-02T00:00:00Z'))).toEqual({
      wholeFrom: null,
      wholeTo: null,
      edges: [[d('2026-04-01T10:30:00Z'), d('2026-04-02T00:00:00Z')]],
    });
  });
});

describe('wholeMonths: calendar months inside whole days', () => {
  it('takes the months that fit, else an empty pair', () => {
    expect(wholeMonths('2026-03-15', '2026-06-02')).toEqual(['2026-04-01', '2026-06-01']);
    expect(wholeMonths('2026-04-01', '2026-05-01')).toEqual(['2026-04-01', '2026-05-01']);
    expect(wholeMonths('2026-04-02', '2026-05-01')).toEqual(['1970-01-01', '1970-01-01']);
    expect(wholeMonths(null, null)).toEqual(['1970-01-01', '1970-01-01']);
  });
});

describe('coverByMonths: whole months, hours added or taken away at the ends, whichever reads fewer', () => {
  it('30 days ending on the 1st: the month less its first day', () => {
    expect(coverByMonths(d('2026-10-02T00:00:00Z'), d('2026-11-01T00:00:00Z'))).toEqual({
      monthFrom: '2026-10-01',
      monthTo: '2026-11-01',
      plus: [],
      minus: [[d('2026-10-01T00:00:00Z'), d('2026-10-02T00:00:00Z')]],
    });
  });

  it('a few days at each end: months in between plus those hours', () => {
    expect(coverByMonths(d('2026-01-29T10:30:00Z'), d('2026-04-02T00:00:00Z'))).toEqual({
      monthFrom: '2026-02-01',
      monthTo: '2026-04-01',
      plus: [
        [d('2026-01-29T11:00:00Z'), d('2026-02-01T00:00:00Z')],
        [d('2026-04-01T00:00:00Z'), d('2026-04-02T00:00:00Z')],
      ],
      minus: [],
    });
  });

  it('inside one month: its hours, or the month less both sides when that is shorter', () => {
    expect(coverByMonths(d('2026-04-01T10:00:00Z'), d('2026-04-03T00:00:00Z'))).toEqual({
      monthFrom: null,
      monthTo: null,
      plus: [[d('2026-04-01T10:00:00Z'), d('2026-04-03T00:00:00Z')]],
      minus: [],
    });
    expect(coverByMonths(d('2026-04-02T00:00:00Z'), d('2026-04-30T00:00:00Z'))).toEqual({
      monthFrom: '2026-04-01',
      monthTo: '2026-05-01',
      plus: [],
      minus: [
        [d('2026-04-01T00:00:00Z'), d('2026-04-02T00:00:00Z')],
        [d('2026-04-30T00:00:00Z'), d('2026-05-01T00:00:00Z')],
      ],
    });
  });
});
