import { describe, expect, it } from '@jest/globals';
import { contactResult, csvLine, neutraliseCell, percentile, questionsOf, rate, summarizeAnswers } from './aggregate';

const base = {
  successful: false,
  reached: false,
  dnc: false,
  status: 'done',
  lastOutcome: null,
  deadlinePassed: false,
};

describe('contactResult', () => {
  it('takes the first rule that holds', () => {
    expect(contactResult({ ...base, successful: true, reached: true, dnc: true })).toBe('successful');
    expect(contactResult({ ...base, reached: true, dnc: true })).toBe('reached');
    expect(contactResult({ ...base, status: 'dnc' })).toBe('dnc');
    expect(contactResult({ ...base, lastOutcome: 'invalid-number', status: 'exhausted' })).toBe('invalid');
    expect(contactResult({ ...base, status: 'excluded' })).toBe('excluded');
    expect(contactResult({ ...base, status: 'exhausted', lastOutcome: 'busy' })).toBe('attempts-exhausted');
    expect(contactResult({ ...base, status: 'pending', deadlinePassed: true })).toBe('outside-deadline');
    expect(contactResult({ ...base, status: 'leased' })).toBe('in-progress');
    expect(contactResult({ ...base, status: null })).toBe('in-progress');
    expect(contactResult({ ...base, lastOutcome: 'no-answer' })).toBe('no-answer');
    expect(contactResult({ ...base, lastOutcome: 'busy' })).toBe('busy');
    expect(contactResult({ ...base, lastOutcome: 'machine' })).toBe('machine');
    expect(contactResult({ ...base, lastOutcome: 'failed' })).toBe('other');
  });
});

describe('summarizeAnswers', () => {
  it('counts choices (multiple too), summarises numbers and samples text; unknown questions become text', () => {
    const qs = questionsOf({
      sections: [
        {
          questions: [
            { id: 'pick', type: 'multiple', text: 'Pick', options: ['a', 'b', 'c'] },
            { id: 'n', type: 'number', text: 'N' },
            { id: 't', type: 'text', text: 'T' },
          ],
        },
      ],
    });
    const out = summarizeAnswers(
      qs,
      [
        { pick: ['a', 'b'], n: 1, t: 'x' },
        { pick: ['a'], n: 4, t: 'x', extra: 'e' },
        { pick: [], n: '' },
      ],
      1,
    );
    expect(out).toEqual([
      { id: 'pick', text: 'Pick', type: 'multiple', answered: 2, counts: { a: 2, b: 1, c: 0 } },
      { id: 'n', text: 'N', type: 'number', answered: 2, min: 1, max: 4, mean: 2.5, median: 2.5 },
      { id: 't', text: 'T', type: 'text', answered: 2, samples: ['x'] },
      { id: 'extra', text: 'extra', type: 'text', answered: 1, samples: ['e'] },
    ]);
  });
});

describe('rates, percentiles and cells', () => {
  it('divides with 4 decimals and refuses to divide by nothing', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
  });
  it('takes the nearest-rank percentile', () => {
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 95)).toBeNull();
  });
  it('neutralises formula cells and quotes CSV', () => {
    for (const s of ['=1+1', '+1+A1', '-A1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell(-1)).toBe(-1);
    expect(neutraliseCell('+442071230000')).toBe('+442071230000');
    expect(neutraliseCell('-2.5')).toBe('-2.5');
    expect(neutraliseCell('+1 call back')).toBe("'+1 call back");
    expect(csvLine(['a,b', 'say "hi"', null, '=HYPERLINK("x")', 3])).toBe(
      '"a,b","say ""hi""",,"\'=HYPERLINK(""x"")",3\r\n',
    );
  });
});
