import { describe, expect, it } from '@jest/globals';
import { defaultCallingRules, type CallingRules } from '../compliance/calling-window';
import { holdReasons, type HoldInput } from './hold-reasons';

// Mon–Fri 09:00–17:30, no evenings, weekends or holidays: the window of the pilot in the issue.
const officeHours: CallingRules = {
  ...defaultCallingRules,
  weekly: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ start: '09:00', end: '17:30' }]]),
  ),
  eveningsAllowed: false,
  weekendsAllowed: false,
  holidaysAllowed: false,
  holidays: [],
};

const at = (isoTime: string): number => Date.parse(isoTime);

const input = (over: Partial<HoldInput>): HoldInput => ({
  now: at('2026-11-30T02:35:00Z'), // Monday 02:35 in London (GMT in winter)
  state: 'pilot',
  mode: 'progressive',
  deadline: at('2026-12-24T00:00:00Z'),
  rules: officeHours,
  ringTimeoutSeconds: 25,
  zones: [{ timeZone: 'Europe/London', pending: 10, due: 10, nextRetryAt: null, inFlight: 0 }],
  statuses: { pending: 10 },
  agents: { byState: { ready: 1 } },
  abandon: null,
  runnerHeld: true,
  ...over,
});

describe('why nothing is dialing', () => {
  it('a pilot started at 02:35 London with a Mon–Fri 09:00–17:30 window is outside the window until 09:00', () => {
    const s = holdReasons(input({}));
    expect(s.dialing).toBe(false);
    expect(s.reasons).toEqual([
      {
        code: 'outside-window',
        message:
          'every pilot contact is outside the calling window until 09:00 Europe/London (2026-11-30T09:00:00.000Z)',
        until: '2026-11-30T09:00:00.000Z',
        details: {
          zones: [
            {
              timeZone: 'Europe/London',
              contacts: 10,
              opensAt: '2026-11-30T09:00:00.000Z',
              opensAtLocal: '09:00 Europe/London',
            },
          ],
        },
      },
    ]);
    expect(s.summary).toContain('outside the calling window until 09:00 Europe/London');
    expect(s.nextCallableAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('names the next opening per time zone, on a later day when needed', () => {
    const s = holdReasons(
      input({
        now: at('2026-11-28T12:00:00Z'), // Saturday
        zones: [
          { timeZone: 'America/New_York', pending: 4, due: 4, nextRetryAt: null, inFlight: 0 },
          { timeZone: 'Europe/London', pending: 6, due: 6, nextRetryAt: null, inFlight: 0 },
        ],
      }),
    );
    expect(s.reasons[0].code).toBe('outside-window');
    expect(s.reasons[0].until).toBe('2026-11-30T09:00:00.000Z');
    expect(s.reasons[0].details?.zones).toEqual([
      {
        timeZone: 'Europe/London',
        contacts: 6,
        opensAt: '2026-11-30T09:00:00.000Z',
        opensAtLocal: 'Mon 2026-11-30 09:00 Europe/London',
      },
      {
        timeZone: 'America/New_York',
        contacts: 4,
        opensAt: '2026-11-30T14:00:00.000Z',
        opensAtLocal: 'Mon 2026-11-30 09:00 America/New_York',
      },
    ]);
  });

  it('in the window: dials with a ready agent, else says no agent is ready', () => {
    const open = at('2026-11-30T10:00:00Z');
    expect(holdReasons(input({ now: open }))).toMatchObject({ dialing: true, reasons: [] });
    const none = holdReasons(input({ now: open, agents: { byState: { ready: 0, talking: 2, paused: 1 } } }));
    expect(none.dialing).toBe(false);
    expect(none.reasons).toEqual([
      expect.objectContaining({
        code: 'no-ready-agents',
        message: 'no agent is ready (2 talking, 1 paused); 10 contacts could be called now',
      }),
    ]);
    const nobody = holdReasons(input({ now: open, agents: { byState: {} } }));
    expect(nobody.reasons[0].message).toBe('no agent is logged in to the campaign (10 contacts could be called now)');
  });

  it('all remaining contacts waiting for a retry: until when', () => {
    const s = holdReasons(
      input({
        now: at('2026-11-30T10:00:00Z'),
        state: 'running',
        zones: [
          { timeZone: 'Europe/London', pending: 3, due: 0, nextRetryAt: at('2026-11-30T12:00:00Z'), inFlight: 0 },
        ],
      }),
    );
    expect(s.reasons).toEqual([
      expect.objectContaining({
        code: 'waiting-for-retry',
        message: 'all remaining contacts are waiting for a retry until 2026-11-30T12:00:00.000Z',
        until: '2026-11-30T12:00:00.000Z',
      }),
    ]);
    // a retry due after the window closes waits for the next opening
    const late = holdReasons(
      input({
        now: at('2026-11-30T10:00:00Z'),
        state: 'running',
        zones: [
          { timeZone: 'Europe/London', pending: 3, due: 0, nextRetryAt: at('2026-11-30T20:00:00Z'), inFlight: 0 },
        ],
      }),
    );
    expect(late.reasons[0].until).toBe('2026-12-01T09:00:00.000Z');
  });

  it('no contacts left: caps reached and do-not-call', () => {
    const s = holdReasons(
      input({
        state: 'running',
        zones: [],
        statuses: { done: 5, exhausted: 3, dnc: 2 },
        now: at('2026-11-30T10:00:00Z'),
      }),
    );
    expect(s.reasons.map((r) => [r.code, r.message])).toEqual([
      ['no-contacts-left', 'no contacts left to call: 5 done, 3 reached their attempt cap, 2 on the do-not-call list'],
      ['attempt-caps-reached', '3 contacts reached the attempt cap of the retry policy'],
      ['do-not-call', '2 contacts cannot be called: on the do-not-call list'],
    ]);
  });

  it('states, the abandon budget, the deadline and a missing dialer process', () => {
    const open = at('2026-11-30T10:00:00Z');
    expect(holdReasons(input({ now: open, state: 'paused' })).reasons[0].code).toBe('paused');
    expect(holdReasons(input({ now: open, state: 'pilot_paused' })).reasons[0].code).toBe('pilot-paused');
    expect(holdReasons(input({ now: open, state: 'pilot_review' })).reasons[0].code).toBe('pilot-review');
    const spent = holdReasons(
      input({
        now: open,
        state: 'running',
        mode: 'predictive',
        abandon: { cap: 0.03, rate: 0.05, freesAt: at('2026-11-30T15:00:00Z') },
      }),
    );
    expect(spent.reasons).toEqual([
      expect.objectContaining({ code: 'abandon-budget-spent', until: '2026-11-30T15:00:00.000Z' }),
    ]);
    expect(spent.dialing).toBe(true); // one line per ready agent still goes out
    const late = holdReasons(input({ now: open, deadline: at('2026-11-29T00:00:00Z') }));
    expect(late.reasons.map((r) => r.code)).toEqual(['deadline-passed']);
    expect(holdReasons(input({ now: open, runnerHeld: false })).reasons.map((r) => r.code)).toEqual(['no-dialer']);
  });
});
