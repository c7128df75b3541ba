import { CallingRules, nextWindowOpening, isWithinWindow } from '../compliance/calling-window';
import { AttemptResult, decideNextStep, Disposition, NextStep, RetryPolicy } from '../compliance/retry-policy';
import { Pacer, PacingSnapshot } from '../pacing/pacer';
import { AgentMachine } from '../state/agent-state';
import { AmdResult, CallMachine, CallState } from '../state/call-state';
import { Transition } from '../state/transition';
import { AgentEntry, AgentRegistry } from './agent-registry';
import { CallEvent, ContactLease, EnginePorts, MaybePromise, TimerHandle } from './ports';

export interface DialerEngineConfig {
  campaignId: string;
  callerId?: string;
  ringTimeoutSeconds: number;
  /** A person-answered call that no agent takes within this is abandoned (regulation: 2 s). */
  abandonAfterMs: number;
  /** What to do when AMD says machine. */
  machineRule: 'hangup' | 'leave-message';
  /** AMD `unknown` verdicts: treat as a person (safe for abandons: they get an agent) or as a machine. */
  unknownAmdAs: 'human' | 'machine';
  amd: boolean;
  /** Wrap-up ends with the agent's disposition or after this many seconds, whichever comes first. */
  wrapUpSeconds: number;
  /** Disposition recorded when wrap-up times out. */
  wrapUpTimeoutDisposition: Disposition;
  tickMs: number;
  retryPolicy: RetryPolicy;
  /** If given, the engine re-checks the calling window just before dialing (the source filters, this is a backstop). */
  callingRules?: CallingRules;
}

export const defaultEngineConfig: Omit<DialerEngineConfig, 'campaignId' | 'retryPolicy'> = {
  ringTimeoutSeconds: 20,
  abandonAfterMs: 2000,
  machineRule: 'hangup',
  unknownAmdAs: 'human',
  amd: true,
  wrapUpSeconds: 120,
  wrapUpTimeoutDisposition: { code: 'WRAP_TIMEOUT', category: 'contact' },
  tickMs: 1000,
};

interface LiveCall {
  id: string;
  lease: ContactLease;
  state: CallState;
  agentId?: string;
  abandonTimer?: TimerHandle;
  waiting: boolean;
  done: boolean;
  hangupCause?: string;
  /** Dialed for one agent (`dialFor`): that agent is reserved from the dial on. */
  preassigned?: boolean;
}

/** Runs `fn` at once for plain values and after resolution for promises, so simulated runs stay synchronous. */
function after<T>(v: MaybePromise<T>, fn: (t: T) => void, onError: (e: unknown) => void): void {
  if (v instanceof Promise) {
    v.then(fn, onError);
    return;
  }
  try {
    fn(v);
  } catch (e) {
    onError(e);
  }
}

/**
 * One campaign's dialing loop: each tick asks the pacer how many calls to place, claims that many contacts and
 * originates them; answers by a person go to the longest-idle ready agent at once, or wait up to the abandon limit for
 * one and are then abandoned with the message. Pure logic over ports: same code in the benchmark and in production.
 */
export class DialerEngine {
  readonly agents: AgentRegistry;
  private readonly calls = new Map<string, LiveCall>();
  private readonly waitingQueue: string[] = [];
  private readonly wrapTimers = new Map<string, TimerHandle>();
  private tickTimer?: TimerHandle;
  private pendingClaims = 0;
  private seq = 0;
  private running = false;
  readonly cfg: DialerEngineConfig;

  constructor(
    cfg: Pick<DialerEngineConfig, 'campaignId' | 'retryPolicy'> & Partial<DialerEngineConfig>,
    private readonly ports: EnginePorts,
    readonly pacer: Pacer,
  ) {
    this.cfg = { ...defaultEngineConfig, ...cfg };
    this.agents = new AgentRegistry((id, from, to) => ports.observer?.agentChanged?.(id, from, to));
    ports.calls.subscribe((e) => this.handleCallEvent(e));
  }

  private now(): number {
    return this.ports.clock.now();
  }

  private fail(where: string): (e: unknown) => void {
    return (e) => this.ports.observer?.error?.(e, where);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.scheduleTick();
  }

  /** Stops placing calls; calls in progress and agents carry on. */
  stop(): void {
    this.running = false;
    if (this.tickTimer !== undefined) this.ports.clock.clearTimer(this.tickTimer);
    this.tickTimer = undefined;
  }

  private scheduleTick(): void {
    this.tickTimer = this.ports.clock.setTimer(this.cfg.tickMs, () => {
      if (!this.running) return;
      this.tick();
      this.scheduleTick();
    });
  }

  // ---- agents -------------------------------------------------------------------------------------------------

  agentLogin(agentId: string): Transition<unknown> {
    const a = this.agents.ensure(agentId, this.now());
    const t = this.agents.apply(a, AgentMachine.login(a.state, this.now()));
    if (t.ok) this.agentBecameReady(a);
    return t;
  }

  agentLogout(agentId: string): Transition<unknown> {
    const a = this.agents.ensure(agentId, this.now());
    this.clearWrapTimer(agentId);
    return this.agents.apply(a, AgentMachine.logout(a.state, this.now()));
  }

  agentPause(agentId: string, reason: string): Transition<unknown> {
    const a = this.agents.ensure(agentId, this.now());
    const wasWrap = a.state.kind === 'wrap-up' ? a.state.callId : undefined;
    const t = this.agents.apply(a, AgentMachine.pause(a.state, reason, this.now()));
    if (t.ok && wasWrap) this.finishWrapUp(agentId, wasWrap, this.cfg.wrapUpTimeoutDisposition);
    return t;
  }

  agentResume(agentId: string): Transition<unknown> {
    const a = this.agents.ensure(agentId, this.now());
    const t = this.agents.apply(a, AgentMachine.resume(a.state, this.now()));
    if (t.ok) this.agentBecameReady(a);
    return t;
  }

  /** The agent's disposition for the call they wrapped up: settles the contact and makes the agent ready. */
  submitDisposition(agentId: string, disposition: Disposition): Transition<unknown> {
    const a = this.agents.ensure(agentId, this.now());
    if (a.state.kind !== 'wrap-up') return AgentMachine.dispose(a.state, this.now());
    const callId = a.state.callId;
    const t = this.agents.apply(a, AgentMachine.dispose(a.state, this.now()));
    if (t.ok) {
      this.finishWrapUp(agentId, callId, disposition);
      this.agentBecameReady(a);
    }
    return t;
  }

  private finishWrapUp(agentId: string, callId: string, disposition: Disposition): void {
    this.clearWrapTimer(agentId);
    const call = this.calls.get(callId);
    const wrapStarted = call?.state.at.ended;
    if (wrapStarted != null)
      this.pacer.observe({ kind: 'wrap-ended', at: this.now(), seconds: (this.now() - wrapStarted) / 1000 });
    if (call) this.finalize(call, { kind: 'disposition', disposition }, disposition);
  }

  private clearWrapTimer(agentId: string): void {
    const t = this.wrapTimers.get(agentId);
    if (t !== undefined) this.ports.clock.clearTimer(t);
    this.wrapTimers.delete(agentId);
  }

  /** A newly ready agent takes the oldest waiting answered call first. */
  private agentBecameReady(a: AgentEntry): void {
    // Inbound has priority over outbound calls waiting for an agent.
    if (a.state.kind === 'ready' && this.ports.inbound?.agentReady(a.id, this.now())) {
      this.agents.apply(a, AgentMachine.pause(a.state, 'inbound', this.now()));
      return;
    }
    while (this.waitingQueue.length > 0 && a.state.kind === 'ready') {
      const callId = this.waitingQueue.shift()!;
      const call = this.calls.get(callId);
      if (!call || call.done || !call.waiting) continue;
      this.connect(call, a);
    }
  }

  // ---- pacing -------------------------------------------------------------------------------------------------

  snapshot(): PacingSnapshot & { readyElapsed: number[] } {
    const now = this.now();
    const s = {
      now,
      ready: 0,
      reserved: 0,
      paused: 0,
      talkingElapsed: [] as number[],
      wrapElapsed: [] as number[],
      readyElapsed: [] as number[],
      dialingElapsed: [] as number[],
      waiting: 0,
    };
    for (const a of this.agents.all()) {
      const st = a.state;
      switch (st.kind) {
        case 'ready':
          s.ready++;
          s.readyElapsed.push((now - st.since) / 1000);
          break;
        case 'reserved':
          s.reserved++;
          break;
        case 'talking':
          s.talkingElapsed.push((now - st.since) / 1000);
          break;
        case 'wrap-up':
          s.wrapElapsed.push((now - st.since) / 1000);
          break;
        case 'paused':
          s.paused++;
          break;
        case 'offline':
          break;
      }
    }
    for (const c of this.calls.values()) {
      const ph = c.state.phase;
      if (ph === 'queued' || ph === 'originating' || ph === 'ringing' || ph === 'amd-pending') {
        s.dialingElapsed.push((now - (c.state.at.originated ?? c.state.at.queued)) / 1000);
      } else if (c.waiting) {
        s.waiting++;
      }
    }
    for (let i = 0; i < this.pendingClaims; i++) s.dialingElapsed.push(0);
    return s;
  }

  /** One pacing step; the timer calls it every `tickMs`, tests may call it directly. */
  tick(): void {
    const n = this.pacer.decide(this.snapshot());
    if (n <= 0) return;
    this.pendingClaims += n;
    const now = this.now();
    after(
      this.ports.contacts.claim(n, now),
      (leases) => {
        this.pendingClaims -= n;
        for (const lease of leases) this.dial(lease);
        this.ports.observer?.dialsPlaced?.(leases.length, now);
      },
      (e) => {
        this.pendingClaims -= n;
        this.fail('claim')(e);
      },
    );
  }

  /** A fresh call id (the adapter uses it as the channel id); `dialFor` callers may take one in advance. */
  nextCallId(): string {
    return `${this.cfg.campaignId}-${this.now().toString(36)}-${(this.seq++).toString(36)}`;
  }

  /**
   * Dials `lease` for one ready agent (preview mode, or a callback promised by that agent): the agent is reserved
   * for the call at once and gets it if a person answers; any other end makes them ready again.
   */
  dialFor(lease: ContactLease, agentId: string, callId: string = this.nextCallId()): Transition<unknown> {
    const a = this.agents.ensure(agentId, this.now());
    const t = this.agents.apply(a, AgentMachine.reserve(a.state, callId, this.now()));
    if (t.ok) this.dial(lease, { callId, agentId });
    return t;
  }

  private releasePreassigned(call: LiveCall): void {
    if (!call.preassigned || !call.agentId) return;
    const agent = this.agents.get(call.agentId);
    if (agent && agent.state.kind === 'reserved' && agent.state.callId === call.id) {
      this.agents.apply(agent, AgentMachine.unreserve(agent.state, this.now()));
      this.agentBecameReady(agent);
    }
  }

  private dial(lease: ContactLease, pre?: { callId: string; agentId: string }): void {
    const now = this.now();
    const id = pre?.callId ?? this.nextCallId();
    const call: LiveCall = { id, lease, state: CallMachine.queued(now), waiting: false, done: false };
    if (pre) {
      call.agentId = pre.agentId;
      call.preassigned = true;
    }
    this.calls.set(id, call);
    const rules = this.cfg.callingRules;
    if (rules && !isWithinWindow(rules, lease.timeZone, now, this.cfg.ringTimeoutSeconds)) {
      const t = CallMachine.failed(call.state, 'rejected-by-rule', now);
      if (t.ok) call.state = t.state;
      this.releasePreassigned(call);
      const at = nextWindowOpening(rules, lease.timeZone, now, this.cfg.ringTimeoutSeconds);
      this.settle(call, at != null ? { kind: 'retry-at', at, phone: lease.phone } : { kind: 'exhausted' });
      return;
    }
    this.move(call, CallMachine.originate(call.state, now));
    after(
      this.ports.calls.originate({
        callId: id,
        campaignId: this.cfg.campaignId,
        contactId: lease.contactId,
        phone: lease.phone,
        callerId: this.cfg.callerId,
        ringTimeoutSeconds: this.cfg.ringTimeoutSeconds,
        amd: this.cfg.amd,
      }),
      () => undefined,
      (e) => {
        this.fail('originate')(e);
        this.handleCallEvent({ type: 'failed', callId: id, outcome: 'failed', cause: 'originate-error' });
      },
    );
  }

  // ---- calls --------------------------------------------------------------------------------------------------

  private move(call: LiveCall, t: Transition<CallState>): boolean {
    if (t.ok) call.state = t.state;
    else this.ports.observer?.error?.(t.error, `call ${call.id}`);
    return t.ok;
  }

  handleCallEvent(e: CallEvent): void {
    const call = this.calls.get(e.callId);
    if (!call || call.done) return;
    const at = e.at ?? this.now();
    switch (e.type) {
      case 'ringing':
        this.move(call, CallMachine.ringing(call.state, at));
        return;
      case 'answered':
        this.onAnswered(call, e.amd, at);
        return;
      case 'failed': {
        const originated = call.state.at.originated ?? at;
        if (!this.move(call, CallMachine.failed(call.state, e.outcome, at))) return;
        this.pacer.observe({ kind: 'dial-resolved', at, seconds: (at - originated) / 1000, human: false });
        this.releasePreassigned(call);
        this.finalize(call, { kind: 'outcome', outcome: e.outcome });
        return;
      }
      case 'bridged':
        this.onBridged(call, at);
        return;
      case 'hungup':
        this.onHungup(call, at, e.cause);
        return;
    }
  }

  private onAnswered(call: LiveCall, amd: AmdResult, at: number): void {
    const originated = call.state.at.originated ?? at;
    if (!this.move(call, CallMachine.answered(call.state, amd, at))) return;
    const human = amd === 'human' || (amd === 'unknown' && this.cfg.unknownAmdAs === 'human');
    this.pacer.observe({ kind: 'dial-resolved', at, seconds: (at - originated) / 1000, human });
    if (!human) {
      this.releasePreassigned(call);
      this.move(call, CallMachine.machineHandled(call.state));
      const act =
        this.cfg.machineRule === 'leave-message'
          ? this.ports.calls.leaveMachineMessage(call.id)
          : this.ports.calls.hangup(call.id, 'machine');
      after(act, () => undefined, this.fail('machine'));
      return;
    }
    if (call.preassigned && call.agentId) {
      // The agent was reserved when the dial started: bridge straight away.
      this.pacer.observe({ kind: 'connected', at: this.now() });
      const agentId = call.agentId;
      after(
        this.ports.calls.bridge(call.id, agentId),
        () => undefined,
        (e) => {
          this.fail('bridge')(e);
          void this.ports.calls.hangup(call.id, 'bridge-failed');
        },
      );
      return;
    }
    const agent = this.agents.longestIdle();
    if (agent) {
      this.connect(call, agent);
      return;
    }
    call.waiting = true;
    this.waitingQueue.push(call.id);
    const left = Math.max(0, this.cfg.abandonAfterMs - (this.now() - at));
    call.abandonTimer = this.ports.clock.setTimer(left, () => this.abandon(call));
  }

  private connect(call: LiveCall, agent: AgentEntry): void {
    const now = this.now();
    if (!this.agents.apply(agent, AgentMachine.reserve(agent.state, call.id, now)).ok) return;
    if (call.abandonTimer !== undefined) this.ports.clock.clearTimer(call.abandonTimer);
    call.abandonTimer = undefined;
    call.waiting = false;
    call.agentId = agent.id;
    this.pacer.observe({ kind: 'connected', at: now });
    after(
      this.ports.calls.bridge(call.id, agent.id),
      () => undefined,
      (e) => {
        this.fail('bridge')(e);
        void this.ports.calls.hangup(call.id, 'bridge-failed');
      },
    );
  }

  private abandon(call: LiveCall): void {
    if (call.done || !call.waiting) return;
    call.waiting = false;
    call.abandonTimer = undefined;
    this.move(call, CallMachine.abandoned(call.state));
    this.pacer.observe({ kind: 'abandoned', at: this.now() });
    after(this.ports.calls.playAbandonMessage(call.id), () => undefined, this.fail('abandon-message'));
  }

  private onBridged(call: LiveCall, at: number): void {
    if (!call.agentId) return;
    const agent = this.agents.get(call.agentId);
    if (!agent) return;
    this.move(call, CallMachine.bridged(call.state, call.agentId, at));
    this.agents.apply(agent, AgentMachine.bridged(agent.state, call.id, at));
  }

  private onHungup(call: LiveCall, at: number, cause?: string): void {
    const phase = call.state.phase;
    const agent = call.agentId ? this.agents.get(call.agentId) : undefined;
    if (call.waiting) {
      // The person hung up before an agent came: an abandon all the same.
      call.waiting = false;
      if (call.abandonTimer !== undefined) this.ports.clock.clearTimer(call.abandonTimer);
      this.move(call, CallMachine.abandoned(call.state));
      this.pacer.observe({ kind: 'abandoned', at });
    }
    const bridgedAt = call.state.at.bridged;
    if (!this.move(call, CallMachine.ended(call.state, at))) return;
    if (cause) call.hangupCause = cause;
    if (phase === 'bridged' && agent && agent.state.kind === 'talking' && agent.state.callId === call.id) {
      if (bridgedAt != null) this.pacer.observe({ kind: 'talk-ended', at, seconds: (at - bridgedAt) / 1000 });
      this.agents.apply(agent, AgentMachine.hangup(agent.state, at, this.cfg.wrapUpSeconds));
      const agentId = agent.id;
      this.wrapTimers.set(
        agentId,
        this.ports.clock.setTimer(this.cfg.wrapUpSeconds * 1000, () => {
          this.wrapTimers.delete(agentId);
          const a = this.agents.get(agentId);
          if (!a || a.state.kind !== 'wrap-up' || a.state.callId !== call.id) return;
          if (this.agents.apply(a, AgentMachine.wrapUpTimeout(a.state, this.now())).ok) {
            this.finishWrapUp(agentId, call.id, this.cfg.wrapUpTimeoutDisposition);
            this.agentBecameReady(a);
          }
        }),
      );
      return; // the attempt is final once the disposition is in
    }
    if (agent && agent.state.kind === 'reserved' && agent.state.callId === call.id) {
      // Hung up during the bridge set-up: the agent never talked, so they are ready again at once.
      this.agents.apply(agent, AgentMachine.unreserve(agent.state, at));
      this.agentBecameReady(agent);
    }
    const outcome = call.state.outcome;
    const result: AttemptResult =
      outcome === 'machine' || outcome === 'abandoned' || outcome === 'busy' || outcome === 'no-answer'
        ? { kind: 'outcome', outcome }
        : outcome === 'answered-human'
          ? { kind: 'disposition', disposition: { code: 'HANGUP_BEFORE_TALK', category: 'no-contact' } }
          : { kind: 'outcome', outcome: 'failed' };
    this.finalize(call, result);
  }

  private finalize(call: LiveCall, result: AttemptResult, disposition?: Disposition): void {
    const next = decideNextStep(this.cfg.retryPolicy, call.lease.history, call.lease.phone, result, this.now());
    this.settle(call, next, disposition);
  }

  private settle(call: LiveCall, next: NextStep, disposition?: Disposition): void {
    if (call.done) return;
    call.done = true;
    this.calls.delete(call.id);
    const s = call.state;
    after(
      this.ports.attempts.record({
        callId: call.id,
        campaignId: this.cfg.campaignId,
        contactId: call.lease.contactId,
        phone: call.lease.phone,
        at: s.at,
        outcome: s.outcome ?? 'failed',
        amd: s.amd,
        hangupCause: call.hangupCause,
        agentId: call.agentId,
        disposition,
        next,
      }),
      () => undefined,
      this.fail('attempt-record'),
    );
    after(this.ports.contacts.settle(call.lease, next, this.now()), () => undefined, this.fail('settle'));
  }

  /** Calls not yet final (for tests and dashboards). */
  liveCalls(): number {
    return this.calls.size;
  }
}
