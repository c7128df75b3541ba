import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETRY_RULES, type CallingWindows, type RetryPolicy } from './calling-windows';
import { callableIntervals, computeForecast, maxDialsPerContact, zonedToUtc } from './forecast';

const weekdays9to17 = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  ranges: [{ from: '09:00', to: '17:00' }],
}));
const windows = (over: Partial<CallingWindows> = {}): CallingWindows => ({
  weekdays: weekdays9to17,
  evenings: false,
  weekends: false,
  holidays: false,
  holidayDates: [],
  timeZone: 'UTC',
  ...over,
});
const policy: RetryPolicy = { ...DEFAULT_RETRY_RULES, maxAttemptsPerContact: 4 };

describe('forecast', () => {
  it('converts wall-clock times in a zone to UTC, across DST', () => {
    expect(zonedToUtc('2026-07-01', '09:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedToUtc('2026-12-01', '09:00', 'Europe/London').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(zonedToUtc('2026-12-01', '09:00', 'America/New_York').toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });

  it('counts callable hours, skipping weekends and holidays, clipping today at now', () => {
    const now = new Date('2026-11-27T12:00:00Z'); // Friday noon
    const iv = [...callableIntervals(windows({ holidayDates: ['2026-11-30'] }), now, 5)];
    // Fri 12-17, (Sat, Sun skipped), (Mon holiday), Tue 9-17
    expect(iv.map(([s, e]) => [new Date(s).toISOString(), (e - s) / 3600_000])).toEqual([
      ['2026-11-27T12:00:00.000Z', 5],
      ['2026-12-01T09:00:00.000Z', 8],
    ]);
  });

  it('derives the dials per contact from the retry policy', () => {
    expect(maxDialsPerContact(policy)).toBe(4); // 1 + 3 retries, cap 4
    expect(maxDialsPerContact({ ...policy, maxAttemptsPerContact: 2 })).toBe(2);
  });

  it('says whether the list can finish by the deadline and how many agents it needs', () => {
    const now = new Date('2026-11-30T09:00:00Z'); // Monday 09:00
    const deadline = new Date('2026-12-05T00:00:00Z'); // end of Friday: 5 days x 8 h = 40 h
    const f = computeForecast({
      now,
      deadline,
      contactsRemaining: 1000,
      windows: windows(),
      retryPolicy: policy,
      agents: 2,
      contactRate: 0.5,
      averageHandleSeconds: 180,
      nonContactAgentSeconds: 0,
      occupancy: 1,
    });
    // p=0.5, N=4: reach 0.9375, dials 1.875 per contact; workload 937.5 contacts x 180 s = 46.875 h
    expect(f.callableHoursUntilDeadline).toBe(40);
    expect(f.expectedDialsPerContact).toBe(1.88);
    expect(f.workloadAgentHours).toBe(46.88);
    expect(f.agentsNeeded).toBe(2);
    expect(f.canFinishByDeadline).toBe(true);
    // 2 agents: 23.4375 h of calling = Mon..Wed (24h) minus 0.5625 h -> Wed 16:26:15
    expect(f.expectedFinishAt).toBe('2026-12-02T16:26:15.000Z');
    const one = computeForecast({
      ...{ now, deadline, windows: windows(), retryPolicy: policy },
      contactsRemaining: 1000,
      agents: 1,
      contactRate: 0.5,
      averageHandleSeconds: 180,
      nonContactAgentSeconds: 0,
      occupancy: 1,
    });
    expect(one.canFinishByDeadline).toBe(false);
    expect(one.expectedFinishAt! > deadline.toISOString()).toBe(true);
    expect(one.agentsNeeded).toBe(2);
  });

  it('uses defaults without a pilot and handles no agents and an empty list', () => {
    const now = new Date('2026-11-30T09:00:00Z');
    const deadline = new Date('2026-12-05T00:00:00Z');
    const base = { now, deadline, windows: windows(), retryPolicy: policy };
    const f = computeForecast({ ...base, contactsRemaining: 10, agents: 0 });
    expect(f.contactRateSource).toBe('default');
    expect(f.contactRate).toBe(0.2);
    expect(f.averageHandleSeconds).toBe(135);
    expect(f.expectedFinishAt).toBeNull();
    expect(f.canFinishByDeadline).toBe(false);
    expect(f.agentsNeeded).toBe(1);
    const empty = computeForecast({ ...base, contactsRemaining: 0, agents: 0 });
    expect(empty.canFinishByDeadline).toBe(true);
    expect(empty.agentsNeeded).toBe(0);
  });

  it("works each contact's zone only while its own window is open (London and New York)", () => {
    // Monday 09:00 London (UTC in winter); New York opens at 14:00 UTC
    const now = new Date('2026-11-30T09:00:00Z');
    const deadline = new Date('2026-12-05T00:00:00Z');
    const base = {
      now,
      deadline,
      contactsRemaining: 200,
      windows: windows({ timeZone: 'Europe/London' }),
      retryPolicy: policy,
      agents: 10,
      contactRate: 0.5,
      averageHandleSeconds: 180,
      nonContactAgentSeconds: 0,
      occupancy: 1,
    };
    // one zone: 187.5 reached x 180 s = 9.375 agent-hours / 10 agents: done at 09:56 UTC
    const naive = computeForecast(base);
    expect(naive.expectedFinishAt).toBe('2026-11-30T09:56:15.000Z');
    const f = computeForecast({
      ...base,
      zones: [
        { timeZone: 'Europe/London', contacts: 100 },
        { timeZone: 'America/New_York', contacts: 100 },
      ],
    });
    // London's half is done by 09:28; New York's half waits for 14:00 UTC and takes another 28 min
    expect(f.expectedFinishAt).toBe('2026-11-30T14:28:07.500Z');
    expect(f.zones).toEqual([
      { timeZone: 'Europe/London', contacts: 100, firstCallableAt: '2026-11-30T09:00:00.000Z' },
      { timeZone: 'America/New_York', contacts: 100, firstCallableAt: '2026-11-30T14:00:00.000Z' },
    ]);
    expect(f.firstCallableAt).toBe('2026-11-30T09:00:00.000Z');
    // callable hours: London 09:00-17:00 and New York 14:00-22:00 UTC overlap: 13 h a day, 5 days
    expect(f.callableHoursUntilDeadline).toBe(65);

    // a deadline at 12:00 UTC cannot be met however many agents: New York is closed until then
    const tight = computeForecast({ ...base, deadline: new Date('2026-11-30T12:00:00Z'), zones: f.zones });
    expect(tight.canFinishByDeadline).toBe(false);
    expect(tight.agentsNeeded).toBeNull();
  });
});
