import { describe, expect, it } from '@jest/globals';
import { isWithinWindow, PredictivePacer, ProgressivePacer, type PacingSnapshot } from '@app/dialer-core';
import type { Campaign } from '@app/database';
import {
  callingRulesOf,
  engineSettingsOf,
  LineCapPacer,
  pacerFor,
  retryPolicyOf,
  retunePacer,
} from './campaign-settings';

const windows = {
  weekdays: [{ day: 'mon', ranges: [{ from: '09:00', to: '17:00' }] }],
  evenings: false,
  weekends: false,
  holidays: false,
  holidayDates: ['2026-11-30'],
  timeZone: 'Europe/London',
};

const campaign = (over: Partial<Campaign> = {}): Campaign =>
  ({
    id: 'c1',
    departmentId: 'd1',
    mode: 'predictive',
    state: 'running',
    callerId: '+442071230000',
    pacing: { abandonCapPercent: 2, abandonWindowHours: 720, maxLinesPerAgent: 2, ringTimeoutSeconds: 25 },
    amdEnabled: true,
    machineAction: 'message',
    windows,
    retryPolicy: { busy: { retryAfterMinutes: 5, maxRetries: 1 }, maxAttemptsPerContact: 4 },
    wrapUpSeconds: 20,
    ...over,
  }) as Campaign;

describe('campaign settings → engine', () => {
  it('maps the stored calling windows (weekdays, holidays) to the core rules', () => {
    const rules = callingRulesOf(windows);
    expect(rules.weekly).toEqual({ mon: [{ start: '09:00', end: '17:00' }] });
    // Monday 2026-11-23 10:00 London: open; Monday 2026-11-30 is a holiday.
    expect(isWithinWindow(rules, 'Europe/London', Date.parse('2026-11-23T10:00:00Z'), 20)).toBe(true);
    expect(isWithinWindow(rules, 'Europe/London', Date.parse('2026-11-30T10:00:00Z'), 20)).toBe(false);
    expect(callingRulesOf(windows, ['2026-11-23']).holidays.map((h) => h.date)).toContain('2026-11-23');
  });

  it('maps the stored retry policy, filling what is missing with the defaults', () => {
    const p = retryPolicyOf({
      busy: { retryAfterMinutes: 5, maxRetries: 1 },
      noAnswer: { retryAfterMinutes: 30, maxRetries: 2 },
      maxAttemptsPerContact: 4,
    });
    expect(p.perOutcome.busy).toEqual({ retryAfterMinutes: 5, maxRetries: 1 });
    expect(p.perOutcome['no-answer']).toEqual({ retryAfterMinutes: 30, maxRetries: 2 });
    expect(p.maxAttemptsPerContact).toBe(4);
    expect(p.perOutcome.machine.maxRetries).toBeGreaterThanOrEqual(0);
  });

  it('gives congestion its own retry rule: stored, defaulted, and kept for policies stored before it', () => {
    const p = retryPolicyOf({ congestion: { retryAfterMinutes: 7, maxRetries: 5 }, maxAttemptsPerContact: 4 });
    expect(p.perOutcome.congestion).toEqual({ retryAfterMinutes: 7, maxRetries: 5 });
    expect(retryPolicyOf({ maxAttemptsPerContact: 4 }).perOutcome.congestion).toEqual({
      retryAfterMinutes: 10,
      maxRetries: 3,
    });
    const { congestion: _dropped, ...old } = retryPolicyOf({}).perOutcome;
    expect(retryPolicyOf({ perOutcome: old }).perOutcome.congestion).toEqual({ retryAfterMinutes: 10, maxRetries: 3 });
  });

  it('maps pacing, AMD and the machine rule to the engine config', () => {
    const s = engineSettingsOf(campaign());
    expect(s.config).toMatchObject({
      campaignId: 'c1',
      callerId: '+442071230000',
      ringTimeoutSeconds: 25,
      amd: true,
      machineRule: 'leave-message',
      wrapUpSeconds: 20,
      abandonAfterMs: 2000,
    });
    expect(s.abandonCap).toBeCloseTo(0.02);
    expect(s.abandonWindowSeconds).toBe(720 * 3600);
    expect(s.maxLinesPerAgent).toBe(2);
  });

  it('picks the pacer by mode; predictive is capped at maxLinesPerAgent × staffed agents', () => {
    expect(pacerFor(campaign({ mode: 'preview' }), engineSettingsOf(campaign())).decide({} as PacingSnapshot)).toBe(0);
    expect(pacerFor(campaign({ mode: 'progressive' }), engineSettingsOf(campaign())).mode).toBe('progressive');
    const capped = new LineCapPacer({ mode: 'predictive', decide: () => 50, observe: () => undefined }, 2);
    const snap: PacingSnapshot = {
      now: 0,
      ready: 2,
      reserved: 0,
      talkingElapsed: [10],
      wrapElapsed: [],
      paused: 0,
      dialingElapsed: [1, 2],
      waiting: 0,
    };
    expect(capped.decide(snap)).toBe(2 * 3 - 2);
    expect(new LineCapPacer(new ProgressivePacer(), 1).decide(snap)).toBe(0);
  });

  it('retunes a running predictive pacer to a changed abandon target and dial ratio limit, keeping what it learnt', () => {
    const pacer = pacerFor(campaign(), engineSettingsOf(campaign())) as LineCapPacer;
    const inner = pacer.inner as PredictivePacer;
    expect([pacer.maxLinesPerAgent, inner.opts.abandonCap]).toEqual([2, 0.02]);
    const ledger = inner.ledger;
    retunePacer(
      pacer,
      engineSettingsOf(campaign({ pacing: { abandonCapPercent: 1.5, abandonWindowHours: 720, maxLinesPerAgent: 4 } })),
    );
    expect([pacer.maxLinesPerAgent, inner.opts.abandonCap]).toEqual([4, 0.015]);
    expect(inner.ledger).toBe(ledger);
    // A progressive pacer has no such limits: nothing to turn.
    const progressive = pacerFor(campaign({ mode: 'progressive' }), engineSettingsOf(campaign()));
    expect(() => retunePacer(progressive, engineSettingsOf(campaign()))).not.toThrow();
  });
});
