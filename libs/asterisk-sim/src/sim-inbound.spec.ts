import { describe, expect, it } from '@jest/globals';
import { keepArrival, localHour } from './sim-inbound';

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
