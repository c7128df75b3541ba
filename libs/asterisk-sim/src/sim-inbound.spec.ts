import { describe, expect, it } from '@jest/globals';
import { distributionProblems, generatorQueueProblems, keepArrival, localHour, profileOf } from './sim-inbound';

describe('sim-inbound arrival profile', () => {
  it('reads the local hour in the profile time zone', () => {
    expect(localHour(Date.parse('2026-03-10T08:30:00Z'), 'UTC')).toBe(8);
    expect(localHour(Date.parse('2026-03-10T08:30:00Z'), 'Europe/Paris')).toBe(9);
    expect(localHour(Date.parse('2026-07-10T23:30:00Z'), 'Europe/Paris')).toBe(1);
  });

  it("thins arrivals to each hour's share of the peak rate", () => {
    const profile = { callsPerMinuteByHour: Array.from({ length: 24 }, (_, h) => (h === 10 ? 4 : h === 3 ? 1 : 0)) };
    let kept10 = 0;
    let kept3 = 0;
    let kept5 = 0;
    for (let i = 0; i < 1000; i++) {
      const u = (i + 0.5) / 1000;
      if (keepArrival(profile, 10, u)) kept10++;
      if (keepArrival(profile, 3, u)) kept3++;
      if (keepArrival(profile, 5, u)) kept5++;
    }
    expect(kept10).toBe(1000);
    expect(kept3).toBe(250);
    expect(kept5).toBe(0);
  });
});

describe('generator queue checks', () => {
  it('a flat rate is the same profile every hour; bad fields are named', () => {
    expect(profileOf({ number: '1', callsPerMinute: 3 }).callsPerMinuteByHour).toEqual(Array(24).fill(3));
    expect(
      generatorQueueProblems('q', { number: '1', callsPerMinute: 3, patience: { kind: 'fixed', value: 5 } }),
    ).toEqual([]);
    expect(
      generatorQueueProblems('q', {
        number: '',
        callsPerMinuteByHour: Array(24).fill(-1),
        timeZone: 'Mars/Olympus',
        talk: { kind: 'lognormal', mean: -1 },
        prompts: [{ media: '', digits: '1', probability: 2 }],
      }),
    ).toEqual([
      'q.number: the DID is required',
      'q.callsPerMinuteByHour: 24 rates ≥ 0 (local hours 0..23) are required',
      'q.timeZone: not a known time zone',
      'q.talk.mean: a number ≥ 0 is required',
      'q.prompts.0.media: a media name is required',
      'q.prompts.0.probability: a number in [0, 1] is required',
    ]);
    expect(
      distributionProblems('p', { kind: 'mixture', parts: [{ weight: 1, dist: { kind: 'exponential' } }] }),
    ).toEqual(['p.parts.0.dist.mean: a number ≥ 0 is required']);
  });
});
