import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mapAriEvent, type RawAriEvent } from './ari-event.mapper';
import { classifyOutcome } from './outcome-classifier';
import { eventsForRow, OUTCOME_TABLE } from './outcome-table.fixture';
import type { TelephonyEvent } from './telephony-event.types';

describe('classifyOutcome over OUTCOME_TABLE rows', () => {
  it.each(OUTCOME_TABLE.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const result = classifyOutcome(eventsForRow(row));
    expect(result.outcome).toBe(row.expected);
    expect(result.hungUpBy).toBe(row.expectedHungUpBy);
    expect(result.ended).toBe(true);
  });

  it('ignores other channels (the Local ;2 half) and soft hangup causes', () => {
    const row = OUTCOME_TABLE.find((r) => r.name === 'originate-answer')!;
    const noise: TelephonyEvent[] = [
      { type: 'hangupRequest', timestamp: '', channelId: 'x;2', cause: 17, soft: false },
      { type: 'destroyed', timestamp: '', channelId: 'x;2', cause: 17, causeTxt: 'User busy', lost: false },
    ];
    expect(classifyOutcome([...noise, ...eventsForRow(row, 'x')], { channelId: 'x' }).outcome).toBe('our-hangup');
  });

  it('reports a call still ringing as in-progress and an answered live call as human-answer', () => {
    const ringing: TelephonyEvent[] = [
      { type: 'dial', timestamp: '', channelId: 'c', dialstatus: 'RINGING', dialstring: '' },
    ];
    expect(classifyOutcome(ringing)).toMatchObject({ outcome: 'in-progress', ended: false, answered: false });
    const up: TelephonyEvent[] = [
      ...ringing,
      { type: 'dial', timestamp: '', channelId: 'c', dialstatus: 'ANSWER', dialstring: '' },
    ];
    expect(classifyOutcome(up)).toMatchObject({ outcome: 'human-answer', ended: false, answered: true });
  });

  it('classifies a lost unanswered channel as failed and our cancel while ringing as our-hangup', () => {
    const lost: TelephonyEvent[] = [
      { type: 'dial', timestamp: '', channelId: 'c', dialstatus: 'RINGING', dialstring: '' },
      { type: 'destroyed', timestamp: '', channelId: 'c', cause: 0, causeTxt: 'lost', lost: true },
    ];
    expect(classifyOutcome(lost).outcome).toBe('failed');
    const cancelled: TelephonyEvent[] = [
      { type: 'dial', timestamp: '', channelId: 'c', dialstatus: 'RINGING', dialstring: '' },
      { type: 'hangupRequest', timestamp: '', channelId: 'c', cause: 32, soft: true },
      { type: 'destroyed', timestamp: '', channelId: 'c', cause: 16, causeTxt: 'Normal Clearing', lost: false },
    ];
    expect(classifyOutcome(cancelled)).toMatchObject({ outcome: 'our-hangup', hungUpBy: 'us' });
  });

  it('carries the AMD verdict and cause', () => {
    const row = OUTCOME_TABLE.find((r) => r.name === 'originate-amd-machine')!;
    expect(classifyOutcome(eventsForRow(row)).amd).toEqual({ status: 'MACHINE', cause: 'MAXWORDS-3-2' });
  });
});

// Replays the raw Asterisk recordings when shared/ari-observed is beside the clone (as in CI).
const observedDir = resolve(process.cwd(), process.env.ARI_OBSERVED_DIR ?? '../shared/ari-observed', 'events');
const recordings = existsSync(observedDir) ? readdirSync(observedDir).filter((f) => f.endsWith('.json')) : [];

(recordings.length > 0 ? describe : describe.skip)('classifyOutcome over recorded Asterisk events', () => {
  it('has a table row for every recording', () => {
    const names = new Set(OUTCOME_TABLE.map((r) => r.name));
    expect(recordings.map((f) => f.replace(/\.json$/, '')).filter((n) => !names.has(n))).toEqual([]);
  });

  it.each(recordings.map((f) => [f]))('%s', (file) => {
    const rec = JSON.parse(readFileSync(join(observedDir, file), 'utf8')) as {
      name: string;
      events: { event: RawAriEvent }[];
      originateResponse?: { id: string };
      createResponse?: { id: string };
    };
    const row = OUTCOME_TABLE.find((r) => r.name === rec.name);
    if (!row) throw new Error(`no OUTCOME_TABLE row for ${rec.name}`);
    const events = rec.events.map((e) => mapAriEvent(e.event)).filter((e): e is TelephonyEvent => e !== undefined);
    const channelId = rec.originateResponse?.id ?? rec.createResponse?.id;
    const result = classifyOutcome(events, channelId ? { channelId } : {});
    expect({ outcome: result.outcome, hungUpBy: result.hungUpBy }).toEqual({
      outcome: row.expected,
      hungUpBy: row.expectedHungUpBy,
    });
  });
});
