import { describe, expect, it } from '@jest/globals';
import { defaultRetryPolicy } from '../compliance/retry-policy';
import { Pacer, PacingObservation, PacingSnapshot } from '../pacing/pacer';
import { DialerEngine, DialerEngineConfig } from './dialer-engine';
import { AttemptRecord, CallEvent, CallPort, Clock, ContactLease, ContactSource, OriginateRequest } from './ports';

/** Manual clock: time moves only when the test says so. */
class FakeClock implements Clock {
  t = Date.parse('2026-05-05T14:00:00Z');
  private timers: { at: number; fn: () => void; id: number; live: boolean }[] = [];
  private seq = 0;
  now(): number {
    return this.t;
  }
  setTimer(delayMs: number, fn: () => void): unknown {
    const e = { at: this.t + delayMs, fn, id: this.seq++, live: true };
    this.timers.push(e);
    return e;
  }
  clearTimer(h: unknown): void {
    (h as { live: boolean }).live = false;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((e) => e.live && e.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      due.live = false;
      this.t = due.at;
      due.fn();
    }
    this.t = end;
  }
}

class FakeCalls implements CallPort {
  listener: (e: CallEvent) => void = () => undefined;
  originated: OriginateRequest[] = [];
  bridged: [string, string][] = [];
  abandonMessages: string[] = [];
  machineMessages: string[] = [];
  hangups: string[] = [];
  subscribe(l: (e: CallEvent) => void): void {
    this.listener = l;
  }
  originate(req: OriginateRequest): void {
    this.originated.push(req);
  }
  bridge(callId: string, agentId: string): void {
    this.bridged.push([callId, agentId]);
  }
  playAbandonMessage(callId: string): void {
    this.abandonMessages.push(callId);
  }
  leaveMachineMessage(callId: string): void {
    this.machineMessages.push(callId);
  }
  hangup(callId: string): void {
    this.hangups.push(callId);
  }
  emit(e: CallEvent): void {
    this.listener(e);
  }
}

class FakeContacts implements ContactSource {
  private n = 0;
  settled: { lease: ContactLease; kind: string }[] = [];
  claim(n: number): ContactLease[] {
    return Array.from({ length: n }, () => {
      const i = this.n++;
      return {
        leaseId: `l${i}`,
        contactId: `c${i}`,
        phone: `+1212555${String(i).padStart(4, '0')}`,
        timeZone: 'America/New_York',
        history: { numbers: [`+1212555${String(i).padStart(4, '0')}`], attempts: [] },
      };
    });
  }
  settle(lease: ContactLease, step: { kind: string }): void {
    this.settled.push({ lease, kind: step.kind });
  }
}

/** Places exactly the calls the test queues, and records what the engine told it. */
class ScriptedPacer implements Pacer {
  readonly mode = 'progressive' as const;
  queue: number[] = [];
  observed: PacingObservation[] = [];
  decide(_s: PacingSnapshot): number {
    return this.queue.shift() ?? 0;
  }
  observe(o: PacingObservation): void {
    this.observed.push(o);
  }
}

function anEngine(cfg: Partial<DialerEngineConfig> = {}) {
  const clock = new FakeClock();
  const calls = new FakeCalls();
  const contacts = new FakeContacts();
  const attempts: AttemptRecord[] = [];
  const pacer = new ScriptedPacer();
  const engine = new DialerEngine(
    { campaignId: 'camp', retryPolicy: defaultRetryPolicy, wrapUpSeconds: 30, ...cfg },
    { clock, calls, contacts, attempts: { record: (r) => void attempts.push(r) } },
    pacer,
  );
  const dial = (): string => {
    pacer.queue.push(1);
    engine.tick();
    return calls.originated[calls.originated.length - 1].callId;
  };
  return { clock, calls, contacts, attempts, pacer, engine, dial };
}

describe('DialerEngine', () => {
  it('bridges a person to the longest-idle ready agent at once', () => {
    const { engine, calls, clock, dial } = anEngine();
    engine.agentLogin('early');
    clock.advance(5000);
    engine.agentLogin('late');
    const id = dial();
    calls.emit({ type: 'ringing', callId: id });
    clock.advance(8000);
    calls.emit({ type: 'answered', callId: id, amd: 'human' });
    expect(calls.bridged).toEqual([[id, 'early']]);
    expect(engine.agents.get('early')!.state.kind).toBe('reserved');
    calls.emit({ type: 'bridged', callId: id });
    expect(engine.agents.get('early')!.state.kind).toBe('talking');
    expect(calls.abandonMessages).toEqual([]);
  });

  it('abandons with the message when no agent frees up within 2 s of the answer', () => {
    const { engine, calls, clock, dial, attempts, pacer } = anEngine();
    engine.agentLogin('a');
    const first = dial();
    calls.emit({ type: 'answered', callId: first, amd: 'human' });
    calls.emit({ type: 'bridged', callId: first });
    const second = dial();
    calls.emit({ type: 'answered', callId: second, amd: 'human' });
    clock.advance(1999);
    expect(calls.abandonMessages).toEqual([]);
    clock.advance(1);
    expect(calls.abandonMessages).toEqual([second]);
    expect(pacer.observed.filter((o) => o.kind === 'abandoned')).toHaveLength(1);
    calls.emit({ type: 'hungup', callId: second });
    expect(attempts.find((r) => r.callId === second)).toMatchObject({
      outcome: 'abandoned',
      next: { kind: 'retry-at' },
    });
  });

  it('gives a waiting person to an agent who becomes ready within the 2 s', () => {
    const { engine, calls, clock, dial } = anEngine();
    engine.agentLogin('a');
    const first = dial();
    calls.emit({ type: 'answered', callId: first, amd: 'human' });
    calls.emit({ type: 'bridged', callId: first });
    calls.emit({ type: 'hungup', callId: first });
    expect(engine.agents.get('a')!.state.kind).toBe('wrap-up');
    const second = dial();
    calls.emit({ type: 'answered', callId: second, amd: 'human' });
    clock.advance(1500);
    engine.submitDisposition('a', { code: 'SALE', category: 'success' });
    expect(calls.bridged.map(([c]) => c)).toEqual([first, second]);
    clock.advance(5000);
    expect(calls.abandonMessages).toEqual([]);
  });

  it('hangs up on machines by default and never bridges them', () => {
    const { engine, calls, dial, attempts } = anEngine();
    engine.agentLogin('a');
    const id = dial();
    calls.emit({ type: 'answered', callId: id, amd: 'machine' });
    expect(calls.hangups).toEqual([id]);
    expect(calls.bridged).toEqual([]);
    expect(engine.agents.get('a')!.state.kind).toBe('ready');
    calls.emit({ type: 'hungup', callId: id });
    expect(attempts[0]).toMatchObject({ outcome: 'machine', amd: 'machine' });
  });

  it('leaves a message on machines when the campaign says so', () => {
    const { engine, calls, dial } = anEngine({ machineRule: 'leave-message' });
    engine.agentLogin('a');
    const id = dial();
    calls.emit({ type: 'answered', callId: id, amd: 'machine' });
    expect(calls.machineMessages).toEqual([id]);
    expect(calls.hangups).toEqual([]);
  });

  it('ends wrap-up after the campaign wrap-up time and records the attempt with all timestamps', () => {
    const { engine, calls, clock, dial, attempts, contacts } = anEngine({ wrapUpSeconds: 30 });
    engine.agentLogin('a');
    const id = dial();
    clock.advance(1000);
    calls.emit({ type: 'ringing', callId: id });
    clock.advance(1000);
    calls.emit({ type: 'answered', callId: id, amd: 'human' });
    clock.advance(300);
    calls.emit({ type: 'bridged', callId: id });
    clock.advance(60000);
    calls.emit({ type: 'hungup', callId: id });
    expect(attempts).toHaveLength(0); // waits for the disposition
    clock.advance(29999);
    expect(engine.agents.get('a')!.state.kind).toBe('wrap-up');
    clock.advance(1);
    expect(engine.agents.get('a')!.state.kind).toBe('ready');
    const r = attempts[0];
    expect(r.outcome).toBe('answered-human');
    expect(r.disposition?.code).toBe('WRAP_TIMEOUT');
    expect(r.at.ringing! - r.at.originated!).toBe(1000);
    expect(r.at.bridged! - r.at.answered!).toBe(300);
    expect(r.at.ended! - r.at.bridged!).toBe(60000);
    expect(contacts.settled[0].kind).toBe('done');
  });

  it('settles failed dials through the retry policy', () => {
    const { engine, calls, dial, contacts, attempts } = anEngine();
    engine.agentLogin('a');
    const id = dial();
    calls.emit({ type: 'failed', callId: id, outcome: 'busy' });
    expect(attempts[0].outcome).toBe('busy');
    expect(contacts.settled[0].kind).toBe('retry-at');
  });

  it('reports what it knows to the pacer: dialing calls and busy agents', () => {
    const { engine, calls, clock, dial } = anEngine();
    engine.agentLogin('a');
    engine.agentLogin('b');
    const id = dial();
    dial();
    clock.advance(4000);
    calls.emit({ type: 'answered', callId: id, amd: 'human' });
    calls.emit({ type: 'bridged', callId: id });
    clock.advance(3000);
    const s = engine.snapshot();
    expect(s.ready).toBe(1);
    expect(s.talkingElapsed).toEqual([3]);
    expect(s.dialingElapsed).toEqual([7]);
  });
});

describe('DialerEngine blending hook', () => {
  it('asks the ACD first when an agent becomes ready; a claimed agent is paused for inbound', () => {
    const clock = new FakeClock();
    const calls = new FakeCalls();
    const pacer = new ScriptedPacer();
    let claim = true;
    const asked: string[] = [];
    const engine = new DialerEngine(
      { campaignId: 'camp', retryPolicy: defaultRetryPolicy },
      {
        clock,
        calls,
        contacts: new FakeContacts(),
        attempts: { record: () => undefined },
        inbound: { agentReady: (id) => (asked.push(id), claim) },
      },
      pacer,
    );
    engine.agentLogin('a');
    expect(asked).toEqual(['a']);
    expect(engine.agents.get('a')!.state).toMatchObject({ kind: 'paused', reason: 'inbound' });
    // An outbound person answers while the agent is on the inbound call: it waits for the agent.
    pacer.queue.push(1);
    engine.tick();
    const id = calls.originated[0].callId;
    calls.emit({ type: 'answered', callId: id, amd: 'human' });
    expect(calls.bridged).toEqual([]);
    claim = false;
    engine.agentResume('a');
    expect(asked).toEqual(['a', 'a']);
    expect(calls.bridged).toEqual([[id, 'a']]);
  });
});
