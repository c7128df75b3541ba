import { describe, expect, it } from '@jest/globals';
import type { ChannelSummary, TelephonyEvent, TelephonyPort } from '@app/ari';
import type { CallEvent } from '@app/dialer-core';
import { AriCallPort } from './ari-call-port';
import type { AttemptStore } from './pg-attempt-sink';
import type { PgLease } from './pg-contact-source';

const ts = '2026-11-27T10:00:00.000+0000';

function fakeTelephony(): { port: TelephonyPort; emit(e: TelephonyEvent): void; calls: string[] } {
  const listeners = new Set<(e: TelephonyEvent) => void>();
  const calls: string[] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]): Promise<never> => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      return undefined as never;
    };
  const port = {
    start: record('start'),
    stop: record('stop'),
    status: () => 'up',
    onStatus: () => () => undefined,
    subscribe: (l: (e: TelephonyEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    originate: async (cmd: { channelId: string }) => {
      calls.push(`originate ${JSON.stringify(cmd)}`);
      return { id: cmd.channelId } as ChannelSummary;
    },
    createChannel: record('createChannel'),
    dial: record('dial'),
    answer: record('answer'),
    hangup: record('hangup'),
    continueInDialplan: record('continue'),
    createBridge: record('createBridge'),
    addToBridge: record('addToBridge'),
    removeFromBridge: record('removeFromBridge'),
    destroyBridge: record('destroyBridge'),
    play: record('play'),
    stopPlayback: record('stopPlayback'),
    startRecording: record('startRecording'),
    stopRecording: record('stopRecording'),
    listChannels: async () => [],
    listBridges: async () => [],
  } as unknown as TelephonyPort;
  return { port, emit: (e) => listeners.forEach((l) => l(e)), calls };
}

function fakeStore(log: string[]): AttemptStore {
  return {
    insertQueued: async (callId: string) => {
      log.push(`insert ${callId}`);
    },
    patch: async (callId: string, cols: Record<string, unknown>) => {
      log.push(`patch ${callId} ${Object.keys(cols).join(',')}`);
    },
  } as unknown as AttemptStore;
}

const lease: PgLease = {
  leaseId: '1',
  contactId: 'contact-1',
  phone: '+12125550001',
  timeZone: 'UTC',
  history: { numbers: ['+12125550001'], attempts: [] },
  campaignContactId: '1',
  phoneNumberId: 'p1',
  pilot: false,
  ownerAgentId: null,
  attemptNumber: 1,
};

const channel = (id: string, state: ChannelSummary['state']): ChannelSummary => ({
  id,
  name: `PJSIP/carrier-1`,
  state,
  callerNumber: '',
  callerName: '',
  connectedNumber: '',
  dialplan: { context: 'default', exten: 's', priority: 1, app: 'Stasis', appData: 'dialer' },
  creationTime: ts,
});

function setup(amd: boolean): {
  port: AriCallPort;
  tel: ReturnType<typeof fakeTelephony>;
  events: CallEvent[];
  log: string[];
  latencies: number[];
  originate(): Promise<void>;
} {
  const tel = fakeTelephony();
  const log: string[] = [];
  const events: CallEvent[] = [];
  const latencies: number[] = [];
  const port = new AriCallPort(tel.port, fakeStore(log), {
    campaignId: 'camp',
    endpointTemplate: 'PJSIP/{number}@carrier',
    abandonMessage: () => 'dialer-abandon',
    machineMessage: () => null,
    bridgeOf: (a) => `bridge-${a}`,
    leaseOf: () => lease,
    onBridgeLatency: (ms) => latencies.push(ms),
  });
  port.subscribe((e) => events.push(e));
  return {
    port,
    tel,
    events,
    log,
    latencies,
    originate: () =>
      port.originate({
        callId: 'call-1',
        campaignId: 'camp',
        contactId: 'contact-1',
        phone: '+12125550001',
        callerId: '+442071230000',
        ringTimeoutSeconds: 20,
        amd,
      }),
  };
}

describe('AriCallPort', () => {
  it('writes the attempt row before the originate, with our channel id, caller id, timeout and ulaw', async () => {
    const s = setup(false);
    await s.originate();
    expect(s.log[0]).toBe('insert call-1');
    const o = s.tel.calls.find((c) => c.startsWith('originate'))!;
    expect(JSON.parse(o.slice('originate '.length))).toEqual({
      channelId: 'call-1',
      endpoint: 'PJSIP/+12125550001@carrier',
      appArgs: ['outbound', 'camp'],
      callerId: '+442071230000',
      timeoutSeconds: 20,
      formats: 'ulaw',
    });
  });

  it('without AMD: ringing, then answered (unknown) on StasisStart; bridging is one addToBridge into the agent bridge', async () => {
    const s = setup(false);
    await s.originate();
    s.tel.emit({ type: 'dial', timestamp: ts, channelId: 'call-1', dialstatus: 'RINGING', dialstring: 'x' });
    s.tel.emit({
      type: 'stasisStart',
      timestamp: ts,
      channelId: 'call-1',
      args: ['outbound', 'camp'],
      channel: channel('call-1', 'Up'),
    });
    expect(s.events.map((e) => e.type)).toEqual(['ringing', 'answered']);
    expect(s.events[1]).toMatchObject({ amd: 'unknown' });
    await s.port.bridge('call-1', 'agent-7');
    expect(s.tel.calls).toContain('addToBridge ["bridge-agent-7",["call-1"]]');
    expect(s.events[2]).toMatchObject({ type: 'bridged', callId: 'call-1' });
    expect(s.latencies).toHaveLength(1);
  });

  it('with AMD: continues to dialer-amd and reports the verdict of the second StasisStart', async () => {
    const s = setup(true);
    await s.originate();
    s.tel.emit({
      type: 'stasisStart',
      timestamp: ts,
      channelId: 'call-1',
      args: ['outbound'],
      channel: channel('call-1', 'Up'),
    });
    await Promise.resolve();
    expect(s.tel.calls.some((c) => c.startsWith('continue') && c.includes('"context":"dialer-amd"'))).toBe(true);
    expect(s.events).toEqual([]);
    s.tel.emit({
      type: 'stasisStart',
      timestamp: ts,
      channelId: 'call-1',
      args: ['amd', 'MACHINE', 'MAXWORDS-3-2'],
      channel: channel('call-1', 'Up'),
    });
    expect(s.events).toEqual([{ type: 'answered', callId: 'call-1', amd: 'machine' }]);
  });

  it('classifies unanswered calls from the dial status first (busy), then the cause', async () => {
    const s = setup(false);
    await s.originate();
    s.tel.emit({ type: 'dial', timestamp: ts, channelId: 'call-1', dialstatus: 'BUSY', dialstring: 'x' });
    s.tel.emit({
      type: 'destroyed',
      timestamp: ts,
      channelId: 'call-1',
      cause: 17,
      causeTxt: 'User busy',
      lost: false,
    });
    expect(s.events).toEqual([{ type: 'failed', callId: 'call-1', outcome: 'busy', cause: '17' }]);
    expect(s.port.takeDetail('call-1')).toMatchObject({ dialStatus: 'BUSY', cause: 17 });

    const r = setup(false);
    await r.originate();
    r.tel.emit({ type: 'dial', timestamp: ts, channelId: 'call-1', dialstatus: 'NOANSWER', dialstring: 'x' });
    r.tel.emit({
      type: 'destroyed',
      timestamp: ts,
      channelId: 'call-1',
      cause: 21,
      causeTxt: 'Call Rejected',
      lost: false,
    });
    expect(r.events).toEqual([{ type: 'failed', callId: 'call-1', outcome: 'failed', cause: '21' }]);
    expect(r.port.takeDetail('call-1')).toMatchObject({ outcome: 'rejected' });
  });

  it('reports congestion as its own outcome (Dial CONGESTION with cause 0, or a SIP 503 cause 34)', async () => {
    const s = setup(false);
    await s.originate();
    s.tel.emit({ type: 'dial', timestamp: ts, channelId: 'call-1', dialstatus: 'CONGESTION', dialstring: 'x' });
    s.tel.emit({ type: 'destroyed', timestamp: ts, channelId: 'call-1', cause: 0, causeTxt: 'Unknown', lost: false });
    expect(s.events).toEqual([{ type: 'failed', callId: 'call-1', outcome: 'congestion', cause: '0' }]);

    const r = setup(false);
    await r.originate();
    r.tel.emit({ type: 'hangupRequest', timestamp: ts, channelId: 'call-1', soft: false, cause: 34, techCause: 503 });
    r.tel.emit({
      type: 'destroyed',
      timestamp: ts,
      channelId: 'call-1',
      cause: 34,
      causeTxt: 'Circuit/channel congestion',
      lost: false,
    });
    expect(r.events).toEqual([{ type: 'failed', callId: 'call-1', outcome: 'congestion', cause: '34' }]);
  });

  it('plays the abandon message, then hangs up when it has finished', async () => {
    const s = setup(false);
    await s.originate();
    s.tel.emit({
      type: 'stasisStart',
      timestamp: ts,
      channelId: 'call-1',
      args: ['outbound'],
      channel: channel('call-1', 'Up'),
    });
    await s.port.playAbandonMessage('call-1');
    expect(s.tel.calls.find((c) => c.startsWith('play'))).toContain('"media":"sound:dialer-abandon"');
    expect(s.tel.calls.some((c) => c.startsWith('hangup'))).toBe(false);
    s.tel.emit({
      type: 'playbackFinished',
      timestamp: ts,
      playbackId: 'call-1-abandon',
      mediaUri: 'sound:dialer-abandon',
      targetUri: 'channel:call-1',
      channelId: 'call-1',
      state: 'done',
    });
    await Promise.resolve();
    expect(s.tel.calls.some((c) => c.startsWith('hangup ["call-1"'))).toBe(true);
    s.port.close();
  });
});
